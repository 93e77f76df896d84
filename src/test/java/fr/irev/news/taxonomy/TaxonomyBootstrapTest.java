package fr.irev.news.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.testing.TestSite;
import java.util.ArrayList;
import java.util.List;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Session;
import javax.jcr.query.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module installed as on first start (bootstrap files, then the version handler's territory
 * import): the thematics tree and the full territories tree.
 */
class TaxonomyBootstrapTest {

  private static TestSite site;

  @BeforeAll
  static void install() throws Exception {
    site = TestSite.withSampleContent();
  }

  @AfterAll
  static void close() throws Exception {
    site.close();
  }

  @Test
  void theInstallImportsEveryTerritoryAndKeepsTheBootstrappedOnes() throws Exception {
    Session session = site.session(TaxonomyNodes.TERRITORIES_WORKSPACE);
    Query query =
        session
            .getWorkspace()
            .getQueryManager()
            .createQuery("SELECT * FROM [irev:territory]", Query.JCR_SQL2);
    assertEquals(3_880, query.execute().getNodes().getSize());
    assertEquals(
        "/hauts-de-france/nord/metropole-europeenne-de-lille/lille",
        session.getNodeByIdentifier("599d4712-5480-5744-9aa8-72a0184cd3d9").getPath());
    assertFalse(session.hasPendingChanges());
  }

  @Test
  void thematicsAreTwoLevelsWithTheSeedsOwnIdentifiers() throws Exception {
    Session session = site.session(TaxonomyNodes.THEMATICS_WORKSPACE);
    assertEquals(
        "/discrimination/lutte-contre-les-discriminations",
        session.getNodeByIdentifier("f0fed55b-273e-5cb8-9680-85e4ae458ce9").getPath());
    assertEquals(
        "/discrimination",
        session.getNodeByIdentifier("0b79787c-f0c0-5125-b8df-1a2cf8238620").getPath());
    List<String> themes = new ArrayList<>();
    for (NodeIterator it = session.getRootNode().getNodes(); it.hasNext(); ) {
      Node theme = it.nextNode();
      if (!theme.isNodeType(TaxonomyNodes.THEMATIC_TYPE)) {
        continue;
      }
      themes.add(theme.getName());
      long subThemes = theme.getNodes().getSize();
      assertTrue(subThemes >= 2 && subThemes <= 4, theme.getPath() + ": " + subThemes);
      for (NodeIterator sub = theme.getNodes(); sub.hasNext(); ) {
        Node child = sub.nextNode();
        assertFalse(child.getNodes().hasNext(), child.getPath() + " has a third level");
        String title = child.getProperty(TaxonomyNodes.TITLE).getString();
        assertFalse(title.contains("'"), "straight apostrophe in " + title);
      }
    }
    assertEquals(11, themes.size(), themes.toString());
    assertTrue(themes.contains("renouvellement-urbain"));
    assertTrue(themes.contains("laicite-et-valeurs-de-la-republique"));
  }

  @Test
  void aThematicWithAnApostropheIsFoundThroughBindVariables() throws Exception {
    // C13: the bootstrapped "Lutte contre l’exclusion", and one staff typed with a straight
    // apostrophe, which Magnolia's app keeps in the node name
    Session session = site.session(TaxonomyNodes.THEMATICS_WORKSPACE);
    Node typed =
        session
            .getNode("/cohesion-sociale")
            .addNode("lutte-contre-l'exclusion", TaxonomyNodes.THEMATIC_TYPE);
    typed.setProperty(TaxonomyNodes.TITLE, "Lutte contre l'exclusion");
    session.save();
    try {
      assertEquals(
          List.of("/cohesion-sociale/lutte-contre-l-exclusion"),
          byTitle("Lutte contre l’exclusion"));
      assertEquals(List.of(typed.getPath()), byTitle("Lutte contre l'exclusion"));
      TermRepository terms = TermRepository.thematics(session);
      assertEquals(
          "Lutte contre l'exclusion",
          terms.findByName("lutte-contre-l'exclusion").orElseThrow().title());
      assertEquals(
          "Lutte contre l’exclusion",
          terms.findByName("lutte-contre-l-exclusion").orElseThrow().title());
    } finally {
      typed.remove();
      session.save();
    }
  }

  private static List<String> byTitle(String title) throws Exception {
    Session session = site.session(TaxonomyNodes.THEMATICS_WORKSPACE);
    Query query =
        session
            .getWorkspace()
            .getQueryManager()
            .createQuery(
                "SELECT * FROM [irev:thematic] AS t WHERE t.[title] = $title", Query.JCR_SQL2);
    query.bindValue("title", session.getValueFactory().createValue(title));
    List<String> paths = new ArrayList<>();
    for (NodeIterator it = query.execute().getNodes(); it.hasNext(); ) {
      paths.add(it.nextNode().getPath());
    }
    return paths;
  }
}
