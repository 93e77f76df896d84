package fr.irev.news.preview.web;

import fr.irev.news.preview.bootstrap.ModuleDescriptor;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.function.BiConsumer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mounts the servlets a module descriptor declares ({@code servlets/servlet}), as Magnolia's
 * servlet-dispatching filter does: each {@code class} is built with its public no-argument
 * constructor, gets {@code params/param} as init parameters and answers at each {@code
 * mappings/mapping}. A servlet whose class cannot be loaded or built is logged and its mappings
 * answer with the French 503 page; the rest of the site still starts.
 *
 * <p>The module's servlets find the request's {@code fr.irev.news.templating.ContentContext} in
 * request attribute {@link PreviewContentContext#ATTRIBUTE}.
 */
public final class ModuleServlets {

  private static final Logger LOG = LoggerFactory.getLogger(ModuleServlets.class);

  private ModuleServlets() {}

  /**
   * @param context where to mount the servlets
   * @param module the descriptor
   * @param classes class loader of the servlet classes
   * @return number of servlets mounted working (unavailable ones excluded)
   */
  public static int mount(
      ServletContextHandler context, ModuleDescriptor module, ClassLoader classes) {
    return mount(context, module, classes, (name, servlet) -> {});
  }

  /**
   * @param context where to mount the servlets
   * @param module the descriptor
   * @param classes class loader of the servlet classes
   * @param mounted told each servlet's holder name and instance (the unavailable stand-in
   *     included), e.g. to know which methods it accepts
   * @return number of servlets mounted working (unavailable ones excluded)
   */
  public static int mount(
      ServletContextHandler context,
      ModuleDescriptor module,
      ClassLoader classes,
      BiConsumer<String, Servlet> mounted) {
    int working = 0;
    for (ModuleDescriptor.Servlet declared : module.servlets()) {
      Servlet servlet = instantiate(declared, classes);
      if (servlet == null) {
        servlet = new UnavailableServlet();
      } else {
        working++;
      }
      String name = declared.name().isEmpty() ? declared.className() : declared.name();
      ServletHolder holder = new ServletHolder(name, servlet);
      mounted.accept(holder.getName(), servlet);
      holder.setInitParameters(declared.params());
      for (String mapping : declared.mappings()) {
        context.addServlet(holder, mapping);
        LOG.info("Module servlet '{}' mapped at '{}'", name, mapping);
      }
    }
    return working;
  }

  private static Servlet instantiate(ModuleDescriptor.Servlet declared, ClassLoader classes) {
    try {
      Class<?> type = Class.forName(declared.className(), true, classes);
      if (!Servlet.class.isAssignableFrom(type)) {
        LOG.error(
            "Module servlet '{}': {} is not a jakarta.servlet.Servlet",
            declared.name(),
            declared.className());
        return null;
      }
      return (Servlet) type.getConstructor().newInstance();
    } catch (ClassNotFoundException
        | NoSuchMethodException
        | InstantiationException
        | IllegalAccessException
        | InvocationTargetException
        | LinkageError e) {
      Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
      LOG.error(
          "Module servlet '{}' ({}) unavailable in the preview: {}",
          declared.name(),
          declared.className(),
          String.valueOf(cause));
      return null;
    }
  }

  /** Answers 503 with the French page in place of a servlet that could not be built. */
  static final class UnavailableServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      ErrorPages.send(
          response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, request.getContextPath());
    }
  }
}
