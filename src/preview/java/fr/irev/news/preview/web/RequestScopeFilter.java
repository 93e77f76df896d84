package fr.irev.news.preview.web;

import fr.irev.news.news.NewsCounts;
import fr.irev.news.preview.repository.PreviewRepository;
import fr.irev.news.preview.repository.SessionPool;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Opens the request's {@link PreviewContentContext} (request attribute {@link
 * PreviewContentContext#ATTRIBUTE}, also readable by the module's servlets as a {@code
 * fr.irev.news.templating.ContentContext}) and gives its sessions back to the {@link SessionPool}
 * when the request ends; the pool's idle sessions are logged out when the filter is destroyed.
 * Mapped for the original request only; forwards and error dispatches reuse the same context.
 */
public final class RequestScopeFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  private final transient SessionPool sessions;
  private final String publicUrl;
  private final transient NewsCounts counts;

  /**
   * @param repository where the request's sessions come from
   * @param publicUrl the site's public address, see {@link PreviewContentContext#siteUrl()}
   * @param counts the listing's count cache, see {@link PreviewContentContext#newsCounts()}
   */
  public RequestScopeFilter(PreviewRepository repository, String publicUrl, NewsCounts counts) {
    this.sessions = new SessionPool(repository);
    this.publicUrl = publicUrl;
    this.counts = counts;
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    try (PreviewContentContext context =
        new PreviewContentContext(sessions, request, response, publicUrl, counts)) {
      request.setAttribute(PreviewContentContext.ATTRIBUTE, context);
      chain.doFilter(request, response);
    } finally {
      request.removeAttribute(PreviewContentContext.ATTRIBUTE);
    }
  }

  @Override
  public void destroy() {
    sessions.close();
  }
}
