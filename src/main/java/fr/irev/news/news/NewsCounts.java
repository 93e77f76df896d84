package fr.irev.news.news;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.irev.news.attachment.DamNodes;
import fr.irev.news.jcr.WorkspaceWatch;
import fr.irev.news.taxonomy.TaxonomyNodes;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts of news items per filter ({@link NewsRepository#tally}), kept until the content changes;
 * also the other reads of content a page makes ({@link #kept}: items, pages of the list, terms, DAM
 * assets), kept while their workspace is unchanged.
 *
 * <p>Why: Jackrabbit's JCR-SQL2 engine reads every node a query matches, so counting is linear in
 * the matching items (tens of thousands for a département on a large site) and a list page shows a
 * total and a count per facet. The counts are computed once per filter and content state, then
 * served from memory (a bounded least-recently-used cache, Caffeine).
 *
 * <p>Content state: a JCR observation listener on workspaces {@value NewsNodes#WORKSPACE}, {@value
 * TaxonomyNodes#THEMATICS_WORKSPACE}, {@value TaxonomyNodes#TERRITORIES_WORKSPACE} and {@value
 * DamNodes#WORKSPACE} (every event type, every session, including {@link NewsScopeWatcher}'s) moves
 * a revision number per workspace; counts carry the revision of the first three read before they
 * were computed (a DAM change does not touch them), kept reads the revision of their own workspace.
 * On Jackrabbit the listener is synchronous ({@link WorkspaceWatch#synchronous}): the revision has
 * moved before {@code Session.save()} returns, so a request that starts after a save never gets a
 * kept read from before it.
 *
 * <p>Counts of an older revision are still served (<em>stale while revalidating</em>): the request
 * gets them at once and one background thread recomputes them on its own session, so no visitor
 * waits for a count after a publication (on 100 000 items a département's counts take seconds to
 * compute). Counts therefore lag a change by the time of one recomputation (plus the repository's
 * observation delay, milliseconds); the list's items never lag (kept reads are never stale). Only
 * the first request for a filter computes its counts itself. Whoever keeps pages rendered with
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

  /**
   * Memory the reads kept by {@link #kept} may take by default, in bytes as {@link #weight}
   * estimates it: 64 MiB (some 6 000 items of 5 000 characters).
   */
  public static final long DEFAULT_MAX_READ_BYTES = 64L << 20;

  /** The workspaces counts depend on. */
  private static final List<String> COUNTED =
      List.of(
          NewsNodes.WORKSPACE,
          TaxonomyNodes.THEMATICS_WORKSPACE,
          TaxonomyNodes.TERRITORIES_WORKSPACE);

  private final NewsScopeWatcher.SessionOpener opener;
  private final Cache<Key, Entry> cache;
  private final Cache<ReadKey, ReadEntry> reads;
  private final Set<Key> refreshing = ConcurrentHashMap.newKeySet();
  private final AtomicLong refreshes = new AtomicLong();
  private final AtomicLong pending = new AtomicLong();
  private volatile ExecutorService refresher;
  private final AtomicLong revision = new AtomicLong();
  private final Map<String, AtomicLong> revisions = new ConcurrentHashMap<>();
  private final List<Runnable> recountListeners = new CopyOnWriteArrayList<>();
  private final List<WorkspaceWatch> watches = new ArrayList<>();
  private volatile boolean running;

  /**
   * @param opener sessions on the four workspaces, kept open (for the listeners) until {@link
   *     #close}
   * @param maxEntries most filters kept, ≥ 0 (0: nothing is cached)
   */
  public NewsCounts(NewsScopeWatcher.SessionOpener opener, int maxEntries) {
    this(opener, maxEntries, DEFAULT_MAX_READ_BYTES);
  }

  /**
   * @param opener sessions on the four workspaces, kept open (for the listener) until {@link
   *     #close}
   * @param maxEntries most filters kept, ≥ 0 (0: nothing is cached)
   * @param maxReadBytes most memory the reads kept by {@link #kept} take, in bytes as {@link
   *     #weight} estimates it, ≥ 0 (0: none kept); beyond it, Caffeine evicts the reads least
   *     likely to be asked again (by frequency and recency)
   */
  public NewsCounts(NewsScopeWatcher.SessionOpener opener, int maxEntries, long maxReadBytes) {
    if (maxEntries < 0) {
      throw new IllegalArgumentException("maxEntries " + maxEntries);
    }
    if (maxReadBytes < 0) {
      throw new IllegalArgumentException("maxReadBytes " + maxReadBytes);
    }
    this.opener = opener;
    this.cache = Caffeine.newBuilder().maximumSize(maxEntries).build();
    this.reads =
        Caffeine.newBuilder()
            .maximumWeight(maxReadBytes)
            .weigher((ReadKey key, ReadEntry entry) -> entry.weight())
            .executor(Runnable::run) // evict in the caller: the budget holds when put returns
            .build();
  }

  /**
   * Registers the listeners; from then on counts and reads are cached. A taxonomy or DAM workspace
   * that does not exist is not watched (reads there are never kept).
   *
   * @throws RepositoryException when a session cannot be opened or the listener registered (nothing
   *     is left open)
   * @throws IllegalStateException when already started
   */
  public synchronized void start() throws RepositoryException {
    if (!watches.isEmpty()) {
      throw new IllegalStateException("NewsCounts already started");
    }
    List<String> all = new ArrayList<>(COUNTED);
    all.add(DamNodes.WORKSPACE);
    try {
      for (String workspace : all) {
        Session session;
        try {
          session = opener.open(workspace);
        } catch (NoSuchWorkspaceException e) {
          if (workspace.equals(NewsNodes.WORKSPACE)) {
            throw e;
          }
          continue; // no taxonomy or DAM, nothing to watch there
        } catch (RepositoryException e) {
          if (!workspace.equals(DamNodes.WORKSPACE)) {
            throw e;
          }
          // the DAM is optional here: its reads are then not kept, everything else is
          LOG.info("DAM not watched, attachment cards read on every render: {}", e.toString());
          continue;
        }
        AtomicLong own = new AtomicLong();
        boolean counted = COUNTED.contains(workspace);
        WorkspaceWatch watch =
            new WorkspaceWatch(
                WorkspaceWatch.synchronous(
                    events -> {
                      own.incrementAndGet();
                      if (counted) {
                        revision.incrementAndGet();
                      }
                    }));
        watches.add(watch);
        watch.watch(session);
        revisions.put(workspace, own);
      }
    } catch (RepositoryException | RuntimeException e) {
      watches.forEach(WorkspaceWatch::close);
      watches.clear();
      revisions.clear();
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
    running = true;
    LOG.info(
        "News counts and kept reads started on {} ({} listeners)",
        revisions.keySet(),
        WorkspaceWatch.synchronousAvailable()
            ? "synchronous: a read after a save sees it"
            : "asynchronous: a read within milliseconds of a save may be from before it");
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
    return tally(() -> session, filter, thematicIds, territoryIds);
  }

  /**
   * As {@link #tally(Session, NewsFilter, Set, Set)}, the request's session opened only when the
   * counts are computed (not when they are served from memory).
   *
   * @param session gives the request's session on {@value NewsNodes#WORKSPACE}
   */
  public NewsRepository.Tally tally(
      Read<Session> session, NewsFilter filter, Set<String> thematicIds, Set<String> territoryIds)
      throws RepositoryException {
    if (!running) {
      return new NewsRepository(session.read()).tally(filter, thematicIds, territoryIds);
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
    NewsRepository.Tally tally =
        new NewsRepository(session.read()).tally(filter, thematicIds, territoryIds);
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
   * A read of content kept while its workspace is unchanged: an item by URL name, a term by
   * identifier, a DAM asset by link — what every render of a page would otherwise read again, each
   * read opening a JCR session and running a query or walking nodes. An entry is used only while
   * the revision of {@code workspace} it was read at is current (never a stale answer, unlike
   * counts); beyond the memory given to the constructor, the reads least asked for go. Before
   * {@link #start()}, after {@link #close()} and for a workspace not watched, {@code read} runs on
   * every call.
   *
   * <p>Kept values are shared by every request and thread: they must be immutable (records of
   * strings, lists from {@code List.copyOf}, {@code Optional}) and hold no {@code Node} or {@code
   * Session}. Like the counts, they assume that everyone who asks may read the same content.
   *
   * @param workspace the only workspace the value depends on, e.g. {@value NewsNodes#WORKSPACE}
   * @param key what was read, with {@code equals}/{@code hashCode} (a record); keys of different
   *     reads must differ (a record type per kind of read)
   * @param read reads the value with the request's session; its result must not be {@code null}
   *     (use {@code Optional})
   * @param <T> the value's type
   * @return the value read now or kept since the last change of {@code workspace}
   * @throws RepositoryException when {@code read} fails (nothing is kept then)
   */
  public <T> T kept(String workspace, Object key, Read<T> read) throws RepositoryException {
    AtomicLong own = running ? revisions.get(workspace) : null;
    if (own == null) {
      return read.read();
    }
    ReadKey readKey = new ReadKey(workspace, key);
    long now = own.get();
    ReadEntry known = reads.getIfPresent(readKey);
    if (known != null && known.revision() == now) {
      @SuppressWarnings("unchecked") // the key's record type fixes the value's type
      T value = (T) known.value();
      return value;
    }
    T value = Objects.requireNonNull(read.read(), "a kept read returned null");
    long bytes = weight(readKey, 0) + weight(value, 0);
    reads.put(readKey, new ReadEntry(now, value, (int) Math.min(Integer.MAX_VALUE, bytes)));
    return value;
  }

  /**
   * A rough size of a kept value, in bytes: 40 + 2 per character for a string, the sum of the
   * elements for an {@code Optional}, a collection or a map, the sum of the components for a record
   * (read by reflection), 24 for anything else (numbers, dates, enums). A string reached twice is
   * counted twice; nesting beyond 8 levels counts 24.
   *
   * @param value what {@link #kept} keeps, may be {@code null} (0)
   * @param depth 0 for the value itself
   * @return the estimate, ≥ 0
   */
  static long weight(Object value, int depth) {
    if (value == null) {
      return 0;
    }
    if (depth > 8) {
      return 24;
    }
    if (value instanceof CharSequence text) {
      return 40 + 2L * text.length();
    }
    if (value instanceof Optional<?> optional) {
      return 16 + weight(optional.orElse(null), depth + 1);
    }
    if (value instanceof Collection<?> collection) {
      long bytes = 40 + 8L * collection.size();
      for (Object element : collection) {
        bytes += weight(element, depth + 1);
      }
      return bytes;
    }
    if (value instanceof Map<?, ?> map) {
      long bytes = 48 + 32L * map.size();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        bytes += weight(entry.getKey(), depth + 1) + weight(entry.getValue(), depth + 1);
      }
      return bytes;
    }
    if (value instanceof Record) {
      long bytes = 16;
      for (RecordComponent component : value.getClass().getRecordComponents()) {
        try {
          Method accessor = component.getAccessor();
          accessor.setAccessible(true);
          bytes += 8 + weight(accessor.invoke(value), depth + 1);
        } catch (ReflectiveOperationException | RuntimeException e) {
          bytes += 64; // not readable: a guess
        }
      }
      return bytes;
    }
    return 24;
  }

  /**
   * A read of content for {@link #kept}.
   *
   * @param <T> the value's type
   */
  @FunctionalInterface
  public interface Read<T> {
    /**
     * @return the value, never {@code null}
     * @throws RepositoryException on repository failure
     */
    T read() throws RepositoryException;
  }

  /**
   * @return the revision of the counted content: moves on every change in the news and taxonomy
   *     workspaces (not the DAM's); for tests and monitoring
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
    watches.forEach(WorkspaceWatch::close);
    watches.clear();
    revisions.clear();
    cache.invalidateAll();
    reads.invalidateAll();
  }

  private record Key(NewsFilter filter, Set<String> thematicIds, Set<String> territoryIds) {}

  /** Counts and the content revision they were computed at. */
  private record Entry(long revision, NewsRepository.Tally tally) {}

  private record ReadKey(String workspace, Object key) {}

  /** A kept read, the revision of its workspace it was read at and its {@link #weight}. */
  private record ReadEntry(long revision, Object value, int weight) {}
}
