package fr.irev.news.news;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.irev.news.jcr.WorkspaceWatch;
import fr.irev.news.taxonomy.TaxonomyNodes;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.jcr.NoSuchWorkspaceException;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.observation.EventIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts of news items per filter ({@link NewsRepository#tally}), kept until the content changes;
 * also the identifiers of the terms filters name ({@link #termIdentifier}).
 *
 * <p>Why: Jackrabbit's JCR-SQL2 engine reads every node a query matches, so counting is linear in
 * the matching items (tens of thousands for a département on a large site) and a list page shows a
 * total and a count per facet. The counts are computed once per filter and content state, then
 * served from memory (a bounded least-recently-used cache, Caffeine).
 *
 * <p>Content state: a JCR observation listener on workspaces {@value NewsNodes#WORKSPACE}, {@value
 * TaxonomyNodes#THEMATICS_WORKSPACE} and {@value TaxonomyNodes#TERRITORIES_WORKSPACE} (every event
 * type, every session, including {@link NewsScopeWatcher}'s) moves a revision number; counts carry
 * the revision read before they were computed.
 *
 * <p>Counts of an older revision are still served (<em>stale while revalidating</em>): the request
 * gets them at once and one background thread recomputes them on its own session, so no visitor
 * waits for a count after a publication (on 100 000 items a département's counts take seconds to
 * compute). Counts therefore lag a change by the time of one recomputation (plus the repository's
 * observation delay, milliseconds); the list's items never lag, they are read on every request.
 * Only the first request for a filter computes its counts itself. Whoever keeps pages rendered with
 * counts (a page cache) hears of each recomputation through {@link #onRecount}.
 *
 * <p>The counts are shared by every session: they assume that whoever sees the listing may read the
 * same items (true of a public site, where visitors share one role). A filter's first counts are
 * computed with the request's session, the later ones with the session {@code opener} gives (in
 * Magnolia a system session): where visitors may not read some items, the counts would include
 * them.
 *
 * <p>Before {@link #start()} and after {@link #close()}, nothing is cached: every call counts.
 */
public final class NewsCounts implements AutoCloseable {

  /** Filters whose counts are kept by default. */
  public static final int DEFAULT_MAX_ENTRIES = 1_000;

  private static final Logger LOG = LoggerFactory.getLogger(NewsCounts.class);

  private static final long CLOSE_WAIT_SECONDS = 5;

  private static final List<String> WORKSPACES =
      List.of(
          NewsNodes.WORKSPACE,
          TaxonomyNodes.THEMATICS_WORKSPACE,
          TaxonomyNodes.TERRITORIES_WORKSPACE);

  private final NewsScopeWatcher.SessionOpener opener;
  private final Cache<Key, Entry> cache;
  private final Cache<TermKey, TermEntry> terms;
  private final Set<Key> refreshing = ConcurrentHashMap.newKeySet();
  private final AtomicLong refreshes = new AtomicLong();
  private final AtomicLong pending = new AtomicLong();
  private volatile ExecutorService refresher;
  private final AtomicLong revision = new AtomicLong();
  private final List<Runnable> recountListeners = new CopyOnWriteArrayList<>();
  private final WorkspaceWatch watch = new WorkspaceWatch(this::onEvents);
  private volatile boolean running;
  private volatile Set<String> watched = Set.of();

  /**
   * @param opener sessions on the three workspaces, kept open (for the listener) until {@link
   *     #close}
   * @param maxEntries most filters kept, ≥ 0 (0: nothing is cached)
   */
  public NewsCounts(NewsScopeWatcher.SessionOpener opener, int maxEntries) {
    if (maxEntries < 0) {
      throw new IllegalArgumentException("maxEntries " + maxEntries);
    }
    this.opener = opener;
    this.cache = Caffeine.newBuilder().maximumSize(maxEntries).build();
    this.terms = Caffeine.newBuilder().maximumSize(maxEntries).build();
  }

  /**
   * Registers the listener; from then on counts are cached. A taxonomy workspace that does not
   * exist is not watched.
   *
   * @throws RepositoryException when a session cannot be opened or the listener registered (nothing
   *     is left open)
   * @throws IllegalStateException when already started
   */
  public synchronized void start() throws RepositoryException {
    if (!watch.isEmpty()) {
      throw new IllegalStateException("NewsCounts already started");
    }
    try {
      for (String workspace : WORKSPACES) {
        Session session;
        try {
          session = opener.open(workspace);
        } catch (NoSuchWorkspaceException e) {
          if (workspace.equals(NewsNodes.WORKSPACE)) {
            throw e;
          }
          continue; // no taxonomy, nothing to watch there
        }
        watch.watch(session);
      }
    } catch (RepositoryException | RuntimeException e) {
      watch.close();
      throw e;
    }
    refresher =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "irev-news-counts");
              thread.setDaemon(true);
              return thread;
            });
    revision.incrementAndGet();
    watched = watch.workspaces();
    running = true;
  }

  /**
   * The counts of a filter: from memory, recomputed in the background when the content has changed
   * since; the first time, computed with {@code session} (concurrent first requests may each
   * compute).
   *
   * @param session the request's session on {@value NewsNodes#WORKSPACE}
   * @param filter what to count
   * @param thematicIds thematic identifiers to count
   * @param territoryIds territory identifiers to count
   * @return the counts, never {@code null}
   * @throws RepositoryException on repository failure (nothing is cached then)
   */
  public NewsRepository.Tally tally(
      Session session, NewsFilter filter, Set<String> thematicIds, Set<String> territoryIds)
      throws RepositoryException {
    NewsRepository repository = new NewsRepository(session);
    if (!running) {
      return repository.tally(filter, thematicIds, territoryIds);
    }
    Key key = new Key(filter, Set.copyOf(thematicIds), Set.copyOf(territoryIds));
    long now = revision.get();
    Entry known = cache.getIfPresent(key);
    if (known != null) {
      if (known.revision() != now) {
        refreshLater(key);
      }
      return known.tally();
    }
    // computed outside the map: a first count may take seconds, and Caffeine's compute would
    // block other updates of the map meanwhile (two first requests may both compute)
    NewsRepository.Tally tally = repository.tally(filter, thematicIds, territoryIds);
    store(key, new Entry(now, tally));
    return tally;
  }

  /**
   * Keeps the newer of two results for a key.
   *
   * @return whether {@code entry} is the one kept
   */
  private boolean store(Key key, Entry entry) {
    return cache
            .asMap()
            .merge(key, entry, (old, fresh) -> old.revision() > fresh.revision() ? old : fresh)
        == entry;
  }

  /**
   * Calls {@code listener} each time a background recomputation has replaced older counts of a
   * filter (after the new counts are served, on the recomputing thread): pages rendered before with
   * the older counts are stale from then on. Not called for a filter's first counts (the request
   * computing them is the first to show them). A listener should be quick and not throw; what it
   * throws is logged (WARN) and the other listeners are still called. Listeners stay until {@link
   * #close()}.
   *
   * @param listener what to call, e.g. a page cache's flush
   */
  public void onRecount(Runnable listener) {
    recountListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  private void recounted() {
    for (Runnable listener : recountListeners) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        LOG.warn("Listener of listing recounts failed: {}", e.toString());
      }
    }
  }

  /** Queues one background recomputation of a key (none if one is already queued). */
  private void refreshLater(Key key) {
    ExecutorService thread = refresher;
    if (thread == null || !refreshing.add(key)) {
      return;
    }
    pending.incrementAndGet();
    try {
      thread.execute(
          () -> {
            try {
              refresh(key);
            } finally {
              pending.decrementAndGet();
            }
          });
    } catch (RejectedExecutionException e) {
      refreshing.remove(key); // closing
      pending.decrementAndGet();
    }
  }

  /** Runs on the background thread. */
  private void refresh(Key key) {
    refreshing.remove(key);
    long now = revision.get();
    Entry known = cache.getIfPresent(key);
    if (!running || (known != null && known.revision() == now)) {
      return;
    }
    try {
      Session session = opener.open(NewsNodes.WORKSPACE);
      try {
        NewsRepository.Tally tally =
            new NewsRepository(session).tally(key.filter(), key.thematicIds(), key.territoryIds());
        boolean replaced = store(key, new Entry(now, tally));
        refreshes.incrementAndGet();
        if (replaced) {
          recounted();
        }
      } finally {
        session.logout();
      }
    } catch (RepositoryException | RuntimeException e) {
      LOG.warn("Listing counts not refreshed (the previous ones are served): {}", e.toString());
    }
  }

  /**
   * @return background recomputations queued or running; for tests and monitoring
   */
  public long pendingRefreshes() {
    return pending.get();
  }

  /**
   * @return background recomputations done since the start; for tests and monitoring
   */
  public long refreshes() {
    return refreshes.get();
  }

  /**
   * The identifier of the term a filter names (list page parameters such as {@code
   * ?territoire=nord}), kept until the content changes like the counts: finding a term by node name
   * is a JCR query on every filtered list page. An entry is used only while the revision it was
   * looked up at is current (no stale answer, unlike counts); unknown names are kept too. At most
   * as many names as filters ({@link #NewsCounts(NewsScopeWatcher.SessionOpener, int)}) are kept.
   * Before {@link #start()}, after {@link #close()} and for a workspace not watched, {@code lookup}
   * runs on every call.
   *
   * @param workspace the taxonomy's workspace, e.g. {@value TaxonomyNodes#THEMATICS_WORKSPACE}
   * @param name the term's node name as the request gave it
   * @param lookup finds the identifier with the request's session (empty for an unknown name)
   * @return the identifier, or empty when no term has this name
   * @throws RepositoryException when {@code lookup} fails (nothing is kept then)
   */
  public Optional<String> termIdentifier(String workspace, String name, TermLookup lookup)
      throws RepositoryException {
    if (!running || !watched.contains(workspace)) {
      return lookup.find();
    }
    TermKey key = new TermKey(workspace, name);
    long now = revision.get();
    TermEntry known = terms.getIfPresent(key);
    if (known != null && known.revision() == now) {
      return known.identifier();
    }
    Optional<String> identifier = lookup.find();
    terms.put(key, new TermEntry(now, identifier));
    return identifier;
  }

  /** Finds a term's identifier by name, see {@link #termIdentifier}. */
  @FunctionalInterface
  public interface TermLookup {
    /**
     * @return the identifier, or empty when no term has the name
     * @throws RepositoryException on repository failure
     */
    Optional<String> find() throws RepositoryException;
  }

  /**
   * @return the content revision: moves on every change seen by the listener; for tests and
   *     monitoring
   */
  public long revision() {
    return revision.get();
  }

  /** Removes the listener, stops the background thread, logs the sessions out, forgets counts. */
  @Override
  public synchronized void close() {
    running = false;
    ExecutorService thread = refresher;
    refresher = null;
    if (thread != null) {
      pending.addAndGet(-thread.shutdownNow().size()); // dropped before they ran
      try {
        if (!thread.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
          LOG.warn("Listing count recomputation still running after {} s", CLOSE_WAIT_SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    refreshing.clear();
    recountListeners.clear();
    watch.close();
    cache.invalidateAll();
    terms.invalidateAll();
  }

  private void onEvents(EventIterator events) {
    revision.incrementAndGet();
  }

  private record Key(NewsFilter filter, Set<String> thematicIds, Set<String> territoryIds) {}

  /** Counts and the content revision they were computed at. */
  private record Entry(long revision, NewsRepository.Tally tally) {}

  private record TermKey(String workspace, String name) {}

  /** A term identifier and the content revision it was looked up at. */
  private record TermEntry(long revision, Optional<String> identifier) {}
}
