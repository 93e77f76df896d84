package fr.irev.news.web;

import fr.irev.news.registration.RegistrationService;
import fr.irev.news.registration.web.RegistrationServices;
import fr.irev.news.templating.ContentContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * What the visitor and staff registration servlets share: the request's {@link ContentContexts}
 * (init parameter {@code contentContext}) and the web application's one {@link RegistrationService}
 * (init parameter {@code registrationPlatform}), started with the servlet so that the e-mail outbox
 * and the purge run from the application's start, not from the first request, and stopped with it.
 */
abstract class RegistrationServletBase extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private transient ContentContexts contexts;

  @Override
  public void init() {
    contexts =
        ContentContexts.configure(
            getServletName(),
            getInitParameter(ContentContexts.PARAMETER),
            getClass().getClassLoader());
    RegistrationServices.acquire(getServletConfig());
  }

  @Override
  public void destroy() {
    RegistrationServices.release(getServletConfig());
  }

  /**
   * @param request the current request
   * @return its content context, or empty when the servlet is misconfigured (answer 503)
   */
  Optional<ContentContext> context(HttpServletRequest request) {
    return contexts.of(request);
  }

  /**
   * @return the web application's registration service, or empty when none can be built (answer
   *     503)
   */
  Optional<RegistrationService> service() {
    return RegistrationServices.of(getServletConfig());
  }
}
