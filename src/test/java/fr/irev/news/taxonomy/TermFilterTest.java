package fr.irev.news.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.news.NewsItem;
import fr.irev.news.news.NewsKind;
import fr.irev.news.news.NewsNodes;
import fr.irev.news.news.NewsWriter;
import fr.irev.news.templating.ListingView;
import fr.irev.news.templating.NewsFunctions;
import fr.irev.news.testing.TestSite;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import javax.jcr.Node;
import javax.jcr.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Filtering by a term, on a real repository (field case C13 and its kind). */
class TermFilterTest {

  private TestSite site;

  @BeforeEach
  void open() throws Exception {
    site = TestSite.empty();
  }

  @AfterEach
  void close() throws Exception {
    site.close();
  }

  private String thematic(String name, String title) throws Exception {
    Session session = site.session(TaxonomyNodes.THEMATICS_WORKSPACE);
    Node node = session.getRootNode().addNode(name, TaxonomyNodes.THEMATIC_TYPE);
    node.setProperty(TaxonomyNodes.TITLE, title);
    session.save();
    return node.getIdentifier();
  }

  private void item(String name, String thematicId) throws Exception {
    NewsWriter.save(
        site.session(NewsNodes.WORKSPACE),
        "/",
        new NewsItem(
            null,
            name,
            "Titre " + name,
            null,
            null,
            NewsKind.NEWS,
            null,
            null,
            null,
            ZonedDateTime.of(2021, 9, 29, 10, 0, 0, 0, ZoneId.of("Europe/Paris")),
            null,
            List.of(thematicId),
            List.of(),
            List.of(),
            null),
        site.scopes());
  }

  @Test
  void termNamesWithApostrophesAndQuotesAreFoundThroughBindVariables() throws Exception {
    // C13: "Lutte contre l'exclusion", whatever node name the staff's app gave it
    String apostrophe = thematic("lutte-contre-l'exclusion", "Lutte contre l'exclusion");
    String quote = thematic("egalite \"femmes-hommes\"", "Égalité femmes-hommes");
    item("exclusion", apostrophe);
    item("egalite", quote);
    NewsFunctions functions = new NewsFunctions(site);

    ListingView exclusion = functions.listing(null, "lutte-contre-l'exclusion", null);
    ListingView egalite = functions.listing(null, "egalite \"femmes-hommes\"", null);

    assertEquals(
        List.of("exclusion"), exclusion.getItems().stream().map(i -> i.getUrlName()).toList());
    assertEquals("Thématique\u00a0: Lutte contre l'exclusion", exclusion.getFilterLabel());
    assertEquals(List.of("egalite"), egalite.getItems().stream().map(i -> i.getUrlName()).toList());
  }

  @Test
  void injectionAttemptsFindNothingAndBreakNothing() throws Exception {
    thematic("sante", "Santé");
    TermRepository terms =
        TermRepository.thematics(site.session(TaxonomyNodes.THEMATICS_WORKSPACE));
    for (String name : new String[] {"' OR 1=1 OR '", "sante]", "x/y", "*", "", "a\nb", null}) {
      assertTrue(terms.findByName(name).isEmpty(), String.valueOf(name));
    }
    assertTrue(terms.findById("../sante").isEmpty());
  }

  @Test
  void aRegionWithThousandsOfCommunesFiltersWithoutHittingQueryLimits() throws Exception {
    // the real Hauts-de-France has 3 782 communes: more bind variables than Lucene accepts
    Session session = site.session(TaxonomyNodes.TERRITORIES_WORKSPACE);
    Node region = session.getRootNode().addNode("hauts-de-france", TaxonomyNodes.TERRITORY_TYPE);
    Node departement = region.addNode("nord", TaxonomyNodes.TERRITORY_TYPE);
    String lille = null;
    for (int i = 0; i < 2_000; i++) {
      Node commune = departement.addNode("commune-" + i, TaxonomyNodes.TERRITORY_TYPE);
      if (i == 1_234) {
        lille = commune.getIdentifier();
      }
    }
    session.save();
    String sante = thematic("sante", "Santé");
    NewsWriter.save(
        site.session(NewsNodes.WORKSPACE),
        "/",
        new NewsItem(
            null,
            "a-lille",
            "À Lille",
            null,
            null,
            NewsKind.NEWS,
            null,
            null,
            null,
            ZonedDateTime.of(2021, 9, 29, 10, 0, 0, 0, ZoneId.of("Europe/Paris")),
            null,
            List.of(sante),
            List.of(lille),
            List.of(),
            null),
        site.scopes());
    item("ailleurs", sante);
    NewsFunctions functions = new NewsFunctions(site);

    ListingView byRegion = functions.listing(null, null, "hauts-de-france");
    ListingView both = functions.listing(null, "sante", "nord");

    assertEquals(
        List.of("a-lille"), byRegion.getItems().stream().map(i -> i.getUrlName()).toList());
    assertEquals(1, byRegion.getTotal());
    assertEquals(List.of("a-lille"), both.getItems().stream().map(i -> i.getUrlName()).toList());
    assertEquals(2, functions.listing(null, "sante", null).getTotal());
  }

  @Test
  void aTermCountsForItsDescendantsOnly() throws Exception {
    Session session = site.session(TaxonomyNodes.TERRITORIES_WORKSPACE);
    Node region = session.getRootNode().addNode("hauts-de-france", TaxonomyNodes.TERRITORY_TYPE);
    Node nord = region.addNode("nord", TaxonomyNodes.TERRITORY_TYPE);
    Node lille = nord.addNode("lille", TaxonomyNodes.TERRITORY_TYPE);
    lille.setProperty(TaxonomyNodes.LEVEL, "commune");
    lille.setProperty(TaxonomyNodes.CODE, "59350");
    session.save();
    TermRepository terms = TermRepository.territories(session);

    Term lilleTerm = terms.findByName("lille").orElseThrow();
    Term nordTerm = terms.findByName("nord").orElseThrow();

    assertEquals(TerritoryLevel.COMMUNE, lilleTerm.level());
    assertEquals("59350", lilleTerm.code());
    assertEquals(
        List.of("hauts-de-france", "nord"),
        terms.ancestors(lilleTerm).stream().map(Term::name).toList());
    assertEquals(
        List.of(nord.getIdentifier(), lille.getIdentifier()),
        List.copyOf(terms.selfAndDescendantIds(nordTerm)));
  }

  @Test
  void aTagThatIsNoIdentifierKeepsItsOwnScopeAndBreaksNothing() throws Exception {
    String sante = thematic("sante", "Santé");
    TermScopes scopes =
        new TermScopes(
            site.session(TaxonomyNodes.THEMATICS_WORKSPACE),
            site.session(TaxonomyNodes.TERRITORIES_WORKSPACE));
    // Hand-edited content: "x" is not a well-formed identifier (Jackrabbit answers "invalid
    // identifier"), "3f..." is well formed but unknown.
    String unknown = "3f7c2b4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f";
    assertEquals(
        java.util.List.of(sante, "x", unknown),
        java.util.List.copyOf(scopes.thematicScope(java.util.List.of(sante, "x", unknown))));
  }
}
