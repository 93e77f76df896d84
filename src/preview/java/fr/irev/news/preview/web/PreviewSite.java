package fr.irev.news.preview.web;

import fr.irev.news.preview.bootstrap.ModuleDescriptor;
import fr.irev.news.preview.lightmodule.LightModule;
import fr.irev.news.preview.render.PageRenderer;
import fr.irev.news.preview.repository.PreviewRepository;
import jakarta.servlet.DispatcherType;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.function.Supplier;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;

/**
 * The preview web application, mounted at the root context:
 *
 * <ul>
 *   <li>filters (original request only): {@link RequestScopeFilter}, then {@link VirtualUriFilter};
 *   <li>{@code /.resources/*}: {@link WebResourceServlet}; {@code /dam/*}: {@link DamServlet};
 *   <li>the module's servlets at their descriptor mappings ({@link ModuleServlets});
 *   <li>everything else: {@link PageServlet};
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
   * @return the handler to give the Jetty server
   */
  public static Handler create(
      PreviewRepository repository,
      ModuleDescriptor descriptor,
      Supplier<LightModule> module,
      Path lightModules,
      PageRenderer renderer,
      ClassLoader classes) {
    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
    context.setContextPath("/");
    context.setErrorHandler(new FrenchErrorHandler());
    EnumSet<DispatcherType> request = EnumSet.of(DispatcherType.REQUEST);
    context.addFilter(new FilterHolder(new RequestScopeFilter(repository)), "/*", request);
    context.addFilter(new FilterHolder(new VirtualUriFilter(module)), "/*", request);
    context.addServlet(
        new ServletHolder("preview-resources", new WebResourceServlet(lightModules)),
        "/.resources/*");
    context.addServlet(new ServletHolder("preview-dam", new DamServlet()), "/dam/*");
    ModuleServlets.mount(context, descriptor, classes);
    context.addServlet(new ServletHolder("preview-pages", new PageServlet(renderer)), "/");
    return new ResponseHeadersHandler(context);
  }
}
