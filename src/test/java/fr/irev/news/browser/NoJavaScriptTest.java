package fr.irev.news.browser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.registration.Occupancy;
import fr.irev.news.registration.Registration;
import fr.irev.news.testing.SeedFacts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The site works in a browser with JavaScript turned off ({@link Browser#start(boolean)} with
 * {@code false}, checked first): the visitor filters the list by thematic and territory and
 * searches it, opens a detail page, downloads its PDF, follows "Favoris" to the help page and back,
 * registers on the upcoming sample event with the built-in form (the server accepts the post
 * without the token the script would add) and cancels through the e-mail's link, sees the French
 * error messages of an incomplete form, and meets the capacity of a small event: confirmed, waiting
 * list, full, already registered.
 */
class NoJavaScriptTest {

  @RegisterExtension static final BrowserClass ui = BrowserClass.withoutJavaScript().withEvents();

  private static final String NBSP = "\u00a0";

  /** Seats of the upcoming sample event (README: 6 seats, 2 per registration, 3 waiting). */
  private static final int SAMPLE_CAPACITY = 6;

  /** A registration on the sample event this test made: {event id, address}, or {@code null}. */
  private String[] sampleSeat;

  /** Gives the sample event's seat back whatever the test's outcome (other classes need it). */
  @AfterEach
  void giveTheSampleSeatBack() throws Exception {
    if (sampleSeat != null) {
      EventFixtures.cancelRegistrations(ui.site(), sampleSeat[0], sampleSeat[1]);
    }
  }

  private static void open(String path) {
    ui.driver().get(ui.site().url(path));
  }

  /** Waits (at most 10 s) until the page's element {@code selector} has exactly this text. */
  private static void await(String selector, String text) {
    try {
      new WebDriverWait(ui.driver(), Duration.ofSeconds(10))
          .ignoring(StaleElementReferenceException.class)
          .until(
              d ->
                  d.findElements(By.cssSelector(selector)).stream()
                      .anyMatch(e -> text(e).equals(text)));
    } catch (TimeoutException e) {
      throw new AssertionError(
          ui.driver().getCurrentUrl()
              + ": no "
              + selector
              + " reading « "
              + text
              + " » in\n"
              + ui.driver().findElement(By.tagName("body")).getText(),
          e);
    }
  }

  /**
   * The text of an element as written in the page, white space collapsed (not {@code getText()},
   * which turns the French no-break spaces into spaces).
   */
  private static String text(WebElement element) {
    return element.getDomProperty("textContent").replaceAll("[ \\t\\r\\n]+", " ").strip();
  }

  private static List<String> texts(String selector) {
    return ui.driver().findElements(By.cssSelector(selector)).stream()
        .map(NoJavaScriptTest::text)
        .toList();
  }

  /** The URL names of the listed items, in order. */
  private static List<String> listed() {
    return ui.driver().findElements(By.cssSelector(".irev-summary__title a")).stream()
        .map(a -> a.getDomAttribute("href"))
        .map(href -> href.substring(href.lastIndexOf('/') + 1))
        .toList();
  }

  private static void fill(String name, String value) {
    WebElement field = ui.driver().findElement(By.cssSelector("#inscription [name=" + name + "]"));
    field.clear();
    field.sendKeys(value);
  }

  /** Fills the registration form of the page and sends it with its button. */
  private static void register(String last, String first, String email) {
    fill("lastName", last);
    fill("firstName", first);
    fill("email", email);
    WebElement consent = ui.driver().findElement(By.cssSelector("#inscription [name=consent]"));
    if (!consent.isSelected()) {
      consent.click();
    }
    ui.driver().findElement(By.cssSelector("#inscription button[type=submit]")).click();
  }

  private static String address(String who) {
    return who + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
  }

  @Test
  void javaScriptIsReallyOff() throws Exception {
    try (PageWatch watch = new PageWatch(ui.browser())) {
      open("/actualites/" + SeedFacts.NEXT_SESSION);
      watch.awaitIdle();
      assertEquals(
          1,
          ui.driver().findElements(By.cssSelector("script[src$='/js/registration.js']")).size(),
          "the page has the form's script");
      assertEquals(
          "",
          ui.driver()
              .findElement(By.cssSelector("#inscription input[name=token]"))
              .getDomProperty("value"),
          "the script would fill the token");
      assertEquals("", ui.driver().findElement(By.cssSelector("[data-irev-seats]")).getText());
      List<String> asked = watch.requests().stream().map(PageWatch.Request::url).toList();
      assertTrue(
          asked.stream().noneMatch(u -> u.endsWith("/registration.js") || u.endsWith("/places")),
          "no script fetched or run: " + asked);
    }
  }

  @Test
  void filtersTheListByThematicAndTerritoryAndSearchesIt() {
    open("/actualites");
    ui.driver().findElement(By.linkText("Discrimination")).click();
    await("h1", "Discrimination");
    assertTrue(ui.driver().getCurrentUrl().endsWith("/actualites?thematique=discrimination"));
    assertEquals(
        List.of("Thématique" + NBSP + ": Discrimination Voir toutes les actualités"),
        texts(".irev-filter"));
    assertEquals(SeedFacts.LISTED, listed());

    WebElement search = ui.driver().findElement(By.id("irev-q"));
    search.sendKeys("programme", Keys.ENTER);
    new WebDriverWait(ui.driver(), Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(d -> d.getCurrentUrl().contains("q=programme"));
    assertTrue(ui.driver().getCurrentUrl().contains("thematique=discrimination"), "filter kept");
    assertEquals(List.of(SeedFacts.NEXT_SESSION), listed());
    assertEquals("programme", ui.driver().findElement(By.id("irev-q")).getDomProperty("value"));

    open("/actualites");
    ui.driver().findElement(By.linkText("Nord")).click();
    await("h1", "Nord");
    assertEquals(List.of(), listed());
    assertEquals(
        List.of("Aucune actualité ne correspond à votre recherche."), texts(".irev-list__empty"));

    open("/actualites/" + SeedFacts.SEED);
    ui.driver().findElement(By.linkText("Hauts-de-France")).click();
    await("h1", "Hauts-de-France");
    assertTrue(ui.driver().getCurrentUrl().endsWith("/actualites?territoire=hauts-de-france"));
    assertEquals(SeedFacts.LISTED, listed());

    ui.driver().findElement(By.cssSelector("a[href$='/" + SeedFacts.SEED + "']")).click();
    new WebDriverWait(ui.driver(), Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(d -> d.getCurrentUrl().endsWith("/actualites/" + SeedFacts.SEED));
    String title = text(ui.driver().findElement(By.tagName("h1")));
    assertTrue(
        title.startsWith("Discriminations" + NBSP + ": journée d'approfondissement du cycle"),
        title);
    assertEquals(
        SeedFacts.DATE_LINE, text(ui.driver().findElement(By.cssSelector(".irev-event time"))));
  }

  @Test
  void downloadsThePdfOfTheDetailPage() throws Exception {
    open("/actualites/" + SeedFacts.SEED);
    WebElement link = ui.driver().findElement(By.cssSelector("a.irev-attachment__download"));
    String href = link.getDomAttribute("href");
    link.click();
    Path file =
        Pages.awaitDownload(
            ui.browser().downloads(),
            "irev-plaquette-journee-approfondissement-ptlcd-nov-2021.pdf");
    HttpResponse<byte[]> served =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(ui.site().url(href))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, served.statusCode());
    assertArrayEquals(served.body(), Files.readAllBytes(file));
    assertEquals(
        "%PDF-", new String(served.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII));
    assertTrue(
        ui.driver().getCurrentUrl().endsWith("/actualites/" + SeedFacts.SEED), "still on the page");
  }

  @Test
  void theBookmarkLinkLeadsToTheHelpPageAndBack() {
    open("/actualites/" + SeedFacts.SEED);
    ui.driver().findElement(By.cssSelector("a.irev-attachment__bookmark")).click();
    await("h1", "Ajouter une page à vos favoris");
    String page = ui.site().server().publicUrl() + "/actualites/" + SeedFacts.SEED;
    assertEquals(List.of(page), texts(".irev-bookmark__address"));
    assertEquals(
        List.of("Sur un ordinateur", "Sur un téléphone ou une tablette"), texts("main h2"));
    ui.driver().findElement(By.linkText("Revenir à la page")).click();
    new WebDriverWait(ui.driver(), Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(d -> d.getCurrentUrl().equals(page));
  }

  @Test
  void registersOnTheSampleEventWithoutTheScriptThenCancels() throws Exception {
    open("/actualites/" + SeedFacts.NEXT_SESSION);
    String eventId =
        ui.driver()
            .findElement(By.cssSelector("#inscription input[name=evenement]"))
            .getDomProperty("value");
    Occupancy before = ui.site().server().registrations().store().occupancy(eventId);
    assertTrue(
        before.seatsLeft(SAMPLE_CAPACITY) >= 1,
        "the sample event has a seat left (another class filled it?): " + before);
    String anne = address("anne");
    sampleSeat = new String[] {eventId, anne};
    register("Martin", "Anne", anne);
    await(".irev-notice", "Votre inscription est confirmée.");
    assertTrue(
        texts(".irev-notice")
            .contains(
                "Un e-mail de confirmation est envoyé à "
                    + anne
                    + ", avec l’événement à ajouter à votre agenda et un lien pour annuler."),
        texts(".irev-notice").toString());
    Registration stored =
        ui.site().server().registrations().store().registrations(eventId).stream()
            .filter(r -> r.email().equals(anne))
            .findFirst()
            .orElseThrow();
    assertEquals(Registration.Status.CONFIRMED, stored.status());
    assertTrue(stored.token().startsWith("d-"), "token derived by the server: " + stored.token());

    open(ui.events().cancelLink(anne));
    ui.driver().findElement(By.cssSelector("main button[type=submit]")).click();
    new WebDriverWait(ui.driver(), Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(
            d ->
                d.findElement(By.tagName("main"))
                    .getText()
                    .contains("Votre inscription est annulée."));
    assertEquals(before, ui.site().server().registrations().store().occupancy(eventId));
  }

  @Test
  void showsTheErrorsThenMeetsTheCapacityOfASmallEvent() throws Exception {
    EventFixtures.Event event = ui.events().add("sans-script", 1, 1, 1);
    open(event.path());
    ui.driver().findElement(By.cssSelector("#inscription button[type=submit]")).click();
    await(".irev-form__summary-title", "Le formulaire contient 4 erreurs" + NBSP + ":");
    assertEquals(
        List.of(
            "Indiquez votre nom.",
            "Indiquez votre prénom.",
            "Indiquez une adresse e-mail valide, par exemple prenom.nom@exemple.fr.",
            "Cochez la case pour accepter l’utilisation de vos données pour cette inscription."),
        texts(".irev-form__summary li"));
    assertEquals(
        "true",
        ui.driver()
            .findElement(By.cssSelector("#inscription [name=lastName]"))
            .getDomAttribute("aria-invalid"));

    String anne = address("anne");
    register("Martin", "Anne", anne);
    await(".irev-notice", "Votre inscription est confirmée.");

    open(event.path());
    register("Durand", "Denis", address("denis"));
    await(".irev-notice", "Vous êtes sur liste d’attente (position 1).");

    open(event.path());
    register("Petit", "Chloé", address("chloe"));
    await(".irev-notice", "Cet événement est complet.");

    open(event.path());
    register("Martin", "Anne", anne);
    await(
        ".irev-notice",
        "Vous êtes déjà inscrit à cet événement avec l’adresse "
            + anne
            + ". Pour annuler, utilisez le lien reçu par e-mail.");
    assertEquals(
        List.of(Registration.Status.CONFIRMED, Registration.Status.WAITING),
        ui.site().server().registrations().store().registrations(event.id()).stream()
            .map(Registration::status)
            .toList());
  }
}
