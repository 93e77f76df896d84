package fr.irev.news.preview.web;

import fr.irev.news.news.NewsCounts;
import fr.irev.news.preview.bootstrap.ModuleDescriptor;
import fr.irev.news.preview.lightmodule.LightModule;
import fr.irev.news.preview.render.PageRenderer;
import fr.irev.news.preview.repository.PreviewRepository;
import fr.irev.news.registration.RegistrationService;
import fr.irev.news.registration.web.RegistrationServices;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Servlet;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;

/**
 * The preview web application, mounted at the root context:
 *
 * <ul>
 *   <li>filters (original request only): {@link MethodFilter} (405 with {@code Allow}, never {@code
 *       TRACE}), {@link RequestScopeFilter}, then {@link VirtualUriFilter};
 *   <li>{@code /.resources/*}: {@link WebResourceServlet}; {@code /dam/*}: {@link DamServlet};
 *   <li>the module's servlets at their descriptor mappings ({@link ModuleServlets});
 *   <li>everything else: {@link PageServlet}, with the {@link PageCache} when there is one;
 *   <li>container errors: {@link FrenchErrorHandler};
 *   <li>every response: the security headers ({@link ResponseHeadersHandler}).
 * </ul>
 */
public final class PreviewSite {

  private PreviewSite() {}

  /**
   * @param repository the JCR repository
   * @param descriptor the module descriptor (servlets)
   * @param module the light module (virtual URI mappings)
   * @param lightModules the light-modules folder (web resources)
   * @param renderer the page renderer
   * @param classes class loader of the module's servlets
   * @param publicUrl the site's public address for absolute URLs (see {@link
   *     PreviewContentContext#siteUrl()})
   * @param registrations the registration service the module's servlets share
   * @param counts the listing's count cache the pages share
   * @param pageCache where rendered pages are kept, or {@code null} to render every request
   * @return the handler to give the Jetty server
   */
  public static Handler create(
      PreviewRepository repository,
      ModuleDescriptor descriptor,
      Supplier<LightModule> module,
      Path lightModules,
      PageRenderer renderer,
      ClassLoader classes,
      String publicUrl,
      RegistrationService registrations,
      NewsCounts counts,
      PageCache pageCache) {
    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
    context.setContextPath("/");
    context.setAttribute(RegistrationServices.ATTRIBUTE, registrations);
    context.setErrorHandler(new FrenchErrorHandler());
    Map<String, Servlet> servlets = new LinkedHashMap<>();
    addServlet(
        context,
        servlets,
        "preview-resources",
        new WebResourceServlet(lightModules),
        "/.resources/*");
    addServlet(context, servlets, "preview-dam", new DamServlet(), "/dam/*");
    ModuleServlets.mount(context, descriptor, classes, servlets::put);
    addServlet(context, servlets, "preview-pages", new PageServlet(renderer, pageCache), "/");
    EnumSet<DispatcherType> request = EnumSet.of(DispatcherType.REQUEST);
    context.addFilter(new FilterHolder(new MethodFilter(allowedMethods(servlets))), "/*", request);
    context.addFilter(
        new FilterHolder(new RequestScopeFilter(repository, publicUrl, counts)), "/*", request);
    context.addFilter(new FilterHolder(new VirtualUriFilter(module)), "/*", request);
    return new ResponseHeadersHandler(context);
  }

  private static void addServlet(
      ServletContextHandler context,
      Map<String, Servlet> servlets,
      String name,
      Servlet servlet,
      String mapping) {
    context.addServlet(new ServletHolder(name, servlet), mapping);
    servlets.put(name, servlet);
  }

  /**
   * @return servlet name to the methods it accepts, for the servlets where they are known
   */
  private static Map<String, Set<String>> allowedMethods(Map<String, Servlet> servlets) {
    Map<String, Set<String>> allowed = new HashMap<>();
    servlets.forEach(
        (name, servlet) -> {
          Set<String> methods = HttpMethods.of(servlet);
          if (methods != null) {
            allowed.put(name, methods);
          }
        });
    return allowed;
  }
}
