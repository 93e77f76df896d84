package fr.irev.news.registration;

import fr.irev.news.format.FrenchDates;
import java.time.ZonedDateTime;

/**
 * The registration settings of one event, as staff enter them in the component dialog.
 *
 * <p>Every date-time is converted to {@link FrenchDates#PARIS} (Europe/Paris) by the constructor,
 * whatever zone it was given in; the instant is kept. Bounds are meant to the minute, as staff
 * enter them ("30/11/2021 23:59"); see {@link RegistrationRules#decide} for how they are applied.
 *
 * @param open {@code false} closes registrations whatever the dates (reason {@link
 *     Decision.Reason#NOT_OPEN})
 * @param opensAt first minute when registrations are accepted (inclusive); {@code null} = open from
 *     the start
 * @param closesAt last minute when registrations are accepted (inclusive: 23:59 accepts up to
 *     23:59:59.999); {@code null} = no deadline other than the end of the event
 * @param eventEnd end of the event; from that instant on registrations are closed (reason {@link
 *     Decision.Reason#EVENT_PAST}); required
 * @param capacity number of seats that can be confirmed, {@code >= 0}
 * @param waitingListEnabled whether registrations that do not fit go on a waiting list
 * @param waitingListSize number of seats on the waiting list, {@code >= 0}; ignored when the list
 *     is disabled, and 0 with the list enabled means no room on it
 * @param maxSeatsPerRegistration most seats (people) one registration may ask for, {@code >= 1}
 * @throws IllegalArgumentException when {@code eventEnd} is {@code null}, a number is out of range,
 *     {@code opensAt} is not before {@code closesAt}, or {@code opensAt} is not before {@code
 *     eventEnd} (the form could never open); {@code closesAt} after {@code eventEnd} is allowed
 *     (the end of the event closes registrations first)
 */
public record RegistrationSettings(
    boolean open,
    ZonedDateTime opensAt,
    ZonedDateTime closesAt,
    ZonedDateTime eventEnd,
    int capacity,
    boolean waitingListEnabled,
    int waitingListSize,
    int maxSeatsPerRegistration) {

  /** Default of {@link #maxSeatsPerRegistration()}: one person per registration. */
  public static final int DEFAULT_MAX_SEATS = 1;

  /** Validates and converts every date-time to Paris time. */
  public RegistrationSettings {
    if (eventEnd == null) {
      throw new IllegalArgumentException(
          "eventEnd is required (registrations close when the event ends)");
    }
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must be >= 0 seats, was " + capacity);
    }
    if (waitingListSize < 0) {
      throw new IllegalArgumentException(
          "waitingListSize must be >= 0 seats, was " + waitingListSize);
    }
    if (maxSeatsPerRegistration < 1) {
      throw new IllegalArgumentException(
          "maxSeatsPerRegistration must be >= 1, was " + maxSeatsPerRegistration);
    }
    opensAt = FrenchDates.inParis(opensAt);
    closesAt = FrenchDates.inParis(closesAt);
    eventEnd = FrenchDates.inParis(eventEnd);
    if (opensAt != null && closesAt != null && !opensAt.isBefore(closesAt)) {
      throw new IllegalArgumentException(
          "opensAt (" + opensAt + ") must be before closesAt (" + closesAt + ")");
    }
    if (opensAt != null && !opensAt.isBefore(eventEnd)) {
      throw new IllegalArgumentException(
          "opensAt (" + opensAt + ") must be before eventEnd (" + eventEnd + ")");
    }
  }

  /**
   * Open settings without dates other than the event's end, without waiting list, one seat per
   * registration.
   *
   * @param eventEnd end of the event (any zone), required
   * @param capacity seats, {@code >= 0}
   * @return the settings
   * @throws IllegalArgumentException as the canonical constructor
   */
  public static RegistrationSettings simple(ZonedDateTime eventEnd, int capacity) {
    return new RegistrationSettings(
        true, null, null, eventEnd, capacity, false, 0, DEFAULT_MAX_SEATS);
  }

  /**
   * Room on the waiting list, in seats.
   *
   * @return {@link #waitingListSize()} when the list is enabled, otherwise 0
   */
  public int waitingRoom() {
    return waitingListEnabled ? waitingListSize : 0;
  }
}
