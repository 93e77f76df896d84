package fr.irev.news.news;

import fr.irev.news.taxonomy.TaxonomyNodes;
import fr.irev.news.taxonomy.TermScopes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.jcr.ItemNotFoundException;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.observation.Event;
import javax.jcr.observation.EventIterator;
import javax.jcr.observation.EventListener;
import javax.jcr.observation.ObservationManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link NewsNodes#THEMATIC_SCOPE} / {@link NewsNodes#TERRITORY_SCOPE} up to date when an
 * item's tags are written by someone else than {@link NewsWriter} (Magnolia's content app writes
 * {@code thematics} / {@code territories} straight through JCR): a JCR observation listener on
 * workspace {@value NewsNodes#WORKSPACE}.
 *
 * <p>On {@code NODE_ADDED} (a new item, an imported or moved one) and on any change of {@value
 * NewsNodes#THEMATICS} or {@value NewsNodes#TERRITORIES}, the item is queued; one background thread
 * recomputes its scope ({@link NewsScopes#write}, with {@link TermScopes} on fresh taxonomy
 * sessions) in the watcher's own session and saves when something changed. The listener is
 * registered with {@code noLocal}, so the watcher's own saves do not come back to it. Events of one
 * save for the same item, and events arriving while the item is still queued, give one
 * recomputation. Failures are logged (WARN, with the item's path) and never reach the repository's
 * event thread.
 *
 * <p>Terms moved in a taxonomy (Magnolia's Thématiques or Territoires app: {@code NODE_MOVED} on
 * workspace {@value TaxonomyNodes#THEMATICS_WORKSPACE} or {@value
 * TaxonomyNodes#TERRITORIES_WORKSPACE}, one listener each): every item whose scope holds the moved
 * term (items tagged with it or with one of its descendants: one bound query on the scope property)
 * is queued the same way. A taxonomy workspace that cannot be watched is logged (WARN) and skipped.
 *
 * <p>Not handled: a territory's {@link TaxonomyNodes#ANCESTORS} edited by hand (only the import
 * writes it, and the module update's backfill follows the import).
 */
public final class NewsScopeWatcher implements AutoCloseable {

  /** Opens a new session on a workspace; the watcher logs it out. */
  @FunctionalInterface
  public interface SessionOpener {
    /**
     * @param workspace workspace name
     * @return a new session with the right to read the taxonomies and write news items
     * @throws RepositoryException when no session can be opened
     */
    Session open(String workspace) throws RepositoryException;
  }

  private static final Logger LOG = LoggerFactory.getLogger(NewsScopeWatcher.class);

  private static final int EVENTS =
      Event.NODE_ADDED | Event.PROPERTY_ADDED | Event.PROPERTY_CHANGED | Event.PROPERTY_REMOVED;

  private static final long CLOSE_WAIT_SECONDS = 10;

  private final SessionOpener opener;
  private final Map<String, String> queued = new ConcurrentHashMap<>();
  private final AtomicLong recomputations = new AtomicLong();
  private final EventListener listener = this::onEvent;
  private final Map<Session, EventListener> termListeners = new LinkedHashMap<>();
  private volatile ExecutorService worker;
  private volatile Session session;
  private boolean closed;

  /**
   * @param opener sessions on {@value NewsNodes#WORKSPACE} (kept open until {@link #close}) and on
   *     the two taxonomy workspaces (one pair per recomputation)
   */
  public NewsScopeWatcher(SessionOpener opener) {
    this.opener = opener;
  }

  /**
   * Opens the watcher's session and registers the listener. Items changed before this call are not
   * looked at (the install/update backfill covers them).
   *
   * @throws RepositoryException when the session cannot be opened or the listener registered
   *     (nothing is left open)
   * @throws IllegalStateException when already started or closed
   */
  public synchronized void start() throws RepositoryException {
    if (session != null || closed) {
      throw new IllegalStateException("NewsScopeWatcher already started or closed");
    }
    Session opened = opener.open(NewsNodes.WORKSPACE);
    ExecutorService thread =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread t = new Thread(task, "irev-news-scope-watcher");
              t.setDaemon(true);
              return t;
            });
    session = opened;
    worker = thread;
    try {
      ObservationManager observation = opened.getWorkspace().getObservationManager();
      observation.addEventListener(listener, EVENTS, "/", true, null, null, true);
    } catch (RepositoryException | RuntimeException e) {
      thread.shutdownNow();
      opened.logout();
      session = null;
      worker = null;
      throw e;
    }
    watchMoves(TaxonomyNodes.THEMATICS_WORKSPACE, NewsNodes.THEMATIC_SCOPE);
    watchMoves(TaxonomyNodes.TERRITORIES_WORKSPACE, NewsNodes.TERRITORY_SCOPE);
  }

  /** Registers a NODE_MOVED listener on a taxonomy workspace; logs and skips on failure. */
  private void watchMoves(String workspace, String scopeProperty) {
    Session taxonomy = null;
    try {
      taxonomy = opener.open(workspace);
      EventListener moves = events -> onMoves(events, scopeProperty);
      taxonomy
          .getWorkspace()
          .getObservationManager()
          .addEventListener(moves, Event.NODE_MOVED, "/", true, null, null, false);
      termListeners.put(taxonomy, moves);
    } catch (RepositoryException | RuntimeException e) {
      LOG.warn(
          "Terms moved in {} are not followed (items get their scope at the next module update):"
              + " {}",
          workspace,
          e.toString());
      if (taxonomy != null) {
        taxonomy.logout();
      }
    }
  }

  /**
   * @return how many items have been recomputed since the start (whether or not their scope
   *     changed); for tests and monitoring
   */
  public long recomputations() {
    return recomputations.get();
  }

  /**
   * Unregisters the listener, lets the queued recomputations finish (up to 10 s) and logs the
   * session out. Idempotent; a watcher never started is just marked closed.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (session == null) {
      return;
    }
    try {
      session.getWorkspace().getObservationManager().removeEventListener(listener);
    } catch (RepositoryException | RuntimeException e) {
      LOG.warn("Cannot unregister the news scope listener: {}", e.toString());
    }
    termListeners.forEach(
        (taxonomy, moves) -> {
          try {
            taxonomy.getWorkspace().getObservationManager().removeEventListener(moves);
          } catch (RepositoryException | RuntimeException e) {
            LOG.warn("Cannot unregister the term move listener: {}", e.toString());
          }
          taxonomy.logout();
        });
    termListeners.clear();
    worker.shutdown();
    try {
      if (!worker.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
        LOG.warn("News scope recomputations still running after {} s", CLOSE_WAIT_SECONDS);
        worker.shutdownNow();
      }
    } catch (InterruptedException e) {
      worker.shutdownNow();
      Thread.currentThread().interrupt();
    }
    session.logout();
  }

  /** Runs on the repository's event thread: collects the items, never throws. */
  private void onEvent(EventIterator events) {
    Map<String, String> items = new LinkedHashMap<>();
    while (events.hasNext()) {
      try {
        Event event = events.nextEvent();
        String path = event.getPath();
        if (event.getType() == Event.NODE_ADDED) {
          items.putIfAbsent(key(event, path), path);
        } else if (isTagProperty(path)) {
          String item = parentPath(path);
          items.putIfAbsent(key(event, item), item);
        }
      } catch (RepositoryException | RuntimeException e) {
        LOG.warn("Unreadable repository event for news scopes: {}", e.toString());
      }
    }
    try {
      items.forEach(this::enqueue);
    } catch (RuntimeException e) {
      LOG.warn("Cannot queue news scope recomputations: {}", e.toString());
    }
  }

  /** Runs on the repository's event thread: queues a search per moved term, never throws. */
  private void onMoves(EventIterator events, String scopeProperty) {
    while (events.hasNext()) {
      try {
        String term = events.nextEvent().getIdentifier();
        if (term != null) {
          worker.execute(() -> queueTagged(scopeProperty, term));
        }
      } catch (RepositoryException | RuntimeException e) {
        LOG.warn("Unreadable term move event: {}", e.toString());
      }
    }
  }

  /** Runs on the worker thread: queues every item whose scope holds the moved term. */
  private void queueTagged(String scopeProperty, String term) {
    try {
      session.refresh(false);
      NewsFilter filter =
          NewsNodes.THEMATIC_SCOPE.equals(scopeProperty)
              ? NewsFilter.ALL.withThematic(term)
              : NewsFilter.ALL.withTerritory(term);
      new NewsRepository(session).paths(filter).forEach(this::enqueue);
    } catch (RepositoryException | RuntimeException e) {
      LOG.warn("Cannot find the news items of moved term {}: {}", term, e.toString());
    }
  }

  private static String key(Event event, String path) throws RepositoryException {
    String identifier = event.getIdentifier();
    return identifier != null ? identifier : path;
  }

  private static boolean isTagProperty(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return NewsNodes.THEMATICS.equals(name) || NewsNodes.TERRITORIES.equals(name);
  }

  private static String parentPath(String path) {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "/" : path.substring(0, slash);
  }

  private void enqueue(String key, String path) {
    if (queued.putIfAbsent(key, path) != null) {
      return; // already waiting: that run will read the latest state
    }
    try {
      worker.execute(() -> recompute(key));
    } catch (RejectedExecutionException e) {
      queued.remove(key); // closing
    }
  }

  /** Runs on the worker thread, the only one using {@link #session}. */
  private void recompute(String key) {
    String path = queued.remove(key);
    try {
      session.refresh(false);
      Node node = find(key, path);
      if (node == null || !node.isNodeType(NewsNodes.NODE_TYPE)) {
        return;
      }
      path = node.getPath();
      recomputations.incrementAndGet();
      Session thematics = opener.open(TaxonomyNodes.THEMATICS_WORKSPACE);
      try {
        Session territories = opener.open(TaxonomyNodes.TERRITORIES_WORKSPACE);
        try {
          if (NewsScopes.write(node, new TermScopes(thematics, territories))) {
            session.save();
            LOG.debug("Term scopes of {} recomputed", path);
          }
        } finally {
          territories.logout();
        }
      } finally {
        thematics.logout();
      }
    } catch (RepositoryException | RuntimeException e) {
      LOG.warn("Cannot recompute the term scopes of news item {}: {}", path, e.toString());
      discardQuietly();
    }
  }

  private Node find(String key, String path) throws RepositoryException {
    if (!key.equals(path)) {
      try {
        return session.getNodeByIdentifier(key);
      } catch (ItemNotFoundException e) {
        return null; // removed since
      }
    }
    return session.nodeExists(path) ? session.getNode(path) : null;
  }

  private void discardQuietly() {
    try {
      session.refresh(false);
    } catch (RepositoryException | RuntimeException e) {
      LOG.warn("Cannot discard the failed news scope change: {}", e.toString());
    }
  }
}
