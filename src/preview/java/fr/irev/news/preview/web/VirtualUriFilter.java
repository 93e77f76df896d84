package fr.irev.news.preview.web;

import fr.irev.news.preview.lightmodule.LightModule;
import fr.irev.news.preview.lightmodule.VirtualUriMapping;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Magnolia's virtual URI mappings: the first mapping (by file name) whose {@code fromUri} matches
 * the request path forwards the request, or redirects it (302 for {@code redirect:}, 301 for {@code
 * permanent:}). Mapped for the original request only, so it applies once: never to the forwarded
 * request. The path is matched as received, still percent-encoded, so an encoded {@code &} or
 * {@code ?} in it cannot add parameters to the target.
 */
public final class VirtualUriFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(VirtualUriFilter.class);

  private final transient Supplier<LightModule> module;

  /**
   * @param module the light module whose mappings apply (asked at each request)
   */
  public VirtualUriFilter(Supplier<LightModule> module) {
    this.module = module;
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String contextPath = request.getContextPath();
    String path = request.getRequestURI().substring(contextPath.length());
    Optional<VirtualUriMapping.Target> target = Optional.empty();
    for (VirtualUriMapping mapping : module.get().virtualUriMappings()) {
      target = mapping.apply(path);
      if (target.isPresent()) {
        LOG.debug("Virtual URI mapping '{}': '{}' -> '{}'", mapping.name(), path, target.get());
        break;
      }
    }
    if (target.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    String to = target.get().target();
    String location = to.startsWith("/") ? contextPath + to : to;
    switch (target.get().kind()) {
      case REDIRECT -> redirect(response, HttpServletResponse.SC_FOUND, location);
      case PERMANENT -> redirect(response, HttpServletResponse.SC_MOVED_PERMANENTLY, location);
      case FORWARD -> forward(request, response, to);
    }
  }

  private static void forward(HttpServletRequest request, HttpServletResponse response, String to)
      throws IOException, ServletException {
    RequestDispatcher dispatcher;
    try {
      dispatcher = to.startsWith("/") ? request.getRequestDispatcher(to) : null;
    } catch (RuntimeException e) {
      dispatcher = null;
    }
    if (dispatcher == null) {
      LOG.warn("Virtual URI mapping target '{}' cannot be forwarded to", to);
      ErrorPages.send(response, HttpServletResponse.SC_NOT_FOUND, request.getContextPath());
      return;
    }
    dispatcher.forward(request, response);
  }

  private static void redirect(HttpServletResponse response, int status, String location) {
    response.setStatus(status);
    response.setHeader("Location", location);
    response.setContentLength(0);
  }
}
