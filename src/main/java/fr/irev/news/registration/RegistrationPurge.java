package fr.irev.news.registration;

import fr.irev.news.format.FrenchDates;
import fr.irev.news.registration.RegistrationStore.SessionOpener;
import java.time.Instant;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.query.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the personal data of events whose retention period is over: each event folder {@code
 * /<eventId>} carries a Date {@value RegistrationNodes#RETAIN_UNTIL} (event end + retention, see
 * {@link #retainUntil}); once it is past, the whole folder goes (registrations and everything under
 * them, such as queued mails). Folders without that property are left alone.
 *
 * <p>Logs event ids and counts only, never personal data. Thread-safe; meant to run from {@link
 * PurgeScheduler}.
 */
public final class RegistrationPurge {

  private static final Logger LOG = LoggerFactory.getLogger(RegistrationPurge.class);

  /** Date on an event folder: personal data may be kept until then (exclusive). */
  private static final String RETAIN_UNTIL = RegistrationNodes.RETAIN_UNTIL;

  /** Default retention after the end of an event: 6 months. */
  public static final Period DEFAULT_RETENTION = RegistrationStore.DEFAULT_RETENTION;

  private static final String EXPIRED =
      "SELECT * FROM ["
          + RegistrationNodes.FOLDER_TYPE
          + "] AS f WHERE ISCHILDNODE(f, [/]) AND f.["
          + RETAIN_UNTIL
          + "] < $now";

  /** What the purge asks the rest of the module about an event. */
  public interface Events {
    /** No event information: folders are purged on their stored date alone. */
    Events NONE = new Events() {};

    /**
     * Until when an event's registrations must be kept now, from its current end (staff may have
     * postponed it since its registrations were recorded).
     *
     * @param eventId the event id (folder name)
     * @return the current date, or empty when the event is gone or has no usable end (then the
     *     stored date decides)
     * @throws RepositoryException when the event cannot be read (the folder is then kept)
     */
    default Optional<Instant> currentRetainUntil(String eventId) throws RepositoryException {
      return Optional.empty();
    }

    /**
     * The event's registrations were deleted (e.g. to drop what is kept in memory about them).
     *
     * @param eventId the event id
     */
    default void purged(String eventId) {}
  }

  private final SessionOpener opener;
  private final Events events;
  private final Set<String> reportedUndated = ConcurrentHashMap.newKeySet();

  /**
   * A purge deciding on the stored dates alone.
   *
   * @param opener opens a session with write access on the {@value RegistrationNodes#WORKSPACE}
   *     workspace (logged out after each purge), not {@code null}
   */
  public RegistrationPurge(SessionOpener opener) {
    this(opener, Events.NONE);
  }

  /**
   * @param opener opens a session with write access on the {@value RegistrationNodes#WORKSPACE}
   *     workspace (logged out after each purge), not {@code null}
   * @param events asked, before deleting a folder, whether its event moved later; told after
   */
  public RegistrationPurge(SessionOpener opener, Events events) {
    this.opener = Objects.requireNonNull(opener, "opener");
    this.events = Objects.requireNonNull(events, "events");
  }

  /**
   * Until when the registrations of an event are kept: the retention is added in Paris local time
   * (Europe/Paris), whatever the zone of {@code eventEnd} and of the JVM. Months keep the time of
   * day and end on the last day of a shorter month (31 August 18:00 + 6 months = 28 February
   * 18:00); a local time in the spring gap moves forward by the gap (02:30 becomes 03:30); in the
   * autumn overlap the earlier (summer time) offset is used.
   *
   * @param eventEnd end of the event, not {@code null}
   * @param retention retention period, not negative (for example {@link #DEFAULT_RETENTION})
   * @return the instant from which the registrations may be purged
   * @throws IllegalArgumentException when {@code retention} is negative
   */
  public static Instant retainUntil(ZonedDateTime eventEnd, Period retention) {
    Objects.requireNonNull(eventEnd, "eventEnd");
    if (retention.isNegative()) {
      throw new IllegalArgumentException("retention must not be negative, was " + retention);
    }
    return FrenchDates.inParis(eventEnd).plus(retention).withEarlierOffsetAtOverlap().toInstant();
  }

  /**
   * Writes {@value RegistrationNodes#RETAIN_UNTIL} on an event folder (unsaved), as a Date in UTC.
   *
   * @param folder the event's folder
   * @param retainUntil the instant, see {@link #retainUntil(ZonedDateTime, Period)}
   */
  static void setRetainUntil(Node folder, Instant retainUntil) throws RepositoryException {
    Calendar date = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    date.setTimeInMillis(retainUntil.toEpochMilli());
    folder.setProperty(RETAIN_UNTIL, date);
  }

  /**
   * Removes every event folder whose {@value RegistrationNodes#RETAIN_UNTIL} is before {@code now},
   * saving after each event. A failure on one event (for example a concurrent change) is logged,
   * counted and leaves that event for the next run; the others are still purged.
   *
   * @param now the instant of the purge, not {@code null}
   * @return what was done, never {@code null}
   * @throws RepositoryException when no session can be opened or the query fails (then nothing is
   *     deleted)
   */
  public Result purge(Instant now) throws RepositoryException {
    Objects.requireNonNull(now, "now");
    Session session = opener.open();
    try {
      Calendar at = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
      at.setTimeInMillis(now.toEpochMilli());
      Query query = session.getWorkspace().getQueryManager().createQuery(EXPIRED, Query.JCR_SQL2);
      query.bindValue("now", session.getValueFactory().createValue(at));
      List<String> expired = new ArrayList<>();
      for (NodeIterator nodes = query.execute().getNodes(); nodes.hasNext(); ) {
        expired.add(nodes.nextNode().getName());
      }
      int purgedEvents = 0;
      int registrations = 0;
      int failed = 0;
      for (String eventId : expired) {
        try {
          int deleted = purgeEvent(session, eventId, at, now);
          if (deleted >= 0) {
            purgedEvents++;
            registrations += deleted;
            this.events.purged(eventId);
            LOG.info("Purged event '{}': {} registration(s) deleted", eventId, deleted);
          }
        } catch (RepositoryException e) {
          failed++;
          session.refresh(false);
          LOG.warn("Could not purge event '{}', left for the next run", eventId, e);
        }
      }
      int undated = reportUndated(session);
      LOG.info(
          "Registration purge: {} event(s) purged, {} registration(s) deleted, {} failed",
          purgedEvents,
          registrations,
          failed);
      return new Result(purgedEvents, registrations, failed, undated);
    } finally {
      session.logout();
    }
  }

  /**
   * @return registrations deleted, or -1 when the folder is gone or no longer expired
   */
  private int purgeEvent(Session session, String eventId, Calendar now, Instant instant)
      throws RepositoryException {
    Node root = session.getRootNode();
    if (!root.hasNode(eventId)) {
      return -1;
    }
    Node folder = root.getNode(eventId);
    if (!folder.hasProperty(RETAIN_UNTIL)
        || !folder.getProperty(RETAIN_UNTIL).getDate().before(now)) {
      return -1;
    }
    Optional<Instant> current = events.currentRetainUntil(eventId);
    if (current.isPresent() && !current.get().isBefore(instant)) {
      // Postponed since: keep the registrations, and remember the new date.
      setRetainUntil(folder, current.get());
      session.save();
      LOG.info("Event '{}' was moved later: its registrations are kept", eventId);
      return -1;
    }
    int registrations = 0;
    for (NodeIterator nodes = folder.getNodes(); nodes.hasNext(); ) {
      if (nodes.nextNode().isNodeType(RegistrationNodes.NODE_TYPE)) {
        registrations++;
      }
    }
    folder.remove();
    session.save();
    return registrations;
  }

  /** Counts the event folders without a retention date; logs each one once per instance. */
  private int reportUndated(Session session) throws RepositoryException {
    int undated = 0;
    Set<String> newlySeen = new TreeSet<>();
    for (NodeIterator nodes = session.getRootNode().getNodes(); nodes.hasNext(); ) {
      Node node = nodes.nextNode();
      if (node.isNodeType(RegistrationNodes.FOLDER_TYPE) && !node.hasProperty(RETAIN_UNTIL)) {
        undated++;
        if (reportedUndated.add(node.getName())) {
          newlySeen.add(node.getName());
        }
      }
    }
    if (!newlySeen.isEmpty()) {
      LOG.info("Event folders without {} are never purged: {}", RETAIN_UNTIL, newlySeen);
    }
    return undated;
  }

  /**
   * What one purge did.
   *
   * @param eventsPurged event folders removed
   * @param registrationsDeleted registrations removed with them
   * @param eventsFailed expired event folders that could not be removed (retried next run)
   * @param foldersWithoutRetention event folders without {@value RegistrationNodes#RETAIN_UNTIL},
   *     left alone
   */
  public record Result(
      int eventsPurged, int registrationsDeleted, int eventsFailed, int foldersWithoutRetention) {}
}
