package fr.irev.news.registration;

import fr.irev.news.jcr.References;
import java.time.Instant;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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

  /**
   * Told about each change before it is saved, in the same session, so that what it adds (queued
   * e-mails under the registration node, for instance) is saved with the change or not at all. It
   * runs inside the event's critical section: keep it short, and never call the store from it.
   */
  public interface ChangeListener {
    /** A listener that adds nothing. */
    ChangeListener NONE = new ChangeListener() {};

    /**
     * A new registration is about to be saved (never called for a double submission).
     *
     * @param node the new registration node (unsaved)
     * @param result what the visitor is told
     * @throws RepositoryException to abandon the registration (nothing is saved)
     */
    default void registered(Node node, RegistrationResult.Registered result)
        throws RepositoryException {}

    /**
     * A registration is about to be saved cancelled ({@link #promoted} follows for the waiting
     * registrations it lets in).
     *
     * @param node the registration node (unsaved)
     * @param cancelled the registration, now cancelled
     * @throws RepositoryException to abandon the change (nothing is saved)
     */
    default void cancelled(Node node, Registration cancelled) throws RepositoryException {}

    /**
     * Waiting registrations are about to be saved confirmed, after a cancellation or by staff.
     *
     * @param node the registration node (unsaved)
     * @param promoted the registration, now confirmed
     * @throws RepositoryException to abandon the change (nothing is saved)
     */
    default void promoted(Node node, Registration promoted) throws RepositoryException {}
  }

  /** Default retention of personal data after an event's end: six months. */
  public static final Period DEFAULT_RETENTION = Period.ofMonths(6);

  /** Event ids: a news item's identifier (UUID) or URL name; a safe JCR name either way. */
  static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,199}");

  private static final int STRIPES = 64;

  private final SessionOpener opener;
  private final Period retention;

  /**
   * One set of locks for the whole JVM: two stores on the same repository (e.g. while a servlet
   * container restarts a servlet) still serialise the same event.
   */
  private static final EventLocks LOCKS = new EventLocks(STRIPES);

  private final EventLocks locks = LOCKS;
  private final Map<String, Ledger> ledgers = new ConcurrentHashMap<>();

  /**
   * A store keeping registrations {@link #DEFAULT_RETENTION} after their event's end.
   *
   * @param opener opens one session per call, not {@code null}
   */
  public RegistrationStore(SessionOpener opener) {
    this(opener, DEFAULT_RETENTION);
  }

  /**
   * @param opener opens one session per call, not {@code null}
   * @param retention how long registrations are kept after their event's end (Paris calendar), not
   *     negative
   * @throws IllegalArgumentException when the retention is negative
   */
  public RegistrationStore(SessionOpener opener, Period retention) {
    this.opener = Objects.requireNonNull(opener, "opener");
    this.retention = Objects.requireNonNull(retention, "retention");
    if (retention.isNegative()) {
      throw new IllegalArgumentException("retention must not be negative: " + retention);
    }
  }

  /**
   * When the registrations of an event may be deleted.
   *
   * @param eventEnd end of the event, not {@code null}
   * @return the event's end plus the retention, added in Europe/Paris local time (six months after
   *     31 August 18:00 is 28 February 18:00)
   */
  public Instant retainUntil(ZonedDateTime eventEnd) {
    return RegistrationPurge.retainUntil(eventEnd, retention);
  }

  /**
   * Records one registration attempt. In order: a token already stored for this event (on a
   * registration that still holds seats: after a cancellation the same token registers again) gives
   * that registration's outcome again ({@code duplicate = true}, no new node); an e-mail (trimmed,
   * case ignored) of a registration that holds seats gives {@link
   * RegistrationResult.AlreadyRegistered}; otherwise {@link RegistrationRules#decide} on the stored
   * occupancy, and a confirmed or waiting decision is saved before this method returns.
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
    return register(eventId, settings, request, Registration.NO_DETAILS, now, ChangeListener.NONE);
  }

  /**
   * Records one registration attempt with its optional details, as {@link #register(String,
   * RegistrationSettings, NewRegistration, Instant)}, telling {@code listener} before saving a new
   * registration. The event folder's {@value RegistrationNodes#RETAIN_UNTIL} is set to {@link
   * #retainUntil} of the event's end (never moved earlier).
   *
   * @param details the optional fields, not {@code null}
   * @param listener told before saving, not {@code null}
   * @throws RepositoryException on repository failure, or thrown by the listener (then nothing is
   *     saved)
   */
  public RegistrationResult register(
      String eventId,
      RegistrationSettings settings,
      NewRegistration request,
      RegistrationForm.RegistrationDetails details,
      Instant now,
      ChangeListener listener)
      throws RepositoryException {
    checkEventId(eventId);
    Objects.requireNonNull(details, "details");
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(now, "now");
    return locked(
        eventId, session -> register(session, eventId, settings, request, details, now, listener));
  }

  private RegistrationResult register(
      Session session,
      String eventId,
      RegistrationSettings settings,
      NewRegistration request,
      RegistrationForm.RegistrationDetails details,
      Instant now,
      ChangeListener listener)
      throws RepositoryException {
    Ledger ledger = ledger(session, eventId);
    String sameToken = ledger.tokens.get(request.token());
    if (sameToken != null) {
      return replay(session, RegistrationJcr.read(session.getNodeByIdentifier(sameToken)));
    }
    String sameEmail = ledger.emails.get(request.emailKey());
    if (sameEmail != null) {
      return new RegistrationResult.AlreadyRegistered(
          RegistrationJcr.read(session.getNodeByIdentifier(sameEmail)));
    }
    Decision decision =
        RegistrationRules.decide(settings, ledger.occupancy(), request.seats(), now);
    if (!decision.holdsSeats()) {
      return new RegistrationResult.Refused(decision);
    }
    Registration.Status status =
        decision instanceof Decision.Confirmed
            ? Registration.Status.CONFIRMED
            : Registration.Status.WAITING;
    Registration saved =
        RegistrationJcr.add(
            session, eventId, request, details, status, now, retainUntil(settings.eventEnd()));
    RegistrationResult.Registered result =
        new RegistrationResult.Registered(saved, decision, false);
    listener.registered(session.getNodeByIdentifier(saved.id()), result);
    session.save();
    ledger.add(saved);
    ledger.revision = RegistrationJcr.revision(session.getRootNode().getNode(eventId));
    return result;
  }

  /**
   * What the store knows of one event without reading every registration again: seats held, the
   * registrations holding seats by e-mail key and by token, and the number of registration nodes it
   * was built from. Used and changed only under the event's lock; rebuilt from the repository
   * whenever the event folder's number of children differs (a purge, a deletion by an
   * administrator), and dropped after a cancellation or a promotion.
   */
  private static final class Ledger {
    private int confirmedSeats;
    private int waitingSeats;
    private final Map<String, String> emails = new HashMap<>();
    private final Map<String, String> tokens = new HashMap<>();
    private long revision;

    static Ledger load(Session session, String eventId) throws RepositoryException {
      Ledger ledger = new Ledger();
      for (Registration r : RegistrationJcr.inArrivalOrder(session, eventId)) {
        ledger.add(r);
      }
      return ledger;
    }

    void add(Registration r) {
      switch (r.status()) {
        case CONFIRMED -> confirmedSeats += r.seats();
        case WAITING -> waitingSeats += r.seats();
        case CANCELLED -> {
          return;
        }
      }
      emails.put(r.emailKey(), r.id());
      tokens.put(r.token(), r.id());
    }

    Occupancy occupancy() {
      return new Occupancy(confirmedSeats, waitingSeats);
    }
  }

  /** The event's ledger, checked against the folder's revision; call under the event's lock. */
  private Ledger ledger(Session session, String eventId) throws RepositoryException {
    Node root = session.getRootNode();
    if (!root.hasNode(eventId)) {
      ledgers.remove(eventId);
      return new Ledger();
    }
    long revision = RegistrationJcr.revision(root.getNode(eventId));
    Ledger ledger = ledgers.get(eventId);
    if (ledger == null || ledger.revision != revision) {
      ledger = Ledger.load(session, eventId);
      ledger.revision = revision;
      ledgers.put(eventId, ledger);
    }
    return ledger;
  }

  /**
   * Forgets what is kept in memory about an event (after its registrations were purged).
   *
   * @param eventId the event id
   */
  public void forget(String eventId) {
    ledgers.remove(eventId);
  }

  /**
   * The seats held for an event, as stored.
   *
   * @param eventId the event id
   * @return confirmed and waiting seats
   * @throws IllegalArgumentException when the event id has another shape
   * @throws RepositoryException on repository failure
   */
  public Occupancy occupancy(String eventId) throws RepositoryException {
    checkEventId(eventId);
    return locked(eventId, session -> ledger(session, eventId).occupancy());
  }

  /** The outcome of a registration already stored under the same token. */
  private static RegistrationResult replay(Session session, Registration stored)
      throws RepositoryException {
    return switch (stored.status()) {
      case CONFIRMED -> new RegistrationResult.Registered(stored, new Decision.Confirmed(), true);
      case WAITING ->
          new RegistrationResult.Registered(
              stored, new Decision.Waiting(WaitingList.position(session, stored)), true);
      case CANCELLED -> throw new IllegalStateException("a cancelled registration holds no token");
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
    return cancel(eventId, registrationId, settings, now, ChangeListener.NONE);
  }

  /**
   * Cancels a registration as {@link #cancel(String, String, RegistrationSettings, Instant)},
   * telling {@code listener} before saving (not when it was cancelled already).
   *
   * @param listener told before saving, not {@code null}
   * @throws RepositoryException on repository failure, or thrown by the listener (then nothing is
   *     saved)
   */
  public Optional<Cancellation> cancel(
      String eventId,
      String registrationId,
      RegistrationSettings settings,
      Instant now,
      ChangeListener listener)
      throws RepositoryException {
    checkEventId(eventId);
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(now, "now");
    Optional<String> id = References.identifier(registrationId);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    return locked(
        eventId,
        session -> {
          Node node = registrationNode(session, eventId, id.get());
          if (node == null) {
            return Optional.empty();
          }
          Registration registration = RegistrationJcr.read(node);
          if (registration.status() == Registration.Status.CANCELLED) {
            return Optional.of(new Cancellation(registration, List.of()));
          }
          RegistrationJcr.setStatus(session, registration.id(), Registration.Status.CANCELLED, now);
          List<Registration> promoted =
              now.isBefore(settings.eventEnd().toInstant())
                  ? WaitingList.promote(session, eventId, settings, now)
                  : List.of();
          Cancellation cancellation =
              new Cancellation(registration.withStatus(Registration.Status.CANCELLED), promoted);
          RegistrationJcr.nextRevision(node.getParent());
          listener.cancelled(node, cancellation.cancelled());
          for (Registration r : promoted) {
            listener.promoted(session.getNodeByIdentifier(r.id()), r);
          }
          session.save();
          ledgers.remove(eventId);
          return Optional.of(cancellation);
        });
  }

  /** What staff asked for when promoting one registration from the waiting list. */
  public enum PromotionOutcome {
    /** The registration is now confirmed (saved). */
    PROMOTED,
    /** Not enough seats left for it: nothing changed. */
    NO_ROOM,
    /** It is not on the waiting list (confirmed or cancelled already): nothing changed. */
    NOT_WAITING,
    /** No registration of this event has that identifier. */
    NOT_FOUND
  }

  /**
   * Confirms one waiting registration chosen by staff, ahead of its turn, when its seats fit in the
   * capacity (capacity stays a promise: staff raise the capacity first to go beyond it).
   *
   * @param eventId the event id
   * @param registrationId the registration's identifier, may be malformed
   * @param settings the event's settings (capacity), not {@code null}
   * @param now the instant of the promotion, not {@code null}
   * @param listener told before saving, with {@code cancelled = null}, not {@code null}
   * @return what happened, never {@code null}
   * @throws IllegalArgumentException when the event id has another shape
   * @throws RepositoryException on repository failure (then nothing is saved)
   */
  public PromotionOutcome promote(
      String eventId,
      String registrationId,
      RegistrationSettings settings,
      Instant now,
      ChangeListener listener)
      throws RepositoryException {
    checkEventId(eventId);
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(listener, "listener");
    Optional<String> id = References.identifier(registrationId);
    if (id.isEmpty()) {
      return PromotionOutcome.NOT_FOUND;
    }
    return locked(
        eventId,
        session -> {
          Node node = registrationNode(session, eventId, id.get());
          if (node == null) {
            return PromotionOutcome.NOT_FOUND;
          }
          Registration registration = RegistrationJcr.read(node);
          if (registration.status() != Registration.Status.WAITING) {
            return PromotionOutcome.NOT_WAITING;
          }
          int confirmed = 0;
          for (Registration r : RegistrationJcr.inArrivalOrder(session, eventId)) {
            if (r.status() == Registration.Status.CONFIRMED) {
              confirmed += r.seats();
            }
          }
          if (confirmed + registration.seats() > settings.capacity()) {
            return PromotionOutcome.NO_ROOM;
          }
          RegistrationJcr.setStatus(session, registration.id(), Registration.Status.CONFIRMED, now);
          Registration promoted = registration.withStatus(Registration.Status.CONFIRMED);
          RegistrationJcr.nextRevision(node.getParent());
          listener.promoted(node, promoted);
          session.save();
          ledgers.remove(eventId);
          return PromotionOutcome.PROMOTED;
        });
  }

  /**
   * One registration of an event.
   *
   * @param eventId the event id
   * @param registrationId the registration's identifier, may be malformed
   * @return the registration as saved; empty when this event has no registration with that
   *     identifier
   * @throws IllegalArgumentException when the event id has another shape
   * @throws RepositoryException on repository failure
   */
  public Optional<Registration> registration(String eventId, String registrationId)
      throws RepositoryException {
    checkEventId(eventId);
    Optional<String> id = References.identifier(registrationId);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    Session session = opener.open();
    try {
      Node node = registrationNode(session, eventId, id.get());
      return node == null ? Optional.empty() : Optional.of(RegistrationJcr.read(node));
    } finally {
      session.logout();
    }
  }

  /** Work done on a fresh session inside an event's critical section. */
  @FunctionalInterface
  private interface Locked<T> {
    T run(Session session) throws RepositoryException;
  }

  /**
   * Runs {@code work} on a new session holding the event's lock, until it returns (after its {@code
   * save()}); on failure the session's unsaved changes are dropped. Logs the session out.
   */
  private <T> T locked(String eventId, Locked<T> work) throws RepositoryException {
    Session session = opener.open();
    ReentrantLock lock = locks.of(eventId);
    lock.lock();
    try {
      session.refresh(false);
      return work.run(session);
    } catch (RepositoryException | RuntimeException e) {
      session.refresh(false);
      throw e;
    } finally {
      lock.unlock();
      session.logout();
    }
  }

  /** The registration node of this event with that identifier, or {@code null}. */
  private static Node registrationNode(Session session, String eventId, String id)
      throws RepositoryException {
    Node node;
    try {
      node = session.getNodeByIdentifier(id);
    } catch (ItemNotFoundException e) {
      return null;
    }
    if (!node.isNodeType(RegistrationNodes.NODE_TYPE)
        || !eventId.equals(RegistrationJcr.read(node).eventId())) {
      return null;
    }
    return node;
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
