package fr.irev.news.site.registration;

import static fr.irev.news.site.registration.VisitorSite.email;
import static fr.irev.news.site.registration.VisitorSite.form;
import static fr.irev.news.site.registration.VisitorSite.html;
import static fr.irev.news.site.registration.VisitorSite.registrationPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.registration.Registration;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad posts to the registration servlet over real HTTP: each gets a clear French answer, never a
 * 500 or a stack trace, and the store stays empty (C9, C10).
 */
class VisitorBadInputTest {

  private static final String IMG = "<img src=x onerror=alert(1)>";
  private static final String NBSP = "\u00a0";

  private static VisitorSite site;
  private static String eventId;
  private static String otherEventId;
  private static String staffEmail;

  @BeforeAll
  static void start() throws Exception {
    site = VisitorSite.shared();
    staffEmail = email("equipe");
    eventId = site.addEvent("mauvaises-saisies", 10, 0, 2, VisitorSite.allFields(staffEmail));
    otherEventId =
        site.addEvent("autre-evenement", 10, 0, 1, VisitorSite.allFields(email("autre")));
  }

  /** Nothing was ever stored for the refused event, nor e-mailed to an injected address. */
  @AfterEach
  void nothingStored() throws Exception {
    assertEquals(List.of(), site.stored(eventId));
    assertEquals(List.of(), site.stored(otherEventId));
    for (MimeMessage message : site.smtp.getReceivedMessages()) {
      for (Address to : message.getAllRecipients()) {
        assertFalse(((InternetAddress) to).getAddress().equals("someone@example.org"));
      }
    }
  }

