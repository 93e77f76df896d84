package fr.irev.news.registration.web;

import fr.irev.news.registration.RegistrationPlatform;
import fr.irev.news.registration.RegistrationService;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import java.lang.reflect.InvocationTargetException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one {@link RegistrationService} of a web application, shared by the module's servlets through
 * a servlet-context attribute: the preview server puts its own there before the servlets start;
 * otherwise the first servlet to start builds it from the class named by its init parameter {@value
 * #PARAMETER} (in Magnolia: {@code fr.irev.news.magnolia.MagnoliaRegistrationPlatform}, declared in
 * {@code magnolia-module.xml}) and starts its background jobs.
 */
public final class RegistrationServices {

  /** Servlet-context attribute holding the service: {@code RegistrationService}'s class name. */
  public static final String ATTRIBUTE = RegistrationService.class.getName();

  /** Servlet init parameter naming the {@link RegistrationPlatform} class. */
  public static final String PARAMETER = "registrationPlatform";

  /** Set when the service was built here (then {@link #release} stops it). */
  private static final String OWNED = ATTRIBUTE + ".owned";

  /** Number of started servlets using the service. */
  private static final String USERS = ATTRIBUTE + ".users";

  private static final Logger LOG = LoggerFactory.getLogger(RegistrationServices.class);

  private RegistrationServices() {}

  /**
   * The web application's service, built and started on first use.
   *
   * @param config the servlet's configuration
   * @return the service, or empty when none is available (logged at ERROR; the servlet then answers
   *     503)
   */
  public static Optional<RegistrationService> of(ServletConfig config) {
    ServletContext context = config.getServletContext();
    synchronized (context) {
      Object present = context.getAttribute(ATTRIBUTE);
      if (present instanceof RegistrationService service) {
        return Optional.of(service);
      }
      String className = config.getInitParameter(PARAMETER);
      if (className == null || className.isBlank()) {
        LOG.error(
            "Servlet '{}': no registration service (init parameter '{}' missing)",
            config.getServletName(),
            PARAMETER);
        return Optional.empty();
      }
      try {
        Class<?> type =
            Class.forName(className.strip(), true, RegistrationServices.class.getClassLoader());
        RegistrationPlatform platform = (RegistrationPlatform) type.getConstructor().newInstance();
        RegistrationService service = new RegistrationService(platform);
        service.start();
        context.setAttribute(ATTRIBUTE, service);
        context.setAttribute(OWNED, Boolean.TRUE);
        return Optional.of(service);
      } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
        Throwable cause =
            e instanceof InvocationTargetException ite && ite.getCause() != null
                ? ite.getCause()
                : e;
        LOG.error(
            "Servlet '{}': cannot create the registration platform {}: {}",
            config.getServletName(),
            className,
            String.valueOf(cause));
        return Optional.empty();
      }
    }
  }

  /**
   * The service for a servlet that starts ({@code init()}): counted, so that it is stopped only
   * when the last such servlet stops.
   *
   * @param config the servlet's configuration
   * @return as {@link #of}
   */
  public static Optional<RegistrationService> acquire(ServletConfig config) {
    ServletContext context = config.getServletContext();
    synchronized (context) {
      Optional<RegistrationService> service = of(config);
      Object users = context.getAttribute(USERS);
      context.setAttribute(USERS, (users instanceof Integer n ? n : 0) + 1);
      return service;
    }
  }

  /**
   * A servlet that called {@link #acquire} stops ({@code destroy()}): when it was the last one, the
   * service built by {@link #of} (not the preview's own) is stopped and removed.
   *
   * @param config the servlet's configuration
   */
  public static void release(ServletConfig config) {
    ServletContext context = config.getServletContext();
    synchronized (context) {
      Object users = context.getAttribute(USERS);
      int left = (users instanceof Integer n ? n : 1) - 1;
      context.setAttribute(USERS, Math.max(0, left));
      Object present = context.getAttribute(ATTRIBUTE);
      if (left <= 0
          && present instanceof RegistrationService service
          && Boolean.TRUE.equals(context.getAttribute(OWNED))) {
        context.removeAttribute(ATTRIBUTE);
        context.removeAttribute(OWNED);
        service.close();
      }
    }
  }
}
