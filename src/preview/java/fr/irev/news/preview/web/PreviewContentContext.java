package fr.irev.news.preview.web;

import fr.irev.news.news.NewsCounts;
import fr.irev.news.preview.repository.SessionPool;
import fr.irev.news.templating.ContentContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * The preview's {@link ContentContext} for one request: administrator sessions borrowed from the
 * server's {@link SessionPool} on first use and given back by {@link #close()} at the end of the
 * request (see {@link RequestScopeFilter}), unsaved changes discarded. Not thread-safe, like the
 * request it belongs to.
 */
public final class PreviewContentContext implements ContentContext, AutoCloseable {

  /** Request attribute under which the context is found, for servlets and templates. */
  public static final String ATTRIBUTE = ContentContext.class.getName();

  private final SessionPool pool;
  private final HttpServletRequest request;
  private final HttpServletResponse response;
  private final String publicUrl;
  private final NewsCounts counts;
  private final Map<String, Session> sessions = new LinkedHashMap<>();

  /**
   * @param pool where sessions come from
   * @param request the original request (context path)
   * @param response the response whose status {@link #setStatus(int)} sets
   * @param publicUrl the site's public address without trailing slash, e.g. {@code
   *     http://localhost:8080} (the {@code --public-url} option): absolute URLs never come from the
   *     request's {@code Host} header, which any client chooses and which cached pages would keep
   * @param counts the server's listing count cache, or {@code null} for none
   */
  public PreviewContentContext(
      SessionPool pool,
      HttpServletRequest request,
      HttpServletResponse response,
      String publicUrl,
      NewsCounts counts) {
    this.pool = pool;
    this.request = request;
    this.response = response;
    this.publicUrl = publicUrl;
    this.counts = counts;
  }

  @Override
  public Session session(String workspace) throws RepositoryException {
    Session session = sessions.get(workspace);
    if (session == null || !session.isLive()) {
      session = pool.borrow(workspace);
      sessions.put(workspace, session);
    }
    return session;
  }

  @Override
  public NewsCounts newsCounts() {
    return counts;
  }

  @Override
  public String contextPath() {
    return request.getContextPath();
  }

  /**
   * @return the public URL the server was started with, plus the context path; the same whatever
   *     {@code Host} header or absolute-form target the request carries
   */
  @Override
  public String siteUrl() {
    return publicUrl + request.getContextPath();
  }

  @Override
  public void setStatus(int status) {
    if (!response.isCommitted()) {
      response.setStatus(status);
    }
  }

  /** Gives back every session the request used (its unsaved changes discarded). */
  @Override
  public void close() {
    sessions.values().forEach(pool::giveBack);
    sessions.clear();
  }

  /**
   * @param request a request that went through {@link RequestScopeFilter}
   * @return its content context
   * @throws IllegalStateException when the filter did not run
   */
  public static PreviewContentContext of(HttpServletRequest request) {
    Object context = request.getAttribute(ATTRIBUTE);
    if (context instanceof PreviewContentContext preview) {
      return preview;
    }
    throw new IllegalStateException("No preview content context on this request");
  }
}
