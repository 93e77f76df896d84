package fr.irev.news.site.registration;

import static fr.irev.news.site.registration.VisitorSite.email;
import static fr.irev.news.site.registration.VisitorSite.form;
import static fr.irev.news.site.registration.VisitorSite.html;
import static fr.irev.news.site.registration.VisitorSite.registrationPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.registration.Registration;
import fr.irev.news.registration.RegistrationSettingsMapper.RegistrationFields;
import fr.irev.news.testing.SeedFacts;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A visitor registers through the event page's form, over real HTTP against the preview server: the
 * cached form, the answers, the seats left, the waiting list, the full event (C19, C20).
 */
class VisitorRegistrationTest {

  private static VisitorSite site;

  @BeforeAll
  static void start() throws Exception {
    site = VisitorSite.shared();
  }

  private static Element notice(HttpResponse<String> answer) {
    Element notice = html(answer).selectFirst("section#inscription p.irev-notice");
    assertNotNull(notice, answer.body());
    return notice;
  }

  /** The page's title as sent (jsoup's {@code title()} turns no-break spaces into spaces). */
  private static String title(HttpResponse<String> answer) {
    return html(answer).selectFirst("title").wholeText();
  }

  /** The event's title as the answers show it, for {@code VisitorSite#addEvent}'s name. */
  private static String shown(String name) {
    return "Journée d’étude «\u00a0Quartiers & discriminations\u00a0» – session " + name;
  }

  /** The registration section exactly as sent. */
  private static String rawSection(String page) {
    int start = page.indexOf("<section class=\"irev-registration\"");
    int end = page.indexOf("</section>", start);
    assertTrue(start >= 0 && end > start, page);
    return page.substring(start, end);
  }

  private static List<Registration.Status> statusOf(List<Registration> stored, String email) {
    return stored.stream().filter(r -> r.email().equals(email)).map(Registration::status).toList();
  }

  @Test
  void eventPageCarriesALabelledBlankFormWithNothingPerVisitor() throws Exception {
    String path = "/actualites/" + VisitorSite.SAMPLE;
    HttpResponse<String> first = site.get(path);
    HttpResponse<String> second = site.get(path);
    assertEquals(200, first.statusCode());
    assertTrue(first.headers().allValues("Set-Cookie").isEmpty(), "no cookie on a cached page");
    assertFalse(
        first.headers().firstValue("Cache-Control").orElse("").contains("no-store"),
        "the event page stays cacheable");
    Element section = html(first).getElementById("inscription");
    assertNotNull(section, "registration section");
    assertEquals(rawSection(first.body()), rawSection(second.body()), "byte-identical form");

    Element form = section.selectFirst("form");
    String eventId = form.selectFirst("input[name=evenement]").val();
    assertTrue(eventId.matches("[0-9a-f-]{36}"), eventId);
    assertEquals(registrationPath(eventId), form.attr("action"));
    assertEquals("post", form.attr("method"));
    assertEquals("", form.selectFirst("input[name=token]").val(), "no token in the page");
    assertNull(form.selectFirst("input[name=csrf]"), "no CSRF value in a cached page");
    assertEquals("hidden", form.selectFirst("input[name=evenement]").attr("type"));
    assertTrue(section.select("[aria-invalid], .irev-form__error, [autofocus]").isEmpty());

    List<String> names = form.select("input:not([type=hidden]), textarea").eachAttr("name");
    assertEquals(
        List.of(
            "lastName",
            "firstName",
            "email",
            "seats",
            "organisation",
            "function",
            "commune",
            "needs",
            "comment",
            "consent"),
        names);
    for (Element control : form.select("input:not([type=hidden]), textarea")) {
      Element label = form.selectFirst("label[for=" + control.id() + "]");
      assertNotNull(label, "label of " + control.attr("name"));
      assertFalse(label.text().isBlank());
    }
    assertEquals(
        "Nom *", form.selectFirst("label[for=irev-reg-lastName]").text(), "required announced");
    assertEquals("2", form.selectFirst("input[name=seats]").attr("max"));
    assertEquals(
        "irev-reg-email-aide", form.selectFirst("input[name=email]").attr("aria-describedby"));
  }

  @Test
  void pastSeedEventShowsNoFormOnlyItsExternalLink() throws Exception {
    Document page = html(site.get("/actualites/" + SeedFacts.SEED));
    assertTrue(page.select("form[action^=/.irev-news/registration/]").isEmpty());
    assertEquals("Cet événement est passé.", page.select("#inscription p.irev-notice").text());
    assertFalse(page.select("a[href=" + SeedFacts.REGISTRATION + "]").isEmpty());
  }

