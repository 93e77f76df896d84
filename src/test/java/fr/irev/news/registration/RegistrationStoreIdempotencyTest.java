package fr.irev.news.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** C20: a double submission is one registration; the same e-mail registers once. */
class RegistrationStoreIdempotencyTest {

  private static final String EVENT = "atelier-2025";
  private StoreFixture fixture;

  @BeforeEach
  void start() throws Exception {
    fixture = new StoreFixture();
  }

  @AfterEach
  void stop() throws Exception {
    fixture.close();
  }

  private RegistrationResult.Registered registered(RegistrationResult result) {
    return assertInstanceOf(RegistrationResult.Registered.class, result);
  }

  @Test
  void sameTokenTwiceIsOneRegistrationWithTheSameOutcome() throws Exception {
    RegistrationSettings settings = StoreFixture.settings(2, 0);
    NewRegistration marie = StoreFixture.person("tok-1", "marie@example.fr");
    var first = registered(fixture.register(EVENT, settings, marie));
    var second = registered(fixture.register(EVENT, settings, marie));
    assertFalse(first.duplicate());
    assertTrue(second.duplicate());
    assertEquals(first.registration(), second.registration());
    assertEquals(new Decision.Confirmed(), second.decision());
    assertEquals(1, fixture.store.registrations(EVENT).size());
  }

