package fr.irev.news.registration;

import static fr.irev.news.registration.RegistrationNodes.CREATED;
import static fr.irev.news.registration.RegistrationNodes.EMAIL;
import static fr.irev.news.registration.RegistrationNodes.EMAIL_KEY;
import static fr.irev.news.registration.RegistrationNodes.EVENT_ID;
import static fr.irev.news.registration.RegistrationNodes.FIRST_NAME;
import static fr.irev.news.registration.RegistrationNodes.FOLDER_TYPE;
import static fr.irev.news.registration.RegistrationNodes.LAST_NAME;
import static fr.irev.news.registration.RegistrationNodes.NODE_TYPE;
import static fr.irev.news.registration.RegistrationNodes.SEATS;
import static fr.irev.news.registration.RegistrationNodes.STATUS;
import static fr.irev.news.registration.RegistrationNodes.TOKEN;

import fr.irev.news.registration.RegistrationForm.RegistrationDetails;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * Reads and writes registration nodes (see {@link RegistrationNodes} for the layout). No locking
 * and no {@code save()} here: {@link RegistrationStore} does both.
 */
final class RegistrationJcr {

  private RegistrationJcr() {}

  /**
   * The registrations of one event in order of arrival (the event folder's child order), including
   * this session's unsaved changes.
   *
   * @return the registrations, first arrived first; empty when the event has no folder
   */
  static List<Registration> inArrivalOrder(Session session, String eventId)
      throws RepositoryException {
    List<Registration> registrations = new ArrayList<>();
    Node root = session.getRootNode();
    if (!root.hasNode(eventId)) {
      return registrations;
    }
    for (NodeIterator nodes = root.getNode(eventId).getNodes(); nodes.hasNext(); ) {
      Node node = nodes.nextNode();
      if (node.isNodeType(NODE_TYPE)) {
        registrations.add(read(node));
      }
    }
    return registrations;
  }

  /**
   * Adds a registration node at the end of the event's folder, creating the folder when needed.
   *
   * @return the new registration (unsaved)
   */
  static Registration add(
      Session session,
      String eventId,
      NewRegistration request,
      RegistrationDetails details,
      Registration.Status status,
      Instant now,
      Instant retainUntil)
      throws RepositoryException {
    Node root = session.getRootNode();
    Node folder =
        root.hasNode(eventId) ? root.getNode(eventId) : root.addNode(eventId, FOLDER_TYPE);
    Instant kept =
        folder.hasProperty(RegistrationNodes.RETAIN_UNTIL)
            ? folder.getProperty(RegistrationNodes.RETAIN_UNTIL).getDate().toInstant()
            : null;
    if (kept == null || kept.isBefore(retainUntil)) {
      RegistrationPurge.setRetainUntil(folder, retainUntil);
    }
    nextRevision(folder);
    Node node = folder.addNode(UUID.randomUUID().toString(), NODE_TYPE);
    node.setProperty(EVENT_ID, eventId);
    node.setProperty(STATUS, status.value());
    node.setProperty(SEATS, request.seats());
    node.setProperty(LAST_NAME, request.lastName());
    node.setProperty(FIRST_NAME, request.firstName());
    node.setProperty(EMAIL, request.email());
    node.setProperty(EMAIL_KEY, request.emailKey());
    node.setProperty(TOKEN, request.token());
    node.setProperty(CREATED, utc(now));
    detail(node, RegistrationNodes.ORGANISATION, details.organisation());
    detail(node, RegistrationNodes.FUNCTION, details.function());
    detail(node, RegistrationNodes.COMMUNE, details.commune());
    detail(node, RegistrationNodes.PHONE, details.phone());
    detail(node, RegistrationNodes.NEEDS, details.needs());
    detail(node, RegistrationNodes.COMMENT, details.comment());
    return read(node);
  }

  private static void detail(Node node, String name, String value) throws RepositoryException {
    if (!value.isEmpty()) {
      node.setProperty(name, value);
    }
  }

  private static String detail(Node node, String name) throws RepositoryException {
    return node.hasProperty(name) ? node.getProperty(name).getString() : "";
  }

  /**
   * Increments the folder's {@value RegistrationNodes#REVISION} (unsaved).
   *
   * @return the new revision
   */
  static long nextRevision(Node folder) throws RepositoryException {
    long next = revision(folder) + 1;
    folder.setProperty(RegistrationNodes.REVISION, next);
    return next;
  }

  /** The folder's {@value RegistrationNodes#REVISION}, 0 when never set. */
  static long revision(Node folder) throws RepositoryException {
    return folder.hasProperty(RegistrationNodes.REVISION)
        ? folder.getProperty(RegistrationNodes.REVISION).getLong()
        : 0;
  }

  /** A JCR date for an instant, in UTC. */
  static Calendar utc(Instant instant) {
    Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    calendar.setTimeInMillis(instant.toEpochMilli());
    return calendar;
  }

  /**
   * Sets the status of a registration node (unsaved).
   *
   * @throws javax.jcr.ItemNotFoundException when there is no node with that identifier
   */
  static void setStatus(Session session, String id, Registration.Status status, Instant now)
      throws RepositoryException {
    Node node = session.getNodeByIdentifier(id);
    node.setProperty(STATUS, status.value());
    node.setProperty(RegistrationNodes.STATUS_CHANGED, utc(now));
  }

  /**
   * @param node an {@value RegistrationNodes#NODE_TYPE} node
   * @return its registration
   */
  static Registration read(Node node) throws RepositoryException {
    return new Registration(
        node.getIdentifier(),
        node.getProperty(EVENT_ID).getString(),
        Registration.Status.of(node.getProperty(STATUS).getString()),
        Math.toIntExact(node.getProperty(SEATS).getLong()),
        node.getProperty(LAST_NAME).getString(),
        node.getProperty(FIRST_NAME).getString(),
        node.getProperty(EMAIL).getString(),
        node.getProperty(EMAIL_KEY).getString(),
        node.getProperty(TOKEN).getString(),
        node.getProperty(CREATED).getDate().toInstant(),
        new RegistrationDetails(
            detail(node, RegistrationNodes.ORGANISATION),
            detail(node, RegistrationNodes.FUNCTION),
            detail(node, RegistrationNodes.COMMUNE),
            detail(node, RegistrationNodes.PHONE),
            detail(node, RegistrationNodes.NEEDS),
            detail(node, RegistrationNodes.COMMENT)));
  }
}
