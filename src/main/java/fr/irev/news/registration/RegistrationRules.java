package fr.irev.news.registration;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The registration rules of one event, as pure functions: no clock, no storage, no default time
 * zone. Callers must serialise {@code decide} and the recording of its decision per event (read the
 * occupancy, decide, record, in one critical section): that is what makes C18 hold.
 */
public final class RegistrationRules {

  private RegistrationRules() {}

  /**
   * Decides the answer to one registration attempt. Checks, in this order (first match wins):
   *
   * <ol>
   *   <li>closed: {@link Decision.Reason#NOT_OPEN} when staff closed it; {@link
   *       Decision.Reason#EVENT_PAST} when {@code now >= eventEnd}; {@link
   *       Decision.Reason#BEFORE_OPENING} when {@code now} is before the minute of {@code opensAt}
   *       (seconds ignored: opening at 9:00 accepts from 9:00:00.000); {@link
   *       Decision.Reason#AFTER_DEADLINE} when {@code now} is after the minute of {@code closesAt}
   *       (inclusive to the minute: a deadline at 23:59 accepts up to 23:59:59.999, refuses from
   *       00:00:00.000 — C21);
   *   <li>{@link Decision.TooManySeats} when {@code seats > maxSeatsPerRegistration};
   *   <li>{@link Decision.Confirmed} when nobody is waiting and {@code confirmedSeats + seats <=
   *       capacity} — never a partial confirmation (C19), and never ahead of the waiting list
   *       (seats freed while a larger registration waits first stay for it or for staff);
   *   <li>{@link Decision.Waiting} when the waiting list is enabled and {@code waitingSeats + seats
   *       <= waitingListSize}, at position {@code waitingSeats + 1};
   *   <li>otherwise {@link Decision.Full}.
   * </ol>
   *
   * @param settings the event's settings, not {@code null}
   * @param occupancy seats taken before this attempt, not {@code null}
   * @param seats seats (people) asked for, {@code >= 1} (the form validates it first)
   * @param now the instant of the attempt (UTC instant; compared with the Paris settings by
   *     instant)
   * @return the decision, never {@code null}
   * @throws NullPointerException when an object argument is {@code null}
   * @throws IllegalArgumentException when {@code seats < 1}
   */
  public static Decision decide(
      RegistrationSettings settings, Occupancy occupancy, int seats, Instant now) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(occupancy, "occupancy");
    Objects.requireNonNull(now, "now");
    if (seats < 1) {
      throw new IllegalArgumentException("seats must be >= 1, was " + seats);
    }
    Decision closed = closedReason(settings, now);
    if (closed != null) {
      return closed;
    }
    if (seats > settings.maxSeatsPerRegistration()) {
      return new Decision.TooManySeats(settings.maxSeatsPerRegistration());
    }
    if (occupancy.waitingSeats() == 0
        && (long) occupancy.confirmedSeats() + seats <= settings.capacity()) {
      return new Decision.Confirmed();
    }
    if (settings.waitingListEnabled()
        && (long) occupancy.waitingSeats() + seats <= settings.waitingListSize()) {
      return new Decision.Waiting(occupancy.waitingSeats() + 1);
    }
    return new Decision.Full();
  }

  /**
   * Whether registrations are closed at {@code now}, with the same rules and order as the first
   * step of {@link #decide}; useful to show "closed" without a seat count.
   *
   * @param settings the event's settings, not {@code null}
   * @param now the instant, not {@code null}
   * @return the {@link Decision.Closed} decision, or {@code null} when registrations are open
   * @throws NullPointerException when an argument is {@code null}
   */
  public static Decision.Closed closedReason(RegistrationSettings settings, Instant now) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(now, "now");
    if (!settings.open()) {
      return new Decision.Closed(Decision.Reason.NOT_OPEN, null);
    }
    if (!now.isBefore(settings.eventEnd().toInstant())) {
      return new Decision.Closed(Decision.Reason.EVENT_PAST, null);
    }
    if (settings.opensAt() != null) {
      Instant opening = settings.opensAt().truncatedTo(ChronoUnit.MINUTES).toInstant();
      if (now.isBefore(opening)) {
        return new Decision.Closed(Decision.Reason.BEFORE_OPENING, settings.opensAt());
      }
    }
    if (settings.closesAt() != null) {
      Instant closing =
          settings
              .closesAt()
              .truncatedTo(ChronoUnit.MINUTES)
              .plus(Duration.ofMinutes(1))
              .toInstant();
      if (!now.isBefore(closing)) {
        return new Decision.Closed(Decision.Reason.AFTER_DEADLINE, settings.closesAt());
      }
    }
    return null;
  }

  /**
   * The waiting registrations to confirm now that seats are free (after a cancellation, or a larger
   * capacity). Strict first come, first served: entries are taken in list order while they fit in
   * the free seats ({@code capacity - confirmedSeats}); the first one that does not fit stops the
   * promotion, so a smaller registration behind it never jumps the queue (the freed seats wait
   * until enough are free for it, or staff promote by hand). Dates are not checked: the caller
   * decides whether promotion still makes sense (e.g. not after the event).
   *
   * @param settings the event's settings, not {@code null}
   * @param occupancy seats taken now (after the cancellation), not {@code null}
   * @param waiting the waiting list in order of arrival, first first; not {@code null}, no {@code
   *     null} element
   * @return the entries to confirm, a prefix of {@code waiting} (possibly empty), unmodifiable
   * @throws NullPointerException when an argument, or an element examined before the promotion
   *     stops, is {@code null}
   */
  public static List<WaitingEntry> promote(
      RegistrationSettings settings, Occupancy occupancy, List<WaitingEntry> waiting) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(occupancy, "occupancy");
    Objects.requireNonNull(waiting, "waiting");
    int free = occupancy.seatsLeft(settings.capacity());
    List<WaitingEntry> promoted = new ArrayList<>();
    for (WaitingEntry entry : waiting) {
      Objects.requireNonNull(entry, "waiting entry");
      if (entry.seats() > free) {
        break;
      }
      promoted.add(entry);
      free -= entry.seats();
    }
    return List.copyOf(promoted);
  }
}
