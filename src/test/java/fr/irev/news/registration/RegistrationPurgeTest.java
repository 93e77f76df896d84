package fr.irev.news.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.irev.news.format.FrenchDates;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retention: expired event folders go entirely, nothing else does. */
class RegistrationPurgeTest {

  private static final Instant NOW = StoreFixture.NOW;

  private StoreFixture fixture;
  private Session session;
  private RegistrationPurge purge;

  @BeforeEach
  void start() throws Exception {
    fixture = new StoreFixture();
    session = fixture.site.session(RegistrationNodes.WORKSPACE);
    purge =
        new RegistrationPurge(() -> fixture.site.repository().login(RegistrationNodes.WORKSPACE));
  }

  @AfterEach
  void stop() throws Exception {
    fixture.close();
  }

  /** An event folder as the store writes it, with registrations each holding a queued mail. */
  private void event(String eventId, Instant retainUntil, int registrations) throws Exception {
    Node folder = session.getRootNode().addNode(eventId, RegistrationNodes.FOLDER_TYPE);
    if (retainUntil != null) {
      RegistrationPurge.setRetainUntil(folder, retainUntil);
    }
    for (int i = 0; i < registrations; i++) {
      Node registration = folder.addNode(UUID.randomUUID().toString(), RegistrationNodes.NODE_TYPE);
      registration.setProperty(RegistrationNodes.EVENT_ID, eventId);
      registration.setProperty(RegistrationNodes.EMAIL, "personne" + i + "@example.fr");
      registration.addNode("mail-0", "mgnl:contentNode").setProperty("to", "x@example.fr");
    }
    session.save();
  }

  private List<String> remaining() throws Exception {
    session.refresh(false);
    List<String> names = new ArrayList<>();
    for (NodeIterator nodes = session.getRootNode().getNodes(); nodes.hasNext(); ) {
      String name = nodes.nextNode().getName();
      if (!name.startsWith("jcr:")) {
        names.add(name);
      }
    }
    return names;
  }

  @Test
  void deletesOnlyExpiredFolders() throws Exception {
    event("past", NOW.minusSeconds(1), 3);
    event("exact", NOW, 1);
    event("future", NOW.plus(Duration.ofDays(1)), 2);
    event("undated", null, 1);
    session.getRootNode().addNode(SigningKeys.KEYS, "nt:unstructured");
    session.save();

    assertEquals(new RegistrationPurge.Result(1, 3, 0, 1), purge.purge(NOW));
    assertEquals(List.of("exact", "future", "undated", SigningKeys.KEYS), remaining());

    assertEquals(new RegistrationPurge.Result(0, 0, 0, 1), purge.purge(NOW));
    assertEquals(List.of("exact", "future", "undated", SigningKeys.KEYS), remaining());

    assertEquals(
        new RegistrationPurge.Result(2, 3, 0, 1), purge.purge(NOW.plus(Duration.ofDays(2))));
    assertEquals(List.of("undated", SigningKeys.KEYS), remaining());
  }

  @Test
  void purgesWhatTheStoreWrote() throws Exception {
    for (int i = 0; i < 3; i++) {
      fixture.register(
          "journee-2025", StoreFixture.settings(5, 0), StoreFixture.person("t" + i, i + "@a.fr"));
    }
    fixture.register("autre", StoreFixture.settings(5, 0), StoreFixture.person("t", "b@a.fr"));
    Instant until = RegistrationPurge.retainUntil(StoreFixture.END, Period.ofMonths(6));
    RegistrationPurge.setRetainUntil(session.getNode("/journee-2025"), until);
    RegistrationPurge.setRetainUntil(session.getNode("/autre"), until.plusSeconds(60));
    session.save();

    assertEquals(new RegistrationPurge.Result(0, 0, 0, 0), purge.purge(until.minusMillis(1)));
    assertEquals(3, fixture.store.registrations("journee-2025").size());

    assertEquals(new RegistrationPurge.Result(1, 3, 0, 0), purge.purge(until.plusMillis(1)));
    assertEquals(List.of(), fixture.store.registrations("journee-2025"));
    assertEquals(1, fixture.store.registrations("autre").size());
  }

  @Test
  void nothingToPurgeInAnEmptyWorkspace() throws Exception {
    assertEquals(new RegistrationPurge.Result(0, 0, 0, 0), purge.purge(NOW));
  }

