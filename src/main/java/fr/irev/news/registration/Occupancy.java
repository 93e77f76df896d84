package fr.irev.news.registration;

import java.util.Objects;

/**
 * How many seats of one event are taken, counted in seats (people), not registrations. Cancelled
 * registrations are not counted.
 *
 * @param confirmedSeats seats of confirmed registrations, {@code >= 0} (may exceed the capacity
 *     when staff lowered it: then no seat is left)
 * @param waitingSeats seats of registrations on the waiting list, {@code >= 0}
 * @throws IllegalArgumentException when a count is negative
 */
public record Occupancy(int confirmedSeats, int waitingSeats) {

  /** No seat taken. */
  public static final Occupancy EMPTY = new Occupancy(0, 0);

  /** Validates the counts. */
  public Occupancy {
    if (confirmedSeats < 0) {
      throw new IllegalArgumentException("confirmedSeats must be >= 0, was " + confirmedSeats);
    }
    if (waitingSeats < 0) {
      throw new IllegalArgumentException("waitingSeats must be >= 0, was " + waitingSeats);
    }
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

  /**
   * The occupancy once a decision has been recorded: {@link Decision.Confirmed} adds {@code seats}
   * to the confirmed seats, {@link Decision.Waiting} to the waiting seats, any other decision
   * changes nothing.
   *
   * @param decision the decision taken for a registration, not {@code null}
   * @param seats the seats that registration asked for, {@code >= 1}
   * @return the new occupancy (this one when nothing changes)
   * @throws IllegalArgumentException when {@code seats < 1}
   * @throws NullPointerException when {@code decision} is {@code null}
   */
  public Occupancy after(Decision decision, int seats) {
    if (seats < 1) {
      throw new IllegalArgumentException("seats must be >= 1, was " + seats);
    }
    Objects.requireNonNull(decision, "decision");
    if (decision instanceof Decision.Confirmed) {
      return new Occupancy(confirmedSeats + seats, waitingSeats);
    }
    if (decision instanceof Decision.Waiting) {
      return new Occupancy(confirmedSeats, waitingSeats + seats);
    }
    return this;
  }

  /**
   * The occupancy once waiting registrations holding {@code seats} seats have been confirmed.
   *
   * @param seats seats moved from the waiting list to confirmed, {@code 0 <= seats <= waitingSeats}
   * @return the new occupancy
   * @throws IllegalArgumentException when {@code seats} is out of that range
   */
  public Occupancy promoted(int seats) {
    if (seats < 0 || seats > waitingSeats) {
      throw new IllegalArgumentException(
          "cannot promote " + seats + " seats with " + waitingSeats + " waiting");
    }
    return new Occupancy(confirmedSeats + seats, waitingSeats - seats);
  }
}
