package fr.irev.news.registration.staff;

import static fr.irev.news.registration.staff.StaffFixtures.EVENT_ID;
import static fr.irev.news.registration.staff.StaffFixtures.XSS;
import static fr.irev.news.registration.staff.StaffFixtures.details;
import static fr.irev.news.registration.staff.StaffFixtures.registration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.format.FrenchDates;
import fr.irev.news.registration.Cancellation;
import fr.irev.news.registration.Registration;
import fr.irev.news.registration.RegistrationStore;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

/** The staff pages: escaping (case C9), structure, counts, buttons and CSRF fields. */
class StaffPagesTest {

  private static final String NB = FrenchDates.NBSP;
  private static final String CSRF = "jeton-\"<csrf>&";
  private static final Instant CREATED = Instant.parse("2021-11-20T09:15:00Z");
  private static final ZonedDateTime START =
      ZonedDateTime.of(2021, 11, 30, 9, 0, 0, 0, FrenchDates.PARIS);

  private final StaffPages pages = new StaffPages("/site");
  private final StaffUrls urls = StaffUrls.under("/site");

  private final Registration confirmed =
      registration(
          Registration.Status.CONFIRMED,
          2,
          XSS,
          XSS,
          CREATED,
          details(XSS, "+33 6 12 34 56 78", "Ligne 1\n" + XSS));
  private final Registration waiting =
      registration(Registration.Status.WAITING, 2, "Çelik", "Hélène", CREATED);
  private final Registration waiting2 =
      registration(Registration.Status.WAITING, 1, "Lefèvre", "Zoë", CREATED);
  private final Registration cancelled =
      registration(Registration.Status.CANCELLED, 1, "Martin", "Paul", CREATED);
  private final List<Registration> all = List.of(confirmed, waiting, waiting2, cancelled);
  private final EventSummary event =
      new EventSummary(EVENT_ID, "journee-ptlcd", XSS + " journée", START, 20, Counts.of(all));

  private final OutboxEntry failedMail =
      new OutboxEntry(
          "m1",
          "personne@example.org",
          "Confirmation " + XSS,
          OutboxEntry.State.FAILED,
          3,
          CREATED,
          null,
          "550 " + XSS);

  private final OutboxMessage message =
      new OutboxMessage(
          failedMail,
          "Bonjour " + XSS + ",\nvotre inscription est confirmée.",
          "<p onclick=\"alert(2)\">Bonjour</p><script>alert(3)</script>" + XSS,
          List.of(new OutboxMessage.Attachment(XSS + ".ics", "text/calendar", 1023)));

  /** Every page, with hostile values everywhere a person could type something. */
  private Map<String, String> everyPage() {
    return Map.of(
        "events", pages.events(List.of(event), Flash.error(XSS)),
        "event", pages.event(event, all, CSRF, Flash.success(XSS)),
        "outbox", pages.outbox(List.of(failedMail)),
        "message", pages.outboxMessage(message),
        "login", pages.login(CSRF, XSS, true));
  }

  // ---------------------------------------------------------------- C9 and page structure

