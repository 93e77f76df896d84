package fr.irev.news.mail;

import static fr.irev.news.mail.MailNodes.ATTEMPTS;
import static fr.irev.news.mail.MailNodes.CREATED;
import static fr.irev.news.mail.MailNodes.FOLDER;
import static fr.irev.news.mail.MailNodes.FOLDER_TYPE;
import static fr.irev.news.mail.MailNodes.LAST_ATTEMPT;
import static fr.irev.news.mail.MailNodes.LAST_ERROR;
import static fr.irev.news.mail.MailNodes.NEXT_ATTEMPT;
import static fr.irev.news.mail.MailNodes.NODE_TYPE;
import static fr.irev.news.mail.MailNodes.SENT_AT;
import static fr.irev.news.mail.MailNodes.STATE;

import fr.irev.news.jcr.References;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import javax.jcr.ItemNotFoundException;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.ValueFactory;
import javax.jcr.query.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A persistent outbox in JCR: messages are written next to the data they belong to, in the same
 * {@code session.save()} (a registration and its confirmation are saved together or not at all),
 * and sent later by {@link #sendDue()}, so that nothing is lost while the SMTP server is down or
 * not configured. Layout and node type in {@link MailNodes}.
 *
 * <p>Life of a message: {@link MailState#PENDING} with {@code attempts = 0} and {@code nextAttempt
 * = created}; each failed attempt adds one and pushes {@code nextAttempt} back by {@link
 * #backoff(int)} (30 s, 1 min, 2 min, 4 min, 8 min, then every 15 min); {@link MailState#SENT} once
 * the SMTP server has accepted it; {@link MailState#FAILED} when the server refuses it for good
 * ({@link MailException.Kind#PERMANENT}) or after {@link #DEFAULT_MAX_ATTEMPTS} attempts (about two
 * days of retries), where staff see it ({@link #entries}). A failure of the server itself ({@link
 * MailException.Kind#SERVER_UNAVAILABLE}) ends the pass: the other due messages of the batch get
 * the same failure recorded without a connection being tried for each.
 *
 * <p>Delivery is at least once: a crash (or a failed save) between the server's acceptance and the
 * save of {@code sent} sends that one message again on the next pass.
 *
 * <p>Concurrency: passes are serialised by a lock of this instance, so a pass started by {@link
 * OutboxWorker#wake()} and a timed one never send the same message twice. The lock holds within one
 * JVM: exactly one instance (one {@link OutboxWorker}) per repository must send, e.g. the author
 * instance, even when several public instances share the registrations workspace.
 *
 * <p>Logging: counts, node identifiers, failure kinds and exception class names only; never an
 * address, a name, a subject or a body.
 */
public final class MailOutbox {

  /** Opens a new session on the outbox's workspace; the outbox logs it out. */
  @FunctionalInterface
  public interface SessionOpener {
    /**
     * @return a new session
     * @throws RepositoryException when no session can be opened
     */
    Session open() throws RepositoryException;
  }

  /** Messages sent in one pass at most. */
  public static final int DEFAULT_BATCH = 100;

  /** Attempts before a message is given up ({@link MailState#FAILED}): about two days. */
  public static final int DEFAULT_MAX_ATTEMPTS = 200;

  /** Most entries {@link #entries} returns. */
  public static final int MAX_ENTRIES = 1_000;

  private static final Duration FIRST_DELAY = Duration.ofSeconds(30);
  private static final Duration MAX_DELAY = Duration.ofMinutes(15);

  private static final String DUE =
      "SELECT * FROM ["
          + NODE_TYPE
          + "] AS m WHERE m.["
          + STATE
          + "] = $state AND m.["
          + NEXT_ATTEMPT
          + "] <= $now ORDER BY m.["
          + CREATED
          + "]";

  private static final String ALL = "SELECT * FROM [" + NODE_TYPE + "] AS m";
  private static final String IN_STATE = ALL + " WHERE m.[" + STATE + "] = $state";
  private static final String NEWEST_FIRST = " ORDER BY m.[" + CREATED + "] DESC";

  private static final Logger LOG = LoggerFactory.getLogger(MailOutbox.class);

  private final SessionOpener opener;
  private final MailTransport transport;
  private final Supplier<MailSettings> settings;
  private final Clock clock;
  private final int batchSize;
  private final int maxAttempts;
  private final ReentrantLock lock = new ReentrantLock();

  /**
   * An outbox sending {@value #DEFAULT_BATCH} messages per pass and giving up after {@value
   * #DEFAULT_MAX_ATTEMPTS} attempts.
   *
   * @param opener opens one session per pass, on the workspace holding the messages
   * @param transport sends one message
   * @param settings read at the start of each pass (they may change at run time); a {@code null}
   *     result counts as "no server"
   * @param clock gives "now"
   */
  public MailOutbox(
      SessionOpener opener, MailTransport transport, Supplier<MailSettings> settings, Clock clock) {
    this(opener, transport, settings, clock, DEFAULT_BATCH, DEFAULT_MAX_ATTEMPTS);
  }

  /**
   * @param batchSize messages sent in one pass at most, {@code >= 1}
   * @param maxAttempts attempts before a message is given up, {@code >= 1}
   * @throws IllegalArgumentException when a number is below 1
   */
  public MailOutbox(
      SessionOpener opener,
      MailTransport transport,
      Supplier<MailSettings> settings,
      Clock clock,
      int batchSize,
      int maxAttempts) {
    this.opener = Objects.requireNonNull(opener, "opener");
    this.transport = Objects.requireNonNull(transport, "transport");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (batchSize < 1 || maxAttempts < 1) {
      throw new IllegalArgumentException("batchSize and maxAttempts must be at least 1");
    }
    this.batchSize = batchSize;
    this.maxAttempts = maxAttempts;
  }

  /**
   * Queues one message under {@code parent} (in a child {@value MailNodes#FOLDER}, created when
   * absent): {@link MailState#PENDING}, no attempt yet, due at {@code now}. Does <em>not</em> save:
   * the caller saves it together with the data it belongs to.
   *
   * @param parent the node the message belongs to (e.g. a registration); its type must allow a
   *     {@value MailNodes#FOLDER_TYPE} child
   * @param message the message, not {@code null}
   * @param now the current instant, not {@code null}
   * @return the JCR identifier of the new message node
   * @throws RepositoryException when the nodes cannot be added (e.g. the node type {@value
   *     MailNodes#NODE_TYPE} is not registered, or the parent does not allow the child)
   */
  public static String enqueue(Node parent, MailMessage message, Instant now)
      throws RepositoryException {
    Objects.requireNonNull(parent, "parent");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(now, "now");
    Node folder =
        parent.hasNode(FOLDER) ? parent.getNode(FOLDER) : parent.addNode(FOLDER, FOLDER_TYPE);
    Node node = folder.addNode(UUID.randomUUID().toString(), NODE_TYPE);
    MailJcr.writeMessage(node, message);
    node.setProperty(STATE, MailState.PENDING.jcrValue());
    node.setProperty(ATTEMPTS, 0L);
    MailJcr.setDate(node, CREATED, now);
    MailJcr.setDate(node, NEXT_ATTEMPT, now);
    return node.getIdentifier();
  }

  /**
   * One pass: sends the pending messages that are due ({@code nextAttempt <= now}), oldest first,
   * at most the batch size, saving each message's new state right after its attempt. When the
   * settings have no host, nothing is read, sent or counted (messages stay pending, as in the
   * preview). Waits while another pass of this instance runs.
   *
   * @return the number of messages the SMTP server accepted in this pass, {@code >= 0}
   * @throws RepositoryException when the repository fails (the states saved so far stay saved)
   */
  public int sendDue() throws RepositoryException {
    MailSettings current = settings.get();
    if (current == null || !current.configured()) {
      return 0;
    }
    lock.lock();
    try {
      Session session = opener.open();
      try {
        return sendDue(session, current);
      } finally {
        session.logout();
      }
    } finally {
      lock.unlock();
    }
  }

  private int sendDue(Session session, MailSettings current) throws RepositoryException {
    List<Node> due = due(session, clock.instant());
    int sent = 0;
    int failed = 0;
    MailException serverDown = null;
    MailException last = null;
    for (Node node : due) {
      if (serverDown != null) {
        recordFailure(node, serverDown);
        session.save();
        continue;
      }
      MailMessage message;
      try {
        message = MailJcr.readMessage(node);
      } catch (IllegalArgumentException e) {
        failed++;
        giveUp(node, "Stored message is invalid (" + e.getClass().getSimpleName() + ")");
        session.save();
        continue;
      }
      try {
        transport.send(message, current, node.getIdentifier());
        Instant now = clock.instant();
        node.setProperty(STATE, MailState.SENT.jcrValue());
        node.setProperty(ATTEMPTS, attempts(node) + 1);
        MailJcr.setDate(node, SENT_AT, now);
        MailJcr.setDate(node, LAST_ATTEMPT, now);
        MailJcr.setOrRemove(node, LAST_ERROR, null);
        sent++;
      } catch (MailException e) {
        last = e;
        failed++;
        recordFailure(node, e);
        if (e.kind() == MailException.Kind.SERVER_UNAVAILABLE) {
          serverDown = e;
        }
      } catch (RuntimeException | LinkageError e) {
        last =
            new MailException(
                MailException.Kind.TEMPORARY, "Unexpected failure", e.getClass().getSimpleName());
        failed++;
        recordFailure(node, last);
      }
      session.save();
    }
    if (last != null) {
      LOG.warn(
          "Mail outbox: {} sent, {} not sent, {} deferred (last failure: {}, {})",
          sent,
          failed,
          serverDown == null ? 0 : due.size() - sent - failed,
          last.kind(),
          last.causeType());
    } else if (sent > 0) {
      LOG.debug("Mail outbox: {} sent", sent);
    }
    return sent;
  }

  /**
   * Makes every pending message due now, and puts given-up ones back in the queue (staff's "retry
   * now", or after the SMTP server is back), then runs one pass ({@link #sendDue()}).
   *
   * @return the number of messages sent by that pass
   * @throws RepositoryException when the repository fails
   */
  public int retryNow() throws RepositoryException {
    lock.lock();
    try {
      Session session = opener.open();
      try {
        Instant now = clock.instant();
        Instant far = now.plus(java.time.Duration.ofDays(3650));
        for (Node node : due(session, far, Integer.MAX_VALUE)) {
          MailJcr.setDate(node, NEXT_ATTEMPT, now);
        }
        // Given-up messages too: staff asked for it (e.g. once a long outage is over).
        Query failed =
            session
                .getWorkspace()
                .getQueryManager()
                .createQuery(
                    "SELECT * FROM [" + NODE_TYPE + "] AS m WHERE m.[" + STATE + "] = $state",
                    Query.JCR_SQL2);
        failed.bindValue(
            "state", session.getValueFactory().createValue(MailState.FAILED.jcrValue()));
        for (NodeIterator it = failed.execute().getNodes(); it.hasNext(); ) {
          Node node = it.nextNode();
          node.setProperty(STATE, MailState.PENDING.jcrValue());
          MailJcr.setDate(node, NEXT_ATTEMPT, now);
        }
        session.save();
      } finally {
        session.logout();
      }
    } finally {
      lock.unlock();
    }
    return sendDue();
  }

  private List<Node> due(Session session, Instant now) throws RepositoryException {
    return due(session, now, batchSize);
  }

  private List<Node> due(Session session, Instant now, int limit) throws RepositoryException {
    ValueFactory values = session.getValueFactory();
    Query query = session.getWorkspace().getQueryManager().createQuery(DUE, Query.JCR_SQL2);
    query.bindValue("state", values.createValue(MailState.PENDING.jcrValue()));
    query.bindValue("now", values.createValue(MailJcr.calendar(now)));
    query.setLimit(limit);
    List<Node> nodes = new ArrayList<>();
    for (NodeIterator it = query.execute().getNodes(); it.hasNext(); ) {
      nodes.add(it.nextNode());
    }
    return nodes;
  }

  private void recordFailure(Node node, MailException e) throws RepositoryException {
    long attempts = attempts(node) + 1;
    Instant now = clock.instant();
    node.setProperty(ATTEMPTS, attempts);
    MailJcr.setDate(node, LAST_ATTEMPT, now);
    String error = describe(e);
    // An unreachable server says nothing about the message: an outage, however long (a weekend),
    // only delays it; attempts that reached a server count towards giving up.
    boolean counts = e.kind() != MailException.Kind.SERVER_UNAVAILABLE;
    if (e.kind() == MailException.Kind.PERMANENT || (counts && attempts >= maxAttempts)) {
      giveUp(node, error);
      return;
    }
    node.setProperty(LAST_ERROR, error);
    MailJcr.setDate(node, NEXT_ATTEMPT, now.plus(backoff((int) Math.min(attempts, 1_000))));
  }

  private static void giveUp(Node node, String error) throws RepositoryException {
    node.setProperty(STATE, MailState.FAILED.jcrValue());
    node.setProperty(LAST_ERROR, error);
    LOG.warn(
        "Mail outbox: message {} given up after {} attempt(s): {}",
        node.getIdentifier(),
        attempts(node),
        error);
  }

  private static String describe(MailException e) {
    String cause = e.causeType() == null ? "" : " [" + e.causeType() + "]";
    return "MailException " + e.kind() + ": " + e.getMessage() + cause;
  }

  private static long attempts(Node node) throws RepositoryException {
    return node.hasProperty(ATTEMPTS) ? node.getProperty(ATTEMPTS).getLong() : 0;
  }

  /**
   * Delay before the next attempt after a number of failed attempts: 30 s after the first, doubled
   * each time, never more than 15 min.
   *
   * @param attempts failed attempts so far, {@code >= 1}
   * @return the delay
   */
  static Duration backoff(int attempts) {
    if (attempts <= 1) {
      return FIRST_DELAY;
    }
    int doublings = Math.min(attempts - 1, 10);
    Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
    return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
  }

  /**
   * Lists messages for staff, newest first, without bodies or attachments. Runs with the caller's
   * session, so the caller's read rights apply.
   *
   * @param session a session on the outbox's workspace
   * @param state only messages in this state, or {@code null} for all
   * @param limit most entries returned, 1 to {@value #MAX_ENTRIES}
   * @return the entries, possibly empty, never {@code null}; only entries still in {@code state}
   *     when read
   * @throws IllegalArgumentException when {@code limit} is out of range
   * @throws RepositoryException on repository failure
   */
  public static List<OutboxEntry> entries(Session session, MailState state, int limit)
      throws RepositoryException {
    if (limit < 1 || limit > MAX_ENTRIES) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_ENTRIES);
    }
    String sql = (state == null ? ALL : IN_STATE) + NEWEST_FIRST;
    Query query = session.getWorkspace().getQueryManager().createQuery(sql, Query.JCR_SQL2);
    if (state != null) {
      query.bindValue("state", session.getValueFactory().createValue(state.jcrValue()));
    }
    query.setLimit(limit);
    List<OutboxEntry> entries = new ArrayList<>();
    for (NodeIterator it = query.execute().getNodes(); it.hasNext(); ) {
      OutboxEntry entry = MailJcr.entry(it.nextNode());
      // the worker may have saved another state between the query and this read
      if (state == null || entry.state() == state) {
        entries.add(entry);
      }
    }
    return entries;
  }

  /**
   * One queued message in full (staff view).
   *
   * @param session a session on the outbox's workspace
   * @param id the message's identifier, as in {@link OutboxEntry#id()}; may be malformed
   * @return the message, or empty when {@code id} is not a UUID, names no node, or names a node
   *     that is not a {@value MailNodes#NODE_TYPE}
   * @throws IllegalStateException when the stored values do not make a valid message (edited by
   *     hand)
   * @throws RepositoryException on repository failure
   */
  public static Optional<MailMessage> message(Session session, String id)
      throws RepositoryException {
    Optional<Node> node = mailNode(session, id);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(MailJcr.readMessage(node.get()));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "Stored message " + node.get().getIdentifier() + " is invalid", e);
    }
  }

  /**
   * One queued message's entry, for staff.
   *
   * @param session a session on the outbox's workspace
   * @param id the message's identifier, may be malformed
   * @return its entry, or empty when there is no message with that identifier
   * @throws RepositoryException on repository failure
   */
  public static Optional<OutboxEntry> entry(Session session, String id) throws RepositoryException {
    Optional<Node> node = mailNode(session, id);
    return node.isPresent() ? Optional.of(MailJcr.entry(node.get())) : Optional.empty();
  }

  /** The {@value MailNodes#NODE_TYPE} node with that identifier, if any. */
  private static Optional<Node> mailNode(Session session, String id) throws RepositoryException {
    Optional<String> identifier = References.identifier(id);
    if (identifier.isEmpty()) {
      return Optional.empty();
    }
    Node node;
    try {
      node = session.getNodeByIdentifier(identifier.get());
    } catch (ItemNotFoundException e) {
      return Optional.empty();
    }
    return node.isNodeType(NODE_TYPE) ? Optional.of(node) : Optional.empty();
  }
}
