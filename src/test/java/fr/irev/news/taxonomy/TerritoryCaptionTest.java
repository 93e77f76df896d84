package fr.irev.news.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.testing.TestSite;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The territories' {@link TaxonomyNodes#CAPTION}, shown by the news form's territories picker, on a
 * real repository with the real Hauts-de-France file.
 */
class TerritoryCaptionTest {

  private static TerritoryFile file;

  private TestSite site;
  private Session session;

  @BeforeAll
  static void read() throws Exception {
    file = TerritoryFile.bundled(TerritoryCaptionTest.class.getClassLoader());
  }

  @BeforeEach
  void open() throws Exception {
    site = TestSite.empty();
    session = site.session(TaxonomyNodes.TERRITORIES_WORKSPACE);
  }

  @AfterEach
  void close() throws Exception {
    site.close();
  }

  private TerritoryImport.Result importFile(TerritoryFile territories) throws Exception {
    return new TerritoryImport(session, TerritoryImport.DEFAULT_BATCH)
        .run(TerritoryPlan.of(territories));
  }

  @Test
  void theTwoBrieHaveTheirDepartementCodesAndNoTwoTerritoriesShareACaption() throws Exception {
    importFile(file);

    Node aisne = commune("02122");
    Node somme = commune("80141");
    assertEquals("Brie", title(aisne));
    assertEquals("Brie", title(somme));
    assertEquals("Brie (02)", caption(aisne));
    assertEquals("Brie (80)", caption(somme));
    assertEquals("Lille (59)", caption(commune("59350")));
    assertEquals("Nord (59)", caption(byId(TerritoryLevel.DEPARTEMENT, "59")));
    assertEquals("CC de l'Est de la Somme (80)", caption(byId(TerritoryLevel.EPCI, "200070985")));
    List<Node> all = new ArrayList<>();
    collect(session.getRootNode(), all);
    assertEquals(3_880, all.size());
    Set<String> captions = new HashSet<>();
    for (Node node : all) {
      assertTrue(captions.add(caption(node)), "shared caption " + caption(node));
    }
  }

  @Test
  void theRegionsCaptionIsItsTitle() throws Exception {
    importFile(file);

    Node region = byId(TerritoryLevel.REGION, "32");
    assertEquals("Hauts-de-France", title(region));
    assertEquals("Hauts-de-France", caption(region));
  }

  @Test
  void aCommuneOfAnEpciSeatedInAnotherDepartementShowsItsOwnDepartement() throws Exception {
    importFile(file);

    // CC de l'Est de la Somme is placed under the Somme; one of its communes is in the Aisne
    TerritoryFile.Commune member = memberIn("200070985", "02");
    Node commune = commune(member.code());
    assertTrue(commune.getPath().startsWith("/hauts-de-france/somme/"), commune.getPath());
    assertEquals(member.nom() + " (02)", caption(commune));
    // CC du Ternois is placed under the Pas-de-Calais; one of its communes is in the Somme
    TerritoryFile.Commune ternois = memberIn("200069672", "80");
    Node other = commune(ternois.code());
    assertTrue(other.getPath().startsWith("/hauts-de-france/pas-de-calais/"), other.getPath());
    assertEquals(ternois.nom() + " (80)", caption(other));
    assertEquals("CC du Ternois (62)", caption(byId(TerritoryLevel.EPCI, "200069672")));
  }

  @Test
  void aReImportAfterARenamingUpdatesTheCaption() throws Exception {
    importFile(file);

    TerritoryFile renamed = renamed(file, "80141", "Brie-sur-Somme");
    TerritoryImport.Result result = importFile(renamed);

    // the Aisne's Brie, no longer a homonym, also loses its -02122 suffix
    assertEquals(2, result.updated());
    assertEquals(3_878, result.unchanged());
    Node brie = commune("80141");
    assertEquals("Brie-sur-Somme", title(brie));
    assertEquals("Brie-sur-Somme (80)", caption(brie));
    Node aisne = commune("02122");
    assertEquals("brie", aisne.getName());
    assertEquals("Brie (02)", caption(aisne));
    assertFalse(session.hasPendingChanges());
    assertEquals(0, importFile(renamed).updated());
  }

  @Test
  void territoriesImportedBeforeCaptionsExistedGetThemOnTheNextImport() throws Exception {
    importFile(file);
    List<Node> all = new ArrayList<>();
    collect(session.getRootNode(), all);
    for (Node node : all) {
      node.getProperty(TaxonomyNodes.CAPTION).remove();
    }
    session.save();

    TerritoryImport.Result result = importFile(file);

    assertEquals(3_880, result.updated());
    assertEquals("Brie (80)", caption(commune("80141")));
    assertEquals("Hauts-de-France", caption(byId(TerritoryLevel.REGION, "32")));
    assertFalse(session.hasPendingChanges());
  }

  private Node commune(String code) throws Exception {
    return byId(TerritoryLevel.COMMUNE, code);
  }

  private Node byId(TerritoryLevel level, String code) throws Exception {
    return session.getNodeByIdentifier(TerritoryIds.of(level, code));
  }

  private static String title(Node node) throws Exception {
    return node.getProperty(TaxonomyNodes.TITLE).getString();
  }

  private static String caption(Node node) throws Exception {
    return node.getProperty(TaxonomyNodes.CAPTION).getString();
  }

  private static void collect(Node parent, List<Node> found) throws Exception {
    for (NodeIterator it = parent.getNodes(); it.hasNext(); ) {
      Node child = it.nextNode();
      if (child.isNodeType(TaxonomyNodes.TERRITORY_TYPE)) {
        found.add(child);
        collect(child, found);
      }
    }
  }

  /** The first member of an EPCI whose commune lies in the given département. */
  private static TerritoryFile.Commune memberIn(String epci, String departement) {
    TerritoryFile.Epci found =
        file.epci().stream().filter(e -> e.code().equals(epci)).findFirst().orElseThrow();
    return found.membres().stream()
        .map(m -> file.communes().stream().filter(c -> c.code().equals(m.code())).findFirst())
        .flatMap(Optional::stream)
        .filter(c -> departement.equals(c.departement()))
        .findFirst()
        .orElseThrow();
  }

  private static TerritoryFile renamed(TerritoryFile original, String code, String title) {
    List<TerritoryFile.Commune> communes = new ArrayList<>();
    for (TerritoryFile.Commune c : original.communes()) {
      communes.add(
          c.code().equals(code)
              ? new TerritoryFile.Commune(c.code(), title, c.departement(), c.population())
              : c);
    }
    return new TerritoryFile(
        original.regions(), original.departements(), original.epci(), communes);
  }
}
