package fr.irev.news.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** C18: registrations posted at the same instant never over-book and are never lost. */
class RegistrationStoreConcurrencyTest {

  private StoreFixture fixture;

  @BeforeEach
  void start() throws Exception {
    fixture = new StoreFixture();
  }

  @AfterEach
  void stop() throws Exception {
    fixture.close();
  }

  private List<RegistrationResult> race(String eventId, RegistrationSettings settings, int n)
      throws Exception {
    List<Callable<RegistrationResult>> tasks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      NewRegistration person = StoreFixture.person("token-" + i, "personne" + i + "@example.fr");
      tasks.add(() -> fixture.register(eventId, settings, person));
    }
    return StoreFixture.atOnce(tasks);
  }

  private static Set<String> answered(List<RegistrationResult> results, Class<?> decision) {
    return results.stream()
        .filter(r -> r instanceof RegistrationResult.Registered)
        .map(r -> (RegistrationResult.Registered) r)
        .filter(r -> decision.isInstance(r.decision()))
        .map(r -> r.registration().id())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private Set<String> stored(String eventId, Registration.Status status) throws Exception {
    return fixture.store.registrations(eventId).stream()
        .filter(r -> r.status() == status)
        .map(Registration::id)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static long full(List<RegistrationResult> results) {
    return results.stream()
        .filter(
            r -> r instanceof RegistrationResult.Refused f && f.decision() instanceof Decision.Full)
        .count();
  }

  @Test
  void twoSeatsTenAttemptsWithoutWaitingList() throws Exception {
    for (int round = 0; round < 5; round++) {
      String event = "event-" + round;
      List<RegistrationResult> results = race(event, StoreFixture.settings(2, 0), 10);
      Set<String> confirmed = answered(results, Decision.Confirmed.class);
      assertEquals(2, confirmed.size(), "confirmed answers, round " + round);
      assertEquals(8, full(results), "full answers, round " + round);
      assertEquals(confirmed, stored(event, Registration.Status.CONFIRMED), "round " + round);
      assertEquals(2, fixture.store.registrations(event).size(), "nodes, round " + round);
    }
  }

  @Test
  void twoSeatsTenAttemptsWithWaitingListOfThree() throws Exception {
    for (int round = 0; round < 5; round++) {
      String event = "event-" + round;
      List<RegistrationResult> results = race(event, StoreFixture.settings(2, 3), 10);
      Set<String> confirmed = answered(results, Decision.Confirmed.class);
      Set<String> waiting = answered(results, Decision.Waiting.class);
      assertEquals(2, confirmed.size(), "confirmed answers, round " + round);
      assertEquals(3, waiting.size(), "waiting answers, round " + round);
      assertEquals(5, full(results), "full answers, round " + round);
      assertEquals(confirmed, stored(event, Registration.Status.CONFIRMED), "round " + round);
      assertEquals(waiting, stored(event, Registration.Status.WAITING), "round " + round);
      assertEquals(5, fixture.store.registrations(event).size(), "nodes, round " + round);
      Set<Integer> positions =
          results.stream()
              .filter(
                  r ->
                      r instanceof RegistrationResult.Registered g
                          && g.decision() instanceof Decision.Waiting)
              .map(r -> ((Decision.Waiting) ((RegistrationResult.Registered) r).decision()))
              .map(Decision.Waiting::position)
              .collect(Collectors.toCollection(TreeSet::new));
      assertEquals(Set.of(1, 2, 3), positions, "distinct waiting positions, round " + round);
    }
  }

  @Test
  void twoEventsRaceIndependently() throws Exception {
    RegistrationSettings three = StoreFixture.settings(3, 0);
    List<Callable<RegistrationResult>> tasks = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String event = i % 2 == 0 ? "pair" : "impair";
      NewRegistration person = StoreFixture.person("t" + i, "p" + i + "@example.fr");
      tasks.add(() -> fixture.register(event, three, person));
    }
    List<RegistrationResult> results = StoreFixture.atOnce(tasks);
    assertEquals(6, answered(results, Decision.Confirmed.class).size());
    assertEquals(3, stored("pair", Registration.Status.CONFIRMED).size());
    assertEquals(3, stored("impair", Registration.Status.CONFIRMED).size());
  }

  @Test
  void twoStoresOnOneRepositoryStillKeepTheCapacity() throws Exception {
    // E.g. while a servlet container restarts one servlet: two services, one repository.
    {
      RegistrationStore other =
          new RegistrationStore(() -> fixture.site.repository().login(RegistrationNodes.WORKSPACE));
      RegistrationSettings settings = StoreFixture.settings(3, 0);
      // Each store learns the event first, so both hold a ledger.
      fixture.register("deux-stores", settings, StoreFixture.person("a", "a@example.fr"));
      other.register(
          "deux-stores", settings, StoreFixture.person("b", "b@example.fr"), StoreFixture.NOW);
      List<Callable<RegistrationResult>> tasks = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        RegistrationStore store = i % 2 == 0 ? fixture.store : other;
        NewRegistration person = StoreFixture.person("t" + i, "p" + i + "@example.fr");
        tasks.add(() -> store.register("deux-stores", settings, person, StoreFixture.NOW));
      }
      List<RegistrationResult> results = StoreFixture.atOnce(tasks);
      long confirmed =
          results.stream().filter(r -> r instanceof RegistrationResult.Registered).count();
      assertEquals(1, confirmed, "one seat was left");
      assertEquals(3, fixture.store.registrations("deux-stores").size());
      assertEquals(new Occupancy(3, 0), other.occupancy("deux-stores"));
    }
  }
}
