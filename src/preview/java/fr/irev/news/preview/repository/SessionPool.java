package fr.irev.news.preview.repository;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sessions of the preview's requests, logged in once and lent to one request after another instead
 * of a login and a logout per request and workspace.
 *
 * <p>Why: a Jackrabbit login and logout cost some 10–20 µs of CPU each, and every {@code
 * SessionImpl} has a {@code finalize()} method, so each one outlives a young garbage collection and
 * is reclaimed only after its finaliser has run; at thousands of pages per second, per-request
 * sessions made most of the preview's collector time and its slowest answers (docs/benchmarks.md,
 * "Pages against a static file under wrk"). Magnolia logs a session in per request and workspace
 * (its own cost, not the module's); the module's code sees the same {@code Session} interface
 * either way.
 *
 * <p>What a request sees is unchanged: a Jackrabbit session without pending changes reads the
 * latest saved state of the workspace, whoever saved it (no snapshot is kept between requests). A
 * session comes back with {@link #giveBack}: changes a request left unsaved are discarded ({@code
 * refresh(false)}, as a logout would), a session no longer live is dropped; beyond {@value
 * #MAX_IDLE_PER_WORKSPACE} idle sessions of a workspace the extra ones are logged out, as are
 * sessions idle for {@value #MAX_IDLE_MILLIS} ms and those lent {@value #MAX_LOANS} times (a
 * Jackrabbit session keeps the items it read cached, about 1 MiB after a walk of the territories).
 * A session is used by one request (thread) at a time. Thread-safe.
 */
public final class SessionPool implements AutoCloseable {

  /** Idle sessions kept per workspace, about the number of requests served at once. */
  public static final int MAX_IDLE_PER_WORKSPACE = 64;

  /**
   * An idle session unused for longer is logged out (ms): a burst of requests does not leave its
   * sessions, and the item caches they filled, behind for good.
   */
  public static final long MAX_IDLE_MILLIS = 30_000;

  /** A session is logged out after this many loans, so that its item caches start afresh. */
  public static final int MAX_LOANS = 1_000;

  private static final Logger LOG = LoggerFactory.getLogger(SessionPool.class);

  private final PreviewRepository repository;
  private final LongSupplier clock;
  private final Map<String, ConcurrentLinkedDeque<Idle>> idle = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> idleCounts = new ConcurrentHashMap<>();
  private final Map<Session, Integer> lent = new ConcurrentHashMap<>();
  private final Map<Session, Integer> loans = new ConcurrentHashMap<>();
  private final AtomicInteger logins = new AtomicInteger();
  private volatile boolean closed;

  /**
   * @param repository where sessions are logged in (administrator)
   */
  public SessionPool(PreviewRepository repository) {
    this(repository, System::currentTimeMillis);
  }

  /**
   * @param repository where sessions are logged in (administrator)
   * @param clock the current time in ms, for {@link #MAX_IDLE_MILLIS}
   */
  SessionPool(PreviewRepository repository, LongSupplier clock) {
    this.repository = repository;
    this.clock = clock;
  }

  /**
   * @param workspace a workspace name
   * @return an idle live session on it (the one given back last), else a new one; the caller gives
   *     it back with {@link #giveBack} and uses it on one thread meanwhile
   * @throws RepositoryException when the workspace does not exist or the pool is closed
   */
  public Session borrow(String workspace) throws RepositoryException {
    if (closed) {
      throw new RepositoryException("The preview's session pool is closed");
    }
    ConcurrentLinkedDeque<Idle> sessions = idle.get(workspace);
    if (sessions != null) {
      Idle kept;
      while ((kept = sessions.pollFirst()) != null) {
        idleCounts.get(workspace).decrementAndGet();
        if (kept.session().isLive()) {
          return lend(kept.session());
        }
        loans.remove(kept.session());
      }
    }
    logins.incrementAndGet();
    return lend(repository.login(workspace));
  }

  private Session lend(Session session) {
    lent.put(session, loans.merge(session, 1, Integer::sum));
    return session;
  }

  /**
   * Takes a session back: unsaved changes discarded, kept for the next request unless the pool is
   * full or closed, or the session was lent {@value #MAX_LOANS} times (then logged out). A session
   * this pool did not lend, or already given back, is ignored.
   *
   * @param session a session from {@link #borrow} that the caller no longer uses
   */
  public void giveBack(Session session) {
    if (lent.remove(session) == null) {
      LOG.debug("Session given back twice or not lent by this pool: ignored");
      return;
    }
    expireIdle(session.getWorkspace().getName());
    if (!session.isLive()) {
      loans.remove(session);
      return;
    }
    try {
      if (session.hasPendingChanges()) {
        session.refresh(false);
      }
    } catch (RepositoryException | RuntimeException e) {
      LOG.debug("Session dropped, its changes could not be discarded: {}", e.toString());
      logOut(session);
      return;
    }
    String workspace = session.getWorkspace().getName();
    if (closed || loans.getOrDefault(session, 0) >= MAX_LOANS) {
      logOut(session);
      return;
    }
    AtomicInteger count = idleCounts.computeIfAbsent(workspace, w -> new AtomicInteger());
    if (count.incrementAndGet() > MAX_IDLE_PER_WORKSPACE) {
      count.decrementAndGet();
      logOut(session);
      return;
    }
    idle.computeIfAbsent(workspace, w -> new ConcurrentLinkedDeque<>())
        .addFirst(new Idle(session, clock.getAsLong()));
    if (closed) {
      logOutIdle(); // closed meanwhile
    }
  }

  /** Logs out the oldest idle session of a workspace when it has been idle too long. */
  private void expireIdle(String workspace) {
    ConcurrentLinkedDeque<Idle> sessions = idle.get(workspace);
    Idle oldest = sessions == null ? null : sessions.peekLast();
    if (oldest != null
        && clock.getAsLong() - oldest.since() > MAX_IDLE_MILLIS
        && sessions.removeLastOccurrence(oldest)) {
      idleCounts.get(workspace).decrementAndGet();
      logOut(oldest.session());
    }
  }

  private void logOut(Session session) {
    loans.remove(session);
    session.logout();
  }

  /**
   * @return sessions logged in since the pool was made (not counting those given back and lent
   *     again); for tests and monitoring
   */
  public int logins() {
    return logins.get();
  }

  /** Logs out the idle sessions; sessions lent out are logged out when given back. */
  @Override
  public void close() {
    closed = true;
    logOutIdle();
  }

  private void logOutIdle() {
    for (Map.Entry<String, ConcurrentLinkedDeque<Idle>> sessions : idle.entrySet()) {
      Idle kept;
      while ((kept = sessions.getValue().pollFirst()) != null) {
        idleCounts.get(sessions.getKey()).decrementAndGet();
        logOut(kept.session());
      }
    }
  }

  /** A session given back, and when (ms, {@code clock}). */
  private record Idle(Session session, long since) {}
}
