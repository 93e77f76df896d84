package fr.irev.news.site.registration;

import static fr.irev.news.site.registration.VisitorSite.attachments;
import static fr.irev.news.site.registration.VisitorSite.body;
import static fr.irev.news.site.registration.VisitorSite.email;
import static fr.irev.news.site.registration.VisitorSite.form;
import static fr.irev.news.site.registration.VisitorSite.html;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.registration.Registration;
import fr.irev.news.registration.RegistrationSettingsMapper.RegistrationFields;
import jakarta.mail.internet.MimeMessage;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The personal cancellation link of the confirmation e-mail, followed over real HTTP: a GET never
 * cancels, a POST does and promotes the waiting list; bad or reused links get French pages.
 */
class CancelLinkTest {

  private static final String CANCEL = "/.irev-news/registration/annulation";

  private static VisitorSite site;

  @BeforeAll
  static void start() throws Exception {
    site = VisitorSite.shared();
  }

  private static List<Registration.Status> statuses(String eventId) throws Exception {
    return site.stored(eventId).stream().map(Registration::status).toList();
  }

  private static String text(HttpResponse<String> response) {
    return html(response).wholeText().replaceAll("[ \\t\\r\\n]+", " ");
  }

  private static String token(String link) {
    return URLDecoder.decode(link.substring(link.indexOf("jeton=") + 6), StandardCharsets.UTF_8);
  }

  @Test
  void linkShowsThenCancelsAndPromotesTheWaitingList() throws Exception {
    String staff = email("equipe-annulation");
    String id =
        site.addEvent(
            "annulation",
            1,
            2,
            1,
            new RegistrationFields(false, false, false, false, false, false, null, null, staff));
    String anne = email("anne");
    String denis = email("denis");
    site.register(id, "Martin", "Anne", anne);
    site.register(id, "Durand", "Denis", denis);
    assertEquals(List.of(Registration.Status.CONFIRMED, Registration.Status.WAITING), statuses(id));

    MimeMessage confirmation = site.mailsTo(anne, 1).get(0);
    String link = site.cancelLink(confirmation);

    // GET (a mail scanner following the link) shows a button and cancels nothing.
    HttpResponse<String> shown = site.get(link);
    assertEquals(200, shown.statusCode());
    assertEquals("no-store", shown.headers().firstValue("Cache-Control").orElse(""));
    Document page = html(shown);
    assertEquals("fr", page.selectFirst("html").attr("lang"));
    assertTrue(
        text(shown).contains("Inscription d’Anne Martin (" + anne + "), confirmée."), text(shown));
    Element form = page.selectFirst("form[method=post]");
    assertNotNull(form);
    assertEquals(CANCEL, form.attr("action"));
    assertEquals(token(link), form.selectFirst("input[type=hidden][name=jeton]").val());
    assertEquals("Annuler mon inscription", form.selectFirst("button[type=submit]").text());
    site.get(link);
    assertEquals(List.of(Registration.Status.CONFIRMED, Registration.Status.WAITING), statuses(id));

    // A cross-site POST is refused and changes nothing.
    HttpResponse<String> evil =
        site.post(CANCEL, form("jeton", token(link)), "Origin", "https://evil.example");
    assertEquals(403, evil.statusCode());
    assertTrue(
        text(evil)
            .contains(
                "Cette demande vient d’un autre site\u00a0: elle n’a pas été prise en compte."),
        text(evil));
    HttpResponse<String> fetchMeta =
        site.post(CANCEL, form("jeton", token(link)), "Sec-Fetch-Site", "cross-site");
    assertEquals(403, fetchMeta.statusCode());
    assertEquals(List.of(Registration.Status.CONFIRMED, Registration.Status.WAITING), statuses(id));

    // The button posts the token: cancelled, and the first waiting registration is promoted.
    HttpResponse<String> done = site.postFromSite(CANCEL, form("jeton", token(link)));
    assertEquals(200, done.statusCode(), done.body());
    assertEquals("no-store", done.headers().firstValue("Cache-Control").orElse(""));
    assertTrue(
        text(done)
            .contains(
                "Votre inscription est annulée. Un e-mail vous le confirme. Merci d’avoir libéré"
                    + " votre place."),
        text(done));
    assertEquals(
        List.of(Registration.Status.CANCELLED, Registration.Status.CONFIRMED), statuses(id));
    assertEquals(0, site.seatsLeft(id));

    // the stored title has plain spaces; the e-mails show it as the event page does
    String title = "Journée d’étude «\u00a0Quartiers & discriminations\u00a0» – session annulation";
    List<MimeMessage> toAnne = site.mailsTo(anne, 2);
    assertEquals("Inscription annulée\u00a0: " + title, toAnne.get(1).getSubject());
    assertEquals(List.of(), attachments(toAnne.get(1)));
    assertFalse(body(toAnne.get(1), "text/plain").contains("jeton="));

    List<MimeMessage> toDenis = site.mailsTo(denis, 2);
    assertEquals("Liste d’attente\u00a0: " + title, toDenis.get(0).getSubject());
    MimeMessage promoted = toDenis.get(1);
    assertEquals(
        "Une place s’est libérée\u00a0: inscription confirmée – " + title, promoted.getSubject());
    assertTrue(
        body(promoted, "text/plain")
            .contains(
                "Une place s’est libérée\u00a0: votre inscription à «\u00a0"
                    + title
                    + "\u00a0» est maintenant confirmée."));
    assertEquals(1, attachments(promoted).size());
    assertTrue(attachments(promoted).get(0).getFileName().endsWith(".ics"));
    String promotedLink = site.cancelLink(promoted);
    assertFalse(promotedLink.equals(link));

    // Reused after cancelling: the page says so, and nothing changes.
    HttpResponse<String> again = site.get(link);
    assertEquals(200, again.statusCode());
    assertTrue(text(again).contains("Cette inscription est annulée."), text(again));
    assertTrue(html(again).select("form[method=post]").isEmpty());
    HttpResponse<String> againPost = site.postFromSite(CANCEL, form("jeton", token(link)));
    assertEquals(200, againPost.statusCode());
    assertTrue(text(againPost).contains("Cette inscription est annulée."));
    assertEquals(
        List.of(Registration.Status.CANCELLED, Registration.Status.CONFIRMED), statuses(id));
    site.mailsTo(anne, 2);
    List<String> staffSubjects =
        site.mailsTo(staff, 4).stream()
            .map(
                m -> {
                  try {
                    return m.getSubject();
                  } catch (Exception e) {
                    throw new AssertionError(e);
                  }
                })
            .sorted()
            .toList();
    // Messages queued in one save may leave in either order.
    assertEquals(
        java.util.stream.Stream.of(
                "[Inscriptions] " + title + "\u00a0: Anne Martin (inscription confirmée)",
                "[Inscriptions] " + title + "\u00a0: Denis Durand (inscription en liste d’attente)",
                "[Inscriptions] " + title + "\u00a0: Anne Martin (inscription annulée)",
                "[Inscriptions] "
                    + title
                    + "\u00a0: Denis Durand (confirmée depuis la liste d’attente)")
            .sorted()
            .toList(),
        staffSubjects);
  }

