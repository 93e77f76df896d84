package fr.irev.news.registration;

import fr.irev.news.jcr.References;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import javax.jcr.ItemNotFoundException;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * Records registrations in the {@value RegistrationNodes#WORKSPACE} workspace so that capacity is a
 * promise (C18, C19) and a double submission is recorded once (C20).
 *
 * <p>Each call opens its own session (as concurrent HTTP requests do) and logs it out. Reading an
 * event's occupancy, deciding ({@link RegistrationRules}) and saving happen in one critical section
 * per event: a striped JVM lock keyed by the event id ({@link EventLocks}), held until {@code
 * session.save()} has returned, so that nothing is answered "confirmed" that is not saved and no
 * two attempts decide on the same occupancy. The lock holds within one JVM only: several public
 * instances writing registrations would need a cluster-wide lock (JCR locking on the event folder,
 * or a database), which is out of scope here.
 */
public final class RegistrationStore {

  /** Opens a new session on the {@value RegistrationNodes#WORKSPACE} workspace. */
  @FunctionalInterface
  public interface SessionOpener {
    /**
     * @return a new session, logged out by the store
     * @throws RepositoryException when no session can be opened
     */
    Session open() throws RepositoryException;
  }

  /** Event ids: a news item's identifier (UUID) or URL name; a safe JCR name either way. */
  private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,199}");

  private static final int STRIPES = 64;

  private final SessionOpener opener;
  private final EventLocks locks = new EventLocks(STRIPES);

  /**
   * @param opener opens one session per call, not {@code null}
   */
  public RegistrationStore(SessionOpener opener) {
    this.opener = Objects.requireNonNull(opener, "opener");
  }

  /**
   * Records one registration attempt. In order: a token already stored for this event gives that
   * registration's outcome again ({@code duplicate = true}, no new node); an e-mail (trimmed, case
   * ignored) of a registration that holds seats gives {@link RegistrationResult.AlreadyRegistered};
   * otherwise {@link RegistrationRules#decide} on the stored occupancy, and a confirmed or waiting
   * decision is saved before this method returns.
   *
   * @param eventId the event id ({@code [A-Za-z0-9][A-Za-z0-9_-]*}, up to 200 characters)
   * @param settings the event's settings, not {@code null}
   * @param request the attempt, not {@code null}
   * @param now the instant of the attempt, not {@code null}
   * @return the result, never {@code null}
   * @throws IllegalArgumentException when the event id has another shape
   * @throws RepositoryException on repository failure (then nothing is saved)
   */
  public RegistrationResult register(
      String eventId, RegistrationSettings settings, NewRegistration request, Instant now)
      throws RepositoryException {
    checkEventId(eventId);
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(now, "now");
    Session session = opener.open();
    ReentrantLock lock = locks.of(eventId);
    lock.lock();
    try {
      session.refresh(false);
      return register(session, eventId, settings, request, now);
    } finally {
      lock.unlock();
      session.logout();
    }
  }

  private static RegistrationResult register(
      Session session,
      String eventId,
      RegistrationSettings settings,
      NewRegistration request,
      Instant now)
      throws RepositoryException {
    String emailKey = request.emailKey();
    Registration sameEmail = null;
    int confirmed = 0;
    int waiting = 0;
    for (Registration stored : RegistrationJcr.ofEvent(session, eventId)) {
      if (stored.token().equals(request.token())) {
        return replay(session, stored);
      }
      switch (stored.status()) {
        case CONFIRMED -> confirmed += stored.seats();
        case WAITING -> waiting += stored.seats();
        case CANCELLED -> {
          continue;
        }
      }
      if (stored.emailKey().equals(emailKey)) {
        sameEmail = stored;
      }
    }
    if (sameEmail != null) {
      return new RegistrationResult.AlreadyRegistered(sameEmail);
    }
    Occupancy occupancy = new Occupancy(confirmed, waiting);
    Decision decision = RegistrationRules.decide(settings, occupancy, request.seats(), now);
    if (!decision.holdsSeats()) {
      return new RegistrationResult.Refused(decision);
    }
    Registration.Status status =
        decision instanceof Decision.Confirmed
            ? Registration.Status.CONFIRMED
            : Registration.Status.WAITING;
    Registration saved = RegistrationJcr.add(session, eventId, request, status, now);
    session.save();
    return new RegistrationResult.Registered(saved, decision, false);
  }

  /** The outcome of a registration already stored under the same token. */
  private static RegistrationResult replay(Session session, Registration stored)
      throws RepositoryException {
    return switch (stored.status()) {
      case CONFIRMED -> new RegistrationResult.Registered(stored, new Decision.Confirmed(), true);
      case WAITING ->
          new RegistrationResult.Registered(
              stored, new Decision.Waiting(WaitingList.position(session, stored)), true);
      case CANCELLED -> new RegistrationResult.Withdrawn(stored);
    };
  }

  /**
   * Cancels a registration and confirms the waiting registrations that the freed seats let in,
   * strictly in order ({@link RegistrationRules#promote}); nobody is promoted once the event has
   * ended. Cancelling a cancelled registration changes nothing.
   *
   * @param eventId the event id
   * @param registrationId the registration's identifier, may be malformed
   * @param settings the event's settings (capacity), not {@code null}
   * @param now the instant of the cancellation, not {@code null}
   * @return what was done; empty when no registration of this event has that identifier
   * @throws IllegalArgumentException when the event id has another shape
   * @throws RepositoryException on repository failure (then nothing is saved)
   */
  public Optional<Cancellation> cancel(
      String eventId, String registrationId, RegistrationSettings settings, Instant now)
      throws RepositoryException {
    checkEventId(eventId);
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(now, "now");
    Optional<String> id = References.identifier(registrationId);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    Session session = opener.open();
    ReentrantLock lock = locks.of(eventId);
    lock.lock();
    try {
      session.refresh(false);
      Node node;
      try {
        node = session.getNodeByIdentifier(id.get());
      } catch (ItemNotFoundException e) {
        return Optional.empty();
      }
      if (!node.isNodeType(RegistrationNodes.NODE_TYPE)
          || !eventId.equals(RegistrationJcr.read(node).eventId())) {
        return Optional.empty();
      }
      Registration registration = RegistrationJcr.read(node);
      if (registration.status() == Registration.Status.CANCELLED) {
        return Optional.of(new Cancellation(registration, List.of()));
      }
      RegistrationJcr.setStatus(session, registration.id(), Registration.Status.CANCELLED);
      List<Registration> promoted =
          now.isBefore(settings.eventEnd().toInstant())
              ? WaitingList.promote(session, eventId, settings)
              : List.of();
      session.save();
      return Optional.of(
          new Cancellation(registration.withStatus(Registration.Status.CANCELLED), promoted));
    } finally {
      lock.unlock();
      session.logout();
    }
  }

  /**
   * The registrations of one event in order of arrival, as saved.
   *
   * @param eventId the event id
   * @return the registrations, first arrived first; empty for an unknown event
   * @throws IllegalArgumentException when the event id has another shape
   * @throws RepositoryException on repository failure
   */
  public List<Registration> registrations(String eventId) throws RepositoryException {
    checkEventId(eventId);
    Session session = opener.open();
    try {
      return RegistrationJcr.inArrivalOrder(session, eventId);
    } finally {
      session.logout();
    }
  }

  private static void checkEventId(String eventId) {
    if (eventId == null || !EVENT_ID.matcher(eventId).matches()) {
      throw new IllegalArgumentException("invalid event id");
    }
  }
}