  private static Instant retain(ZonedDateTime end, int months) {
    return RegistrationPurge.retainUntil(end, Period.ofMonths(months));
  }

  private static ZonedDateTime paris(int y, int m, int d, int h, int min) {
    return ZonedDateTime.of(y, m, d, h, min, 0, 0, FrenchDates.PARIS);
  }

  @Test
  void sixMonthsFromTheLastDayOfAugustEndInFebruary() {
    assertEquals(paris(2026, 2, 28, 18, 0).toInstant(), retain(paris(2025, 8, 31, 18, 0), 6));
    assertEquals(Instant.parse("2026-02-28T17:00:00Z"), retain(paris(2025, 8, 31, 18, 0), 6));
    assertEquals(Instant.parse("2028-02-29T17:00:00Z"), retain(paris(2027, 8, 31, 18, 0), 6));
    assertEquals(
        Instant.parse("2026-02-28T17:00:00Z"),
        retain(ZonedDateTime.of(2025, 8, 31, 16, 0, 0, 0, ZoneOffset.UTC), 6),
        "months are added in Paris time, not in the zone given");
  }

  @Test
  void monthsKeepTheParisTimeOfDayAcrossDaylightSaving() {
    assertEquals(Instant.parse("2026-06-01T16:00:00Z"), retain(paris(2025, 12, 1, 18, 0), 6));
    assertEquals(Instant.parse("2026-12-01T17:00:00Z"), retain(paris(2026, 6, 1, 18, 0), 6));
  }

  @Test
  void springGapMovesForwardAutumnOverlapTakesSummerTime() {
    assertEquals(Instant.parse("2026-03-29T01:30:00Z"), retain(paris(2025, 9, 29, 2, 30), 6));
    assertEquals(Instant.parse("2025-10-26T00:30:00Z"), retain(paris(2025, 4, 26, 2, 30), 6));
    assertEquals(Instant.parse("2025-10-26T00:30:00Z"), retain(paris(2025, 1, 26, 2, 30), 9));
  }

  @Test
  void defaultAndZeroAndNegativeRetention() {
    ZonedDateTime end = paris(2021, 11, 30, 16, 30);
    assertEquals(
        Instant.parse("2022-05-30T14:30:00Z"),
        RegistrationPurge.retainUntil(end, RegistrationPurge.DEFAULT_RETENTION));
    assertEquals(end.toInstant(), RegistrationPurge.retainUntil(end, Period.ZERO));
    assertThrows(
        IllegalArgumentException.class,
        () -> RegistrationPurge.retainUntil(end, Period.ofDays(-1)));
  }

  @Test
  void aPostponedEventKeepsItsRegistrationsAndItsNewDate() throws Exception {
    Instant stored = Instant.parse("2025-12-10T16:00:00Z");
    Instant later = Instant.parse("2026-12-10T16:00:00Z");
    try (StoreFixture fixture = new StoreFixture()) {
      fixture.register(
          "reporte", StoreFixture.settings(2, 0), StoreFixture.person("t1", "a@example.fr"));
      Session session = fixture.site.repository().login(RegistrationNodes.WORKSPACE);
      try {
        RegistrationPurge.setRetainUntil(session.getNode("/reporte"), stored);
        session.save();
      } finally {
        session.logout();
      }
      List<String> purged = new ArrayList<>();
      RegistrationPurge purge =
          new RegistrationPurge(
              () -> fixture.site.repository().login(RegistrationNodes.WORKSPACE),
              new RegistrationPurge.Events() {
                @Override
                public Optional<Instant> currentRetainUntil(String eventId) {
                  return Optional.of(later);
                }

                @Override
                public void purged(String eventId) {
                  purged.add(eventId);
                }
              });
      Instant now = Instant.parse("2026-01-15T00:00:00Z");
      assertEquals(0, purge.purge(now).eventsPurged());
      assertEquals(1, fixture.store.registrations("reporte").size());
      session = fixture.site.repository().login(RegistrationNodes.WORKSPACE);
      try {
        assertEquals(
            later,
            session
                .getNode("/reporte")
                .getProperty(RegistrationNodes.RETAIN_UNTIL)
                .getDate()
                .toInstant());
      } finally {
        session.logout();
      }
      // Once the new date is past, the folder goes, and the purge says so.
      assertEquals(1, purge.purge(later.plusSeconds(1)).eventsPurged());
      assertEquals(List.of("reporte"), purged);
    }
  }
}
