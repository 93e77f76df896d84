package fr.irev.news.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.irev.news.magnolia.MagnoliaContentContext;
import fr.irev.news.magnolia.MagnoliaRegistrationPlatform;
import fr.irev.news.registration.RegistrationPlatform;
import fr.irev.news.registration.web.RegistrationPaths;
import fr.irev.news.registration.web.RegistrationServices;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The servlets as {@code magnolia-module.xml} declares them, and what a misconfigured declaration
 * gives.
 */
class ServletDeclarationTest {

  /** Mapping of the staff pages, protected by the role irev-news-staff's URI ACL. */
  private static final String STAFF_MAPPING = "/.irev-news/staff/*";

  private static Document descriptor() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return factory.newDocumentBuilder().parse(Path.of("magnolia-module.xml").toFile());
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && (name == null || e.getTagName().equals(name))) {
        found.add(e);
      }
    }
    return found;
  }

  private static String text(Element parent, String name) {
    return children(parent, name).get(0).getTextContent().strip();
  }

  @Test
  void servletsComeAfterDependenciesAndBeforeRepositories() throws Exception {
    List<String> order =
        children(descriptor().getDocumentElement(), null).stream()
            .map(Element::getTagName)
            .toList();
    int servlets = order.indexOf("servlets");
    assertTrue(servlets > order.indexOf("dependencies"), order.toString());
    assertTrue(servlets < order.indexOf("repositories"), order.toString());
  }

  @Test
  void allServletsAreDeclaredWithTheirMappingAndParameters() throws Exception {
    Element servlets = children(descriptor().getDocumentElement(), "servlets").get(0);
    Map<String, String> mappings = new LinkedHashMap<>();
    Map<String, Map<String, String>> parameters = new LinkedHashMap<>();
    for (Element servlet : children(servlets, "servlet")) {
      assertEquals(
          List.of("name", "class", "comment", "mappings", "params"),
          children(servlet, null).stream().map(Element::getTagName).toList());
      String type = text(servlet, "class");
      assertTrue(
          HttpServlet.class.isAssignableFrom(Class.forName(type)), type + " is an HttpServlet");
      List<Element> mapping = children(children(servlet, "mappings").get(0), "mapping");
      assertEquals(1, mapping.size(), type);
      mappings.put(type, mapping.get(0).getTextContent().strip());
      Map<String, String> params = new LinkedHashMap<>();
      for (Element param : children(children(servlet, "params").get(0), "param")) {
        params.put(text(param, "name"), text(param, "value"));
      }
      parameters.put(type, params);
      assertTrue(text(servlet, "name").startsWith("irev-news-"));
    }
    assertEquals(
        Map.of(
            DownloadServlet.class.getName(), DownloadServlet.PATH + "*",
            ThumbnailServlet.class.getName(), ThumbnailServlet.PATH + "*",
            FeedServlet.class.getName(), FeedServlet.PATH + "*",
            RegistrationServlet.class.getName(), RegistrationPaths.PREFIX + "*",
            RegistrationStaffServlet.class.getName(), STAFF_MAPPING),
        mappings);
    assertEquals("/.irev-news/registration/*", mappings.get(RegistrationServlet.class.getName()));
    Map<String, String> contentOnly =
        Map.of(ContentContexts.PARAMETER, MagnoliaContentContext.class.getName());
    Map<String, String> registrations =
        Map.of(
            ContentContexts.PARAMETER,
            MagnoliaContentContext.class.getName(),
            RegistrationServices.PARAMETER,
            MagnoliaRegistrationPlatform.class.getName());
    assertEquals(
        Map.of(
            DownloadServlet.class.getName(), contentOnly,
            ThumbnailServlet.class.getName(), contentOnly,
            FeedServlet.class.getName(), contentOnly,
            RegistrationServlet.class.getName(), registrations,
            RegistrationStaffServlet.class.getName(), registrations),
        parameters);
    assertTrue(
        RegistrationPlatform.class.isAssignableFrom(MagnoliaRegistrationPlatform.class),
        "the declared platform is a RegistrationPlatform");
  }

  @ParameterizedTest
  @ValueSource(classes = {DownloadServlet.class, ThumbnailServlet.class, FeedServlet.class})
  void withoutContentContextTheServletAnswers503InFrench(Class<? extends HttpServlet> type)
      throws Exception {
    HttpServlet servlet = type.getConstructor().newInstance();
    ServletConfig config = mock(ServletConfig.class);
    when(config.getServletName()).thenReturn("misconfigured");
    servlet.init(config);
    HttpServletRequest request = mock(HttpServletRequest.class);
    when(request.getMethod()).thenReturn("GET");
    when(request.getContextPath()).thenReturn("");
    HttpServletResponse response = mock(HttpServletResponse.class);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    when(response.getOutputStream()).thenReturn(new CapturingOutput(body));

    servlet.service(request, response);

    verify(response).setStatus(503);
    verify(response).setContentType("text/html;charset=UTF-8");
    String page = body.toString(StandardCharsets.UTF_8);
    assertTrue(page.contains("Service indisponible"), page);
  }

  /** A servlet output stream into a byte array. */
  private static final class CapturingOutput extends ServletOutputStream {
    private final ByteArrayOutputStream out;

    CapturingOutput(ByteArrayOutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) {
      out.write(b);
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setWriteListener(WriteListener listener) {}
  }
}
