package fr.irev.news.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.news.EventSchedule;
import fr.irev.news.news.NewsItem;
import fr.irev.news.news.NewsKind;
import fr.irev.news.news.NewsNodes;
import fr.irev.news.news.NewsWriter;
import fr.irev.news.preview.PreviewOptions;
import fr.irev.news.preview.PreviewServer;
import fr.irev.news.taxonomy.TaxonomyNodes;
import fr.irev.news.taxonomy.TermRepository;
import fr.irev.news.taxonomy.TermScopes;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import javax.jcr.Session;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The list page's filters, facets, pagination and term pages over real HTTP against the preview
 * server, on the sample content (two events of "Lutte contre les discriminations", starting on 30
 * November 2021 and 16 March 2027) plus items written here with {@link NewsWriter} and the
 * taxonomies' {@link TermScopes}. Real clock: "now" is after 2021 and before 16 March 2027.
 */
class ListingsSiteTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final String SAMPLE_PAST =
      "discriminations-journee-dapprofondissement-du-cycle-initier-et-conduire-un-ptlcd";
  private static final String SAMPLE_MARCH =
      "discriminations-nouvelle-session-du-cycle-initier-et-conduire-un-ptlcd";

  private static PreviewServer server;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static String cohesionTitle;

  @BeforeAll
  static void start() throws Exception {
    server = PreviewServer.start(PreviewOptions.defaults().withPort(0).withInMemory());
    Session news = server.repository().login(NewsNodes.WORKSPACE);
    Session thematics = server.repository().login(TaxonomyNodes.THEMATICS_WORKSPACE);
    Session territories = server.repository().login(TaxonomyNodes.TERRITORIES_WORKSPACE);
    try {
      TermScopes scopes = new TermScopes(thematics, territories);
      TermRepository themes = TermRepository.thematics(thematics);
      String exclusion = themes.findByName("lutte-contre-l-exclusion").orElseThrow().identifier();
      String sante = themes.findByName("sante").orElseThrow().identifier();
      cohesionTitle =
          themes
              .ancestors(themes.findByName("lutte-contre-l-exclusion").orElseThrow())
              .get(0)
              .title();
      String lille =
          territories
              .getNode("/hauts-de-france/nord/metropole-europeenne-de-lille/lille")
              .getIdentifier();
      String amiens =
          TermRepository.territories(territories).findByName("amiens").orElseThrow().identifier();
      NewsWriter.save(
          news,
          "/",
          item(
              "exclusion-lille",
              "Insertion à Lille",
              "Renouvellement urbain et emploi",
              NewsKind.NEWS,
              null,
              at(2026, 5, 10, 12, 0),
              List.of(exclusion),
              List.of(lille)),
          scopes);
      NewsWriter.save(
          news,
          "/",
          item(
              "evenement-mars",
              "Forum de l’exclusion",
              null,
              NewsKind.EVENT,
              new EventSchedule(at(2027, 3, 31, 23, 30), at(2027, 4, 1, 1, 0), false),
              at(2026, 1, 5, 12, 0),
              List.of(exclusion),
              List.of(lille)),
          scopes);
      NewsWriter.save(
          news,
          "/",
          item(
              "evenement-avril",
              "Santé à Amiens",
              null,
              NewsKind.EVENT,
              new EventSchedule(at(2027, 4, 1, 0, 30), null, false),
              at(2026, 1, 6, 12, 0),
              List.of(sante),
              List.of(amiens)),
          scopes);
      NewsWriter.save(
          news,
          "/",
          item(
              "evenement-passe",
              "Santé 2020",
              null,
              NewsKind.EVENT,
              new EventSchedule(at(2020, 6, 10, 9, 0), at(2020, 6, 10, 17, 0), false),
              at(2020, 5, 1, 12, 0),
              List.of(sante),
              List.of()),
          scopes);
      for (int i = 1; i <= 12; i++) {
        NewsWriter.save(
            news,
            "/",
            item(
                "sante-" + i,
                "Santé numéro " + i,
                null,
                NewsKind.NEWS,
                null,
                at(2025, 1, i, 12, 0),
                List.of(sante),
                List.of()),
            scopes);
      }
    } finally {
      news.logout();
      thematics.logout();
      territories.logout();
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static ZonedDateTime at(int year, int month, int day, int hour, int minute) {
    return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, PARIS);
  }

  private static NewsItem item(
      String name,
      String title,
      String teaser,
      NewsKind kind,
      EventSchedule schedule,
      ZonedDateTime published,
      List<String> thematics,
      List<String> territories) {
    return new NewsItem(
        null,
        name,
        title,
        teaser,
        null,
        kind,
        schedule,
        null,
        null,
        published,
        null,
        thematics,
        territories,
        List.of(),
        null);
  }

  private static Document page(String pathAndQuery) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(server.baseUri().resolve(pathAndQuery)).GET().build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, response.statusCode(), pathAndQuery + "\n" + response.body());
    return Jsoup.parse(response.body());
  }

  private static List<String> names(Document page) {
    return page.select("ul.irev-list > li article h2 a").eachAttr("href").stream()
        .map(href -> href.substring(href.lastIndexOf('/') + 1))
        .toList();
  }

  private static List<String> list(String query) throws Exception {
    return names(page("/actualites?" + query));
  }

  private static String q(String text) {
    return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String notice(Document page) {
    return page.selectFirst(".irev-notice") == null
        ? null
        : page.selectFirst(".irev-notice").text();
  }

  @Test
  void c13ThematicWithApostropheListsItsItemsNewestFirstOnItsTermPage() throws Exception {
    assertEquals(
        List.of("exclusion-lille", "evenement-mars"), list("thematique=lutte-contre-l-exclusion"));
    Document termPage = page("/thematiques/lutte-contre-l-exclusion");
    assertEquals(List.of("exclusion-lille", "evenement-mars"), names(termPage));
    assertEquals("Lutte contre l’exclusion", termPage.selectFirst("h1").text());
    assertEquals(List.of(cohesionTitle), termPage.select(".irev-breadcrumb a").eachText());
  }

  @Test
  void aTerritoryOfAnyLevelFindsItemsTaggedWithItsCommunes() throws Exception {
    String exclusion = "&thematique=lutte-contre-l-exclusion";
    List<String> both = List.of("exclusion-lille", "evenement-mars");
    assertEquals(both, list("territoire=lille" + exclusion));
    assertEquals(both, list("territoire=metropole-europeenne-de-lille" + exclusion));
    assertEquals(both, list("territoire=nord" + exclusion));
    assertEquals(both, list("territoire=hauts-de-france" + exclusion));
    assertEquals(List.of(), list("territoire=somme" + exclusion));
    assertEquals(List.of("evenement-avril"), list("territoire=somme&thematique=sante"));
    Document nord = page("/territoires/nord");
    assertEquals("Nord", nord.selectFirst("h1").text());
    assertEquals(List.of("Hauts-de-France"), nord.select(".irev-breadcrumb a").eachText());
    assertEquals(
        "/territoires/hauts-de-france", nord.selectFirst(".irev-breadcrumb a").attr("href"));
  }

  @Test
  void kindAndPaginationCombineAndLinksKeepTheFilters() throws Exception {
    Document first = page("/actualites?thematique=sante&type=actualite");
    List<String> expected = new java.util.ArrayList<>();
    for (int i = 12; i >= 3; i--) {
      expected.add("sante-" + i);
    }
    assertEquals(expected, names(first));
    assertEquals(
        "/actualites?page=2&thematique=sante&type=actualite",
        first.selectFirst("a[rel=next]").attr("href"));
    Document second = page(first.selectFirst("a[rel=next]").attr("href"));
    assertEquals(List.of("sante-2", "sante-1"), names(second));
    assertEquals(
        "/actualites?page=1&thematique=sante&type=actualite",
        second.selectFirst("a[rel=prev]").attr("href"));
    assertNull(second.selectFirst("a[rel=next]"));
    assertEquals(
        List.of("evenement-avril", "evenement-passe"), list("thematique=sante&type=evenement"));
  }

  @Test
  void monthsAreCalendarMonthsInParis() throws Exception {
    // 2027-03-31 23:30 Paris is 21:30 UTC: March, not February; 2027-04-01 00:30 Paris is April
    assertEquals(List.of(SAMPLE_MARCH, "evenement-mars"), list("periode=2027-03"));
    // "evenement-mars" runs until 2027-04-01 01:00: under way in April too
    assertEquals(List.of("evenement-avril", "evenement-mars"), list("periode=2027-04"));
    assertEquals(List.of(), list("periode=2027-05"));
    assertEquals(
        List.of("evenement-mars"), list("periode=2027-03&thematique=lutte-contre-l-exclusion"));
    // a news item counts in the month of its publication
    assertEquals(List.of("exclusion-lille"), list("periode=2026-05"));
  }

  @Test
  void upcomingEventsComeSoonestFirstAndPastOnesNewestFirst() throws Exception {
    assertEquals(
        List.of(SAMPLE_MARCH, "evenement-mars", "evenement-avril"), list("periode=a-venir"));
    assertEquals(List.of(SAMPLE_PAST, "evenement-passe"), list("periode=passes"));
    assertEquals(List.of("evenement-passe"), list("periode=passes&thematique=sante"));
    assertEquals(List.of(), list("periode=a-venir&type=actualite"));
  }

  @Test
  void fullTextTreatsQuotesWildcardsAndOperatorsAsText() throws Exception {
    assertEquals(List.of("exclusion-lille"), list(q("insertion")));
    assertEquals(List.of("exclusion-lille"), list(q("\"Renouvellement urbain\"")));
    assertEquals(List.of("exclusion-lille"), list(q("renouvellement -emploi")));
    assertEquals(List.of(), list(q("insert*")));
    assertEquals(List.of(), list(q("insertion OR santé")));
    assertEquals(List.of("evenement-avril"), list(q("amiens") + "&type=evenement"));
    Document stars = page("/actualites?" + q("* ? \"\""));
    assertEquals("Recherche sans mot : le filtre n'est pas appliqué.", notice(stars));
    assertEquals(10, names(stars).size());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "type=blog",
        "periode=2027-13",
        "periode=3190-01",
        "periode=9999-12",
        "periode=0000-01",
        "periode=1899-12",
        "periode=a-venir%27%20OR%20%271",
        "q=%00",
        "type=%C3",
        "thematique=%27%20OR%201%3D1"
      })
  void malformedValuesGiveANoticeAndAreIgnored(String query) throws Exception {
    Document page = page("/actualites?" + query);
    assertEquals(10, names(page).size(), query);
  }

  @Test
  void anUnknownTermPageIsNotFoundButTheListWithThatFilterIsNot() throws Exception {
    Map<String, String> headings =
        Map.of(
            "/thematiques/inconnue", "Thématique introuvable",
            "/territoires/atlantide", "Territoire introuvable");
    for (Map.Entry<String, String> expected : headings.entrySet()) {
      String path = expected.getKey();
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(server.baseUri().resolve(path)).GET().build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertEquals(404, response.statusCode(), path);
      Document page = Jsoup.parse(response.body());
      assertNotNull(page.selectFirst("meta[name=robots][content*=noindex]"), path);
      assertEquals(expected.getValue(), page.selectFirst("h1").text(), path);
      assertEquals(expected.getValue() + " – IREV", page.selectFirst("title").wholeText(), path);
      assertTrue(notice(page).startsWith(expected.getValue().startsWith("Th") ? "Cette" : "Ce "));
      assertTrue(page.select(".irev-list__item, .irev-facets, .irev-filter").isEmpty(), path);
      assertEquals(
          List.of("/actualites", "/actualites#filtres"),
          page.select("main a").eachAttr("href"),
          path);
    }
    assertEquals(200, statusOf("/thematiques/sante"));
    assertEquals(200, statusOf("/territoires/nord?thematique=inconnue"));
    // a shared list link with an unknown term still shows the list, with a notice
    assertEquals(
        "Thématique inconnue : le filtre n'est pas appliqué.",
        notice(page("/actualites?thematique=inconnue")));
  }

  @Test
  void periodChoicesAreOfferedAndAnAppliedChoiceLinksToTheListWithoutIt() throws Exception {
    Document page = page("/actualites?thematique=sante");
    Map<String, String> links = new java.util.LinkedHashMap<>();
    for (org.jsoup.nodes.Element a : page.select(".irev-facets a")) {
      links.put(a.text(), a.attr("href"));
    }
    assertEquals("/actualites?thematique=sante&periode=a-venir", links.get("Événements à venir"));
    assertEquals("/actualites?thematique=sante&periode=passes", links.get("Événements passés"));
    java.time.YearMonth month = java.time.YearMonth.now(PARIS);
    assertTrue(
        links.containsValue("/actualites?thematique=sante&periode=" + month), links.toString());

    Document upcoming = page(links.get("Événements à venir"));
    org.jsoup.nodes.Element selected = upcoming.selectFirst(".irev-facets a[aria-current]");
    assertEquals("Événements à venir", selected.text());
    assertEquals("/actualites?thematique=sante", selected.attr("href"));
    // on news only, the events-only periods drop the kind rather than lead to an empty list
    Document news = page("/actualites?thematique=sante&type=actualite");
    assertEquals(
        "/actualites?thematique=sante&periode=a-venir",
        news.select(".irev-facets a").stream()
            .filter(x -> x.text().equals("Événements à venir"))
            .findFirst()
            .orElseThrow()
            .attr("href"));
    Document events = page("/actualites?thematique=sante&type=evenement");
    assertEquals(
        "/actualites?thematique=sante",
        events.selectFirst(".irev-facets a[aria-current]").attr("href"));
  }

  @Test
  void homonymTerritoriesAreToldApartInTheFilterLabel() throws Exception {
    assertEquals(
        "Territoire\u00a0: Brie (02)", filterLabel(page("/actualites?territoire=brie-02122")));
    assertEquals("Territoire\u00a0: Brie (80)", filterLabel(page("/territoires/brie-80141")));
  }

  /** The filters applied, one after the other: a no-break space before each ":" and ";". */
  @Test
  void theFilterLineSeparatesFiltersWithANoBreakSpaceBeforeTheSemicolon() throws Exception {
    assertEquals(
        "Thématique\u00a0: Discrimination\u00a0; Type\u00a0: événements\u00a0; Période\u00a0:"
            + " à venir\u00a0; Recherche\u00a0: «\u00a0journée\u00a0»",
        filterLabel(
            page(
                "/actualites?thematique=discrimination&type=evenement&periode=a-venir&q=journ%C3%A9e")));
  }

  /** The label of the filter line: its text before the "see all" link, as shown. */
  private static String filterLabel(Document list) {
    return list.selectFirst(".irev-filter").textNodes().get(0).getWholeText().strip();
  }

  /**
   * RGAA 8.6: the title says where the visitor is, most specific first, the term page's heading as
   * its h1 says it; every kind of list page has its own.
   */
  @Test
  void eachListPageHasItsOwnTitle() throws Exception {
    Map<String, String> titles = new java.util.LinkedHashMap<>();
    titles.put("/actualites", "Actualités – IREV");
    titles.put("/thematiques/sante", "Santé – Actualités – IREV");
    titles.put("/territoires/nord", "Nord – Actualités – IREV");
    titles.put("/actualites?thematique=sante", "Santé – Actualités – IREV");
    titles.put("/actualites?q=forum", "Recherche «\u00a0forum\u00a0» – Actualités – IREV");
    titles.put(
        "/actualites?type=evenement&periode=a-venir",
        "Actualités filtrées\u00a0: Type\u00a0: événements\u00a0; Période\u00a0: à venir – IREV");
    titles.put(
        "/actualites?thematique=sante&type=actualite&page=2",
        "Actualités filtrées\u00a0: Thématique\u00a0: Santé\u00a0; Type\u00a0: actualités"
            + " – page 2 – IREV");
    titles.put("/thematiques/sante?page=2", "Santé – Actualités – page 2 – IREV");
    for (Map.Entry<String, String> expected : titles.entrySet()) {
      Document page = page(expected.getKey());
      assertEquals(expected.getValue(), page.selectFirst("title").wholeText(), expected.getKey());
    }
    assertEquals(
        page("/territoires/nord").selectFirst("h1").text() + " – Actualités – IREV",
        page("/territoires/nord").title());
    assertEquals(
        titles.size() - 1,
        new java.util.HashSet<>(titles.values()).size(),
        "one title per page but the term page and its list filter");
  }

  private static int statusOf(String path) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(server.baseUri().resolve(path)).GET().build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void monthsOutOfRangeAreIgnoredByThePagesAndTheFeeds() throws Exception {
    assertEquals(
        "Période inconnue : le filtre n'est pas appliqué.",
        notice(page("/actualites?periode=9999-12")));
    assertEquals(
        "Période inconnue : le filtre n'est pas appliqué.",
        notice(page("/territoires/lille?periode=3190-01")));
    for (String feed :
        List.of(
            "/.irev-news/flux/actualites.rss?periode=9999-12",
            "/.irev-news/flux/agenda.ics?periode=3190-01")) {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(server.baseUri().resolve(feed)).GET().build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertEquals(200, response.statusCode(), feed);
    }
  }

  @Test
  void theSearchBoxShowsWhatWasTypedWithoutControlCharacters() throws Exception {
    Document page = page("/actualites?q=a%01b%00%C2%85%20sant%C3%A9%20%3Cb%3E");
    assertEquals("ab santé <b>", page.selectFirst("input[name=q]").attr("value"));
  }

  @Test
  void aSearchInDecomposedUnicodeFindsTheComposedWords() throws Exception {
    // "santé" typed as "sante" + U+0301 (combining acute accent), as some keyboards send it
    assertEquals(list(q("santé")), list("q=sante%CC%81"));
    assertTrue(!list(q("santé")).isEmpty());
  }

  @Test
  void malformedValuesSayWhichFilterIsIgnored() throws Exception {
    assertEquals(
        "Type inconnu : le filtre n'est pas appliqué.",
        notice(page("/actualites?type=blog&thematique=sante")));
    assertEquals(
        "Période inconnue : le filtre n'est pas appliqué.",
        notice(page("/actualites?periode=2027-13")));
    assertEquals(
        List.of("evenement-avril", "evenement-passe"),
        list("type=evenement&thematique=sante&periode=demain"));
  }

  @Test
  void facetsCountTheItemsOfEachChoiceUnderTheOtherFilters() throws Exception {
    Document page = page("/actualites?thematique=sante");
    List<String> facets = page.select(".irev-facets li").eachText();
    assertTrue(facets.contains("Actualités (12)"), facets.toString());
    assertTrue(facets.contains("Événements (2)"), facets.toString());
    assertTrue(facets.contains("Somme (1)"), facets.toString());
    assertTrue(facets.contains("Nord (0)"), facets.toString());
    assertEquals(
        "/actualites?thematique=sante&type=evenement",
        page.select(".irev-facets a").stream()
            .filter(a -> a.text().equals("Événements"))
            .findFirst()
            .orElseThrow()
            .attr("href"));
    Document nord = page("/actualites?territoire=nord&thematique=lutte-contre-l-exclusion");
    List<String> children = nord.select(".irev-facets li").eachText();
    assertTrue(children.contains("Métropole Européenne de Lille (2)"), children.toString());
  }

  @Test
  void aSearchKeepsTheOtherFiltersAndKindCountsIgnoreTheAppliedKind() throws Exception {
    Document page = page("/actualites?thematique=sante&type=evenement&periode=demain&q=Amiens");
    List<String> hidden =
        page.select("form.irev-search input[type=hidden]").stream()
            .map(input -> input.attr("name") + "=" + input.attr("value"))
            .toList();
    assertEquals(List.of("thematique=sante", "type=evenement"), hidden);
    assertEquals("Amiens", page.selectFirst("form.irev-search input[name=q]").attr("value"));
    // what the form sends: its fields, the typed words last
    assertEquals(List.of("evenement-avril"), list("thematique=sante&type=evenement&q=amiens"));
    List<String> facets = page.select(".irev-facets li").eachText();
    assertTrue(facets.contains("Actualités (0)"), facets.toString());
    assertTrue(facets.contains("Événements (1)"), facets.toString());
    List<String> withoutKind =
        page("/actualites?thematique=sante&type=actualite").select(".irev-facets li").eachText();
    assertTrue(withoutKind.contains("Événements (2)"), withoutKind.toString());
    assertTrue(withoutKind.contains("Actualités (12)"), withoutKind.toString());
  }

  @Test
  void feedsTakeTheSameFilters() throws Exception {
    HttpResponse<String> rss =
        HTTP.send(
            HttpRequest.newBuilder(
                    server
                        .baseUri()
                        .resolve(
                            URI.create(
                                "/.irev-news/flux/actualites.rss?thematique=sante&type=evenement"
                                    + "&periode=passes")))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, rss.statusCode());
    Document feed = Jsoup.parse(rss.body(), "", org.jsoup.parser.Parser.xmlParser());
    assertEquals(List.of("Santé 2020"), feed.select("item > title").eachText());
    assertNotNull(feed.selectFirst("channel > link"));
    assertTrue(
        feed.selectFirst("channel > link")
            .text()
            .endsWith("?thematique=sante&type=evenement&periode=passes"),
        feed.selectFirst("channel > link").text());
  }
}
