package fr.irev.news.web;

import fr.irev.news.templating.ContentContext;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.InvocationTargetException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a module servlet gets the {@link ContentContext} of a request:
 *
 * <ol>
 *   <li>the request attribute {@value #ATTRIBUTE} when it holds one (the preview server puts the
 *       request's context there);
 *   <li>else the instance of the class named by the servlet's init parameter {@value #PARAMETER},
 *       built once with its public no-argument constructor when the servlet starts (in Magnolia:
 *       {@code fr.irev.news.magnolia.MagnoliaContentContext}, declared in {@code
 *       magnolia-module.xml}; it reads Magnolia's thread-bound context, so one instance serves
 *       every request).
 * </ol>
 *
 * When neither is available (parameter missing, class missing, not a {@link ContentContext}, or its
 * constructor failing) the servlet is misconfigured: {@link #of} returns empty, the servlet answers
 * 503 with the French page, and the reason is logged once at WARN, on the first request that needs
 * it (so a preview that always provides the attribute never logs it).
 *
 * <p>Thread-safe: one instance per servlet, shared by all requests.
 */
final class ContentContexts {

  /** Request attribute holding the request's context: {@code ContentContext}'s class name. */
  static final String ATTRIBUTE = ContentContext.class.getName();

  /** Servlet init parameter naming the {@link ContentContext} class. */
  static final String PARAMETER = "contentContext";

  private static final Logger LOG = LoggerFactory.getLogger(ContentContexts.class);

  private final String servletName;
  private final ContentContext configured;
  private final String problem;
  private final AtomicBoolean reported = new AtomicBoolean();

  private ContentContexts(String servletName, ContentContext configured, String problem) {
    this.servletName = servletName;
    this.configured = configured;
    this.problem = problem;
  }

  /**
   * Builds the configured context, if any. Never throws: a failure is kept and reported by {@link
   * #of} when a request needs the context.
   *
   * @param servletName the servlet's name, for the log
   * @param className value of the init parameter {@value #PARAMETER}; {@code null} or blank when
   *     absent
   * @param classes class loader to load it with (the module's)
   * @return the contexts of the servlet
   */
  static ContentContexts configure(String servletName, String className, ClassLoader classes) {
    if (className == null || className.isBlank()) {
      return new ContentContexts(
          servletName, null, "init parameter '" + PARAMETER + "' is missing");
    }
    String name = className.strip();
    try {
      Class<?> type = Class.forName(name, true, classes);
      if (!ContentContext.class.isAssignableFrom(type)) {
        return new ContentContexts(
            servletName, null, name + " does not implement " + ContentContext.class.getName());
      }
      Object instance = type.getConstructor().newInstance();
      return new ContentContexts(servletName, (ContentContext) instance, null);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      Throwable cause =
          e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
      return new ContentContexts(servletName, null, "cannot create " + name + ": " + cause);
    }
  }

  /**
   * @param request the current request
   * @return the request's context, or empty when the servlet is misconfigured (the first time,
   *     logged at WARN)
   */
  Optional<ContentContext> of(HttpServletRequest request) {
    Object attribute = request.getAttribute(ATTRIBUTE);
    if (attribute instanceof ContentContext fromRequest) {
      return Optional.of(fromRequest);
    }
    if (configured != null) {
      return Optional.of(configured);
    }
    if (reported.compareAndSet(false, true)) {
      LOG.warn(
          "Servlet '{}' has no content context and answers 503: {} (expected request attribute"
              + " {} or init parameter '{}')",
          servletName,
          problem,
          ATTRIBUTE,
          PARAMETER);
    }
    return Optional.empty();
  }

  /**
   * @return the context built from the init parameter, or {@code null}
   */
  ContentContext configured() {
    return configured;
  }

  /**
   * @return why there is no configured context, or {@code null} when there is one
   */
  String problem() {
    return problem;
  }
}
