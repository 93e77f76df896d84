package fr.irev.news.preview.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * Answers a method the target servlet does not accept with 405, the {@code Allow} header listing
 * what it accepts (see {@link HttpMethods#of}) and the French page, before any other filter: an
 * unknown method ({@code PATCH}, {@code PROPFIND}…) is refused the same way rather than with {@code
 * HttpServlet}'s 501, and {@code TRACE}/{@code TRACK} always are. {@code TRACE} is also removed
 * from any {@code Allow} header a servlet writes (as {@code HttpServlet.doOptions} does). Mapped
 * for the original request only.
 */
public final class MethodFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  private final transient Map<String, Set<String>> allowedByServlet;

  /**
   * @param allowedByServlet servlet name to the methods it accepts; a servlet missing from the map
   *     dispatches methods itself and only {@code TRACE}/{@code TRACK} are refused for it
   */
  public MethodFilter(Map<String, Set<String>> allowedByServlet) {
    this.allowedByServlet = Map.copyOf(allowedByServlet);
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String method = request.getMethod();
    Set<String> allowed = allowed(request);
    if (HttpMethods.neverAllowed(method) || (allowed != null && !allowed.contains(method))) {
      response.setHeader(
          "Allow", HttpMethods.allowHeader(allowed == null ? HttpMethods.USUAL : allowed));
      ErrorPages.send(
          response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, request.getContextPath());
      return;
    }
    chain.doFilter(request, new NoTraceInAllow(response));
  }

  private Set<String> allowed(HttpServletRequest request) {
    HttpServletMapping mapping = request.getHttpServletMapping();
    return mapping == null ? null : allowedByServlet.get(mapping.getServletName());
  }

  /** Drops {@code TRACE} and {@code TRACK} from the {@code Allow} header a servlet sets. */
  private static final class NoTraceInAllow extends HttpServletResponseWrapper {

    NoTraceInAllow(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setHeader(String name, String value) {
      super.setHeader(name, "Allow".equalsIgnoreCase(name) ? clean(value) : value);
    }

    @Override
    public void addHeader(String name, String value) {
      super.addHeader(name, "Allow".equalsIgnoreCase(name) ? clean(value) : value);
    }

    private static String clean(String allow) {
      return HttpMethods.withoutRefused(allow);
    }
  }
}
