package fr.irev.news.registration;

/**
 * What is left for an event at one instant, for the optional seats display and for staff.
 *
 * @param occupancy seats confirmed and waiting
 * @param seatsLeft confirmed seats a newcomer can still get, {@code >= 0}: 0 while anyone waits
 *     (freed seats go to the waiting list first)
 * @param waitingRoomLeft seats still free on the waiting list, {@code >= 0} (0 without a list)
 * @param closed why registrations are closed at that instant, or {@code null} when they are open
 */
public record Availability(
    Occupancy occupancy, int seatsLeft, int waitingRoomLeft, Decision.Closed closed) {

  /**
   * @param settings the event's settings
   * @param occupancy what is stored
   * @param closed {@link RegistrationRules#closedReason} at the instant of interest
   * @return the availability
   */
  static Availability of(
      RegistrationSettings settings, Occupancy occupancy, Decision.Closed closed) {
    return new Availability(
        occupancy,
        occupancy.waitingSeats() > 0
            ? 0
            : Math.max(0, settings.capacity() - occupancy.confirmedSeats()),
        Math.max(0, settings.waitingRoom() - occupancy.waitingSeats()),
        closed);
  }

  /**
   * @return whether a one-person registration would be accepted now (confirmed or waiting)
   */
  public boolean accepting() {
    return closed == null && (seatsLeft > 0 || waitingRoomLeft > 0);
  }
}