  /** The fields of a complete valid form, in order; tests change some. */
  private static Map<String, String> valid() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("evenement", eventId);
    fields.put("token", "t-" + UUID.randomUUID());
    fields.put("lastName", "Lefèvre");
    fields.put("firstName", "Zoë");
    fields.put("email", email("zoe"));
    fields.put("seats", "1");
    fields.put("consent", "oui");
    return fields;
  }

  private static String encode(Map<String, String> fields) {
    List<String> pairs = new ArrayList<>();
    fields.forEach(
        (k, v) -> {
          pairs.add(k);
          pairs.add(v);
        });
    return form(pairs.toArray(String[]::new));
  }

  /** Checks a French HTML answer without stack trace, and returns it parsed. */
  private static Document answer(HttpResponse<String> response, int status, String message) {
    assertEquals(status, response.statusCode(), response.body());
    return page(
        response.headers().firstValue("Cache-Control").orElse(""), response.body(), message);
  }

  private static Document page(String cacheControl, String body, String message) {
    assertEquals("no-store", cacheControl);
    assertFalse(body.contains("Exception"), body);
    assertFalse(body.contains("\tat "), body);
    Document doc = Jsoup.parse(body);
    assertEquals("fr", doc.selectFirst("html").attr("lang"));
    String text = doc.wholeText().replaceAll("[ \\t\\r\\n]+", " ");
    assertTrue(text.contains(message), () -> message + " in " + text);
    return doc;
  }

  /** Posts fields from the site, expects 422 and one error on {@code field}. */
  private static Document fieldError(Map<String, String> fields, String field, String message)
      throws Exception {
    Document doc =
        answer(site.postFromSite(registrationPath(eventId), encode(fields)), 422, message);
    Element error = doc.getElementById("irev-reg-" + field + "-erreur");
    assertNotNull(error, doc.toString());
    assertEquals(message, error.wholeText());
    Element control = doc.getElementById("irev-reg-" + field);
    assertTrue(
        List.of(control.attr("aria-describedby").split(" ")).contains(error.id()),
        control.outerHtml());
    assertEquals("true", control.attr("aria-invalid"));
    assertEquals(1, doc.select("[autofocus]").size());
    return doc;
  }

  @Test
  void overlongLastName() throws Exception {
    Map<String, String> fields = valid();
    fields.put("lastName", "L".repeat(101));
    Document doc =
        fieldError(
            fields,
            "lastName",
            "Le nom ne doit pas dépasser 100 caractères (vous en avez saisi 101).");
    assertEquals("L".repeat(101), doc.getElementById("irev-reg-lastName").val(), "value kept");
    assertTrue(doc.getElementById("irev-reg-lastName").hasAttr("autofocus"));
    assertEquals(
        "Le formulaire contient 1 erreur" + NBSP + ":",
        doc.selectFirst(".irev-form__summary-title").wholeText());
  }

  @Test
  void overlongComment() throws Exception {
    Map<String, String> fields = valid();
    fields.put("comment", "c".repeat(2001));
    fieldError(
        fields,
        "comment",
        "Le commentaire ne doit pas dépasser 2"
            + NBSP
            + "000 caractères (vous en avez saisi 2"
            + NBSP
            + "001).");
  }

  @Test
  void controlCharacterInFirstName() throws Exception {
    Map<String, String> fields = valid();
    fields.put("firstName", "Zo\u0007ë");
    fieldError(
        fields,
        "firstName",
        "Le prénom ne doit contenir ni retour à la ligne ni caractère de contrôle.");
  }

  @Test
  void headerInjectionInNamesIsRefused() throws Exception {
    Map<String, String> fields = valid();
    fields.put("lastName", "Dupont\r\nBcc: someone@example.org");
    fields.put("firstName", "Jean\nBcc: someone@example.org");
    fields.put("organisation", "IREV\rBcc: someone@example.org");
    Document doc =
        fieldError(
            fields,
            "lastName",
            "Le nom ne doit contenir ni retour à la ligne ni caractère de contrôle.");
    assertEquals(
        "Le prénom ne doit contenir ni retour à la ligne ni caractère de contrôle.",
        doc.getElementById("irev-reg-firstName-erreur").text());
    assertEquals(
        "Le nom de l’organisme ne doit contenir ni retour à la ligne ni caractère de contrôle.",
        doc.getElementById("irev-reg-organisation-erreur").text());
    assertTrue(doc.getElementById("irev-reg-lastName").hasAttr("autofocus"));
    assertFalse(doc.getElementById("irev-reg-firstName").hasAttr("autofocus"));
    assertEquals(
        List.of("#irev-reg-lastName", "#irev-reg-firstName", "#irev-reg-organisation"),
        doc.select(".irev-form__summary a").eachAttr("href"));
  }

  @Test
  void invalidEmail() throws Exception {
    Map<String, String> fields = valid();
    fields.put("email", "prenom.nom@");
    Element email =
        fieldError(
                fields,
                "email",
                "Indiquez une adresse e-mail valide, par exemple prenom.nom@exemple.fr.")
            .getElementById("irev-reg-email");
    assertEquals("irev-reg-email-erreur irev-reg-email-aide", email.attr("aria-describedby"));
  }

  @Test
  void missingConsent() throws Exception {
    Map<String, String> fields = valid();
    fields.remove("consent");
    fieldError(
        fields,
        "consent",
        "Cochez la case pour accepter l’utilisation de vos données pour cette inscription.");
  }

  @Test
  void duplicatedParameter() throws Exception {
    String body = encode(valid()) + "&" + form("lastName", "Autre");
    Document doc =
        answer(
            site.postFromSite(registrationPath(eventId), body),
            422,
            "Ce champ a été envoyé plusieurs fois. Vérifiez-le puis renvoyez le formulaire.");
    assertEquals(
        "Ce champ a été envoyé plusieurs fois. Vérifiez-le puis renvoyez le formulaire.",
        doc.getElementById("irev-reg-lastName-erreur").text());

    String twoEvents = encode(valid()) + "&" + form("evenement", eventId);
    answer(
        site.postFromSite(registrationPath(eventId), twoEvents),
        400,
        "Ce formulaire ne correspond pas à cet événement.");
  }

  @Test
  void malformedPercentEncoding() throws Exception {
    String message =
        "Le formulaire envoyé est illisible. Renvoyez-le depuis la page de l’événement.";
    String body = "lastName=%ZZ&" + encode(valid()).replace("lastName=", "x=");
    answer(site.postFromSite(registrationPath(eventId), body), 400, message);

    String badUtf8 = "lastName=%C3%28&" + encode(valid()).replace("lastName=", "x=");
    HttpResponse<String> answer = site.postFromSite(registrationPath(eventId), badUtf8);
    assertTrue(answer.statusCode() == 400 || answer.statusCode() == 422, answer.statusCode() + "");
    page(answer.headers().firstValue("Cache-Control").orElse(""), answer.body(), "");
  }

  @Test
  void unknownEvent() throws Exception {
    String message = "Cet événement n’existe pas ou n’accepte pas d’inscription en ligne.";
    String id = UUID.randomUUID().toString();
    Map<String, String> fields = valid();
    fields.put("evenement", id);
    answer(site.postFromSite(registrationPath(id), encode(fields)), 404, message);
    answer(
        site.postFromSite(registrationPath("pas-un-identifiant"), encode(valid())), 404, message);
  }

  @Test
  void formOfAnotherEvent() throws Exception {
    Map<String, String> fields = valid();
    fields.put("evenement", otherEventId);
    answer(
        site.postFromSite(registrationPath(eventId), encode(fields)),
        400,
        "Ce formulaire ne correspond pas à cet événement. Rechargez la page de l’événement puis"
            + " renvoyez-le.");
  }

  @Test
  void getOnThePostAddress() throws Exception {
    HttpResponse<String> response = site.get(registrationPath(eventId));
    answer(
        response,
        405,
        "Cette adresse reçoit le formulaire d’inscription. Pour vous inscrire, ouvrez la page de"
            + " l’événement.");
    assertEquals("POST, OPTIONS", response.headers().firstValue("Allow").orElse(""));
  }

  @Test
  void hugeBody() throws Exception {
    Map<String, String> fields = valid();
    fields.put("comment", "x".repeat(70_000));
    answer(
        site.postFromSite(registrationPath(eventId), encode(fields)),
        413,
        "Le formulaire envoyé dépasse la taille permise. Raccourcissez les champs les plus longs"
            + " (le commentaire, par exemple) puis renvoyez-le.");
  }

  @Test
  void wrongContentType() throws Exception {
    String message = "Le formulaire n’a pas été envoyé dans le format attendu.";
    answer(
        site.send(
            registrationPath(eventId), "text/plain", encode(valid()), "Origin", site.origin()),
        415,
        message);
    String multipart =
        "--b\r\nContent-Disposition: form-data; name=\"lastName\"\r\n\r\nLefèvre\r\n--b--\r\n";
    answer(
        site.send(
            registrationPath(eventId),
            "multipart/form-data; boundary=b",
            multipart,
            "Origin",
            site.origin()),
        415,
        message);
    answer(
        site.send(registrationPath(eventId), null, encode(valid()), "Origin", site.origin()),
        415,
        message);
    for (String charset : List.of("bogus-42", "UTF-7", "ISO-8859-1\"", "x-unknown")) {
      answer(
          site.send(
              registrationPath(eventId),
              "application/x-www-form-urlencoded; charset=" + charset,
              encode(valid()),
              "Origin",
              site.origin()),
          415,
          message);
    }
  }

  @Test
  void chunkedBodyIsReadWithTheSameLimit() throws Exception {
    Map<String, String> fields = valid();
    fields.remove("consent");
    byte[] body = encode(fields).getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> response =
        site.send(
            HttpRequest.newBuilder(site.uri(registrationPath(eventId)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", site.origin())
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body))));
    // Read as any body (some proxies send chunked bodies); here a form of another kind of
    // error so that nothing is stored: the consent box is missing.
    answer(response, 422, "Cochez la case pour accepter");
    byte[] huge = ("comment=" + "x".repeat(70_000)).getBytes(StandardCharsets.US_ASCII);
    answer(
        site.send(
            HttpRequest.newBuilder(site.uri(registrationPath(eventId)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", site.origin())
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(huge)))),
        413,
        "Le formulaire envoyé dépasse la taille permise.");
  }

  @Test
  void crossSitePosts() throws Exception {
    String message =
        "Ce formulaire a été envoyé depuis un autre site\u00a0: il n’a pas été pris en compte.";
    String path = registrationPath(eventId);
    answer(site.post(path, encode(valid()), "Origin", "https://evil.example"), 403, message);
    answer(site.post(path, encode(valid()), "Origin", "null"), 403, message);
    answer(site.post(path, encode(valid()), "Sec-Fetch-Site", "cross-site"), 403, message);
    answer(site.post(path, encode(valid()), "Sec-Fetch-Site", "same-site"), 403, message);
    answer(
        site.post(path, encode(valid()), "Sec-Fetch-Site", "cross-site", "Origin", site.origin()),
        403,
        message);
    // Another port of the same host is another origin.
    String otherPort = site.origin().replaceAll(":\\d+$", ":1");
    answer(site.post(path, encode(valid()), "Origin", otherPort), 403, message);
  }

  @Test
  void postWithoutOriginAsksToConfirmThenRecords() throws Exception {
    String id = site.addEvent("confirmer-envoi", 5, 0, 1, VisitorSite.allFields(null));
    String address = email("sans-origine");
    String body = VisitorSite.validForm(id, "Çelik", "Hélène", address);
    HttpResponse<String> first = site.post(registrationPath(id), body);
    Document doc =
        answer(
            first,
            200,
            "Pour confirmer votre inscription, vérifiez le formulaire puis cliquez à nouveau sur"
                + " «\u00a0S’inscrire\u00a0».");
    String cookie = VisitorSite.cookie(first, "irev-inscription");
    String setCookie = first.headers().firstValue("Set-Cookie").orElseThrow();
    assertTrue(setCookie.contains("HttpOnly"), setCookie);
    assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
    assertTrue(setCookie.contains("Path=/.irev-news/registration"), setCookie);
    Element csrf = doc.selectFirst("form input[type=hidden][name=csrf]");
    assertEquals(cookie, csrf.val());
    assertEquals("Çelik", doc.getElementById("irev-reg-lastName").val(), "values kept");
    assertEquals(List.of(), site.stored(id), "nothing stored before the confirmation");

    // The same page posted again without the cookie, or with another field: asked again.
    HttpResponse<String> noCookie = site.post(registrationPath(id), body + "&csrf=" + cookie);
    assertEquals(200, noCookie.statusCode());
    assertTrue(html(noCookie).selectFirst("form") != null);
    HttpResponse<String> wrongField =
        site.post(
            registrationPath(id), body + "&csrf=autre", "Cookie", "irev-inscription=" + cookie);
    assertNotNull(html(wrongField).selectFirst("form"));
    assertEquals(List.of(), site.stored(id));

    HttpResponse<String> confirmed =
        site.post(
            registrationPath(id),
            body + "&" + form("csrf", cookie),
            "Cookie",
            "irev-inscription=" + cookie);
    answer(confirmed, 200, "Votre inscription est confirmée.");
    List<Registration> stored = site.stored(id);
    assertEquals(1, stored.size());
    assertEquals(address, stored.get(0).email());
    assertEquals("Hélène", stored.get(0).firstName());
  }

  @Test
  void htmlInEveryFieldIsTextEverywhere() throws Exception {
    String staff = email("equipe-img");
    String id = site.addEvent("balise-img", 5, 0, 1, VisitorSite.allFields(staff));
    String address = email("img");

    // The e-mail field refuses it, and the form shows it back as text.
    Document refused =
        answer(
            site.postFromSite(
                registrationPath(id),
                form(
                    "evenement", id,
                    "token", "t-" + UUID.randomUUID(),
                    "lastName", IMG,
                    "firstName", IMG,
                    "email", IMG,
                    "consent", "oui")),
            422,
            "Indiquez une adresse e-mail valide");
    assertTrue(refused.select("img").isEmpty(), refused.toString());
    assertEquals(IMG, refused.getElementById("irev-reg-email").val());
    assertEquals(IMG, refused.getElementById("irev-reg-lastName").val());
    assertEquals(List.of(), site.stored(id));

    String body =
        form(
            "evenement", id,
            "token", "t-" + UUID.randomUUID(),
            "lastName", IMG,
            "firstName", IMG,
            "email", address,
            "organisation", IMG,
            "function", IMG,
            "commune", IMG,
            "phone", IMG,
            "needs", IMG,
            "comment", IMG + "\n" + IMG,
            "consent", "oui");
    // Without Origin: the "confirm" page shows every value again, as text.
    HttpResponse<String> ask = site.post(registrationPath(id), body);
    Document again = answer(ask, 200, "Pour confirmer votre inscription");
    assertTrue(again.select("img").isEmpty());
    for (String field : List.of("lastName", "firstName", "organisation", "function", "phone")) {
      assertEquals(IMG, again.getElementById("irev-reg-" + field).val(), field);
    }
    assertEquals(IMG + "\n" + IMG, again.getElementById("irev-reg-comment").wholeText());
    assertFalse(ask.body().contains(IMG), "never written raw");

    String cookie = VisitorSite.cookie(ask, "irev-inscription");
    HttpResponse<String> done =
        site.post(
            registrationPath(id),
            body + "&" + form("csrf", cookie),
            "Cookie",
            "irev-inscription=" + cookie);
    answer(done, 200, "Votre inscription est confirmée.");
    Registration stored = site.stored(id).get(0);
    assertEquals(IMG, stored.lastName(), "accepted as text");
    assertEquals(IMG, stored.details().phone());
    assertEquals(IMG + "\n" + IMG, stored.details().comment());

    MimeMessage mail = site.mailsTo(address, 1).get(0);
    assertTrue(VisitorSite.body(mail, "text/plain").contains("Bonjour " + IMG + " " + IMG + ","));
    String mailHtml = VisitorSite.body(mail, "text/html");
    assertFalse(mailHtml.contains(IMG));
    Document mailDoc = Jsoup.parse(mailHtml);
    assertTrue(mailDoc.select("img").isEmpty());
    assertEquals("Bonjour " + IMG + " " + IMG + ",", mailDoc.selectFirst("body p").text());

    MimeMessage notice = site.mailsTo(staff, 1).get(0);
    assertTrue(notice.getSubject().contains(IMG + " " + IMG), notice.getSubject());
    Document noticeDoc = Jsoup.parse(VisitorSite.body(notice, "text/html"));
    assertTrue(noticeDoc.select("img").isEmpty());
    assertTrue(noticeDoc.wholeText().contains("Téléphone\u00a0: " + IMG), noticeDoc.wholeText());
    assertTrue(VisitorSite.body(notice, "text/plain").contains("Commune\u00a0: " + IMG + "\n"));

    VisitorSite.Staff login = site.staffLogin();
    HttpResponse<String> staffPage =
        site.get("/.irev-news/staff/event/" + id, "Cookie", login.cookies());
    assertEquals(200, staffPage.statusCode());
    assertFalse(staffPage.body().contains(IMG));
    Document staffDoc = html(staffPage);
    assertTrue(staffDoc.select("img").isEmpty());
    assertEquals(IMG, staffDoc.selectFirst(".irev-staff-last-name").text());

    HttpResponse<byte[]> csv =
        site.getBytes(
            "/.irev-news/staff/event/" + id + "/inscriptions.csv", "Cookie", login.cookies());
    String csvText = new String(csv.body(), StandardCharsets.UTF_8);
    assertTrue(csvText.contains(";" + IMG + ";" + IMG + ";" + address + ";"), csvText);

    HttpResponse<String> cancelPage = site.get(site.cancelLink(mail));
    assertEquals(200, cancelPage.statusCode());
    assertFalse(cancelPage.body().contains(IMG));
    assertTrue(html(cancelPage).select("img").isEmpty());
    assertTrue(
        html(cancelPage).text().contains("Inscription de " + IMG + " " + IMG + " (" + address),
        cancelPage.body());
    for (Address to : mail.getAllRecipients()) {
      assertEquals(address, ((InternetAddress) to).getAddress());
    }
    assertEquals(null, mail.getRecipients(Message.RecipientType.BCC));
  }
}
