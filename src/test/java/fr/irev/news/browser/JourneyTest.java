package fr.irev.news.browser;

import static fr.irev.news.browser.Pages.listed;
import static fr.irev.news.browser.Pages.load;
import static fr.irev.news.browser.Pages.named;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.registration.RegistrationForm;
import fr.irev.news.registration.RegistrationSettingsMapper.RegistrationFields;
import fr.irev.news.testing.SeedFacts;
import fr.irev.news.web.DamFixtures;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The visitor journeys of issue 6 in headless Chromium against the preview server (sample content,
 * GreenMail behind it), each run twice: with the mouse and with the keyboard only ({@link Way}).
 * Browse the list, filter by thematic then by territory, read the seed event's date and place,
 * download its PDF (bytes compared with the DAM and with plain HTTP) and its calendar file
 * (parsed), open "Favoris", print (emulated print media), register on the sample upcoming session
 * and cancel from the e-mail, fill a small event until it is full (confirmed, waiting list,
 * refused), and show every error message of the form. The mouse run writes screenshots of each page
 * type at 375, 768 and 1280 px ({@link Screenshots}).
 */
class JourneyTest {

  @RegisterExtension static final BrowserClass ui = BrowserClass.withJavaScript();

  /** How the visitor acts: the same journeys run once per way. */
  enum Way {
    /** Clicks. */
    MOUSE,
    /** Tab, Shift+Tab, Enter, Space and typing only. */
    KEYBOARD
  }

  private static final String NBSP = "\u00a0";
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  /** The seed's title, French no-break spaces written out. */
  static final String SEED_TITLE =
      "Discriminations"
          + NBSP
          + ": journée d'approfondissement du cycle «"
          + NBSP
          + "Initier et conduire un plan de lutte contre les discriminations"
          + NBSP
          + "»";

  private static final String PDF = "irev-plaquette-journee-approfondissement-ptlcd-nov-2021.pdf";
  private static final String ICS =
      "discriminations-journee-d-approfondissement-du-cycle-initier.ics";

  private static Screenshots screenshots;
  private static JourneyContent content;

  @BeforeAll
  static void start() throws Exception {
    content = new JourneyContent(ui.site());
    content.addLilleNews();
    screenshots = Screenshots.of(ui.browser());
  }

  @AfterAll
  static void stop() throws Exception {
    try (JourneyContent added = content) {}
  }

  private static Visitor visitor(Way way) {
    return way == Way.MOUSE ? new MouseVisitor(ui.driver()) : new KeyboardVisitor(ui.driver());
  }

  /** A registration on the sample event this test made: {event id, address}, or {@code null}. */
  private String[] sampleSeat;

  /** Gives the sample event's seat back whatever the test's outcome (other classes need it). */
  @AfterEach
  void giveTheSampleSeatBack() throws Exception {
    if (sampleSeat != null) {
      EventFixtures.cancelRegistrations(ui.site(), sampleSeat[0], sampleSeat[1]);
    }
  }

  private static Screenshots shots(Way way) {
    return way == Way.MOUSE ? screenshots : Screenshots.none();
  }

  private static void open(String path) {
    ui.driver().get(ui.site().url(path));
  }

  private static String text(String css) {
    return Pages.text(ui.driver(), css);
  }

  private static List<String> texts(String css) {
    return Pages.texts(ui.driver(), css);
  }

  private static String path() {
    URI uri = URI.create(ui.driver().getCurrentUrl());
    return uri.getRawQuery() == null
        ? uri.getRawPath()
        : uri.getRawPath() + "?" + uri.getRawQuery();
  }

  private static String uniqueEmail(String who, Visitor visitor) {
    return who
        + "."
        + visitor.name()
        + "."
        + UUID.randomUUID().toString().substring(0, 8)
        + "@example.org";
  }

  // ---------------------------------------------------------------- list, filters, seed event

