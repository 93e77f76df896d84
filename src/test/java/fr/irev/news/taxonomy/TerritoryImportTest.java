package fr.irev.news.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.testing.TestSite;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.jcr.ImportUUIDBehavior;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Session;
import javax.jcr.Value;
import javax.jcr.query.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The territory import on a real repository, with the real Hauts-de-France file. */
class TerritoryImportTest {

  private static final ClassLoader RESOURCES = TerritoryImportTest.class.getClassLoader();
  private static TerritoryFile file;

  private TestSite site;
  private Session session;

  @BeforeAll
  static void read() throws Exception {
    file = TerritoryFile.bundled(RESOURCES);
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
  void theRealFileGivesOneRegionFiveDepartementsNinetyTwoEpciAndAllCommunes() throws Exception {
    TerritoryImport.Result result = TerritoryImport.bundled(session, 1_000, RESOURCES);

    assertEquals(3_880, result.created());
    assertEquals(1, level(TerritoryLevel.REGION).size());
    assertEquals(5, level(TerritoryLevel.DEPARTEMENT).size());
    assertEquals(92, level(TerritoryLevel.EPCI).size());
    assertEquals(3_782, level(TerritoryLevel.COMMUNE).size());
    assertFalse(session.hasPendingChanges());
    assertTrue(result.millis() < 30_000, result.millis() + " ms");
    Set<String> names = new HashSet<>();
    for (TerritoryLevel level : TerritoryLevel.values()) {
      for (Node node : level(level)) {
        String code = node.getProperty(TaxonomyNodes.CODE).getString();
        assertEquals(TerritoryIds.of(level, code), node.getIdentifier(), node.getPath());
        assertTrue(names.add(node.getName()), "duplicate name " + node.getPath());
      }
    }
    Node lille = session.getNodeByIdentifier("599d4712-5480-5744-9aa8-72a0184cd3d9");
    assertEquals("/hauts-de-france/nord/metropole-europeenne-de-lille/lille", lille.getPath());
    assertEquals("59350", lille.getProperty(TaxonomyNodes.CODE).getString());
    assertEquals("commune", lille.getProperty(TaxonomyNodes.LEVEL).getString());
    assertEquals("Lille", lille.getProperty(TaxonomyNodes.TITLE).getString());
    assertEquals(
        "481aad4a-a772-5cfc-acfb-b21b8003f9b6",
        session.getNode("/hauts-de-france").getIdentifier());
    assertEquals(
        "8c6e41cf-7234-5546-aed6-8f7b63a86db4",
        session.getNode("/hauts-de-france/nord").getIdentifier());
    assertEquals(
        "e2069281-5b63-5f81-af03-63ce939c800a",
        session.getNode("/hauts-de-france/nord/metropole-europeenne-de-lille").getIdentifier());
    Node epci = session.getNodeByIdentifier(TerritoryIds.of(TerritoryLevel.EPCI, "200070985"));
    assertEquals("/hauts-de-france/somme/cc-de-l-est-de-la-somme", epci.getPath());
    assertEquals("CC de l'Est de la Somme", epci.getProperty(TaxonomyNodes.TITLE).getString());
    assertEquals("200070985", epci.getProperty(TaxonomyNodes.CODE).getString());
    // two communes named Brie: both suffixed with their INSEE code
    assertTrue(session.nodeExists("/hauts-de-france/aisne"));
    assertEquals(2, named("brie-").size());
  }

  @Test
  void theFourBootstrappedTerritoriesKeepTheirIdentifiersAndASecondImportChangesNothing()
      throws Exception {
    try (InputStream xml =
        RESOURCES.getResourceAsStream(
            "mgnl-bootstrap/irev-news/irev-territories.hauts-de-france.xml")) {
      session.importXML("/", xml, ImportUUIDBehavior.IMPORT_UUID_COLLISION_THROW);
    }
    session.save();

    TerritoryImport.Result first = TerritoryImport.bundled(session, 1_000, RESOURCES);
    long start = System.nanoTime();
    TerritoryImport.Result second = TerritoryImport.bundled(session, 1_000, RESOURCES);
    long secondMillis = (System.nanoTime() - start) / 1_000_000;

    // the four bootstrapped territories get their caption, the three below the région also
    // their ancestors
    assertEquals(new Counts(3_876, 4, 0, 0), Counts.of(first));
    assertEquals(new Counts(0, 0, 3_880, 0), Counts.of(second));
    assertFalse(session.hasPendingChanges());
    assertTrue(secondMillis < 15_000, secondMillis + " ms");
    assertEquals(
        "/hauts-de-france/nord/metropole-europeenne-de-lille/lille",
        session.getNodeByIdentifier("599d4712-5480-5744-9aa8-72a0184cd3d9").getPath());
    Node nord = session.getNodeByIdentifier("8c6e41cf-7234-5546-aed6-8f7b63a86db4");
    assertEquals(
        List.of("481aad4a-a772-5cfc-acfb-b21b8003f9b6"), strings(nord, TaxonomyNodes.ANCESTORS));
  }

  @Test
  void aNewerFileUpdatesInPlaceWithoutChangingIdentifiers() throws Exception {
    importFile(file);
    String renamed = TerritoryIds.of(TerritoryLevel.COMMUNE, "80836"); // Yonval
    String moved = TerritoryIds.of(TerritoryLevel.COMMUNE, "62268"); // Desvres
    String removed = TerritoryIds.of(TerritoryLevel.COMMUNE, "62896"); // Wirwignes
    String boulonnais = epciCode("CA du Boulonnais");
    String desvresSamer = TerritoryIds.of(TerritoryLevel.EPCI, "200018083");

    TerritoryFile newer = modified(file, boulonnais);
    TerritoryImport.Result result = importFile(newer);

    assertEquals(new Counts(0, 2, 3_877, 1), Counts.of(result));
    Node yonval = session.getNodeByIdentifier(renamed);
    assertEquals("Yonval-sur-Somme", yonval.getProperty(TaxonomyNodes.TITLE).getString());
    assertEquals("yonval-sur-somme", yonval.getName());
    Node desvres = session.getNodeByIdentifier(moved);
    String boulonnaisId = TerritoryIds.of(TerritoryLevel.EPCI, boulonnais);
    assertEquals(boulonnaisId, desvres.getParent().getIdentifier());
    assertTrue(strings(desvres, TaxonomyNodes.ANCESTORS).contains(boulonnaisId));
    assertFalse(strings(desvres, TaxonomyNodes.ANCESTORS).contains(desvresSamer));
    Node wirwignes = session.getNodeByIdentifier(removed);
    assertTrue(wirwignes.getProperty(TaxonomyNodes.OBSOLETE).getBoolean());
    assertEquals(desvresSamer, wirwignes.getParent().getIdentifier());

    assertEquals(new Counts(0, 0, 3_879, 0), Counts.of(importFile(newer)));
    assertFalse(session.hasPendingChanges());

    assertEquals(new Counts(0, 3, 3_877, 0), Counts.of(importFile(file)));
    assertFalse(session.getNodeByIdentifier(removed).hasProperty(TaxonomyNodes.OBSOLETE));
    assertEquals(desvresSamer, session.getNodeByIdentifier(moved).getParent().getIdentifier());
    assertEquals("yonval", session.getNodeByIdentifier(renamed).getName());
  }

  @Test
  void aCommuneIsFoundByItsDepartementAndByItsEpciThroughBindVariables() throws Exception {
    importFile(file);
    // the one Aisne commune of the CC de l'Est de la Somme (seated in
    // the Somme), found from the Aisne although its node is under the Somme
    TerritoryFile.Epci estSomme = epci("200070985");
    String aisneCommune =
        estSomme.membres().stream()
            .map(m -> commune(m.code()))
            .filter(c -> c.departement().equals("02"))
            .findFirst()
            .orElseThrow()
            .code();
    String aisne = TerritoryIds.of(TerritoryLevel.DEPARTEMENT, "02");
    String communeId = TerritoryIds.of(TerritoryLevel.COMMUNE, aisneCommune);
    assertTrue(
        session.getNodeByIdentifier(communeId).getPath().startsWith("/hauts-de-france/somme/"));

    List<String> ofAisne = communesUnder(aisne);
    List<String> ofEpci = communesUnder(TerritoryIds.of(TerritoryLevel.EPCI, "200070985"));

    assertTrue(ofAisne.contains(communeId));
    assertEquals(
        file.communes().stream().filter(c -> c.departement().equals("02")).count(), ofAisne.size());
    assertTrue(ofEpci.contains(communeId));
    assertEquals(estSomme.membres().size(), ofEpci.size());
    Term aisneTerm = TermRepository.territories(session).findById(aisne).orElseThrow();
    Set<String> filter = TermRepository.territories(session).selfAndDescendantIds(aisneTerm);
    assertTrue(filter.contains(communeId));
    assertTrue(filter.contains(TerritoryIds.of(TerritoryLevel.EPCI, "200070985")));
  }

  private List<String> communesUnder(String ancestorId) throws Exception {
    Query query =
        session
            .getWorkspace()
            .getQueryManager()
            .createQuery(
                "SELECT * FROM [irev:territory] AS t WHERE t.[ancestors] = $ancestor"
                    + " AND t.[level] = $level",
                Query.JCR_SQL2);
    query.bindValue("ancestor", session.getValueFactory().createValue(ancestorId));
    query.bindValue("level", session.getValueFactory().createValue("commune"));
    List<String> ids = new ArrayList<>();
    for (NodeIterator it = query.execute().getNodes(); it.hasNext(); ) {
      ids.add(it.nextNode().getIdentifier());
    }
    return ids;
  }

  private List<Node> level(TerritoryLevel level) throws Exception {
    Query query =
        session
            .getWorkspace()
            .getQueryManager()
            .createQuery(
                "SELECT * FROM [irev:territory] AS t WHERE t.[level] = $level", Query.JCR_SQL2);
    query.bindValue("level", session.getValueFactory().createValue(level.code()));
    List<Node> nodes = new ArrayList<>();
    for (NodeIterator it = query.execute().getNodes(); it.hasNext(); ) {
      nodes.add(it.nextNode());
    }
    return nodes;
  }

  private List<Node> named(String prefix) throws Exception {
    List<Node> found = new ArrayList<>();
    for (Node node : level(TerritoryLevel.COMMUNE)) {
      if (node.getName().startsWith(prefix) && node.getName().matches(".*-\\d[0-9AB]\\d{3}")) {
        found.add(node);
      }
    }
    return found;
  }

  private static List<String> strings(Node node, String property) throws Exception {
    List<String> values = new ArrayList<>();
    for (Value value : node.getProperty(property).getValues()) {
      values.add(value.getString());
    }
    return values;
  }

  private static TerritoryFile.Epci epci(String code) {
    return file.epci().stream().filter(e -> e.code().equals(code)).findFirst().orElseThrow();
  }

  private static String epciCode(String name) {
    return file.epci().stream().filter(e -> e.nom().equals(name)).findFirst().orElseThrow().code();
  }

  private static TerritoryFile.Commune commune(String code) {
    return file.communes().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
  }

  /** Yonval renamed, Desvres moved from Desvres-Samer to the Boulonnais, Wirwignes removed. */
  private static TerritoryFile modified(TerritoryFile original, String boulonnais) {
    List<TerritoryFile.Commune> communes = new ArrayList<>();
    for (TerritoryFile.Commune c : original.communes()) {
      if (c.code().equals("80836")) {
        communes.add(
            new TerritoryFile.Commune(
                c.code(), "Yonval-sur-Somme", c.departement(), c.population()));
      } else if (!c.code().equals("62896")) {
        communes.add(c);
      }
    }
    Map<String, TerritoryFile.Member> desvres = new HashMap<>();
    List<TerritoryFile.Epci> epci = new ArrayList<>();
    for (TerritoryFile.Epci e : original.epci()) {
      List<TerritoryFile.Member> members = new ArrayList<>();
      for (TerritoryFile.Member m : e.membres()) {
        if (m.code().equals("62268")) {
          desvres.put("moved", m);
        } else if (!m.code().equals("62896")) {
          members.add(m);
        }
      }
      epci.add(new TerritoryFile.Epci(e.code(), e.nom(), members));
    }
    for (int i = 0; i < epci.size(); i++) {
      TerritoryFile.Epci e = epci.get(i);
      if (e.code().equals(boulonnais)) {
        List<TerritoryFile.Member> members = new ArrayList<>(e.membres());
        members.add(desvres.get("moved"));
        epci.set(i, new TerritoryFile.Epci(e.code(), e.nom(), members));
      }
    }
    return new TerritoryFile(original.regions(), original.departements(), epci, communes);
  }

  private record Counts(int created, int updated, int unchanged, int obsolete) {
    static Counts of(TerritoryImport.Result r) {
      return new Counts(r.created(), r.updated(), r.unchanged(), r.obsolete());
    }
  }
}