  @Test
  void fillsSeatsThenWaitingListThenRefusesWithNoStoreAnswers() throws Exception {
    String id = site.addEvent("remplir", 3, 2, 1, RegistrationFields.NONE);
    assertEquals(3, site.seatsLeft(id));
    assertEquals(2, site.waitingRoomLeft(id));

    String anne = email("anne");
    HttpResponse<String> confirmed = site.register(id, "Martin", "Anne", anne);
    assertEquals("no-store", confirmed.headers().firstValue("Cache-Control").orElse(""));
    assertEquals("text/html;charset=UTF-8", confirmed.headers().firstValue("Content-Type").get());
    assertEquals("Votre inscription est confirmée.", notice(confirmed).text());
    assertEquals("Inscription confirmée\u00a0: " + shown("remplir") + " – IREV", title(confirmed));
    assertNull(html(confirmed).selectFirst("form"), "no form after a recorded answer");
    assertEquals(2, site.seatsLeft(id));

    site.register(id, "Bernard", "Bruno", email("bruno"));
    assertEquals(1, site.seatsLeft(id));
    site.register(id, "Petit", "Chloé", email("chloe"));
    assertEquals(0, site.seatsLeft(id));
    assertEquals(2, site.waitingRoomLeft(id));
    assertEquals(
        "{\"ouvert\":true,\"placesRestantes\":0,\"placesListeAttente\":2,"
            + "\"message\":\"Complet\u00a0: vous pouvez vous inscrire sur la liste d’attente.\"}",
        site.get(VisitorSite.placesPath(id)).body());

    HttpResponse<String> waiting = site.register(id, "Durand", "Denis", email("denis"));
    assertEquals("Vous êtes sur liste d’attente (position 1).", notice(waiting).text());
    assertEquals("Liste d’attente\u00a0: " + shown("remplir") + " – IREV", title(waiting));
    assertEquals("no-store", waiting.headers().firstValue("Cache-Control").orElse(""));
    HttpResponse<String> second = site.register(id, "Leroy", "Emma", email("emma"));
    assertEquals("Vous êtes sur liste d’attente (position 2).", notice(second).text());
    assertEquals(0, site.waitingRoomLeft(id));

    String fanny = email("fanny");
    HttpResponse<String> full =
        site.postFromSite(
            registrationPath(id), VisitorSite.validForm(id, "Moreau", "Fanny", fanny));
    assertEquals(409, full.statusCode());
    assertEquals("no-store", full.headers().firstValue("Cache-Control").orElse(""));
    assertEquals("Cet événement est complet.", notice(full).text());
    assertEquals("Complet\u00a0: " + shown("remplir") + " – IREV", title(full));

    String json = site.get(VisitorSite.placesPath(id)).body();
    assertEquals(
        "{\"ouvert\":true,\"placesRestantes\":0,\"placesListeAttente\":0,"
            + "\"message\":\"Cet événement est complet.\"}",
        json);

    List<Registration> stored = site.stored(id);
    assertEquals(5, stored.size());
    assertEquals(
        List.of(
            Registration.Status.CONFIRMED,
            Registration.Status.CONFIRMED,
            Registration.Status.CONFIRMED,
            Registration.Status.WAITING,
            Registration.Status.WAITING),
        stored.stream().map(Registration::status).toList());
    assertEquals(List.of(), statusOf(stored, fanny));
    assertEquals(List.of(Registration.Status.CONFIRMED), statusOf(stored, anne));
  }

  @Test
  void sameAddressAgainIsAlreadyRegistered() throws Exception {
    String id = site.addEvent("deja-inscrit", 5, 0, 1, RegistrationFields.NONE);
    String address = email("gaelle");
    site.register(id, "Roux", "Gaëlle", address);

    HttpResponse<String> again =
        site.postFromSite(
            registrationPath(id),
            VisitorSite.validForm(id, "Roux", "Gaëlle", address.toUpperCase()));
    assertEquals(200, again.statusCode());
    assertEquals(
        "Vous êtes déjà inscrit à cet événement avec l’adresse "
            + address.toUpperCase()
            + ". Pour annuler, utilisez le lien reçu par e-mail.",
        notice(again).text());
    assertEquals(1, site.stored(id).size());
    assertEquals(4, site.seatsLeft(id));
  }

