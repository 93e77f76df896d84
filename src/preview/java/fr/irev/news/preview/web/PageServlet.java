package fr.irev.news.preview.web;

import fr.irev.news.preview.render.AggregationState;
import fr.irev.news.preview.render.PageRenderer;
import fr.irev.news.preview.render.RenderException;
import fr.irev.news.preview.render.WebContext;
import fr.irev.news.preview.repository.MagnoliaNames;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves pages of the {@code website} workspace: {@code /actualites} or {@code /actualites.html}
 * renders node {@code /actualites} ({@code mgnl:page}) with its template; a selector ({@code
 * /actualites~a~.html}) is passed to FTL as {@code state.selector}; {@code /} redirects to {@code
 * /actualites}; a path with a trailing slash ({@code /actualites/}) redirects (301) to the same
 * path without it, query kept. Anything else is the French 404 page; a template error the French
 * 500 page. The page is rendered into a buffer first, so its status (see {@code
 * ContentContext.setStatus}) and error pages apply; a 200 page is cacheable for 60 s. Pages accept
 * {@code GET} and {@code HEAD} only (see {@link MethodFilter}). With a {@link PageCache}, a 200
 * page is kept and served again without a render (nor any JCR session) until the cache is emptied,
 * with an {@code Age} header (seconds since its render).
 */
public final class PageServlet extends HttpServlet implements HttpMethods.Declared {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(PageServlet.class);
  private static final Pattern PAGE_PATH = Pattern.compile("(/[^/\\[\\]|*:~\"]+)+");
  private static final String HOME = "/actualites";

  /** A path that a browser could read as another host: {@code //host}, {@code /%2Fhost}… */
  private static final Pattern OTHER_HOST =
      Pattern.compile("^/(/|%2f|%5c)", Pattern.CASE_INSENSITIVE);

  private final transient PageRenderer renderer;
  private final transient PageCache cache;

  /**
   * @param renderer renders the page nodes
   * @param cache where rendered pages are kept, or {@code null} to render every request
   */
  public PageServlet(PageRenderer renderer, PageCache cache) {
    this.renderer = renderer;
    this.cache = cache;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    if (path.isEmpty() || "/".equals(path)) {
      response.sendRedirect(request.getContextPath() + HOME);
      return;
    }
    if (path.endsWith("/")) {
      withoutTrailingSlash(request, response);
      return;
    }
    String selector = "";
    if (path.endsWith(".html")) {
      path = path.substring(0, path.length() - ".html".length());
    }
    int tilde = path.indexOf('~', path.lastIndexOf('/'));
    if (tilde >= 0) {
      selector = path.substring(tilde + 1).replaceAll("~$", "");
      path = path.substring(0, tilde);
    }
    String key = cache == null ? null : PageCache.key(request);
    PageCache.Page kept = key == null ? null : cache.get(key);
    if (kept != null) {
      response.setHeader("Age", Long.toString(kept.ageSeconds(System.nanoTime())));
      send(response, kept);
      return;
    }
    long generation = cache == null ? 0 : cache.generation(); // before the first JCR read
    Node page = findPage(request, path);
    if (page == null) {
      ErrorPages.send(response, HttpServletResponse.SC_NOT_FOUND, request.getContextPath());
      return;
    }
    String original = request.getRequestURI().substring(request.getContextPath().length());
    WebContext ctx = new WebContext(request, new AggregationState(original, path, selector));
    StringWriter html = new StringWriter(32 * 1024); // a page is 5–20 KB: no regrowth
    response.setStatus(HttpServletResponse.SC_OK);
    try {
      renderer.render(page, ctx, PreviewContentContext.of(request), html);
    } catch (RenderException e) {
      LOG.warn("Cannot render page '{}': {}", path, e.getMessage().lines().findFirst().orElse(""));
      ErrorPages.send(
          response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, request.getContextPath());
      return;
    }
    byte[] body = html.toString().getBytes(StandardCharsets.UTF_8);
    boolean ok = response.getStatus() == HttpServletResponse.SC_OK;
    PageCache.Page rendered =
        new PageCache.Page(
            body,
            ErrorPages.HTML_UTF8,
            ok ? SecurityHeaders.PAGE_CACHE_CONTROL : "no-store",
            System.nanoTime());
    if (key != null && ok) {
      cache.put(key, rendered, generation);
    }
    send(response, rendered);
  }

  private static void send(HttpServletResponse response, PageCache.Page page) throws IOException {
    response.setContentType(page.contentType());
    response.setHeader("Cache-Control", page.cacheControl());
    response.setContentLength(page.body().length);
    response.getOutputStream().write(page.body());
  }

  @Override
  public Set<String> allowedMethods() {
    return HttpMethods.GET_HEAD;
  }

  /**
   * Redirects (301) to the request's path without its trailing slashes, query string kept. The
   * {@code Location} is a path on this site (raw, as received), never another host: a path that
   * would read as one ({@code //host}, {@code /\host}) is the 404 page instead.
   */
  private static void withoutTrailingSlash(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String raw = request.getRequestURI();
    String trimmed = raw.replaceAll("/+$", "");
    if (!trimmed.startsWith("/") || trimmed.contains("\\") || OTHER_HOST.matcher(trimmed).find()) {
      ErrorPages.send(response, HttpServletResponse.SC_NOT_FOUND, request.getContextPath());
      return;
    }
    String query = request.getQueryString();
    response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
    response.setHeader("Location", query == null ? trimmed : trimmed + "?" + query);
    response.setContentLength(0);
  }

  /**
   * @return the page node at a path, or {@code null} when there is none (or the path is not one)
   */
  private static Node findPage(HttpServletRequest request, String path) {
    if (!PAGE_PATH.matcher(path).matches()
        || path.contains("/./")
        || path.contains("/../")
        || path.endsWith("/.")
        || path.endsWith("/..")) {
      return null;
    }
    try {
      Session website = PreviewContentContext.of(request).session(MagnoliaNames.WEBSITE);
      if (!website.nodeExists(path)) {
        return null;
      }
      Node node = website.getNode(path);
      return node.isNodeType(MagnoliaNames.PAGE) ? node : null;
    } catch (RepositoryException | IllegalArgumentException e) {
      LOG.debug("No page at '{}': {}", path, e.getMessage());
      return null;
    }
  }
}
