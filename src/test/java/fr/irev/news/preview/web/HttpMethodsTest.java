package fr.irev.news.preview.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.GenericServlet;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HttpMethodsTest {

  static class PostOnly extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {}
  }

  static class Everything extends PostOnly {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {}

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) {}

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) {}

    @Override
    protected void doTrace(HttpServletRequest request, HttpServletResponse response) {}
  }

  static class OwnService extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) {}
  }

  static class Generic extends GenericServlet {
    private static final long serialVersionUID = 1L;

    @Override
    public void service(ServletRequest request, ServletResponse response) {}
  }

  @Test
  void httpServletsAcceptWhatTheyImplementPlusOptionsNeverTrace() {
    assertEquals("POST, OPTIONS", HttpMethods.allowHeader(HttpMethods.of(new PostOnly())));
    assertEquals(
        "GET, HEAD, POST, PUT, DELETE, OPTIONS",
        HttpMethods.allowHeader(HttpMethods.of(new Everything())));
    assertEquals(
        "GET, HEAD, OPTIONS", HttpMethods.allowHeader(HttpMethods.of(new EchoTestServlet())));
  }

  @Test
  void servletsThatDispatchThemselvesAreUnknownAndDeclaredOnesExact() {
    assertNull(HttpMethods.of(new OwnService()));
    assertNull(HttpMethods.of(new Generic()));
    assertNull(HttpMethods.of(new ModuleServlets.UnavailableServlet()));
    assertEquals(Set.of("GET", "HEAD"), HttpMethods.of(new DamServlet()));
    HttpMethods.Declared withTrace = () -> Set.of("TRACE", "POST", "GET");
    assertEquals(
        "GET, POST", HttpMethods.allowHeader(HttpMethods.of(new DeclaredServlet(withTrace))));
  }

  @Test
  void traceAndTrackAreNeverAllowed() {
    assertTrue(HttpMethods.neverAllowed("TRACE"));
    assertTrue(HttpMethods.neverAllowed("track"));
    assertFalse(HttpMethods.neverAllowed("GET"));
    assertFalse(HttpMethods.neverAllowed(null));
    assertEquals("GET, HEAD, OPTIONS", HttpMethods.withoutRefused("GET, HEAD, TRACE, OPTIONS"));
    assertEquals("", HttpMethods.withoutRefused("TRACE"));
    assertNull(HttpMethods.withoutRefused(null));
  }

  static final class DeclaredServlet extends HttpServlet implements HttpMethods.Declared {
    private static final long serialVersionUID = 1L;
    private final transient HttpMethods.Declared methods;

    DeclaredServlet(HttpMethods.Declared methods) {
      this.methods = methods;
    }

    @Override
    public Set<String> allowedMethods() {
      return methods.allowedMethods();
    }
  }
}
