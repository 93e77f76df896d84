package fr.irev.news.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import fr.irev.news.magnolia.MagnoliaContentContext;
import fr.irev.news.templating.ContentContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.jcr.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Where the module servlets find the request's {@link ContentContext}. */
class ContentContextsTest {

  private static final ClassLoader CLASSES = ContentContextsTest.class.getClassLoader();

  /** A context with the public no-argument constructor the init parameter needs. */
  public static final class FixedContext implements ContentContext {
    @Override
    public Session session(String workspace) {
      throw new UnsupportedOperationException();
    }

    @Override
    public String contextPath() {
      return "";
    }

    @Override
    public String siteUrl() {
      return "http://localhost";
    }

    @Override
    public void setStatus(int status) {}
  }

  /** A context whose constructor fails. */
  public static final class BrokenContext implements ContentContext {
    public BrokenContext() {
      throw new IllegalStateException("no Magnolia here");
    }

    @Override
    public Session session(String workspace) {
      return null;
    }

    @Override
    public String contextPath() {
      return "";
    }

    @Override
    public String siteUrl() {
      return "";
    }

    @Override
    public void setStatus(int status) {}
  }

  private static HttpServletRequest request(Object attribute) {
    HttpServletRequest request = mock(HttpServletRequest.class);
    when(request.getAttribute("fr.irev.news.templating.ContentContext")).thenReturn(attribute);
    return request;
  }

  @Test
  void theRequestAttributeComesFirst() {
    ContentContext fromPreview = new FixedContext();
    ContentContexts contexts =
        ContentContexts.configure("s", FixedContext.class.getName(), CLASSES);
    assertSame(fromPreview, contexts.of(request(fromPreview)).orElseThrow());
    assertEquals("fr.irev.news.templating.ContentContext", ContentContexts.ATTRIBUTE);
  }

  @Test
  void withoutAttributeTheConfiguredInstanceServesEveryRequest() {
    ContentContexts contexts =
        ContentContexts.configure("s", " " + FixedContext.class.getName() + " ", CLASSES);
    ContentContext first = contexts.of(request(null)).orElseThrow();
    assertInstanceOf(FixedContext.class, first);
    assertSame(first, contexts.of(request("not a context")).orElseThrow());
    assertNull(contexts.problem());
  }

  @Test
  void magnoliasAdapterIsBuiltWithItsNoArgumentConstructor() {
    ContentContexts contexts =
        ContentContexts.configure("s", MagnoliaContentContext.class.getName(), CLASSES);
    assertInstanceOf(MagnoliaContentContext.class, contexts.configured());
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "  ",
        "fr.irev.news.magnolia.NoSuchContext",
        "java.lang.String",
        "fr.irev.news.templating.ContentContext",
        "fr.irev.news.web.ContentContextsTest$BrokenContext",
      })
  void misconfigurationGivesNoContextAndLogsOnceAtWarn(String className) {
    ContentContexts contexts = ContentContexts.configure("irev-news-download", className, CLASSES);
    assertNull(contexts.configured());
    assertNotNull(contexts.problem());
    String log =
        capturingStandardError(
            () -> {
              assertEquals(Optional.empty(), contexts.of(request(null)));
              assertEquals(Optional.empty(), contexts.of(request(null)));
              assertEquals(Optional.empty(), contexts.of(request(null)));
            });
    assertEquals(1, log.lines().filter(l -> l.contains("WARN")).count(), log);
    assertTrue(log.contains("irev-news-download"), log);
  }

  @Test
  void aBrokenConstructorIsNamedInTheProblem() {
    ContentContexts contexts =
        ContentContexts.configure("s", BrokenContext.class.getName(), CLASSES);
    assertTrue(contexts.problem().contains("no Magnolia here"), contexts.problem());
  }

  @Test
  void aMisconfiguredServletStillServesThePreviewAttribute() {
    ContentContexts contexts = ContentContexts.configure("s", null, CLASSES);
    ContentContext fromPreview = new FixedContext();
    String log =
        capturingStandardError(
            () -> assertSame(fromPreview, contexts.of(request(fromPreview)).orElseThrow()));
    assertEquals("", log);
  }

  /** slf4j-simple writes to whatever {@code System.err} is when it logs. */
  private static String capturingStandardError(Runnable action) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
