package fr.irev.news.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.irev.news.format.FrenchDates;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Capacity and waiting list: field cases C18 and C19 of shared/cases/CASES.md. */
class RegistrationRulesTest {

  static final ZonedDateTime EVENT_END =
      ZonedDateTime.of(2021, 12, 7, 16, 30, 0, 0, FrenchDates.PARIS);
  static final Instant NOW = Instant.parse("2021-11-20T10:00:00Z");

  static RegistrationSettings settings(int capacity, boolean list, int listSize, int maxSeats) {
    return new RegistrationSettings(
        true, null, null, EVENT_END, capacity, list, listSize, maxSeats);
  }

  /**
   * Applies the decisions one after another, as the storage layer does under its per-event lock.
   */
  private static List<Decision> sequence(RegistrationSettings s, Occupancy start, int attempts) {
    List<Decision> decisions = new ArrayList<>();
    Occupancy occupancy = start;
    for (int i = 0; i < attempts; i++) {
      Decision d = RegistrationRules.decide(s, occupancy, 1, NOW);
      decisions.add(d);
      occupancy = occupancy.after(d, 1);
    }
    return decisions;
  }

  @Test
  void c18TwoSeatsLeftTenAttemptsWithoutWaitingList() {
    RegistrationSettings s = settings(10, false, 0, 1);
    List<Decision> decisions = sequence(s, new Occupancy(8, 0), 10);
    List<Decision> expected = new ArrayList<>();
    expected.add(new Decision.Confirmed());
    expected.add(new Decision.Confirmed());
    for (int i = 0; i < 8; i++) {
      expected.add(new Decision.Full());
    }
    assertEquals(expected, decisions);
  }