  @Test
  void c9HostileTextIsShownAsTextOnEveryPageNeverAsMarkup() {
    everyPage()
        .forEach(
            (name, html) -> {
              Document doc = Jsoup.parse(html);
              assertTrue(doc.select("img, script, iframe, object, embed").isEmpty(), name);
              for (Element e : doc.getAllElements()) {
                for (Attribute a : e.attributes()) {
                  assertFalse(a.getKey().startsWith("on"), name + ": " + a.getKey());
                  assertFalse(a.getKey().equals("style"), name + ": style attribute");
                  assertFalse(a.getValue().startsWith("javascript:"), name);
                }
              }
              assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), name + " escapes C9");
              if (!name.equals("login")) {
                assertTrue(doc.body().text().contains(XSS), name + " shows C9 as text");
              }
            });
  }

  @Test
  void everyPageIsFrenchWithOneH1CaptionedTablesAndTheStylesheet() {
    everyPage()
        .forEach(
            (name, html) -> {
              Document doc = Jsoup.parse(html);
              assertTrue(html.startsWith("<!doctype html>"), name);
              assertEquals("fr", doc.selectFirst("html").attr("lang"), name);
              assertEquals(1, doc.select("h1").size(), name);
              assertFalse(doc.title().isBlank(), name);
              assertEquals(
                  "/site/.resources/irev-news/webresources/css/irev-news.css",
                  doc.selectFirst("link[rel=stylesheet]").attr("href"),
                  name);
              assertEquals("contenu", doc.selectFirst("main").id(), name);
              assertEquals("#contenu", doc.selectFirst("a.irev-skip").attr("href"), name);
              for (Element table : doc.select("table")) {
                assertFalse(table.select("> caption").text().isBlank(), name);
                for (Element th : table.select("th")) {
                  assertTrue(List.of("col", "row").contains(th.attr("scope")), name);
                }
              }
            });
  }

  @Test
  void everyPostFormCarriesTheCsrfToken() {
    everyPage()
        .forEach(
            (name, html) -> {
              for (Element form : Jsoup.parse(html).select("form")) {
                assertEquals("post", form.attr("method"), name);
                Elements token = form.select("input[type=hidden][name=csrf]");
                assertEquals(1, token.size(), name);
                assertEquals(CSRF, token.attr("value"), name);
              }
            });
  }

  // ---------------------------------------------------------------- one event

  @Test
  void eventPageCountsInPeopleAndRegistrations() {
    Document doc = Jsoup.parse(pages.event(event, all, CSRF, null));
    List<String> counts = texts(doc.select("ul.irev-staff-counts li"));
    assertEquals(
        List.of(
            "Confirmées" + NB + ": 2" + NB + "personnes (1" + NB + "inscription)",
            "En liste d’attente" + NB + ": 3" + NB + "personnes (2" + NB + "inscriptions)",
            "Annulées" + NB + ": 1" + NB + "personne (1" + NB + "inscription)",
            "Places restantes" + NB + ": 18 sur 20"),
        counts);
    assertEquals("Inscriptions" + NB + ": " + XSS + " journée", text(doc.selectFirst("h1")));
    assertTrue(doc.select("[role=status], [role=alert]").isEmpty(), "no flash");
    assertEquals(
        "/site/.irev-news/staff/event/journee-ptlcd/inscriptions.csv",
        doc.selectFirst("main a[href$=.csv]").attr("href"));
  }

  @Test
  void buttonsOnlyForTheRightStatuses() {
    Document doc = Jsoup.parse(pages.event(event, all, CSRF, null));
    Elements rows = doc.select("tbody tr");
    assertEquals(4, rows.size());
    assertEquals(List.of(urls.cancel(EVENT_ID, confirmed.id())), actions(rows.get(0)));
    assertEquals(
        List.of(urls.cancel(EVENT_ID, waiting.id()), urls.promote(EVENT_ID, waiting.id())),
        actions(rows.get(1)));
    assertEquals(
        List.of(urls.cancel(EVENT_ID, waiting2.id()), urls.promote(EVENT_ID, waiting2.id())),
        actions(rows.get(2)));
    assertEquals(List.of(), actions(rows.get(3)), "no action on a cancelled registration");
    Element promote = rows.get(1).select("button").get(1);
    assertEquals("submit", promote.attr("type"));
    assertEquals(
        "Confirmer depuis la liste d’attente l’inscription de Hélène Çelik", promote.text());
    assertEquals(
        "l’inscription de Hélène Çelik", promote.selectFirst(".irev-visually-hidden").text());
    assertTrue(rows.get(0).selectFirst("button").text().startsWith("Annuler"));
  }

  /** The text as written, no-break spaces kept (jsoup's text() turns them into spaces). */
  private static String text(Element e) {
    return e.wholeText();
  }

  private static List<String> texts(Elements elements) {
    List<String> texts = new ArrayList<>();
    for (Element e : elements) {
      texts.add(text(e));
    }
    return texts;
  }

  private static List<String> actions(Element row) {
    List<String> actions = new ArrayList<>();
    for (Element form : row.select("form")) {
      assertEquals(1, form.select("button[type=submit]").size());
      actions.add(form.attr("action"));
    }
    return actions;
  }

  @Test
  void rowsShowStatusPositionDetailsAndParisTime() {
    Document doc = Jsoup.parse(pages.event(event, all, CSRF, null));
    Elements rows = doc.select("tbody tr");
    assertEquals("Confirmée", rows.get(0).child(1).text());
    assertEquals("Liste d’attente (position 1)", rows.get(1).child(1).text());
    assertEquals("Liste d’attente (position 3)", rows.get(2).child(1).text());
    assertEquals("Annulée", rows.get(3).child(1).text());
    assertEquals("Çelik Hélène", rows.get(1).selectFirst("th[scope=row]").text());
    Element time = rows.get(0).selectFirst("time");
    assertEquals("2021-11-20T10:15:00+01:00", time.attr("datetime"));
    assertEquals("20" + NB + "novembre 2021 à 10" + NB + "h" + NB + "15", text(time));
    List<String> details = texts(rows.get(0).select("ul.irev-staff-details li"));
    assertEquals(
        List.of(
            "Organisme" + NB + ": " + XSS,
            "Téléphone" + NB + ": +33 6 12 34 56 78",
            "Commentaire" + NB + ": Ligne 1\n" + XSS),
        details);
    assertEquals(1, rows.get(0).select("ul.irev-staff-details br").size(), "line break kept");
  }

  @Test
  void emptyEventSaysSoWithoutTable() {
    EventSummary empty = new EventSummary("e", "e", "Vide", null, 10, Counts.NONE);
    Document doc = Jsoup.parse(pages.event(empty, List.of(), CSRF, null));
    assertTrue(doc.select("table").isEmpty());
    assertTrue(doc.text().contains("Aucune inscription pour le moment."));
    assertTrue(text(doc.body()).contains("Places restantes" + NB + ": 10 sur 10"));
  }

  @Test
  void flashMessagesAfterCancellationAndPromotion() {
    Registration promoted = waiting2.withStatus(Registration.Status.CONFIRMED);
    Flash flash =
        Flash.cancelled(
            new Cancellation(
                confirmed.withStatus(Registration.Status.CANCELLED), List.of(promoted)));
    assertEquals(
        "Inscription annulée" + NB + "; 1" + NB + "personne confirmée depuis la liste d’attente.",
        flash.message());
    Document doc = Jsoup.parse(pages.event(event, all, CSRF, flash));
    Element status = doc.selectFirst("main [role=status]");
    assertNotNull(status);
    assertEquals(flash.message(), text(status));

    Registration three = registration(Registration.Status.CONFIRMED, 3, "X", "Y", CREATED);
    assertEquals(
        "Inscription annulée" + NB + "; 4" + NB + "personnes confirmées depuis la liste d’attente.",
        Flash.cancelled(new Cancellation(cancelled, List.of(promoted, three))).message());
    assertEquals(
        "Inscription annulée.", Flash.cancelled(new Cancellation(cancelled, List.of())).message());

    Flash noRoom = Flash.promotion(RegistrationStore.PromotionOutcome.NO_ROOM);
    assertEquals(Flash.Kind.ERROR, noRoom.kind());
    assertEquals("Pas assez de places pour confirmer cette inscription.", noRoom.message());
    Element alert = Jsoup.parse(pages.event(event, all, CSRF, noRoom)).selectFirst("[role=alert]");
    assertEquals(noRoom.message(), alert.text());
    assertEquals(
        Flash.Kind.SUCCESS, Flash.promotion(RegistrationStore.PromotionOutcome.PROMOTED).kind());
    assertEquals(
        Flash.Kind.ERROR, Flash.promotion(RegistrationStore.PromotionOutcome.NOT_FOUND).kind());
  }

  // ---------------------------------------------------------------- overview

  @Test
  void overviewListsEventsWithLinksDatesCountsAndSeatsLeft() {
    Document doc = Jsoup.parse(pages.events(List.of(event), null));
    Element row = doc.selectFirst("tbody tr");
    Element link = row.selectFirst("th[scope=row] a");
    assertEquals("/site/.irev-news/staff/event/journee-ptlcd", link.attr("href"));
    assertEquals(XSS + " journée", link.text());
    assertEquals(
        List.of(
            "mardi 30" + NB + "novembre 2021, 9" + NB + "h" + NB + "00",
            "2" + NB + "personnes (1" + NB + "inscription)",
            "3" + NB + "personnes (2" + NB + "inscriptions)",
            "1" + NB + "personne (1" + NB + "inscription)",
            "18 sur 20"),
        texts(row.select("td")));
    assertEquals("2021-11-30T09:00:00+01:00", row.selectFirst("time").attr("datetime"));
    assertEquals(
        "page", doc.selectFirst("nav a[href=/site/.irev-news/staff/]").attr("aria-current"));
    assertTrue(
        Jsoup.parse(pages.events(List.of(), null))
            .text()
            .contains("Aucun événement n’a d’inscription pour le moment."));
  }

  @Test
  void eventTitlesGetFrenchNoBreakSpacesAsOnThePublicPages() {
    EventSummary typed =
        new EventSummary("e", "e", "Forum : « Initier » ; vraiment ?", START, 10, Counts.NONE);
    String expected =
        "Forum" + NB + ": «" + NB + "Initier" + NB + "»" + NB + ";" + " vraiment" + NB + "?";
    assertEquals(
        expected, text(Jsoup.parse(pages.events(List.of(typed), null)).selectFirst("tbody th a")));
    Document page = Jsoup.parse(pages.event(typed, List.of(), "token", null));
    assertEquals("Inscriptions" + NB + ": " + expected, text(page.selectFirst("h1")));
  }

  @Test
  void seatsLeftNeverNegativeWhenCapacityWasLowered() {
    EventSummary full = new EventSummary("e", "e", "Plein", START, 1, Counts.of(all));
    assertEquals(0, full.seatsLeft());
  }

  // ---------------------------------------------------------------- outbox

  @Test
  void outboxTableShowsStateAttemptsAndDates() {
    Document doc = Jsoup.parse(pages.outbox(List.of(failedMail)));
    Element row = doc.selectFirst("tbody tr");
    assertEquals("/site/.irev-news/staff/outbox/m1", row.selectFirst("th a").attr("href"));
    List<String> cells = texts(row.select("td"));
    assertEquals("personne@example.org", cells.get(0));
    assertEquals("échec", cells.get(1));
    assertEquals("3", cells.get(2));
    assertEquals("20" + NB + "novembre 2021 à 10" + NB + "h" + NB + "15", cells.get(3));
    assertEquals("", cells.get(4), "not sent");
    assertEquals("550 " + XSS, cells.get(5));
    assertEquals(List.of("en attente", "envoyé", "échec"), stateLabels());
  }

  private static List<String> stateLabels() {
    List<String> labels = new ArrayList<>();
    for (OutboxEntry.State s : OutboxEntry.State.values()) {
      labels.add(s.label());
    }
    return labels;
  }

  @Test
  void messagePageShowsHtmlBodyAsTextAndListsAttachments() {
    Document doc = Jsoup.parse(pages.outboxMessage(message));
    Elements pre = doc.select("pre");
    assertEquals(2, pre.size());
    assertEquals("Bonjour " + XSS + ",\nvotre inscription est confirmée.", pre.get(0).wholeText());
    assertEquals(message.htmlBody(), pre.get(1).wholeText(), "HTML source shown as text");
    assertTrue(pre.get(1).children().isEmpty(), "nothing of the HTML body became an element");
    assertTrue(doc.select("p[onclick]").isEmpty());
    assertEquals(
        List.of(XSS + ".ics (text/calendar, 1" + NB + "023" + NB + "octets)"),
        texts(doc.select("main ul li")));
  }

  // ---------------------------------------------------------------- login

  @Test
  void loginPageShowsTheErrorOnlyAfterAFailureAndKeepsTheUserName() {
    Document failed = Jsoup.parse(pages.login(CSRF, XSS, true));
    assertEquals(
        "Identifiant ou mot de passe incorrect.", failed.selectFirst("[role=alert]").text());
    Element form = failed.selectFirst("form");
    assertEquals("/site/.irev-news/staff/login", form.attr("action"));
    Element user = form.selectFirst("input[name=username]");
    assertEquals(XSS, user.attr("value"));
    assertEquals("login-error", user.attr("aria-describedby"));
    Element password = form.selectFirst("input[name=password]");
    assertEquals("password", password.attr("type"));
    assertFalse(password.hasAttr("value"));
    assertEquals("Identifiant", failed.selectFirst("label[for=" + user.id() + "]").text());
    assertEquals("Mot de passe", failed.selectFirst("label[for=" + password.id() + "]").text());
    assertTrue(failed.select("nav").isEmpty(), "no staff navigation before login");

    Document fresh = Jsoup.parse(pages.login(CSRF, null, false));
    assertTrue(fresh.select("[role=alert]").isEmpty());
    assertFalse(fresh.selectFirst("input[name=username]").hasAttr("value"));
  }

  @Test
  void contextPathIsCheckedAndUrlsEncodeSegments() {
    assertThrows(IllegalArgumentException.class, () -> new StaffPages("site"));
    assertThrows(IllegalArgumentException.class, () -> new StaffPages("/"));
    assertThrows(IllegalArgumentException.class, () -> new StaffPages("/\"><script>"));
    assertEquals("/.irev-news/staff/", StaffUrls.under("").events());
    assertEquals(
        "/.irev-news/staff/event/a%20b%2Fc/cancel/%C3%A9",
        StaffUrls.under("").cancel("a b/c", "é"));
  }
}
