package fr.irev.news.preview.repository;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
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
 * refresh(false)}, as a logout would), a session no longer live is dropped, and beyond {@value
 * #MAX_IDLE_PER_WORKSPACE} idle sessions of a workspace the extra ones are logged out. A session is
 * used by one request (thread) at a time. Thread-safe.
 */
public final class SessionPool implements AutoCloseable {

  /** Idle sessions kept per workspace, about the number of requests served at once. */
  public static final int MAX_IDLE_PER_WORKSPACE = 64;

  private static final Logger LOG = LoggerFactory.getLogger(SessionPool.class);

  private final PreviewRepository repository;
  private final Map<String, ConcurrentLinkedDeque<Session>> idle = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> idleCounts = new ConcurrentHashMap<>();
  private final AtomicInteger logins = new AtomicInteger();
  private volatile boolean closed;

  /**
   * @param repository where sessions are logged in (administrator)
   */
  public SessionPool(PreviewRepository repository) {
    this.repository = repository;
  }

  /**
   * @param workspace a workspace name
   * @return an idle live session on it, else a new one; the caller gives it back with {@link
   *     #giveBack} and uses it on one thread meanwhile
   * @throws RepositoryException when the workspace does not exist or the pool is closed
   */
  public Session borrow(String workspace) throws RepositoryException {
    if (closed) {
      throw new RepositoryException("The preview's session pool is closed");
    }
    ConcurrentLinkedDeque<Session> sessions = idle.get(workspace);
    if (sessions != null) {
      Session session;
      while ((session = sessions.pollFirst()) != null) {
        idleCounts.get(workspace).decrementAndGet();
        if (session.isLive()) {
          return session;
        }
      }
    }
    logins.incrementAndGet();
    return repository.login(workspace);
  }

  /**
   * Takes a session back: unsaved changes discarded, kept for the next request unless the pool is
   * full or closed (then logged out).
   *
   * @param session a session from {@link #borrow} that the caller no longer uses
   */
  public void giveBack(Session session) {
    if (!session.isLive()) {
      return;
    }
    try {
      if (session.hasPendingChanges()) {
        session.refresh(false);
      }
    } catch (RepositoryException | RuntimeException e) {
      LOG.debug("Session dropped, its changes could not be discarded: {}", e.toString());
      session.logout();
      return;
    }
    String workspace = session.getWorkspace().getName();
    AtomicInteger count = idleCounts.computeIfAbsent(workspace, w -> new AtomicInteger());
    if (closed || count.incrementAndGet() > MAX_IDLE_PER_WORKSPACE) {
      count.decrementAndGet();
      session.logout();
      return;
    }
    idle.computeIfAbsent(workspace, w -> new ConcurrentLinkedDeque<>()).addFirst(session);
    if (closed) {
      logOutIdle(); // closed meanwhile
    }
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
    for (Map.Entry<String, ConcurrentLinkedDeque<Session>> sessions : idle.entrySet()) {
      Session session;
      while ((session = sessions.getValue().pollFirst()) != null) {
        idleCounts.get(sessions.getKey()).decrementAndGet();
        session.logout();
      }
    }
  }
}