  @Test
  void c18TwoSeatsLeftTenAttemptsWithWaitingListOfFive() {
    RegistrationSettings s = settings(10, true, 5, 1);
    Occupancy occupancy = new Occupancy(8, 0);
    List<Decision> decisions = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Decision d = RegistrationRules.decide(s, occupancy, 1, NOW);
      decisions.add(d);
      occupancy = occupancy.after(d, 1);
    }
    assertEquals(
        List.of(
            new Decision.Confirmed(),
            new Decision.Confirmed(),
            new Decision.Waiting(1),
            new Decision.Waiting(2),
            new Decision.Waiting(3),
            new Decision.Waiting(4),
            new Decision.Waiting(5),
            new Decision.Full(),
            new Decision.Full(),
            new Decision.Full()),
        decisions);
    assertEquals(new Occupancy(10, 5), occupancy);
    assertEquals(7, decisions.stream().filter(Decision::holdsSeats).count());
  }

  @Test
  void c19ThreePeopleWhenTwoSeatsLeftWithoutListIsFull() {
    RegistrationSettings s = settings(10, false, 0, 3);
    assertEquals(new Decision.Full(), RegistrationRules.decide(s, new Occupancy(8, 0), 3, NOW));
  }

  @Test
  void c19ThreePeopleWhenTwoSeatsLeftGoOnTheListWhenAllThreeFit() {
    RegistrationSettings s = settings(10, true, 3, 3);
    Decision d = RegistrationRules.decide(s, new Occupancy(8, 0), 3, NOW);
    assertEquals(new Decision.Waiting(1), d);
    assertEquals(new Occupancy(8, 3), new Occupancy(8, 0).after(d, 3));
  }

  @Test
  void c19ThreePeopleWhenTheListHasRoomForTwoOnlyIsFull() {
    assertEquals(
        new Decision.Full(),
        RegistrationRules.decide(settings(10, true, 5, 3), new Occupancy(8, 3), 3, NOW));
    assertEquals(
        new Decision.Full(),
        RegistrationRules.decide(settings(10, true, 2, 3), new Occupancy(8, 0), 3, NOW));
  }

  @Test
  void groupFillingTheLastSeatsExactlyIsConfirmed() {
    assertEquals(
        new Decision.Confirmed(),
        RegistrationRules.decide(settings(10, false, 0, 3), new Occupancy(7, 0), 3, NOW));
  }

  @Test
  void waitingPositionCountsSeatsAhead() {
    assertEquals(
        new Decision.Waiting(5),
        RegistrationRules.decide(settings(10, true, 10, 3), new Occupancy(10, 4), 2, NOW));
  }

  @Test
  void disabledListIsIgnoredWhateverItsSize() {
    assertEquals(
        new Decision.Full(),
        RegistrationRules.decide(settings(10, false, 50, 1), new Occupancy(10, 0), 1, NOW));
  }

  @Test
  void zeroCapacityGoesStraightToTheList() {
    assertEquals(
        new Decision.Waiting(1),
        RegistrationRules.decide(settings(0, true, 1, 1), Occupancy.EMPTY, 1, NOW));
    assertEquals(
        new Decision.Full(),
        RegistrationRules.decide(settings(0, true, 0, 1), Occupancy.EMPTY, 1, NOW));
  }

  @Test
  void capacityLoweredBelowConfirmedSeatsIsFull() {
    assertEquals(
        new Decision.Full(),
        RegistrationRules.decide(settings(5, false, 0, 1), new Occupancy(8, 0), 1, NOW));
  }

  @Test
  void tooManySeats() {
    RegistrationSettings s = settings(100, true, 10, 3);
    assertEquals(
        new Decision.TooManySeats(3), RegistrationRules.decide(s, Occupancy.EMPTY, 4, NOW));
    assertEquals(new Decision.Confirmed(), RegistrationRules.decide(s, Occupancy.EMPTY, 3, NOW));
    assertEquals(
        new Decision.TooManySeats(1),
        RegistrationRules.decide(settings(100, false, 0, 1), Occupancy.EMPTY, 2, NOW));
  }

  @Test
  void tooManySeatsComesBeforeFull() {
    assertEquals(
        new Decision.TooManySeats(2),
        RegistrationRules.decide(settings(10, false, 0, 2), new Occupancy(10, 0), 3, NOW));
  }

  @Test
  void invalidArguments() {
    RegistrationSettings s = settings(10, false, 0, 1);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RegistrationRules.decide(s, Occupancy.EMPTY, 0, NOW));
    assertEquals("seats must be >= 1, was 0", e.getMessage());
    assertThrows(
        NullPointerException.class, () -> RegistrationRules.decide(null, Occupancy.EMPTY, 1, NOW));
    assertThrows(NullPointerException.class, () -> RegistrationRules.decide(s, null, 1, NOW));
    assertThrows(
        NullPointerException.class, () -> RegistrationRules.decide(s, Occupancy.EMPTY, 1, null));
  }

  @Test
  void occupancyAfterEachDecision() {
    Occupancy o = new Occupancy(3, 2);
    assertEquals(new Occupancy(5, 2), o.after(new Decision.Confirmed(), 2));
    assertEquals(new Occupancy(3, 4), o.after(new Decision.Waiting(3), 2));
    assertEquals(o, o.after(new Decision.Full(), 2));
    assertEquals(o, o.after(new Decision.TooManySeats(1), 2));
    assertEquals(o, o.after(new Decision.Closed(Decision.Reason.EVENT_PAST, null), 2));
    assertEquals(new Occupancy(4, 1), o.promoted(1));
    assertEquals(7, o.seatsLeft(10));
    assertEquals(0, o.seatsLeft(2));
    assertThrows(IllegalArgumentException.class, () -> o.after(new Decision.Confirmed(), 0));
    assertThrows(IllegalArgumentException.class, () -> o.promoted(3));
    assertThrows(IllegalArgumentException.class, () -> o.promoted(-1));
    assertEquals(
        "confirmedSeats must be >= 0, was -1",
        assertThrows(IllegalArgumentException.class, () -> new Occupancy(-1, 0)).getMessage());
    assertEquals(
        "waitingSeats must be >= 0, was -2",
        assertThrows(IllegalArgumentException.class, () -> new Occupancy(0, -2)).getMessage());
  }

  @Test
  void aNewcomerNeverOvertakesTheWaitingList() {
    RegistrationSettings settings =
        new RegistrationSettings(true, null, null, EVENT_END, 3, true, 5, 3);
    // One seat is free, but a group of 3 waits first: the newcomer waits behind it.
    assertEquals(
        new Decision.Waiting(4), RegistrationRules.decide(settings, new Occupancy(2, 3), 1, NOW));
    assertEquals(
        new Decision.Confirmed(), RegistrationRules.decide(settings, new Occupancy(2, 0), 1, NOW));
  }
}
