package fr.irev.news.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.irev.news.testing.SeedFacts;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Takes a browser through one page of every kind the site serves, as a visitor and a staff member
 * reach them: the list (plain, filtered, searched), a thematic and a territory page, both sample
 * detail pages, the bookmark help, a registration answer with errors and a confirmed one, the
 * cancellation page and its answer, the 404 pages, and the staff pages (login, events, one event's
 * registrations, outbox). Each stop is checked (its heading or notice) before the caller's {@link
 * Stop} runs, so that a broken tour fails instead of checking the wrong pages.
 */
final class PageTour {

  /** What the caller does on each page, once it is loaded. */
  @FunctionalInterface
  interface Stop {
    /**
     * @param name the kind of page, in French (e.g. {@code "liste filtrée"})
     * @throws Exception to fail the test
     */
    void at(String name) throws Exception;
  }

  /** The names of the stops, in order. */
  static final List<String> STOPS =
      List.of(
          "liste",
          "liste filtrée",
          "recherche",
          "page thématique",
          "page territoire",
          "détail de l’événement passé",
          "détail de la session à venir",
          "aide « Favoris »",
          "inscription : erreurs",
          "inscription : confirmée",
          "annulation",
          "annulation : effectuée",
          "actualité inconnue (404)",
          "page inconnue (404)",
          "équipe : connexion",
          "équipe : événements",
          "équipe : inscriptions",
          "équipe : e-mails");

  private PageTour() {}

  /**
   * Runs the tour.
   *
   * @param site the shared site
   * @param browser the browser (with or without JavaScript)
   * @param events where the tour adds its event (capacity 5)
   * @param stop what to do on each page
   * @throws Exception when a page is not the expected one, or {@code stop} fails
   */
  static void run(BrowserSite site, Browser browser, EventFixtures events, Stop stop)
      throws Exception {
    ChromeDriver driver = browser.driver();
    open(driver, site, "/actualites", "h1", "Actualités");
    stop.at("liste");
    open(
        driver,
        site,
        "/actualites?thematique=discrimination&type=evenement",
        "h1",
        "Discrimination");
    assertEquals(
        SeedFacts.LISTED.size(), driver.findElements(By.cssSelector(".irev-summary")).size());
    stop.at("liste filtrée");
    WebElement search = driver.findElement(By.id("irev-q"));
    search.sendKeys("programme");
    search.submit();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(d -> d.getCurrentUrl().contains("q=programme"));
    assertEquals(1, driver.findElements(By.cssSelector(".irev-summary")).size());
    stop.at("recherche");
    open(driver, site, "/thematiques/discrimination", "h1", "Discrimination");
    stop.at("page thématique");
    open(driver, site, "/territoires/hauts-de-france", "h1", "Hauts-de-France");
    stop.at("page territoire");
    open(driver, site, "/actualites/" + SeedFacts.SEED, "h1", "journée d'approfondissement");
    stop.at("détail de l’événement passé");
    open(driver, site, "/actualites/" + SeedFacts.NEXT_SESSION, "h1", "nouvelle session");
    stop.at("détail de la session à venir");
    driver.get(site.url("/actualites/" + SeedFacts.SEED));
    driver.findElement(By.cssSelector("a.irev-attachment__bookmark")).click();
    expect(driver, "h1", "Ajouter une page à vos favoris");
    stop.at("aide « Favoris »");

    EventFixtures.Event event = events.add("visite", 5, 0, 1);
    driver.get(site.url(event.path()));
    driver.findElement(By.cssSelector("#inscription button[type=submit]")).click();
    expect(driver, ".irev-form__summary-title", "Le formulaire contient");
    stop.at("inscription : erreurs");
    String address = "visite." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    fill(driver, "lastName", "Martin");
    fill(driver, "firstName", "Anne");
    fill(driver, "email", address);
    driver.findElement(By.name("consent")).click();
    driver.findElement(By.cssSelector("#inscription button[type=submit]")).click();
    expect(driver, ".irev-notice", "Votre inscription est confirmée.");
    stop.at("inscription : confirmée");
    driver.get(site.url(events.cancelLink(address)));
    expect(driver, "button[type=submit]", "Annuler mon inscription");
    stop.at("annulation");
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    expect(driver, "main", "Votre inscription est annulée.");
    stop.at("annulation : effectuée");

    open(driver, site, "/actualites/inconnue", "h1", "introuvable");
    stop.at("actualité inconnue (404)");
    open(driver, site, "/page-inconnue", "h1", "Page introuvable");
    stop.at("page inconnue (404)");

    open(driver, site, "/.irev-news/staff/login", "h1", "Connexion à l’espace inscriptions");
    stop.at("équipe : connexion");
    fill(driver, "username", "equipe");
    fill(driver, "password", BrowserSite.STAFF_PASSWORD);
    driver.findElement(By.cssSelector("form button[type=submit]")).click();
    expect(driver, "h1", "Inscriptions aux événements");
    expect(driver, "a[href='/.irev-news/staff/event/" + event.id() + "']", "");
    stop.at("équipe : événements");
    open(driver, site, "/.irev-news/staff/event/" + event.id(), "h1", "session visite-");
    stop.at("équipe : inscriptions");
    open(driver, site, "/.irev-news/staff/outbox", "h1", "Courriels en file d’envoi");
    stop.at("équipe : e-mails");
  }

  private static void open(
      ChromeDriver driver, BrowserSite site, String path, String selector, String text) {
    driver.get(site.url(path));
    expect(driver, selector, text);
  }

  /**
   * Waits (at most 10 s: a click that posts a form returns before the answer is shown) until the
   * page has an element {@code selector} whose text contains {@code text}.
   */
  private static void expect(ChromeDriver driver, String selector, String text) {
    try {
      new WebDriverWait(driver, Duration.ofSeconds(10))
          .ignoring(StaleElementReferenceException.class)
          .until(
              d ->
                  d.findElements(By.cssSelector(selector)).stream()
                      .anyMatch(e -> e.getText().contains(text)));
    } catch (TimeoutException e) {
      throw new AssertionError(
          driver.getCurrentUrl()
              + ": no "
              + selector
              + " with « "
              + text
              + " » in\n"
              + driver.findElement(By.tagName("body")).getText(),
          e);
    }
  }

  private static void fill(ChromeDriver driver, String name, String value) {
    WebElement field = driver.findElement(By.name(name));
    field.clear();
    field.sendKeys(value);
  }
}