  @ParameterizedTest
  @EnumSource(Way.class)
  void browseFilterByThematicThenTerritoryAndReadTheSeed(Way way) throws Exception {
    Visitor visitor = visitor(way);
    Screenshots shots = shots(way);

    open("/actualites");
    assertEquals("Actualités", text("h1"));
    WebElement next = summary(SeedFacts.NEXT_SESSION);
    assertEquals(
        SeedFacts.NEXT_SESSION_TITLE,
        Pages.text(ui.driver(), next.findElement(By.cssSelector(".irev-summary__title"))));
    assertEquals(
        SeedFacts.NEXT_SESSION_DATE_LINE,
        Pages.text(ui.driver(), next.findElement(By.cssSelector(".irev-summary__when"))));
    assertEquals(
        SeedFacts.DATE_LINE,
        Pages.text(
            ui.driver(),
            summary(SeedFacts.SEED).findElement(By.cssSelector(".irev-summary__when"))));
    shots.take("list");

    // thematic facet
    WebElement discrimination = named(ui.driver(), ".irev-facets__link", "Discrimination");
    load(ui.driver(), () -> visitor.activate(discrimination));
    assertEquals("/actualites?thematique=discrimination", path());
    assertEquals("Discrimination", text("h1"));
    assertEquals(
        "Thématique" + NBSP + ": Discrimination Voir toutes les actualités", text(".irev-filter"));
    assertEquals(
        List.of(SeedFacts.NEXT_SESSION, JourneyContent.LILLE, SeedFacts.SEED), listed(ui.driver()));
    WebElement nord = named(ui.driver(), ".irev-facets__link", "Nord");
    assertEquals(
        "(1)", Pages.text(ui.driver(), nord.findElement(By.xpath("following-sibling::span"))));

    // then territory facet: the région's events go, Lille's news stays
    load(ui.driver(), () -> visitor.activate(nord));
    assertEquals("/actualites?thematique=discrimination&territoire=nord", path());
    assertEquals(
        "Thématique"
            + NBSP
            + ": Discrimination"
            + NBSP
            + "; Territoire"
            + NBSP
            + ": Nord (59) Voir toutes les actualités",
        text(".irev-filter"));
    assertEquals(List.of(JourneyContent.LILLE), listed(ui.driver()));
    shots.take("list-filtered");

    // Lille's news, its territory "Nord", the breadcrumb up to the région's page
    load(ui.driver(), () -> visitor.activate(summaryLink(JourneyContent.LILLE)));
    assertEquals(JourneyContent.LILLE_TITLE, text("h1"));
    load(ui.driver(), () -> visitor.activate(named(ui.driver(), ".irev-tags a", "Nord")));
    assertEquals("/actualites?territoire=nord", path());
    assertEquals("Nord", text("h1"));
    load(
        ui.driver(),
        () -> visitor.activate(named(ui.driver(), ".irev-breadcrumb a", "Hauts-de-France")));
    assertEquals("/territoires/hauts-de-france", path());
    assertEquals("Hauts-de-France", text("h1"));
    assertEquals(
        List.of(SeedFacts.NEXT_SESSION, JourneyContent.LILLE, SeedFacts.SEED), listed(ui.driver()));
    shots.take("territory");

    // the seed event: date and place
    load(ui.driver(), () -> visitor.activate(summaryLink(SeedFacts.SEED)));
    assertEquals("/actualites/" + SeedFacts.SEED, path());
    assertEquals(SEED_TITLE, text("h1"));
    assertEquals(List.of("Date", "Lieu", "Public"), texts(".irev-event__fact dt"));
    WebElement when = ui.driver().findElement(By.cssSelector(".irev-event__fact time"));
    assertEquals(SeedFacts.DATE_LINE, Pages.text(ui.driver(), when));
    assertEquals("2021-11-30T09:00:00+01:00", when.getAttribute("datetime"));
    assertEquals(List.of("IREV (dans ses locaux)", "Lille"), texts(".irev-event__fact dd span"));
    assertTrue(ui.driver().findElement(By.cssSelector(".irev-event__place-commune")).isDisplayed());
    shots.take("detail-seed");

    downloadTheBrochure(visitor);
    addToCalendar(visitor);

    // "Favoris": the help page names the page's address, and leads back
    load(
        ui.driver(),
        () ->
            visitor.activate(
                ui.driver().findElement(By.cssSelector("a.irev-attachment__bookmark"))));
    assertEquals("Ajouter une page à vos favoris", text("h1"));
    assertEquals(
        ui.site().server().publicUrl() + "/actualites/" + SeedFacts.SEED,
        text(".irev-bookmark__address"));
    shots.take("bookmark-help");
    load(ui.driver(), () -> visitor.activate(named(ui.driver(), "main a", "Revenir à la page")));
    assertEquals("/actualites/" + SeedFacts.SEED, path());

    // a sub-thematic, then its parent's thematic page from the breadcrumb
    load(
        ui.driver(),
        () ->
            visitor.activate(
                named(ui.driver(), ".irev-tags a", "Lutte contre les discriminations")));
    assertEquals("Lutte contre les discriminations", text("h1"));
    load(
        ui.driver(),
        () -> visitor.activate(named(ui.driver(), ".irev-breadcrumb a", "Discrimination")));
    assertEquals("/thematiques/discrimination", path());
    assertEquals("Discrimination", text("h1"));
    assertEquals(
        List.of(SeedFacts.NEXT_SESSION, JourneyContent.LILLE, SeedFacts.SEED), listed(ui.driver()));
    shots.take("thematic");
  }

