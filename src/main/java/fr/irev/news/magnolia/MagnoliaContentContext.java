package fr.irev.news.magnolia;

import fr.irev.news.news.NewsCounts;
import fr.irev.news.templating.ContentContext;
import info.magnolia.cms.beans.config.ServerConfiguration;
import info.magnolia.context.MgnlContext;
import info.magnolia.context.WebContext;
import info.magnolia.objectfactory.Components;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * {@link ContentContext} on Magnolia's thread-bound context ({@code MgnlContext}): sessions and
 * request of whichever request the calling thread serves, so one instance serves all requests.
 * Outside a web request (e.g. a scheduled job) the context path is {@code ""} and {@link
 * #setStatus(int)} does nothing.
 */
public final class MagnoliaContentContext implements ContentContext {

  @Override
  public Session session(String workspace) throws RepositoryException {
    return MgnlContext.getJCRSession(workspace);
  }

  /** The count cache of the running module ({@link IrevNewsModule}), or none. */
  @Override
  public NewsCounts newsCounts() {
    return IrevNewsModule.runningCounts();
  }

  @Override
  public String contextPath() {
    WebContext web = MgnlContext.getWebContextOrNull();
    return web == null || web.getContextPath() == null ? "" : web.getContextPath();
  }

  /**
   * The public address: Magnolia's configured {@code defaultBaseUrl} when set (never trusting the
   * request's {@code Host} header), else the request's scheme, host and port; {@code ""} outside a
   * request without configuration. No trailing slash; ends with the context path.
   */
  @Override
  public String siteUrl() {
    String configured = Components.getComponent(ServerConfiguration.class).getDefaultBaseUrl();
    if (configured != null && !configured.isBlank()) {
      String base = configured.trim().replaceAll("/+$", "");
      String contextPath = contextPath();
      return base.endsWith(contextPath) ? base : base + contextPath;
    }
    WebContext web = MgnlContext.getWebContextOrNull();
    if (web == null || web.getRequest() == null) {
      return "";
    }
    HttpServletRequest request = web.getRequest();
    int port = request.getServerPort();
    boolean defaultPort =
        ("http".equals(request.getScheme()) && port == 80)
            || ("https".equals(request.getScheme()) && port == 443);
    return request.getScheme()
        + "://"
        + request.getServerName()
        + (defaultPort || port <= 0 ? "" : ":" + port)
        + contextPath();
  }

  @Override
  public void setStatus(int status) {
    WebContext web = MgnlContext.getWebContextOrNull();
    HttpServletResponse response = web == null ? null : web.getResponse();
    if (response != null && !response.isCommitted()) {
      response.setStatus(status);
    }
  }
}