  @Test
  void sameTokenPostedConcurrentlyIsOneRegistration() throws Exception {
    RegistrationSettings settings = StoreFixture.settings(5, 0);
    NewRegistration marie = StoreFixture.person("tok-double", "marie@example.fr");
    List<Callable<RegistrationResult>> tasks = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      tasks.add(() -> fixture.register(EVENT, settings, marie));
    }
    List<RegistrationResult> results = StoreFixture.atOnce(tasks);
    List<Registration> stored = fixture.store.registrations(EVENT);
    assertEquals(1, stored.size());
    int fresh = 0;
    for (RegistrationResult result : results) {
      var r = registered(result);
      assertEquals(stored.get(0), r.registration());
      assertEquals(new Decision.Confirmed(), r.decision());
      fresh += r.duplicate() ? 0 : 1;
    }
    assertEquals(1, fresh, "exactly one answer is the original one");
  }

  @Test
  void duplicateOfAWaitingRegistrationGivesItsPositionAgain() throws Exception {
    RegistrationSettings settings = StoreFixture.settings(1, 3);
    fixture.register(EVENT, settings, StoreFixture.person("a", "a@example.fr"));
    fixture.register(EVENT, settings, StoreFixture.person("b", "b@example.fr"));
    NewRegistration c = StoreFixture.person("c", "c@example.fr");
    assertEquals(
        new Decision.Waiting(2), registered(fixture.register(EVENT, settings, c)).decision());
    var again = registered(fixture.register(EVENT, settings, c));
    assertTrue(again.duplicate());
    assertEquals(new Decision.Waiting(2), again.decision());
    assertEquals(3, fixture.store.registrations(EVENT).size());
  }

  @Test
  void sameEmailInAnotherCaseIsAlreadyRegistered() throws Exception {
    RegistrationSettings settings = StoreFixture.settings(5, 0);
    var first =
        registered(
            fixture.register(
                EVENT, settings, StoreFixture.person("t1", "Marie.Dupont@Example.fr")));
    RegistrationResult second =
        fixture.register(EVENT, settings, StoreFixture.person("t2", "  marie.dupont@EXAMPLE.FR "));
    var already = assertInstanceOf(RegistrationResult.AlreadyRegistered.class, second);
    assertEquals(first.registration(), already.existing());
    assertEquals("Marie.Dupont@Example.fr", already.existing().email());
    assertEquals("marie.dupont@example.fr", already.existing().emailKey());
    assertEquals(1, fixture.store.registrations(EVENT).size());
    registered(
        fixture.register(
            "autre-evenement", settings, StoreFixture.person("t3", "marie.dupont@example.fr")));
  }

  @Test
  void cancelPromotesTheFirstWaitingAndFreesTheEmail() throws Exception {
    RegistrationSettings settings = StoreFixture.settings(1, 2);
    var a = registered(fixture.register(EVENT, settings, StoreFixture.person("a", "a@example.fr")));
    var b = registered(fixture.register(EVENT, settings, StoreFixture.person("b", "b@example.fr")));
    var c = registered(fixture.register(EVENT, settings, StoreFixture.person("c", "c@example.fr")));
    assertEquals(new Decision.Waiting(1), b.decision());
    Cancellation done =
        fixture
            .store
            .cancel(EVENT, a.registration().id(), settings, StoreFixture.NOW)
            .orElseThrow();
    assertEquals(Registration.Status.CANCELLED, done.cancelled().status());
    assertEquals(
        List.of(b.registration().withStatus(Registration.Status.CONFIRMED)), done.promoted());
    List<Registration> stored = fixture.store.registrations(EVENT);
    assertEquals(
        List.of(
            Registration.Status.CANCELLED,
            Registration.Status.CONFIRMED,
            Registration.Status.WAITING),
        stored.stream().map(Registration::status).toList());
    var cAgain =
        registered(fixture.register(EVENT, settings, StoreFixture.person("c", "c@example.fr")));
    assertEquals(new Decision.Waiting(1), cAgain.decision());
    assertEquals(c.registration().id(), cAgain.registration().id());
    // The cancelled registration's token registers again (a new registration, not a replay).
    var aNew = fixture.register(EVENT, settings, StoreFixture.person("a", "a@example.fr"));
    assertEquals(new Decision.Waiting(2), registered(aNew).decision());
    assertNotEquals(a.registration().id(), registered(aNew).registration().id());
    Cancellation twice =
        fixture
            .store
            .cancel(EVENT, a.registration().id(), settings, StoreFixture.NOW)
            .orElseThrow();
    assertEquals(List.of(), twice.promoted());
  }

  @Test
  void noPromotionOnceTheEventHasEnded() throws Exception {
    RegistrationSettings settings = StoreFixture.settings(1, 1);
    var a = registered(fixture.register(EVENT, settings, StoreFixture.person("a", "a@example.fr")));
    fixture.register(EVENT, settings, StoreFixture.person("b", "b@example.fr"));
    Cancellation done =
        fixture
            .store
            .cancel(EVENT, a.registration().id(), settings, StoreFixture.END.toInstant())
            .orElseThrow();
    assertEquals(List.of(), done.promoted());
  }

  @Test
  void cancelOfAnUnknownOrForeignRegistrationIsEmpty() throws Exception {
    RegistrationSettings settings = StoreFixture.settings(1, 0);
    var a = registered(fixture.register(EVENT, settings, StoreFixture.person("a", "a@example.fr")));
    String id = a.registration().id();
    assertTrue(fixture.store.cancel("autre", id, settings, StoreFixture.NOW).isEmpty());
    assertTrue(fixture.store.cancel(EVENT, "pas-un-id", settings, StoreFixture.NOW).isEmpty());
    assertTrue(
        fixture
            .store
            .cancel(EVENT, "00000000-0000-0000-0000-000000000000", settings, StoreFixture.NOW)
            .isEmpty());
    assertEquals(Registration.Status.CONFIRMED, fixture.store.registrations(EVENT).get(0).status());
  }

  @Test
  void refusalsStoreNothing() throws Exception {
    RegistrationSettings closed =
        new RegistrationSettings(false, null, null, StoreFixture.END, 5, false, 0, 1);
    var refused =
        assertInstanceOf(
            RegistrationResult.Refused.class,
            fixture.register(EVENT, closed, StoreFixture.person("a", "a@example.fr")));
    assertInstanceOf(Decision.Closed.class, refused.decision());
    NewRegistration three = new NewRegistration("g", "Dupont", "Marie", "g@example.fr", 3);
    assertInstanceOf(
        RegistrationResult.Refused.class,
        fixture.register(EVENT, StoreFixture.settings(2, 0), three));
    assertEquals(List.of(), fixture.store.registrations(EVENT));
    assertThrows(
        IllegalArgumentException.class,
        () -> fixture.register("../x", closed, StoreFixture.person("a", "a@example.fr")));
  }
}