  @Test
  void tamperedOrMissingTokenGetsAFrenchPage() throws Exception {
    String id = site.addEvent("annulation-jeton", 2, 0, 1, RegistrationFields.NONE);
    String address = email("jeton");
    site.register(id, "Roux", "Gaëlle", address);
    String link = site.cancelLink(site.mailsTo(address, 1).get(0));
    String token = token(link);
    char last = token.charAt(token.length() - 1);
    String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
    String message =
        "Ce lien d’annulation n’est pas valable. Copiez-le en entier depuis l’e-mail reçu, ou"
            + " écrivez à l’IREV pour annuler votre inscription.";

    for (HttpResponse<String> bad :
        List.of(
            site.get(CANCEL + "?jeton=" + tampered),
            site.postFromSite(CANCEL, form("jeton", tampered)),
            site.get(CANCEL + "?jeton=" + token.substring(0, 20)),
            site.get(CANCEL),
            site.postFromSite(CANCEL, ""),
            site.postFromSite(CANCEL, "jeton=%ZZ"),
            site.get(CANCEL + "?jeton=" + token + "&jeton=" + token))) {
      assertEquals(400, bad.statusCode(), bad.body());
      assertEquals("no-store", bad.headers().firstValue("Cache-Control").orElse(""));
      assertTrue(text(bad).contains(message), text(bad));
      assertFalse(bad.body().contains("Exception"));
    }
    assertEquals(List.of(Registration.Status.CONFIRMED), statuses(id));
  }

  @Test
  void aLinkSignedForAnEarlierEndStillWorksWhileThePostponedEventIsAhead() throws Exception {
    String id =
        site.addEvent(
            "annulation-reportee",
            5,
            0,
            1,
            fr.irev.news.registration.RegistrationSettingsMapper.RegistrationFields.NONE);
    String address = email("reporte");
    site.register(id, "Bernard", "Yves", address);
    String registration = site.stored(id).get(0).id();
    // A link signed when the event ended earlier (it has been postponed since).
    String token =
        site.server
            .registrations()
            .links()
            .token(id, registration, java.time.Instant.parse("2020-01-01T00:00:00Z"));
    HttpResponse<String> shown = site.get(CANCEL + "?jeton=" + token);
    assertEquals(200, shown.statusCode(), shown.body());
    assertTrue(text(shown).contains("Annuler mon inscription"), text(shown));
  }
}
