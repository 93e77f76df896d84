package fr.irev.news.browser;

import static fr.irev.news.testing.SeedFacts.NEXT_SESSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.format.FrenchDates;
import fr.irev.news.news.EventSchedule;
import fr.irev.news.news.NewsItem;
import fr.irev.news.news.NewsKind;
import fr.irev.news.news.NewsNodes;
import fr.irev.news.news.NewsWriter;
import fr.irev.news.news.Place;
import fr.irev.news.registration.RegistrationForm;
import fr.irev.news.registration.RegistrationSettings;
import fr.irev.news.registration.RegistrationSettingsMapper;
import fr.irev.news.registration.RegistrationSettingsMapper.RegistrationFields;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.jcr.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Accessibility of the forms and their answers (RGAA 4.1 / WCAG 2.1 AA) in Chromium, filled and
 * sent as a visitor does: the sample event's form sent empty and with invalid values (each field
 * marked invalid and described by its French message), then the answers confirmed, waiting list and
 * full, the cancellation page of the link received by e-mail (GreenMail) before and after
 * cancelling, and the staff pages (login, login refused, events, one event, outbox, one e-mail).
 *
 * <p>The answers use an event of their own (2 seats, a waiting list of 1, 2 people per
 * registration, every optional field asked), added to the shared site for this class and removed
 * after it, so that the sample event's seats stay as the other browser tests expect them. The tests
 * run in order: each state follows from the previous one.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessibilityFormsTest {

  @RegisterExtension static final BrowserClass ui = BrowserClass.withJavaScript();

  private static final String STAFF = "/.irev-news/staff/";
  private static final String URL_NAME = "accessibilite-journee-formulaire";

  private static AccessibilityAudit audit;
  private static String eventId;
  private static String confirmedEmail;

  @BeforeAll
  static void start() throws Exception {
    eventId = addEvent();
    audit = new AccessibilityAudit(ui.browser());
  }

  @AfterAll
  static void stop() throws Exception {
    if (eventId != null) {
      Session session = ui.site().server().repository().login(NewsNodes.WORKSPACE);
      try {
        session.getNodeByIdentifier(eventId).remove();
        session.save();
      } finally {
        session.logout();
      }
    }
  }

  /** The event of the answers: 2 seats, waiting list of 1, 2 people per registration. */
  private static String addEvent() throws Exception {
    ZonedDateTime start = ZonedDateTime.of(2031, 6, 12, 9, 0, 0, 0, FrenchDates.PARIS);
    ZonedDateTime end = start.withHour(17);
    Session session = ui.site().server().repository().login(NewsNodes.WORKSPACE);
    try {
      NewsItem item =
          new NewsItem(
              null,
              URL_NAME,
              "Journée d’étude « Accessibilité des formulaires »",
              "Une journée pour les pilotes des contrats de ville.",
              "<p>Programme de la journée.</p>",
              NewsKind.EVENT,
              new EventSchedule(start, end, false),
              new Place("Salle Jean-Moulin", "12 rue des Arts; Lille", "Lille"),
              "Pilotes des contrats de ville",
              start.minusMonths(2),
              null,
              List.of(),
              List.of(),
              List.of(),
              null);
      var node = NewsWriter.save(session, "/", item);
      RegistrationSettingsMapper.write(
          node,
          true,
          new RegistrationSettings(true, null, null, end, 2, true, 1, 2),
          new RegistrationFields(
              true, true, true, true, true, true, null, null, "equipe@irev.example"));
      session.save();
      return node.getIdentifier();
    } finally {
      session.logout();
    }
  }

  // ---------------------------------------------------------------- helpers

  private static void open(String path) {
    ui.driver().get(ui.site().url(path));
  }

  private static WebElement field(String name) {
    return ui.driver().findElement(By.id("irev-reg-" + name));
  }

  private static void type(String name, String value) {
    WebElement input = field(name);
    input.clear();
    input.sendKeys(value);
  }

  /** Clicks a submit button and waits for the answer page to replace this one. */
  private static void submit(String buttonCss) {
    Pages.load(ui.driver(), () -> ui.driver().findElement(By.cssSelector(buttonCss)).click());
  }

  private static String h1() {
    return ui.driver().findElement(By.tagName("h1")).getText();
  }

  private static String email(String who) {
    return who + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
  }

  /** Fills the dedicated event's form completely and sends it. */
  private static void register(String lastName, String email, int seats) {
    open("/actualites/" + URL_NAME);
    type(RegistrationForm.LAST_NAME, lastName);
    type(RegistrationForm.FIRST_NAME, "Zoé");
    type(RegistrationForm.EMAIL, email);
    type(RegistrationForm.SEATS, Integer.toString(seats));
    type(RegistrationForm.ORGANISATION, "Ville de Lille");
    type(RegistrationForm.FUNCTION, "Cheffe de projet");
    type(RegistrationForm.COMMUNE, "Lille");
    type(RegistrationForm.PHONE, "03 20 00 00 00");
    type(RegistrationForm.NEEDS, "Repas végétarien");
    type(RegistrationForm.COMMENT, "Première participation.");
    field(RegistrationForm.CONSENT).click();
    submit("form.irev-form button[type=submit]");
  }

  private static String notices() {
    return String.join(
        " | ",
        ui.driver().findElements(By.cssSelector(".irev-notice")).stream()
            .map(WebElement::getText)
            .toList());
  }

  /**
   * Every field's state on the page: exactly the expected ones are {@code aria-invalid="true"},
   * each described ({@code aria-describedby}) by a shown element holding its French message; the
   * others are not invalid.
   */
  private static void assertErrors(Map<String, String> expected) {
    Set<String> seen = new HashSet<>();
    for (Map<String, Object> f : audit.fieldList()) {
      String name = (String) f.get("name");
      String message = expected.get(name);
      if (message == null) {
        assertEquals("", f.get("invalid"), name + " is not invalid");
        continue;
      }
      seen.add(name);
      assertEquals("true", f.get("invalid"), name + " aria-invalid");
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> described = (List<Map<String, Object>>) f.get("described");
      assertTrue(
          described.stream()
              .anyMatch(d -> message.equals(d.get("text")) && Boolean.TRUE.equals(d.get("shown"))),
          name + " described by \"" + message + "\": " + described);
    }
    assertEquals(expected.keySet(), seen, "invalid fields");
    // the summary links to each invalid field, the first one has the focus
    List<WebElement> links = ui.driver().findElements(By.cssSelector(".irev-form__summary a"));
    assertEquals(expected.size(), links.size(), "links of the error summary");
    String first = expected.keySet().iterator().next();
    assertEquals(
        "irev-reg-" + first, ui.driver().switchTo().activeElement().getDomAttribute("id"), "focus");
  }

  // ---------------------------------------------------------------- registration form

  @Test
  @Order(1)
  void sampleFormSentEmpty() {
    open("/actualites/" + NEXT_SESSION);
    submit("form.irev-form button[type=submit]");
    assertTrue(h1().startsWith("Inscription"), h1());
    Map<String, String> errors = new LinkedHashMap<>();
    errors.put(RegistrationForm.LAST_NAME, "Indiquez votre nom.");
    errors.put(RegistrationForm.FIRST_NAME, "Indiquez votre prénom.");
    errors.put(RegistrationForm.EMAIL, RegistrationForm.EMAIL_MESSAGE);
    errors.put(
        RegistrationForm.CONSENT,
        "Cochez la case pour accepter l’utilisation de vos données pour cette inscription.");
    assertErrors(errors);
    audit.check("Registration form, sent empty (errors)");
  }

  @Test
  @Order(2)
  void sampleFormWithInvalidValues() {
    open("/actualites/" + NEXT_SESSION);
    type(RegistrationForm.LAST_NAME, "1234");
    type(RegistrationForm.FIRST_NAME, "Zoé");
    type(RegistrationForm.EMAIL, "pas-une-adresse");
    type(RegistrationForm.SEATS, "3");
    field(RegistrationForm.CONSENT).click();
    submit("form.irev-form button[type=submit]");
    Map<String, String> errors = new LinkedHashMap<>();
    errors.put(RegistrationForm.LAST_NAME, "Le nom doit contenir au moins une lettre.");
    errors.put(RegistrationForm.EMAIL, RegistrationForm.EMAIL_MESSAGE);
    errors.put(RegistrationForm.SEATS, "Indiquez un nombre de personnes entre 1 et 2.");
    assertErrors(errors);
    assertEquals("Zoé", field(RegistrationForm.FIRST_NAME).getDomProperty("value"));
    audit.check("Registration form, invalid values (errors)");
  }

  @Test
  @Order(3)
  void confirmedAnswer() {
    confirmedEmail = email("confirmee");
    register("Martin", confirmedEmail, 2);
    assertTrue(notices().contains("Votre inscription est confirmée."), notices());
    audit.check("Registration answer: confirmed");
  }

  @Test
  @Order(4)
  void waitingListAnswer() {
    register("Durand", email("attente"), 1);
    assertTrue(notices().contains("Vous êtes sur liste d’attente (position 1)."), notices());
    audit.check("Registration answer: waiting list");
  }

  @Test
  @Order(5)
  void fullAnswer() {
    register("Petit", email("complet"), 1);
    assertTrue(notices().contains("Cet événement est complet."), notices());
    audit.check("Registration answer: full");
  }

  // ---------------------------------------------------------------- cancellation

  @Test
  @Order(6)
  void cancellationFromTheEmailLink() throws Exception {
    open(Mailbox.cancelLink(Mailbox.await(ui.site(), confirmedEmail)));
    assertTrue(h1().startsWith("Annulation"), h1());
    assertEquals(1, ui.driver().findElements(By.cssSelector("form button[type=submit]")).size());
    audit.check("Cancellation page, before");

    submit("form button[type=submit]");
    assertTrue(notices().startsWith("Votre inscription est annulée."), notices());
    audit.check("Cancellation page, after");
  }

  // ---------------------------------------------------------------- staff pages

  @Test
  @Order(7)
  void staffLoginRefusedThenEventsAndEvent() {
    open(STAFF + "login");
    audit.check("Staff login");

    ui.driver().findElement(By.id("staff-username")).sendKeys("equipe");
    ui.driver().findElement(By.id("staff-password")).sendKeys("mauvais-mot-de-passe");
    submit("form button[type=submit]");
    for (String id : List.of("staff-username", "staff-password")) {
      WebElement input = ui.driver().findElement(By.id(id));
      assertEquals("true", input.getDomAttribute("aria-invalid"), id);
      String describedBy = input.getDomAttribute("aria-describedby");
      assertNotNull(describedBy, id);
      assertEquals(
          "Identifiant ou mot de passe incorrect.",
          ui.driver().findElement(By.id(describedBy)).getText(),
          id);
    }
    audit.check("Staff login, refused (errors)");

    ui.driver().findElement(By.id("staff-password")).sendKeys(BrowserSite.STAFF_PASSWORD);
    submit("form button[type=submit]");
    assertTrue(ui.driver().getCurrentUrl().endsWith(STAFF), ui.driver().getCurrentUrl());
    assertEquals(
        1,
        ui.driver()
            .findElements(By.cssSelector("a[href='" + STAFF + "event/" + eventId + "']"))
            .size());
    audit.check("Staff events");

    open(STAFF + "event/" + eventId);
    assertEquals(2, ui.driver().findElements(By.cssSelector("tbody tr")).size(), "registrations");
    audit.check("Staff event with registrations");

    open(STAFF + "outbox");
    audit.check("Staff outbox");

    List<WebElement> messages = ui.driver().findElements(By.cssSelector("tbody th a[href]"));
    assertTrue(messages.size() >= 3, "e-mails of the registrations in the outbox");
    messages.get(0).click();
    assertEquals(
        1, ui.driver().findElements(By.cssSelector("details summary")).size(), "HTML source");
    audit.check("Staff outbox, one e-mail");
  }
}