  @Test
  void doubleClickRecordsOneRegistrationAndSendsOneEmail() throws Exception {
    String id = site.addEvent("double-clic", 5, 0, 1, RegistrationFields.NONE);
    String address = email("hugo");
    String body = VisitorSite.validForm(id, "Fournier", "Hugo", address);
    HttpResponse<String> first = site.postFromSite(registrationPath(id), body);
    HttpResponse<String> second = site.postFromSite(registrationPath(id), body);
    assertEquals(200, first.statusCode());
    assertEquals(200, second.statusCode());
    assertEquals("Votre inscription est confirmée.", notice(first).text());
    assertEquals("Votre inscription est confirmée.", notice(second).text());
    assertEquals(1, site.stored(id).size());
    site.mailsTo(address, 1);

    // Without the page's script: no token, the server derives it from the content.
    String noToken =
        form(
            "evenement", id,
            "lastName", "Fournier",
            "firstName", "Inès",
            "email", email("ines"),
            "consent", "oui");
    assertEquals(200, site.postFromSite(registrationPath(id), noToken).statusCode());
    assertEquals(200, site.postFromSite(registrationPath(id), noToken).statusCode());
    assertEquals(2, site.stored(id).size());
  }

  @Test
  void theSameTokenWithOtherValuesIsANewRegistrationNotAReplay() throws Exception {
    // The browser's Back button keeps the hidden token: a second person's form is not a replay.
    String id = site.addEvent("jeton-reutilise", 5, 0, 2, RegistrationFields.NONE);
    String token = "t-" + java.util.UUID.randomUUID();
    String anna = email("anna");
    String marc = email("marc");
    HttpResponse<String> first =
        site.postFromSite(
            registrationPath(id),
            form(
                "evenement",
                id,
                "token",
                token,
                "lastName",
                "Lefebvre",
                "firstName",
                "Anna",
                "email",
                anna,
                "consent",
                "oui",
                "seats",
                "1"));
    HttpResponse<String> second =
        site.postFromSite(
            registrationPath(id),
            form(
                "evenement",
                id,
                "token",
                token,
                "lastName",
                "Collègue",
                "firstName",
                "Marc",
                "email",
                marc,
                "consent",
                "oui",
                "seats",
                "2"));
    assertEquals("Votre inscription est confirmée.", notice(first).text());
    assertEquals("Votre inscription est confirmée.", notice(second).text());
    List<Registration> stored = site.stored(id);
    assertEquals(
        List.of(anna, marc), stored.stream().map(Registration::email).toList(), "both stored");
    assertEquals(List.of(1, 2), stored.stream().map(Registration::seats).toList());
    assertEquals(2, site.seatsLeft(id));
    site.mailsTo(marc, 1);
  }

  @Test
  void afterCancellingTheSameFormWithoutScriptRegistersAgain() throws Exception {
    String id = site.addEvent("reinscription", 5, 0, 1, RegistrationFields.NONE);
    String address = email("lea");
    String noToken =
        form(
            "evenement", id,
            "lastName", "Moreau",
            "firstName", "Léa",
            "email", address,
            "consent", "oui");
    assertEquals(200, site.postFromSite(registrationPath(id), noToken).statusCode());
    String registration = site.stored(id).get(0).id();
    site.server
        .registrations()
        .cancel(
            site.server
                .registrations()
                .event(site.server.repository().login("irev-news"), id)
                .orElseThrow(),
            registration);
    HttpResponse<String> again = site.postFromSite(registrationPath(id), noToken);
    assertEquals("Votre inscription est confirmée.", notice(again).text());
    assertEquals(
        List.of(Registration.Status.CANCELLED, Registration.Status.CONFIRMED),
        site.stored(id).stream().map(Registration::status).toList());
  }

  @Test
  void groupOverTheSeatsLeftGoesToTheWaitingListNeverConfirmed() throws Exception {
    String id = site.addEvent("groupe-attente", 3, 3, 3, RegistrationFields.NONE);
    String first = email("jules");
    post(id, "Garnier", "Jules", first, "2", 200);
    assertEquals(1, site.seatsLeft(id));

    String group = email("groupe");
    HttpResponse<String> answer = post(id, "Faure", "Karim", group, "3", 200);
    assertEquals("Vous êtes sur liste d’attente (position 1).", notice(answer).text());
    assertEquals(0, site.seatsLeft(id), "nobody overtakes the waiting list");
    assertEquals(List.of(Registration.Status.WAITING), statusOf(site.stored(id), group));

    // A newcomer for the one free seat cannot overtake the group: the list is full too.
    String late = email("late");
    HttpResponse<String> behind = post(id, "Petit", "Nina", late, "1", 409);
    assertEquals("Cet événement est complet.", notice(behind).text());
    assertEquals(List.of(), statusOf(site.stored(id), late));
  }

