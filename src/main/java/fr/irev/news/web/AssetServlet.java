package fr.irev.news.web;

import fr.irev.news.templating.ContentContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * What the module's read-only servlets (DAM downloads, thumbnails, feeds) share: the request's
 * {@link ContentContexts} (configured from the {@code contentContext} init parameter), {@code GET}
 * and {@code HEAD} served by one method (HEAD without body, RFC 9110 §9.3.2), and the caching rule
 * for content read with the visitor's rights.
 */
abstract class AssetServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** How the request's content context is found; set by {@link #init()}. */
  transient ContentContexts contexts;

  @Override
  public void init() {
    contexts =
        ContentContexts.configure(
            getServletName(),
            getInitParameter(ContentContexts.PARAMETER),
            getClass().getClassLoader());
  }

  @Override
  protected final void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    serve(request, response, true);
  }

  @Override
  protected final void doHead(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    serve(request, response, false);
  }

  /**
   * Answers a {@code GET} or a {@code HEAD}.
   *
   * @param body {@code false} for {@code HEAD}: headers only
   * @throws IOException when the response cannot be written
   */
  abstract void serve(HttpServletRequest request, HttpServletResponse response, boolean body)
      throws IOException;

  /**
   * The request's content context; without one, the French 503 page is sent.
   *
   * @param body {@code false} for {@code HEAD}
   * @return the context, or empty when the answer has been sent
   * @throws IOException when the error page cannot be written
   */
  Optional<ContentContext> contextOrUnavailable(
      HttpServletRequest request, HttpServletResponse response, boolean body) throws IOException {
    Optional<ContentContext> context = contexts.of(request);
    if (context.isEmpty()) {
      ErrorPage.send(response, 503, request.getContextPath(), body);
    }
    return context;
  }

  /**
   * @return whether the request carries no authenticated user (a visitor of a public site)
   */
  static boolean isAnonymous(HttpServletRequest request) {
    return request.getUserPrincipal() == null;
  }

  /**
   * Content is read through the visitor's session, so what a logged-in visitor gets must never be
   * stored by a shared cache (RFC 9111 §5.2.2.7).
   *
   * @return {@code publicValue} for anonymous requests, {@code privateValue} otherwise
   */
  static String cacheControl(HttpServletRequest request, String publicValue, String privateValue) {
    return isAnonymous(request) ? publicValue : privateValue;
  }
}
