package fr.irev.news.registration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/** The waiting list of one event as stored: positions and promotion. */
final class WaitingList {

  private WaitingList() {}

  /** 1 + the seats waiting ahead, in order of arrival (as {@link Decision.Waiting} counts). */
  static int position(Session session, Registration waiting) throws RepositoryException {
    int ahead = 0;
    for (Registration r : RegistrationJcr.inArrivalOrder(session, waiting.eventId())) {
      if (r.id().equals(waiting.id())) {
        break;
      }
      if (r.status() == Registration.Status.WAITING) {
        ahead += r.seats();
      }
    }
    return ahead + 1;
  }

  /**
   * Confirms (unsaved) the waiting registrations that the free seats let in, strictly in order of
   * arrival ({@link RegistrationRules#promote}); sees this session's unsaved changes.
   *
   * @return the promoted registrations, with their new status
   */
  static List<Registration> promote(
      Session session, String eventId, RegistrationSettings settings, Instant now)
      throws RepositoryException {
    List<Registration> all = RegistrationJcr.inArrivalOrder(session, eventId);
    List<WaitingEntry> waiting = new ArrayList<>();
    int confirmedSeats = 0;
    int waitingSeats = 0;
    for (Registration r : all) {
      if (r.status() == Registration.Status.CONFIRMED) {
        confirmedSeats += r.seats();
      } else if (r.status() == Registration.Status.WAITING) {
        waitingSeats += r.seats();
        waiting.add(new WaitingEntry(r.id(), r.seats()));
      }
    }
    Occupancy occupancy = new Occupancy(confirmedSeats, waitingSeats);
    List<Registration> promoted = new ArrayList<>();
    for (WaitingEntry entry : RegistrationRules.promote(settings, occupancy, waiting)) {
      RegistrationJcr.setStatus(session, entry.id(), Registration.Status.CONFIRMED, now);
      for (Registration r : all) {
        if (r.id().equals(entry.id())) {
          promoted.add(r.withStatus(Registration.Status.CONFIRMED));
        }
      }
    }
    return promoted;
  }
}