  @Test
  void groupOverTheSeatsLeftWithoutWaitingListIsRefused() throws Exception {
    String id = site.addEvent("groupe-complet", 3, 0, 3, RegistrationFields.NONE);
    post(id, "Garnier", "Léa", email("lea"), "2", 200);

    String group = email("groupe");
    HttpResponse<String> answer = post(id, "Faure", "Malik", group, "3", 409);
    assertEquals("Cet événement est complet.", notice(answer).text());
    assertEquals(1, site.seatsLeft(id));
    assertEquals(1, site.stored(id).size());

    HttpResponse<String> tooMany = post(id, "Faure", "Malik", group, "4", 422);
    assertEquals(
        "Indiquez un nombre de personnes entre 1 et 3.",
        html(tooMany).getElementById("irev-reg-seats-erreur").text());
    // WCAG 3.3.1 common practice: the title says first that the form has errors
    assertEquals(
        "Erreur\u00a0: Inscription\u00a0: " + shown("groupe-complet") + " – IREV", title(tooMany));
    assertEquals(1, site.stored(id).size());
  }

  private static HttpResponse<String> post(
      String id, String last, String first, String address, String seats, int status)
      throws Exception {
    HttpResponse<String> answer =
        site.postFromSite(
            registrationPath(id),
            form(
                "evenement", id,
                "token", "t-" + UUID.randomUUID(),
                "lastName", last,
                "firstName", first,
                "email", address,
                "seats", seats,
                "consent", "oui"));
    assertEquals(status, answer.statusCode(), answer.body());
    assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(""));
    return answer;
  }

  /**
   * The answer and cancellation pages show the event's title as its page does (French no-break
   * spaces, stored with plain ones) and sit in the site's frame: the list page's skip link, banner
   * (with the "Actualités" link) and footer, element for element; their {@code main} leads back to
   * the event's page.
   */
  @Test
  void answerAndCancellationPagesHaveTheEventTitleAndTheSiteFrame() throws Exception {
    String id = site.addEvent("cadre-du-site", 5, 0, 1, RegistrationFields.NONE);
    String shown =
        "Journée d’étude «\u00a0Quartiers & discriminations\u00a0» – session cadre-du-site";
    List<String> listFrame = frame(html(site.get("/actualites")));
    assertEquals(
        List.of(
            "a class=irev-skip href=#contenu | Aller au contenu",
            "header class=irev-banner | ",
            "div class=irev-container irev-banner__inner | ",
            "a class=irev-banner__site href=/ | IREV",
            "nav aria-label=Navigation principale class=irev-nav | ",
            "ul class=irev-nav__list | ",
            "li | ",
            "a href=/actualites | Actualités",
            "footer class=irev-footer | ",
            "div class=irev-container | ",
            "p | IREV – Institut régional de la ville, Hauts-de-France"),
        listFrame);

    String address = email("cadre");
    Document answer = html(site.register(id, "Martin", "Anne", address));
    assertEquals("Inscription\u00a0: " + shown, answer.selectFirst("h1").wholeText());
    assertEquals(
        "Inscription confirmée\u00a0: " + shown + " – IREV",
        answer.selectFirst("title").wholeText());
    assertEquals(
        shown + " — ",
        answer.selectFirst("p.irev-registration__event").textNodes().get(0).getWholeText());
    assertEquals(listFrame, frame(answer));
    assertEquals(
        List.of("/actualites/cadre-du-site"), answer.select("main a[href]").eachAttr("href"));

    Document cancel = html(site.get(site.cancelLink(site.mailsTo(address, 1).get(0))));
    assertEquals("Annulation\u00a0: " + shown, cancel.selectFirst("h1").wholeText());
    assertEquals(listFrame, frame(cancel));
    assertEquals(
        List.of("/actualites/cadre-du-site"), cancel.select("main a[href]").eachAttr("href"));

    Document refused = html(site.get(VisitorSite.registrationPath("annulation") + "?jeton=abimé"));
    assertEquals("Lien non valable", refused.selectFirst("h1").wholeText());
    assertEquals(listFrame, frame(refused));
  }

  /**
   * The site's frame of a page: the body's skip link, banner and footer and everything in them, one
   * line each: tag, attributes sorted, own text.
   */
  private static List<String> frame(Document page) {
    List<String> lines = new java.util.ArrayList<>();
    assertEquals(
        List.of("a", "header", "main", "footer"),
        page.body().children().stream().map(Element::tagName).toList());
    for (Element e :
        page.select(
            "body > a.irev-skip, body > header, body > header *, body > footer, body > footer *")) {
      lines.add(
          e.tagName()
              + e.attributes().asList().stream()
                  .map(a -> " " + a.getKey() + "=" + a.getValue())
                  .sorted()
                  .collect(java.util.stream.Collectors.joining())
              + " | "
              + e.ownText());
    }
    return lines;
  }
}
