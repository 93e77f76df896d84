package fr.irev.news.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.irev.news.format.FrenchDates;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Promotion from the waiting list (strict order) and validation of the settings. */
class PromotionAndSettingsTest {

  private static final ZonedDateTime END =
      ZonedDateTime.of(2021, 12, 7, 16, 30, 0, 0, FrenchDates.PARIS);
  private static final RegistrationSettings TEN = RegistrationSettings.simple(END, 10);

  private static WaitingEntry w(String id, int seats) {
    return new WaitingEntry(id, seats);
  }

  @Test
  void promotesInOrderWhileSeatsAreFree() {
    List<WaitingEntry> list = List.of(w("a", 1), w("b", 1), w("c", 1));
    assertEquals(
        List.of(w("a", 1), w("b", 1)), RegistrationRules.promote(TEN, new Occupancy(8, 3), list));
  }

  @Test
  void firstEntryThatDoesNotFitBlocksTheRest() {
    assertEquals(
        List.of(),
        RegistrationRules.promote(TEN, new Occupancy(8, 4), List.of(w("a", 3), w("b", 1))));
    assertEquals(
        List.of(w("a", 1)),
        RegistrationRules.promote(
            TEN, new Occupancy(8, 4), List.of(w("a", 1), w("b", 2), w("c", 1))));
  }

  @Test
  void groupPromotedWhenItFitsExactly() {
    List<WaitingEntry> list = List.of(w("a", 3), w("b", 1));
    assertEquals(List.of(w("a", 3)), RegistrationRules.promote(TEN, new Occupancy(7, 4), list));
    assertEquals(list, RegistrationRules.promote(TEN, new Occupancy(6, 4), list));
  }

  @Test
  void nothingToPromote() {
    assertEquals(
        List.of(), RegistrationRules.promote(TEN, new Occupancy(10, 1), List.of(w("a", 1))));
    assertEquals(
        List.of(), RegistrationRules.promote(TEN, new Occupancy(12, 1), List.of(w("a", 1))));
    assertEquals(List.of(), RegistrationRules.promote(TEN, new Occupancy(0, 0), List.of()));
  }

  @Test
  void promotionResultIsUnmodifiable() {
    List<WaitingEntry> promoted =
        RegistrationRules.promote(TEN, new Occupancy(0, 1), List.of(w("a", 1)));
    assertThrows(UnsupportedOperationException.class, () -> promoted.add(w("b", 1)));
  }

  @Test
  void invalidWaitingEntries() {
    assertEquals(
        "id is required",
        assertThrows(IllegalArgumentException.class, () -> w(" ", 1)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> w(null, 1));
    assertEquals(
        "seats must be >= 1, was 0",
        assertThrows(IllegalArgumentException.class, () -> w("a", 0)).getMessage());
  }

  @Test
  void settingsAreExpressedInParisTime() {
    ZonedDateTime endUtc = ZonedDateTime.of(2021, 12, 7, 15, 30, 0, 0, ZoneOffset.UTC);
    ZonedDateTime opensUtc = ZonedDateTime.of(2021, 11, 1, 8, 0, 0, 0, ZoneOffset.UTC);
    RegistrationSettings s = new RegistrationSettings(true, opensUtc, null, endUtc, 10, true, 0, 1);
    assertEquals(END, s.eventEnd());
    assertEquals(ZonedDateTime.of(2021, 11, 1, 9, 0, 0, 0, FrenchDates.PARIS), s.opensAt());
    assertEquals(null, s.closesAt());
    assertEquals(0, s.waitingRoom());
    assertEquals(1, TEN.maxSeatsPerRegistration());
    assertEquals(0, TEN.waitingRoom());
    assertEquals(4, new RegistrationSettings(true, null, null, END, 0, true, 4, 1).waitingRoom());
  }

  private static String invalid(
      ZonedDateTime opens, ZonedDateTime closes, ZonedDateTime end, int cap, int list, int max) {
    return assertThrows(
            IllegalArgumentException.class,
            () -> new RegistrationSettings(true, opens, closes, end, cap, true, list, max))
        .getMessage();
  }

  @Test
  void invalidSettings() {
    ZonedDateTime a = END.minusDays(10);
    ZonedDateTime b = END.minusDays(1);
    assertEquals(
        "eventEnd is required (registrations close when the event ends)",
        invalid(null, null, null, 10, 0, 1));
    assertEquals("capacity must be >= 0 seats, was -1", invalid(null, null, END, -1, 0, 1));
    assertEquals("waitingListSize must be >= 0 seats, was -1", invalid(null, null, END, 1, -1, 1));
    assertEquals("maxSeatsPerRegistration must be >= 1, was 0", invalid(null, null, END, 1, 0, 0));
    assertEquals(
        "opensAt (2021-12-06T16:30+01:00[Europe/Paris]) must be before closesAt"
            + " (2021-11-27T16:30+01:00[Europe/Paris])",
        invalid(b, a, END, 1, 0, 1));
    assertEquals(
        "opensAt (2021-11-27T16:30+01:00[Europe/Paris]) must be before closesAt"
            + " (2021-11-27T16:30+01:00[Europe/Paris])",
        invalid(a, a, END, 1, 0, 1));
    assertEquals(
        "opensAt (2021-12-07T16:30+01:00[Europe/Paris]) must be before eventEnd"
            + " (2021-12-07T16:30+01:00[Europe/Paris])",
        invalid(END, null, END, 1, 0, 1));
  }

  @Test
  void deadlineAfterTheEventIsAllowed() {
    RegistrationSettings s =
        new RegistrationSettings(true, null, END.plusDays(1), END, 1, false, 0, 1);
    assertEquals(END.plusDays(1), s.closesAt());
  }
}
