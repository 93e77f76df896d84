package fr.irev.news.registration.staff;

import fr.irev.news.registration.Registration;
import java.util.Objects;

/**
 * How many registrations of one event are in each status, counted both in seats (people) and in
 * registrations (a registration may hold several seats).
 *
 * @param confirmedSeats seats of confirmed registrations, {@code >= 0}
 * @param confirmedRegistrations confirmed registrations, {@code >= 0}
 * @param waitingSeats seats on the waiting list, {@code >= 0}
 * @param waitingRegistrations registrations on the waiting list, {@code >= 0}
 * @param cancelledSeats seats of cancelled registrations, {@code >= 0}
 * @param cancelledRegistrations cancelled registrations, {@code >= 0}
 * @throws IllegalArgumentException when a count is negative
 */
public record Counts(
    int confirmedSeats,
    int confirmedRegistrations,
    int waitingSeats,
    int waitingRegistrations,
    int cancelledSeats,
    int cancelledRegistrations) {

  /** No registration at all. */
  public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);

  /** Validates the counts. */
  public Counts {
    if (confirmedSeats < 0
        || confirmedRegistrations < 0
        || waitingSeats < 0
        || waitingRegistrations < 0
        || cancelledSeats < 0
        || cancelledRegistrations < 0) {
      throw new IllegalArgumentException("counts must be >= 0");
    }
  }

  /**
   * Counts registrations.
   *
   * @param registrations the registrations of one event, not {@code null}, no {@code null} element
   * @return the counts
   */
  public static Counts of(Iterable<Registration> registrations) {
    Objects.requireNonNull(registrations, "registrations");
    int[] c = new int[6];
    for (Registration r : registrations) {
      int i =
          switch (r.status()) {
            case CONFIRMED -> 0;
            case WAITING -> 2;
            case CANCELLED -> 4;
          };
      c[i] += r.seats();
      c[i + 1]++;
    }
    return new Counts(c[0], c[1], c[2], c[3], c[4], c[5]);
  }

  /**
   * Seats still free for confirmation.
   *
   * @param capacity the event's capacity in seats
   * @return {@code capacity - confirmedSeats}, never below 0
   */
  public int seatsLeft(int capacity) {
    return Math.max(0, capacity - confirmedSeats);
  }
}
