package fr.irev.news.browser;

import static fr.irev.news.testing.SeedFacts.NEXT_SESSION;
import static fr.irev.news.testing.SeedFacts.SEED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Accessibility of the visitor's pages that only read (RGAA 4.1 / WCAG 2.1 AA), in Chromium on the
 * preview server with the sample content: the news list (plain, filtered by a thematic and by a
 * territory, a search without result, an unknown filter), the thematic and territory pages, the
 * seed event (past, with its PDF), the upcoming sample event (blank form), the "Favoris" help page
 * and the 404 pages. Each page passes axe-core and the checks of {@link AccessibilityAudit}; some
 * tests then check what the page must hold, so that the audit cannot pass on an empty page.
 */
class AccessibilityPagesTest {

  @RegisterExtension static final BrowserClass ui = BrowserClass.withJavaScript();

  private static final String THEMATIC = "lutte-contre-les-discriminations";
  private static final String TERRITORY = "hauts-de-france";

  private static AccessibilityAudit audit;

  @BeforeAll
  static void start() throws Exception {
    audit = new AccessibilityAudit(ui.browser());
  }

  private static void open(String path) {
    ui.driver().get(ui.site().url(path));
  }

  private static int count(String css) {
    return ui.driver().findElements(By.cssSelector(css)).size();
  }

  @Test
  void newsList() {
    open("/actualites");
    audit.check("News list");
    assertEquals(2, count(".irev-list__item"));
    assertTrue(count(".irev-facets__link") > 4, "facets");
    assertEquals(4, audit.dateList().size(), "two events' dates and two publication dates");
  }

  @Test
  void newsListFilteredByThematicAndTerritory() {
    open("/actualites?thematique=" + THEMATIC + "&territoire=" + TERRITORY);
    audit.check("News list, thematic + territory filters");
    assertEquals(2, count(".irev-list__item"));
    assertEquals(1, count(".irev-filter"));
  }

  @Test
  void searchWithoutResult() {
    open("/actualites?q=zzzaucunresultat");
    audit.check("News list, search without result");
    assertEquals(0, count(".irev-list__item"));
    assertEquals(1, count(".irev-list__empty"));
    assertEquals(
        "zzzaucunresultat", ui.driver().findElement(By.id("irev-q")).getDomProperty("value"));
  }

  @Test
  void unknownFilterNotice() {
    open("/actualites?thematique=inconnue");
    audit.check("News list, unknown filter notice");
    assertEquals(1, count(".irev-notice[role=status]"));
  }

  @Test
  void thematicPage() {
    open("/thematiques/" + THEMATIC);
    audit.check("Thematic page");
    assertEquals(2, count(".irev-list__item"));
  }

  @Test
  void territoryPage() {
    open("/territoires/" + TERRITORY);
    audit.check("Territory page");
    assertEquals(2, count(".irev-list__item"));
  }

  @Test
  void pastEventWithPdf() {
    open("/actualites/" + SEED);
    AccessibilityAudit.Outcome outcome = audit.check("Seed event (past, PDF)");
    assertEquals("pass", outcome.checks().get("file links"));
    assertEquals(1, count("a.irev-attachment__download[type='application/pdf']"));
    List<Map<String, Object>> dates = audit.dateList();
    assertTrue(dates.size() >= 2, "event date and publication date: " + dates);
  }

  @Test
  void upcomingEventWithBlankForm() {
    open("/actualites/" + NEXT_SESSION);
    AccessibilityAudit.Outcome outcome = audit.check("Upcoming event, blank form");
    assertEquals("pass", outcome.checks().get("fields"));
    assertTrue(count("form.irev-form input[name=lastName]") == 1, "the form is there");
  }

  @Test
  void bookmarkHelp() {
    open("/favoris?retour=%2Factualites%2F" + SEED);
    audit.check("Favoris help");
    assertEquals(1, count(".irev-bookmark__address a"));
  }

  @Test
  void unknownNewsItem() {
    open("/actualites/cette-actualite-n-existe-pas");
    audit.check("404 of the news pages");
    assertEquals("Actualité introuvable", ui.driver().findElement(By.tagName("h1")).getText());
  }

  @Test
  void unknownThematicAndTerritoryPages() {
    open("/thematiques/cette-thematique-n-existe-pas");
    audit.check("404 of a thematic page");
    assertEquals("Thématique introuvable", ui.driver().findElement(By.tagName("h1")).getText());
    assertEquals("Thématique introuvable – IREV", ui.driver().getTitle());
    open("/territoires/ce-territoire-n-existe-pas");
    audit.check("404 of a territory page");
    assertEquals("Territoire introuvable", ui.driver().findElement(By.tagName("h1")).getText());
  }

  /**
   * RGAA 8.6 / WCAG 2.4.2: each kind of page has its own title, which says where the visitor is; a
   * term page's title starts with its heading.
   */
  @Test
  void distinctPagesHaveDistinctTitles() {
    Map<String, String> titles = new java.util.LinkedHashMap<>();
    for (String path :
        List.of(
            "/actualites",
            "/actualites?type=evenement",
            "/actualites?q=cycle",
            "/thematiques/" + THEMATIC,
            "/territoires/" + TERRITORY,
            "/thematiques/inconnue",
            "/actualites/" + SEED,
            "/actualites/" + NEXT_SESSION,
            "/actualites/inconnue",
            "/page-inconnue")) {
      open(path);
      titles.put(path, ui.driver().getTitle());
    }
    assertEquals(
        titles.size(), new java.util.HashSet<>(titles.values()).size(), "titles: " + titles);
    assertEquals("Actualités – IREV", titles.get("/actualites"));
    assertEquals(
        "Recherche «\u00a0cycle\u00a0» – Actualités – IREV", titles.get("/actualites?q=cycle"));
    open("/territoires/" + TERRITORY);
    assertEquals(
        ui.driver().findElement(By.tagName("h1")).getText() + " – Actualités – IREV",
        titles.get("/territoires/" + TERRITORY));
  }

  @Test
  void unknownAddress() {
    open("/cette-page-n-existe-pas");
    audit.check("404 of the server");
    assertEquals("Page introuvable", ui.driver().findElement(By.tagName("h1")).getText());
  }

  @Test
  void unknownDownload() {
    open("/.irev-news/download/00000000-0000-0000-0000-000000000000/absent.pdf");
    audit.check("404 of a download");
    assertEquals("Fichier introuvable", ui.driver().findElement(By.tagName("h1")).getText());
  }
}