  private static WebElement summary(String urlName) {
    return summaryLink(urlName).findElement(By.xpath("ancestor::article[1]"));
  }

  private static WebElement summaryLink(String urlName) {
    return ui.driver()
        .findElement(By.cssSelector(".irev-summary__title a[href$='/actualites/" + urlName + "']"));
  }

  /** The PDF saved by the browser is byte for byte the DAM's file and what plain HTTP serves. */
  private static void downloadTheBrochure(Visitor visitor) throws Exception {
    WebElement link = ui.driver().findElement(By.cssSelector("a.irev-attachment__download"));
    // the whole label is checked over HTTP (SeedSiteTest); here: what the visitor reads of it
    String label = Pages.text(ui.driver(), link);
    assertTrue(label.endsWith("» (PDF, 256,80" + NBSP + "Ko, 36" + NBSP + "pages)"), label);
    String href = link.getAttribute("href");
    Files.deleteIfExists(ui.browser().downloads().resolve(PDF));
    String page = ui.driver().getCurrentUrl();
    visitor.activate(link);
    Path saved = Pages.awaitDownload(ui.browser().downloads(), PDF);
    byte[] received = Files.readAllBytes(saved);
    assertEquals(262_961, received.length);
    assertArrayEquals(
        DamFixtures.binary(ui.site().server(), DamFixtures.BROCHURE_ID),
        received,
        "bytes of the DAM file");
    HttpResponse<byte[]> plain =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(href)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, plain.statusCode());
    assertArrayEquals(plain.body(), received, "bytes served over plain HTTP");
    assertEquals(page, ui.driver().getCurrentUrl(), "the download leaves the page");
    Files.delete(saved);
  }

  /** "Ajouter à mon agenda" saves the event's .ics: one event, Paris times, place and title. */
  private static void addToCalendar(Visitor visitor) throws Exception {
    WebElement link = ui.driver().findElement(By.cssSelector("a.irev-event__calendar-link"));
    assertEquals("Ajouter à mon agenda (fichier iCalendar .ics)", Pages.text(ui.driver(), link));
    Files.deleteIfExists(ui.browser().downloads().resolve(ICS));
    visitor.activate(link);
    Path saved = Pages.awaitDownload(ui.browser().downloads(), ICS);
    Calendar calendar =
        new CalendarBuilder()
            .build(new StringReader(Files.readString(saved, StandardCharsets.UTF_8)));
    List<VEvent> events = calendar.getComponents(Component.VEVENT);
    assertEquals(1, events.size());
    VEvent event = events.get(0);
    assertDate(ZonedDateTime.of(2021, 11, 30, 9, 0, 0, 0, PARIS), event.getDateTimeStart());
    assertDate(
        ZonedDateTime.of(2021, 11, 30, 16, 30, 0, 0, PARIS), event.getEndDate().orElseThrow());
    assertEquals("IREV (dans ses locaux), Lille", event.getLocation().getValue());
    // the title as the page shows it: French no-break spaces (the stored one has plain spaces)
    assertEquals(SEED_TITLE, event.getSummary().getValue());
    assertEquals(
        ui.site().server().publicUrl() + "/actualites/" + SeedFacts.SEED,
        event.getProperty("URL").orElseThrow().getValue());
    Files.delete(saved);
  }

  private static void assertDate(
      ZonedDateTime expected, DateProperty<? extends Temporal> property) {
    assertEquals(
        "Europe/Paris",
        property.getParameter(Parameter.TZID).map(Parameter::getValue).orElse(null));
    assertEquals(
        expected.format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")),
        property.getValue());
    assertEquals(expected.toInstant(), ZonedDateTime.from(property.getDate()).toInstant());
  }

  // ---------------------------------------------------------------- print

  /** Print media shows the numbered list of links and hides "Favoris"; screen media the reverse. */
  @Test
  void printShowsTheLinkFootnotesAndHidesFavoris() {
    open("/actualites/" + SeedFacts.SEED);
    WebElement footnotes = ui.driver().findElement(By.cssSelector(".irev-footnotes"));
    WebElement favoris = ui.driver().findElement(By.cssSelector("a.irev-attachment__bookmark"));
    WebElement register = ui.driver().findElement(By.cssSelector(".irev-event__register a"));
    assertFalse(footnotes.isDisplayed(), "no list of links on screen");
    assertTrue(favoris.isDisplayed(), "Favoris on screen");
    assertEquals("none", after(register));
    try {
      ui.browser().emulatePrint(true);
      assertTrue(footnotes.isDisplayed(), "list of links printed");
      assertEquals("block", style(footnotes, "display"));
      String base = ui.site().server().publicUrl();
      assertEquals("Liens", text(".irev-footnotes__title"));
      assertEquals(
          List.of(
              "[1] " + SeedFacts.REGISTRATION,
              "[2] " + base + "/.irev-news/download/f167e1b0-6149-5e1a-91af-4d859c8a3f33/" + PDF,
              "[3] " + base + "/actualites?thematique=discrimination",
              "[4] " + base + "/actualites?thematique=lutte-contre-les-discriminations",
              "[5] " + base + "/actualites?territoire=hauts-de-france"),
          texts(".irev-footnotes__item"));
      assertEquals("\" [1]\"", after(register));
      assertEquals("\" [5]\"", after(named(ui.driver(), ".irev-tags a", "Hauts-de-France")));
      assertFalse(favoris.isDisplayed(), "Favoris printed");
      assertEquals("none", style(favoris, "display"));
      assertFalse(ui.driver().findElement(By.cssSelector(".irev-skip")).isDisplayed());
    } finally {
      ui.browser().emulatePrint(false);
    }
    assertFalse(footnotes.isDisplayed(), "back to screen");
  }

  private static String style(WebElement element, String property) {
    return (String)
        ui.driver()
            .executeScript(
                "return getComputedStyle(arguments[0])[arguments[1]];", element, property);
  }

  private static String after(WebElement element) {
    return (String)
        ui.driver()
            .executeScript("return getComputedStyle(arguments[0], '::after').content;", element);
  }

  // ---------------------------------------------------------------- 404

  @ParameterizedTest
  @EnumSource(Way.class)
  void unknownEventPageLeadsBackToTheList(Way way) throws Exception {
    Visitor visitor = visitor(way);
    open("/actualites/evenement-qui-n-existe-pas");
    assertEquals("Actualité introuvable", text("h1"));
    assertEquals("Cette actualité n’existe pas ou n’est plus en ligne.", text("main .irev-notice"));
    shots(way).take("not-found");
    load(
        ui.driver(),
        () -> visitor.activate(named(ui.driver(), "main a", "Voir toutes les actualités")));
    assertEquals("/actualites", path());
    assertEquals("Actualités", text("h1"));
  }

  // ---------------------------------------------------------------- registration

  /**
   * The sample upcoming session: confirmed with the optional fields filled, the confirmation
   * e-mail's cancellation link followed from the e-mail itself (its HTML shown in the browser),
   * cancelled; the seats left are back to what they were (so the sample's 6 seats never run out,
   * whatever the order of the runs).
   */
  @ParameterizedTest
  @EnumSource(Way.class)
  void registerForTheUpcomingSessionThenCancelFromTheEmail(Way way) throws Exception {
    Visitor visitor = visitor(way);
    Screenshots shots = shots(way);
    open("/actualites/" + SeedFacts.NEXT_SESSION);
    assertEquals(SeedFacts.NEXT_SESSION_TITLE, text("h1"));
    String seatsBefore = seats(s -> s.matches("\\d+ places? restantes?\\."));
    shots.take("detail-upcoming");

    WebElement register = ui.driver().findElement(By.cssSelector(".irev-event__register a"));
    assertEquals("S’inscrire", Pages.text(ui.driver(), register));
    visitor.activate(register);
    assertTrue(ui.driver().getCurrentUrl().endsWith("#inscription"), ui.driver().getCurrentUrl());
    String email = uniqueEmail("zoe", visitor);
    sampleSeat =
        new String[] {
          ui.driver()
              .findElement(By.cssSelector("#inscription input[name=evenement]"))
              .getDomProperty("value"),
          email
        };
    fill(
        visitor,
        Map.of(
            "lastName", "Martin",
            "firstName", "Zoé",
            "email", email,
            "seats", "1",
            "organisation", "Ville de Roubaix",
            "function", "Cheffe de projet",
            "commune", "Roubaix",
            "needs", "Repas végétarien",
            "comment", "Première participation.\nMerci."));
    visitor.tick(field("consent"), true);
    submit(visitor);

    // the answer pages, the e-mails and the cancellation page show the title as the event page
    String title = SeedFacts.NEXT_SESSION_TITLE;
    assertTrue(title.contains(NBSP), title);
    assertEquals("Inscription" + NBSP + ": " + title, text("h1"));
    assertEquals(
        List.of(
            "Votre inscription est confirmée.",
            "Le programme détaillé et le plan d'accès vous seront envoyés une semaine avant la journée.",
            "Un e-mail de confirmation est envoyé à "
                + email
                + ", avec l’événement à ajouter à votre agenda et un lien pour annuler."),
        texts(".irev-registration .irev-notice"));
    assertEquals(List.of(), ui.driver().findElements(By.cssSelector("form.irev-form")));
    shots.take("answer-confirmed");

    MimeMessage confirmation =
        Mailbox.await(ui.site(), email, "Inscription confirmée" + NBSP + ": " + title);
    followCancellationLink(visitor, confirmation);
    assertEquals("Annulation" + NBSP + ": " + title, text("h1"));
    assertTrue(
        texts("main p").contains("Inscription de Zoé Martin (" + email + "), confirmée."),
        texts("main p").toString());
    shots.take("cancel-before");
    load(
        ui.driver(),
        () -> visitor.activate(named(ui.driver(), "main button", "Annuler mon inscription")));
    assertEquals(
        "Votre inscription est annulée. Un e-mail vous le confirme. Merci d’avoir libéré votre place.",
        text("main .irev-notice"));
    shots.take("cancel-after");
    Mailbox.await(ui.site(), email, "Inscription annulée" + NBSP + ": " + title);

    load(
        ui.driver(),
        () -> visitor.activate(named(ui.driver(), "main a", "Retour à la page de l’événement")));
    assertEquals("/actualites/" + SeedFacts.NEXT_SESSION, path());
    assertEquals(seatsBefore, seats(s -> !s.isEmpty()));
  }

  /** Opens the e-mail's HTML in the browser and follows its cancellation link. */
  private static void followCancellationLink(Visitor visitor, MimeMessage message)
      throws Exception {
    String html = Mailbox.inline(message, "text/html");
    ui.driver()
        .get(
            "data:text/html;charset=utf-8;base64,"
                + Base64.getEncoder().encodeToString(html.getBytes(StandardCharsets.UTF_8)));
    WebElement link = named(ui.driver(), "a", "annuler mon inscription");
    String href = link.getAttribute("href");
    assertTrue(
        href.startsWith(
            ui.site().server().publicUrl() + "/.irev-news/registration/annulation?jeton="),
        href);
    assertTrue(Mailbox.inline(message, "text/plain").contains(href), "same link in the text part");
    load(ui.driver(), () -> visitor.activate(link));
  }

  /**
   * A small event of its own (1 seat, waiting list of 1, 1 person per registration): confirmed,
   * then the page says "full, waiting list open", then on the waiting list, then the page says
   * full, then refused.
   */
  @ParameterizedTest
  @EnumSource(Way.class)
  void confirmedThenFullThenWaitingListThenRefused(Way way) throws Exception {
    Visitor visitor = visitor(way);
    Screenshots shots = shots(way);
    String urlName = "parcours-complet-" + visitor.name();
    content.addEvent(urlName, 1, 1, 1, RegistrationFields.NONE);
    // stored with plain spaces (JourneyContent), shown with French no-break spaces
    String title =
        "Journée d’étude «"
            + NBSP
            + "Quartiers & discriminations"
            + NBSP
            + "» – session "
            + urlName;

    open("/actualites/" + urlName);
    assertEquals("1 place restante.", seats(s -> !s.isEmpty()));
    String anne = uniqueEmail("anne", visitor);
    registerAs(visitor, "Martin", "Anne", anne);
    assertEquals(
        List.of(
            "Votre inscription est confirmée.",
            "Un e-mail de confirmation est envoyé à "
                + anne
                + ", avec l’événement à ajouter à votre agenda et un lien pour annuler."),
        texts(".irev-registration .irev-notice"));

    load(
        ui.driver(),
        () -> visitor.activate(named(ui.driver(), "main a", "Retour à la page de l’événement")));
    assertEquals(
        "Complet" + NBSP + ": vous pouvez vous inscrire sur la liste d’attente.",
        seats(s -> !s.isEmpty()));
    shots.take("detail-full-waiting-list-open");
    String bruno = uniqueEmail("bruno", visitor);
    registerAs(visitor, "Durand", "Bruno", bruno);
    assertEquals("Inscription" + NBSP + ": " + title, text("h1"));
    assertEquals(
        List.of(
            "Vous êtes sur liste d’attente (position 1).",
            "Un e-mail est envoyé à "
                + bruno
                + ". Si une place se libère, vous serez inscrit et prévenu par e-mail."),
        texts(".irev-registration .irev-notice"));
    assertEquals(
        "status",
        ui.driver().findElement(By.cssSelector(".irev-notice--success")).getAttribute("role"));
    shots.take("answer-waiting");
    Mailbox.await(ui.site(), bruno, "Liste d’attente" + NBSP + ": " + title);

    load(
        ui.driver(),
        () -> visitor.activate(named(ui.driver(), "main a", "Retour à la page de l’événement")));
    assertEquals("Cet événement est complet.", seats(s -> !s.isEmpty()));
    registerAs(visitor, "Petit", "Chloé", uniqueEmail("chloe", visitor));
    assertEquals(List.of("Cet événement est complet."), texts(".irev-registration .irev-notice"));
    assertEquals(
        "alert",
        ui.driver().findElement(By.cssSelector(".irev-notice--error")).getAttribute("role"));
    assertEquals(List.of(), ui.driver().findElements(By.cssSelector("form.irev-form")));
    shots.take("answer-full");

    // the answer pages have the site's banner: its "Actualités" link leads to the list
    load(ui.driver(), () -> visitor.activate(named(ui.driver(), "header nav a", "Actualités")));
    assertEquals("/actualites", path());
    assertEquals("Actualités", text("h1"));
  }

  /** From the event page: "S’inscrire", the required fields, consent, submit. */
  private static void registerAs(Visitor visitor, String lastName, String firstName, String email) {
    visitor.activate(ui.driver().findElement(By.cssSelector(".irev-event__register a")));
    fill(visitor, Map.of("lastName", lastName, "firstName", firstName, "email", email));
    visitor.tick(field("consent"), true);
    submit(visitor);
  }

  /** Waits for the seats sentence the page's script fetches, and returns it. */
  private static String seats(java.util.function.Function<String, Boolean> ready) {
    return Pages.awaitText(ui.driver(), "[data-irev-seats]", ready);
  }

  private static WebElement field(String name) {
    return ui.driver().findElement(By.id("irev-reg-" + name));
  }

  /** Fills fields in form order (the keyboard visitor tabs forward through them). */
  private static void fill(Visitor visitor, Map<String, String> values) {
    for (String name : RegistrationForm.FIELDS) {
      if (values.containsKey(name)) {
        visitor.fill(field(name), values.get(name));
      }
    }
  }

  private static void submit(Visitor visitor) {
    WebElement button = named(ui.driver(), "form.irev-form button", "S’inscrire");
    load(ui.driver(), () -> visitor.activate(button));
  }

  // ---------------------------------------------------------------- every error message

  /** One expected error: the field it is about and the visitor's French message. */
  record Expected(String field, String message) {}

  /**
   * Every message of the form's fields (RegistrationForm), on an event asking every optional field
   * (at most 2 people): typed by the visitor in three rounds (required, "at least one letter",
   * malformed address, number of people out of range, too long optional fields, invisible control
   * characters); then a fourth round on a form whose page was altered by script, for the messages
   * the page itself prevents (a {@code maxlength} lifted, a parameter sent twice, a malformed
   * token). Each round: the summary lists the messages in form order, each message is shown at its
   * field and linked to it ({@code aria-describedby}, {@code aria-invalid}), and the focus is on
   * the first invalid field.
   */
  @ParameterizedTest
  @EnumSource(Way.class)
  void everyErrorMessageIsShownAtItsField(Way way) throws Exception {
    Visitor visitor = visitor(way);
    String urlName = "parcours-erreurs-" + visitor.name();
    content.addEvent(
        urlName,
        20,
        0,
        2,
        new RegistrationFields(true, true, true, true, true, true, null, null, null));
    open("/actualites/" + urlName);
    visitor.activate(ui.driver().findElement(By.cssSelector(".irev-event__register a")));

    // 1. nothing typed, the number of people erased, consent not given
    fill(visitor, Map.of("seats", ""));
    submit(visitor);
    assertErrors(
        List.of(
            new Expected("lastName", "Indiquez votre nom."),
            new Expected("firstName", "Indiquez votre prénom."),
            new Expected(
                "email", "Indiquez une adresse e-mail valide, par exemple prenom.nom@exemple.fr."),
            new Expected("seats", "Indiquez un nombre de personnes entre 1 et 2."),
            new Expected(
                "consent",
                "Cochez la case pour accepter l’utilisation de vos données pour cette inscription.")));

    // the summary's links take the focus to their field
    visitor.activate(named(ui.driver(), ".irev-form__summary a", "Indiquez votre prénom."));
    Pages.awaitFocus(ui.driver(), "irev-reg-firstName");

    // 2. no letter in the names, no dot in the domain, 3 people, optional fields one too long
    fill(
        visitor,
        Map.of(
            "lastName",
            "123",
            "firstName",
            "42",
            "email",
            "prenom.nom@exemple",
            "seats",
            "3",
            "organisation",
            "o".repeat(201),
            "function",
            "f".repeat(201),
            "commune",
            "c".repeat(101),
            "phone",
            "0".repeat(31),
            "needs",
            "b".repeat(501),
            "comment",
            "Bonjour\u200b"));
    visitor.tick(field("consent"), true);
    submit(visitor);
    assertErrors(
        List.of(
            new Expected("lastName", "Le nom doit contenir au moins une lettre."),
            new Expected("firstName", "Le prénom doit contenir au moins une lettre."),
            new Expected(
                "email", "Indiquez une adresse e-mail valide, par exemple prenom.nom@exemple.fr."),
            new Expected("seats", "Indiquez un nombre de personnes entre 1 et 2."),
            new Expected(
                "organisation",
                "Le nom de l’organisme ne doit pas dépasser 200 caractères (vous en avez saisi 201)."),
            new Expected(
                "function",
                "La fonction ne doit pas dépasser 200 caractères (vous en avez saisi 201)."),
            new Expected(
                "commune",
                "La commune ne doit pas dépasser 100 caractères (vous en avez saisi 101)."),
            new Expected(
                "phone",
                "Le numéro de téléphone ne doit pas dépasser 30 caractères (vous en avez saisi 31)."),
            new Expected(
                "needs",
                "La description de vos besoins ne doit pas dépasser 500 caractères (vous en avez saisi 501)."),
            new Expected(
                "comment",
                "Le commentaire ne doit pas contenir de caractère de contrôle (seuls les retours à la ligne et les tabulations sont acceptés).")));
    shots(way).take("form-errors");

    // 3. an invisible zero-width space (pasted text) in every single-line field, 0 people
    String zw = "\u200b";
    fill(
        visitor,
        Map.of(
            "lastName", "Du" + zw + "pont",
            "firstName", "Zo" + zw + "é",
            "email", "zoe" + zw + "@exemple.fr",
            "seats", "0",
            "organisation", "IREV" + zw,
            "function", "Chargée" + zw + " de mission",
            "commune", "Lille" + zw,
            "phone", "03" + zw + "20",
            "needs", "Aucun" + zw,
            "comment", "Merci"));
    assertTrue(field("consent").isSelected(), "consent kept");
    submit(visitor);
    String control = " ne doit contenir ni retour à la ligne ni caractère de contrôle.";
    assertErrors(
        List.of(
            new Expected("lastName", "Le nom" + control),
            new Expected("firstName", "Le prénom" + control),
            new Expected("email", "L’adresse e-mail" + control),
            new Expected("seats", "Indiquez un nombre de personnes entre 1 et 2."),
            new Expected("organisation", "Le nom de l’organisme" + control),
            new Expected("function", "La fonction" + control),
            new Expected("commune", "La commune" + control),
            new Expected("phone", "Le numéro de téléphone" + control),
            new Expected("needs", "La description de vos besoins" + control)));

    // 4. what the page prevents, sent after altering it: maxlength lifted, a field twice, a bad
    // token
    ui.driver()
        .executeScript(
            "var f = document.querySelector('form.irev-form');"
                + "f.querySelectorAll('[maxlength]').forEach(function (e) { e.removeAttribute('maxlength'); });"
                + "var twice = document.createElement('input'); twice.type = 'hidden';"
                + "twice.name = 'organisation'; twice.value = 'IREV'; f.appendChild(twice);"
                + "f.querySelector('input[name=token]').value = 'jeton avec espaces';");
    fill(
        visitor,
        Map.of(
            "lastName", "n".repeat(101),
            "firstName", "p".repeat(101),
            "email", "a".repeat(244) + "@exemple.fr",
            "seats", "1",
            "organisation", "IREV",
            "function", "",
            "commune", "",
            "phone", "",
            "needs", "",
            "comment", "m".repeat(2001)));
    submit(visitor);
    assertErrors(
        List.of(
            new Expected(
                "lastName", "Le nom ne doit pas dépasser 100 caractères (vous en avez saisi 101)."),
            new Expected(
                "firstName",
                "Le prénom ne doit pas dépasser 100 caractères (vous en avez saisi 101)."),
            new Expected(
                "email",
                "L’adresse e-mail ne doit pas dépasser 254 caractères (vous en avez saisi 255)."),
            new Expected(
                "organisation",
                "Ce champ a été envoyé plusieurs fois. Vérifiez-le puis renvoyez le formulaire."),
            new Expected(
                "comment",
                "Le commentaire ne doit pas dépasser 2"
                    + NBSP
                    + "000 caractères (vous en avez saisi 2"
                    + NBSP
                    + "001)."),
            new Expected(
                "token",
                "Le formulaire est incomplet ou a expiré. Rechargez la page puis renvoyez-le.")));
  }

  /**
   * The answer shows exactly these errors: summary (count, messages in order, links to the fields),
   * each message displayed at its field and linked to the control, focus on the first.
   */
  private static void assertErrors(List<Expected> expected) {
    int n = expected.size();
    List<Expected> shown = expected.stream().filter(e -> !e.field().equals("token")).toList();
    List<String> summary = new ArrayList<>();
    summary.add("role alert, shown true");
    summary.add("Le formulaire contient " + n + (n == 1 ? " erreur" : " erreurs") + NBSP + ":");
    for (Expected e : expected) {
      summary.add(e.message() + (e.field().equals("token") ? "" : " → #irev-reg-" + e.field()));
    }
    summary.add(shown.size() + " messages at fields");
    assertEquals(summary, script(SUMMARY_STATE));
    List<String> fields = new ArrayList<>();
    for (Expected e : shown) {
      fields.add(
          e.field()
              + ": "
              + e.message()
              + " | shown true | aria-invalid true | described true | border "
              + (e.field().equals("consent") ? "-" : "2px solid rgb(179, 0, 0)"));
    }
    assertEquals(fields, script(FIELD_STATE, shown.stream().map(Expected::field).toList()));
    // autofocus is applied at the first rendering update after the load: a frame or two later
    Pages.awaitFocus(ui.driver(), "irev-reg-" + shown.get(0).field());
  }

  @SuppressWarnings("unchecked")
  private static List<String> script(String script, Object... arguments) {
    return (List<String>) ui.driver().executeScript(script, arguments);
  }

  /** Script: the error summary as the visitor gets it, one line per fact (read in one call). */
  private static final String SUMMARY_STATE =
      "var s = document.querySelector('.irev-form__summary'); if (!s) return ['no summary'];"
          + "function t(e) { return e.innerText.replace(/[ \\t\\r\\n]+/g, ' ').trim(); }"
          + "var out = ['role ' + s.getAttribute('role') + ', shown ' + (s.getClientRects().length > 0)];"
          + "out.push(t(s.querySelector('.irev-form__summary-title')));"
          + "s.querySelectorAll('li').forEach(function (li) { var a = li.querySelector('a');"
          + " out.push(t(li) + (a ? ' → ' + a.getAttribute('href') : '')); });"
          + "out.push(document.querySelectorAll('.irev-form__error').length + ' messages at fields');"
          + "return out;";

  /**
   * Script: for each field name of {@code arguments[0]}, its message as displayed and how it is
   * tied to the control (aria-invalid, aria-describedby, the control's red border).
   */
  private static final String FIELD_STATE =
      "return arguments[0].map(function (f) {"
          + " var m = document.getElementById('irev-reg-' + f + '-erreur');"
          + " var c = document.getElementById('irev-reg-' + f);"
          + " if (!m || !c) return f + ': missing';"
          + " var shown = m.getClientRects().length > 0 && getComputedStyle(m).visibility === 'visible';"
          + " var linked = (c.getAttribute('aria-describedby') || '').split(' ').indexOf(m.id) >= 0;"
          + " return f + ': ' + m.innerText.replace(/[ \\t\\r\\n]+/g, ' ').trim()"
          + "  + ' | shown ' + shown + ' | aria-invalid ' + c.getAttribute('aria-invalid')"
          + "  + ' | described ' + linked"
          + "  + ' | border ' + (c.type === 'checkbox' ? '-' : getComputedStyle(c).borderTop); });";

  // ---------------------------------------------------------------- keyboard only

  /** The first Tab shows the skip link; Enter on it moves the focus into the main content. */
  @Test
  void skipLinkIsTheFirstStopAndLeadsToTheContent() {
    KeyboardVisitor keyboard = new KeyboardVisitor(ui.driver());
    open("/actualites/" + SeedFacts.SEED);
    keyboard.press(org.openqa.selenium.Keys.TAB);
    WebElement skip = ui.driver().switchTo().activeElement();
    assertEquals("Aller au contenu", Pages.text(ui.driver(), skip));
    assertTrue(skip.isDisplayed());
    assertTrue(
        ((Number)
                    ((JavascriptExecutor) ui.driver())
                        .executeScript("return arguments[0].getBoundingClientRect().top;", skip))
                .doubleValue()
            >= 0,
        "skip link on screen when focused");
    keyboard.press(org.openqa.selenium.Keys.ENTER);
    Pages.awaitFocus(ui.driver(), "contenu");
    keyboard.press(org.openqa.selenium.Keys.TAB);
    assertEquals("S’inscrire", Pages.text(ui.driver(), ui.driver().switchTo().activeElement()));
  }
}
