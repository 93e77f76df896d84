package fr.irev.news.registration.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import fr.irev.news.registration.SigningKeys;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The Magnolia files of the staff feature (app descriptor, role bootstrap, i18n keys) are well
 * formed and say what docs/magnolia-contract.md (section 16) says: a read-only app over {@code
 * irev-registrations}, and a role that can only read that workspace, except the signing keys under
 * {@code /_keys}, and use the staff pages.
 */
class StaffMagnoliaFilesTest {

  private static final String SV = "http://www.jcp.org/jcr/sv/1.0";

  private static Path project(String path) {
    Path start = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    return start.toAbsolutePath().resolve(path);
  }

  private static JsonNode app() throws Exception {
    return new YAMLMapper()
        .readTree(project("light-modules/irev-news/apps/irev-registrations.yaml").toFile());
  }

  private static Properties bundle(String locale) throws Exception {
    Properties bundle = new Properties();
    try (Reader reader =
        Files.newBufferedReader(
            project("light-modules/irev-news/i18n/irev-news-messages_" + locale + ".properties"),
            StandardCharsets.UTF_8)) {
      bundle.load(reader);
    }
    return bundle;
  }

  @Test
  void appIsReadOnlyOverTheRegistrationsWorkspaceWithTheAgreedColumns() throws Exception {
    JsonNode app = app();
    assertEquals("irev-registrations", app.path("datasource").path("workspace").asText());
    assertEquals("jcrDatasource", app.path("datasource").path("$type").asText());
    assertEquals("irev-news-staff", app.path("permissions").path("roles").path("staff").asText());
    List<String> columns = new ArrayList<>();
    JsonNode views = app.path("subApps").path("browser").path("workbench").path("contentViews");
    for (JsonNode column : views.get(0).path("columns")) {
      columns.add(column.path("name").asText());
    }
    assertEquals(
        List.of("jcrName", "status", "lastName", "firstName", "email", "seats", "created"),
        columns);
    assertTrue(app.findParents("actions").isEmpty(), "no action: the app is read-only");
    assertTrue(app.findParents("actionbar").isEmpty(), "no action bar");
    assertEquals(1, app.path("subApps").size(), "browser only, no detail (edit) subapp");
  }

  @Test
  void everyLabelOfTheAppHasAFrenchAndAnEnglishText() throws Exception {
    Set<String> labels = new LinkedHashSet<>();
    for (JsonNode parent : app().findParents("label")) {
      labels.add(parent.path("label").asText());
    }
    assertEquals(9, labels.size(), labels.toString());
    Properties fr = bundle("fr");
    Properties en = bundle("en");
    for (String label : labels) {
      assertTrue(fr.containsKey(label), "fr: " + label);
      assertTrue(en.containsKey(label), "en: " + label);
      assertFalse(fr.getProperty(label).contains("'"), "typographic apostrophes only: " + label);
    }
    assertEquals(
        "Inscriptions aux événements", fr.getProperty("irev-news.app.registrations.label"));
    assertEquals("Event registrations", en.getProperty("irev-news.app.registrations.label"));
  }

  @Test
  void roleReadsRegistrationsButNotTheSigningKeysAndGetsTheStaffPages() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc =
        factory
            .newDocumentBuilder()
            .parse(
                project("src/main/resources/mgnl-bootstrap/irev-news/userroles.irev-news-staff.xml")
                    .toFile());
    Element role = doc.getDocumentElement();
    assertEquals("irev-news-staff", role.getAttributeNS(SV, "name"));
    assertEquals("mgnl:role", property(role, "jcr:primaryType"));
    List<String> acl = new ArrayList<>();
    for (Element list : children(role)) {
      for (Element entry : children(list)) {
        acl.add(
            list.getAttributeNS(SV, "name")
                + " "
                + property(entry, "path")
                + " "
                + property(entry, "permissions"));
      }
    }
    assertEquals(
        List.of(
            "acl_irev-registrations / 8",
            "acl_irev-registrations /* 8",
            "acl_irev-registrations /" + SigningKeys.KEYS + " 0",
            "acl_irev-registrations /" + SigningKeys.KEYS + "/* 0",
            "acl_userroles /irev-news-staff 8",
            "acl_uri /.irev-news/staff 63",
            "acl_uri /.irev-news/staff/* 63"),
        acl);
    assertEquals(
        "d62f373d-087d-5d53-88c8-4a951ca228f2",
        property(role, "jcr:uuid"),
        "a fixed identifier, the same on every instance");
  }

  @Test
  void theAppDoesNotListTheSigningKeysNode() throws Exception {
    List<String> allowed = new ArrayList<>();
    app().path("datasource").path("allowedNodeTypes").forEach(t -> allowed.add(t.asText()));
    assertEquals(List.of("mgnl:folder", "irev:registration"), allowed);
    assertFalse(allowed.contains("nt:unstructured"), "/_keys is nt:unstructured");
  }

  private static List<Element> children(Element node) {
    List<Element> nodes = new ArrayList<>();
    for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && "node".equals(e.getLocalName())) {
        nodes.add(e);
      }
    }
    return nodes;
  }

  private static String property(Element node, String name) {
    for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e
          && "property".equals(e.getLocalName())
          && name.equals(e.getAttributeNS(SV, "name"))) {
        return e.getTextContent().strip();
      }
    }
    return null;
  }
}
