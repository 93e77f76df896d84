package fr.irev.news.preview.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.irev.news.jcr.WorkspaceWatch;
import fr.irev.news.news.NewsCounts;
import fr.irev.news.preview.repository.PreviewRepository;
import fr.irev.news.registration.RegistrationNodes;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.observation.EventListener;
import org.apache.jackrabbit.core.observation.SynchronousEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rendered pages kept in memory, for a preview that answers like a public instance. This is not
 * Magnolia's cache: Magnolia's cache module ({@code defaultPageCache}, docs/magnolia-contract.md
 * S72, S73) is flushed on publication of content, configured per instance; this cache empties on
 * every save in the workspaces pages read, in this JVM only. Off unless the server is started with
 * {@code --page-cache}: authors see every change at once.
 *
 * <p>What is kept: the answers {@link PageServlet} renders with status 200 and {@code
 * Cache-Control: public…} (body, {@code Content-Type}, {@code Cache-Control}, time of the render),
 * by {@link #key} (the request's raw URI and query string, plus the target of a virtual URI
 * forward). Never error pages, redirects, module servlets ({@code /.irev-news/…}), web resources or
 * DAM files: only {@link PageServlet} stores. At most {@code maxBytes} as counted by {@link
 * #weight} (least recently used out first), each page at most {@code timeToLive} after it was
 * rendered (the page's {@code max-age}); a page served from memory carries an {@code Age} header
 * (RFC 9111 §5.1), so that a browser or proxy keeps it only for what is left of its {@code
 * max-age}.
 *
 * <p>When emptied: entirely, on any change saved in a workspace that exists when {@link #start}
 * runs (the preview creates them all at install, before the server starts), except {@value
 * RegistrationNodes#WORKSPACE} (registrations, the e-mail outbox, signing keys: no page reads it,
 * the seats left are fetched by a script from {@code /.irev-news/registration/<id>/places}); and
 * when {@link NewsCounts} replaced stale listing counts by recomputed ones ({@link #flush()} is
 * given to {@link NewsCounts#onRecount}), so that a list rendered with the old counts is not kept.
 * The registrations workspace is excluded by name rather than the read workspaces listed: a
 * workspace that pages start reading later (a new taxonomy, the DAM) is then followed without
 * anyone remembering this class, and the cost of a mistake is a needless flush, never a stale page.
 *
 * <p>A Jackrabbit {@link SynchronousEventListener} empties it before {@code Session.save()}
 * returns, so whoever saves then reads sees the new page; a plain listener empties it again once
 * Jackrabbit's other synchronous listeners (the search index) are done ({@link #flushesAfterSave()}
 * counts these). A generation number, moved by each flush, is read before a render and checked when
 * storing: a render that a flush overtook is not kept.
 *
 * <p>Not followed: edits of the light module's files (templates, YAML) and the passing of time
 * (e.g. a registration closing): a page shows them at most {@code timeToLive} late.
 *
 * <p>Thread-safe.
 */
public final class PageCache implements AutoCloseable {

  /** Default bound of the kept pages: 64 MiB. */
  public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

  /**
   * Default time a page is kept: the {@code max-age} of {@link SecurityHeaders#PAGE_CACHE_CONTROL}.
   */
  public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofSeconds(60);

  /**
   * Bytes counted per kept page on top of its body and key: the entry, the {@link Page} record, its
   * two strings and the cache's own bookkeeping, rounded up.
   */
  public static final int ENTRY_OVERHEAD_BYTES = 256;

  /** The workspace whose changes never empty the cache: no page reads it. */
  static final String NOT_RENDERED = RegistrationNodes.WORKSPACE;

  private static final Logger LOG = LoggerFactory.getLogger(PageCache.class);

  /**
   * A kept answer.
   *
   * @param body the page's bytes
   * @param contentType its {@code Content-Type}
   * @param cacheControl its {@code Cache-Control}
   * @param renderedAt {@link System#nanoTime()} when the render ended, for the {@code Age} header
   */
  public record Page(byte[] body, String contentType, String cacheControl, long renderedAt) {
    /** Checks the values. */
    public Page {
      Objects.requireNonNull(body, "body");
      Objects.requireNonNull(contentType, "contentType");
      Objects.requireNonNull(cacheControl, "cacheControl");
    }

    /**
     * @param now {@link System#nanoTime()} now
     * @return whole seconds since the render, ≥ 0: the {@code Age} of the page served from memory
     */
    public long ageSeconds(long now) {
      return Math.max(0, Duration.ofNanos(now - renderedAt).toSeconds());
    }
  }

  private final Cache<String, Page> pages;
  private final Object storing = new Object();
  private final AtomicLong generation = new AtomicLong();
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();
  private final AtomicLong flushesAfterSave = new AtomicLong();
  private final SynchronousEventListener atSave = events -> flush();
  private final EventListener afterSave =
      events -> {
        flush();
        flushesAfterSave.incrementAndGet();
      };
  private final WorkspaceWatch watch = new WorkspaceWatch(atSave, afterSave);

  /**
   * @param maxBytes most bytes kept, as counted by {@link #weight}, &gt; 0
   * @param timeToLive how long a page is kept after its render, &gt; 0
   * @throws IllegalArgumentException when a bound is not positive
   */
  public PageCache(long maxBytes, Duration timeToLive) {
    if (maxBytes <= 0 || timeToLive.isNegative() || timeToLive.isZero()) {
      throw new IllegalArgumentException("maxBytes " + maxBytes + ", timeToLive " + timeToLive);
    }
    this.pages =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .<String, Page>weigher(PageCache::weight)
            .expireAfterWrite(timeToLive)
            .build();
  }

  /**
   * What a kept page counts against {@code maxBytes}: its body's bytes, its key's characters at two
   * bytes each (Java strings of non-Latin-1 text), and {@link #ENTRY_OVERHEAD_BYTES}. An estimate
   * of the heap used, not a measure: the bound is honest within a few hundred bytes per page.
   *
   * @param key the page's key
   * @param page the page
   * @return its weight in bytes, capped at {@link Integer#MAX_VALUE}
   */
  public static int weight(String key, Page page) {
    long bytes = page.body().length + 2L * key.length() + ENTRY_OVERHEAD_BYTES;
    return (int) Math.min(Integer.MAX_VALUE, bytes);
  }

  /**
   * Registers the flush listeners on every workspace of the repository but {@value
   * RegistrationNodes#WORKSPACE}; one session per workspace watched stays open until {@link
   * #close()}.
   *
   * @param repository the repository whose changes empty the cache
   * @throws RepositoryException when a session cannot be opened or a listener registered (nothing
   *     is left open)
   * @throws IllegalStateException when already started
   */
  public synchronized void start(PreviewRepository repository) throws RepositoryException {
    if (!watch.isEmpty()) {
      throw new IllegalStateException("PageCache already started");
    }
    try {
      Session any = repository.login(null);
      String[] workspaces;
      try {
        workspaces = any.getWorkspace().getAccessibleWorkspaceNames();
      } finally {
        any.logout();
      }
      for (String workspace : workspaces) {
        if (NOT_RENDERED.equals(workspace)) {
          continue;
        }
        watch.watch(repository.login(workspace));
      }
    } catch (RepositoryException | RuntimeException e) {
      watch.close();
      throw e;
    }
    LOG.info(
        "Page cache on: emptied on any change in {} workspace(s), not in '{}'",
        watch.workspaces().size(),
        NOT_RENDERED);
  }

  /**
   * The key of a request reaching {@link PageServlet}: the original request's raw URI and query
   * string and, when a virtual URI mapping forwarded it, the forward's too (two different detail
   * pages never share a key, whatever the mappings become).
   *
   * @param request the request as {@link PageServlet} sees it
   * @return the key, never {@code null}
   */
  public static String key(HttpServletRequest request) {
    String here = request.getRequestURI() + "?" + Objects.toString(request.getQueryString(), "");
    Object original = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
    if (original == null) {
      return here;
    }
    Object query = request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
    return original + "?" + Objects.toString(query, "") + " -> " + here;
  }

  /**
   * @param key see {@link #key}
   * @return the kept page, or {@code null} (counted as a hit or a miss)
   */
  public Page get(String key) {
    Page page = pages.getIfPresent(key);
    (page == null ? misses : hits).incrementAndGet();
    return page;
  }

  /**
   * @return the current generation, to read before rendering and give to {@link #put}
   */
  public long generation() {
    return generation.get();
  }

  /**
   * Keeps a page unless the cache was emptied since {@code renderStarted} was read.
   *
   * @param key see {@link #key}
   * @param page the rendered answer
   * @param renderStarted {@link #generation()} read before the render started
   * @return {@code true} when kept
   */
  public boolean put(String key, Page page, long renderStarted) {
    synchronized (storing) {
      if (generation.get() != renderStarted) {
        return false;
      }
      pages.put(key, page);
      return true;
    }
  }

  /** Empties the cache and moves the generation (renders under way will not be kept). */
  public void flush() {
    synchronized (storing) {
      generation.incrementAndGet();
      pages.invalidateAll();
    }
    LOG.debug("Page cache emptied ({} hits, {} misses so far)", hits.get(), misses.get());
  }

  /**
   * @return flushes done by the asynchronous listener since the start: one per save seen in a
   *     watched workspace (Jackrabbit delivers a save's events to it once, in order of the saves);
   *     for tests and monitoring
   */
  public long flushesAfterSave() {
    return flushesAfterSave.get();
  }

  /**
   * @return answers served from the cache since the start
   */
  public long hits() {
    return hits.get();
  }

  /**
   * @return lookups that found nothing since the start (each led to a render or an error page)
   */
  public long misses() {
    return misses.get();
  }

  /**
   * @return pages kept now (an estimate while expired pages wait for clean-up)
   */
  public long size() {
    pages.cleanUp();
    return pages.estimatedSize();
  }

  /** Removes the listeners, logs their sessions out and empties the cache. */
  @Override
  public synchronized void close() {
    watch.close();
    pages.invalidateAll();
  }
}
