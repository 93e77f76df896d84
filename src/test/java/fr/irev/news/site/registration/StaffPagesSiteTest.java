package fr.irev.news.site.registration;

import static fr.irev.news.site.registration.VisitorSite.email;
import static fr.irev.news.site.registration.VisitorSite.form;
import static fr.irev.news.site.registration.VisitorSite.html;
import static fr.irev.news.site.registration.VisitorSite.registrationPath;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.registration.Registration;
import fr.irev.news.registration.RegistrationSettingsMapper.RegistrationFields;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The staff's registration pages of the preview server over real HTTP: login, the events and their
 * counts, one event's registrations, the CSV export (C11, C12), cancel and promote with the form
 * token, the outbox when no SMTP server is configured.
 */
class StaffPagesSiteTest {

  private static final String STAFF = "/.irev-news/staff/";
  private static final String NBSP = "\u00a0";

  private static VisitorSite site;

  @BeforeAll
  static void start() throws Exception {
    site = VisitorSite.shared();
  }

  private static String text(Element element) {
    return element.wholeText().replaceAll("[ \\t\\r\\n]+", " ").strip();
  }

  private static void register(
      VisitorSite on, String id, String last, String first, String address, String seats)
      throws Exception {
    HttpResponse<String> answer =
        on.postFromSite(
            registrationPath(id),
            form(
                "evenement", id,
                "token", "t-" + UUID.randomUUID(),
                "lastName", last,
                "firstName", first,
                "email", address,
                "seats", seats,
                "phone", "+33 6 12 34 56 78",
                "consent", "oui"));
    assertEquals(200, answer.statusCode(), answer.body());
  }

  @Test
  void withoutLoginRedirectsToTheLoginForm() throws Exception {
    for (String path : List.of(STAFF, STAFF + "outbox", STAFF + "event/x/inscriptions.csv")) {
      HttpResponse<String> response = site.get(path);
      assertEquals(303, response.statusCode(), path);
      assertEquals(STAFF + "login", response.headers().firstValue("Location").orElse(""));
      assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
    }
    HttpResponse<String> forged = site.get(STAFF, "Cookie", "irev-equipe=99999999999.abc");
    assertEquals(303, forged.statusCode());
  }

  @Test
  void wrongPasswordIsRefusedInFrench() throws Exception {
    HttpResponse<String> form = site.get(STAFF + "login");
    assertEquals(200, form.statusCode());
    String token = VisitorSite.cookie(form, "irev-equipe-jeton");
    assertEquals(token, html(form).selectFirst("input[type=hidden][name=csrf]").val());
    HttpResponse<String> refused =
        site.postFromSite(
            STAFF + "login",
            form("csrf", token, "username", "equipe", "password", "mauvais-mot-de-passe"),
            "Cookie",
            "irev-equipe-jeton=" + token);
    assertEquals(401, refused.statusCode());
    assertTrue(
        refused.headers().allValues("Set-Cookie").stream()
            .noneMatch(c -> c.startsWith("irev-equipe=")));
    assertTrue(
        text(html(refused).body()).contains("Identifiant ou mot de passe incorrect."),
        refused.body());
    assertEquals("equipe", html(refused).selectFirst("input[name=username]").val());
    assertTrue(html(refused).select("input[name=password]").val().isEmpty());

    // The right password without the form token: refused.
    HttpResponse<String> noToken =
        site.postFromSite(
            STAFF + "login",
            form("username", "equipe", "password", VisitorSite.STAFF_PASSWORD),
            "Cookie",
            "irev-equipe-jeton=" + token);
    assertEquals(403, noToken.statusCode());
  }

  @Test
  void listsEventsAndRegistrationsAndExportsCsv() throws Exception {
    String id = site.addEvent("equipe-liste", 4, 2, 2, VisitorSite.allFields(email("liste")));
    register(site, id, "Çelik", "Hélène", email("helene"), "2");
    register(site, id, "Lefèvre", "Zoë", email("zoe"), "1");
    register(site, id, "=HYPERLINK(\"http://evil.example\")", "+Jean", email("formule"), "1");
    register(site, id, "Petit", "@Chloé", email("chloe"), "2");

    VisitorSite.Staff staff = site.staffLogin();
    HttpResponse<String> list = site.get(STAFF, "Cookie", staff.cookies());
    assertEquals(200, list.statusCode());
    assertEquals("no-store", list.headers().firstValue("Cache-Control").orElse(""));
    Element row = html(list).selectFirst("a[href=" + STAFF + "event/" + id + "]").closest("tr");
    assertEquals(
        List.of(
            "jeudi 12" + NBSP + "juin 2031, 9" + NBSP + "h" + NBSP + "00",
            "4" + NBSP + "personnes (3" + NBSP + "inscriptions)",
            "2" + NBSP + "personnes (1" + NBSP + "inscription)",
            "0" + NBSP + "personne (0" + NBSP + "inscription)",
            "0 sur 4"),
        row.select("td").stream().map(StaffPagesSiteTest::text).toList());

    HttpResponse<String> event = site.get(STAFF + "event/" + id, "Cookie", staff.cookies());
    assertEquals(200, event.statusCode());
    Document page = html(event);
    List<Element> rows = page.select("tbody tr");
    assertEquals(4, rows.size());
    assertEquals(
        List.of(
            "Çelik Hélène",
            "Lefèvre Zoë",
            "=HYPERLINK(\"http://evil.example\") +Jean",
            "Petit @Chloé"),
        rows.stream().map(r -> text(r.selectFirst("th"))).toList());
    assertEquals(
        List.of("Confirmée", "Confirmée", "Confirmée", "Liste d’attente (position 1)"),
        rows.stream().map(r -> text(r.select("td").get(0))).toList());
    for (Element form : page.select("tbody form")) {
      assertEquals("post", form.attr("method"));
      assertEquals(staff.csrf(), form.selectFirst("input[name=csrf]").val());
    }

    HttpResponse<byte[]> csv =
        site.getBytes(STAFF + "event/" + id + "/inscriptions.csv", "Cookie", staff.cookies());
    assertEquals(200, csv.statusCode());
    assertEquals("text/csv; charset=UTF-8", csv.headers().firstValue("Content-Type").get());
    assertTrue(
        csv.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"));
    byte[] bytes = csv.body();
    assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
    String[] lines =
        new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n", -1);
    assertEquals(
        "Statut;Places;Nom;Prénom;Courriel;Organisme;Fonction;Commune;Téléphone;Besoins;"
            + "Commentaire;Inscrit le;Position",
        lines[0]);
    assertEquals(6, lines.length, "header, 4 rows, empty after the last CRLF");
    assertTrue(lines[1].startsWith("Confirmée;2;Çelik;Hélène;helene."), lines[1]);
    assertTrue(lines[1].contains(";'+33 6 12 34 56 78;"), lines[1]);
    assertTrue(lines[2].startsWith("Confirmée;1;Lefèvre;Zoë;zoe."), lines[2]);
    assertTrue(
        lines[3].startsWith("Confirmée;1;\"'=HYPERLINK(\"\"http://evil.example\"\")\";'+Jean;"),
        lines[3]);
    assertTrue(lines[4].startsWith("Liste d’attente;2;Petit;'@Chloé;"), lines[4]);
    assertTrue(lines[4].endsWith(";1"), lines[4]);
  }

  @Test
  void cancelAndPromoteNeedTheFormToken() throws Exception {
    String id = site.addEvent("equipe-actions", 2, 3, 2, RegistrationFields.NONE);
    register(site, id, "Martin", "Anne", email("anne"), "1");
    register(site, id, "Bernard", "Bruno", email("bruno"), "1");
    register(site, id, "Groupe", "Chloé", email("groupe"), "2");
    register(site, id, "Durand", "Denis", email("denis"), "1");
    List<Registration> stored = site.stored(id);
    String anne = stored.get(0).id();
    String denis = stored.get(3).id();
    assertEquals(
        List.of(
            Registration.Status.CONFIRMED,
            Registration.Status.CONFIRMED,
            Registration.Status.WAITING,
            Registration.Status.WAITING),
        stored.stream().map(Registration::status).toList());

    VisitorSite.Staff staff = site.staffLogin();
    String cancel = STAFF + "event/" + id + "/cancel/" + anne;
    String promote = STAFF + "event/" + id + "/promote/" + denis;
    String loginOnly = staff.cookies().split(";")[0];

    // Without the token, with another token, without the token cookie, cross-site: 403.
    List<HttpResponse<String>> refused =
        List.of(
            site.postFromSite(cancel, "", "Cookie", staff.cookies()),
            site.postFromSite(cancel, form("csrf", "x".repeat(32)), "Cookie", staff.cookies()),
            site.postFromSite(cancel, form("csrf", staff.csrf()), "Cookie", loginOnly),
            site.post(
                cancel,
                form("csrf", staff.csrf()),
                "Cookie",
                staff.cookies(),
                "Origin",
                "https://evil.example"),
            site.postFromSite(promote, "csrf=%ZZ", "Cookie", staff.cookies()),
            site.postFromSite(promote, form("csrf", ""), "Cookie", staff.cookies()));
    for (HttpResponse<String> response : refused) {
      assertEquals(403, response.statusCode(), response.body());
      assertFalse(response.body().contains("Exception"));
      assertTrue(response.body().contains("Rechargez la page puis recommencez."), response.body());
    }
    // Logged out, with the token: not staff, sent to the login page.
    HttpResponse<String> notStaff =
        site.postFromSite(
            cancel, form("csrf", staff.csrf()), "Cookie", "irev-equipe-jeton=" + staff.csrf());
    assertEquals(303, notStaff.statusCode());
    assertEquals(
        "/.irev-news/staff/login",
        java.net.URI.create(notStaff.headers().firstValue("Location").orElseThrow()).getPath());
    assertEquals(stored, site.stored(id), "nothing changed");

    HttpResponse<String> cancelled =
        site.postFromSite(cancel, form("csrf", staff.csrf()), "Cookie", staff.cookies());
    assertDone(staff, cancelled, "annulee-0", "Inscription annulée.");
    assertEquals(
        List.of(
            Registration.Status.CANCELLED,
            Registration.Status.CONFIRMED,
            Registration.Status.WAITING,
            Registration.Status.WAITING),
        site.stored(id).stream().map(Registration::status).toList(),
        "the 2-seat group does not fit in 1 seat: no automatic promotion");

    HttpResponse<String> promoted =
        site.postFromSite(promote, form("csrf", staff.csrf()), "Cookie", staff.cookies());
    assertDone(
        staff, promoted, "promotion-promoted", "Inscription confirmée depuis la liste d’attente.");
    assertEquals(
        List.of(
            Registration.Status.CANCELLED,
            Registration.Status.CONFIRMED,
            Registration.Status.WAITING,
            Registration.Status.CONFIRMED),
        site.stored(id).stream().map(Registration::status).toList());

    // No room left for the group: nothing changes, and the page says why.
    String group = STAFF + "event/" + id + "/promote/" + stored.get(2).id();
    HttpResponse<String> noRoom =
        site.postFromSite(group, form("csrf", staff.csrf()), "Cookie", staff.cookies());
    assertDone(
        staff,
        noRoom,
        "promotion-no_room",
        "Pas assez de places pour confirmer cette inscription.");
    assertEquals(Registration.Status.WAITING, site.stored(id).get(2).status());

    // Unknown registration.
    HttpResponse<String> unknown =
        site.postFromSite(
            STAFF + "event/" + id + "/cancel/" + UUID.randomUUID(),
            form("csrf", staff.csrf()),
            "Cookie",
            staff.cookies());
    assertDone(
        staff, unknown, "introuvable", "Inscription introuvable (elle a peut-être été supprimée).");
  }

  /**
   * A staff action answers 303 to the event page (POST/redirect/GET) naming what was done, and that
   * page shows it.
   */
  private static void assertDone(
      VisitorSite.Staff staff, HttpResponse<String> answer, String done, String message)
      throws Exception {
    assertEquals(303, answer.statusCode(), answer.body());
    String location = answer.headers().firstValue("Location").orElseThrow();
    assertTrue(location.endsWith("?fait=" + done), location);
    HttpResponse<String> page =
        site.get(
            java.net.URI.create(location).getRawPath() + "?fait=" + done,
            "Cookie",
            staff.cookies());
    assertEquals(200, page.statusCode());
    assertTrue(html(page).text().contains(message), page.body());
  }

  @Test
  void outboxListsQueuedMailsWithoutSmtp() throws Exception {
    VisitorSite offline = VisitorSite.sharedWithoutMail();
    String id = offline.addEvent("equipe-file", 5, 0, 1, RegistrationFields.NONE);
    String address = email("file");
    register(offline, id, "Çelik", "Hélène", address, "1");

    VisitorSite.Staff staff = offline.staffLogin();
    HttpResponse<String> outbox = offline.get(STAFF + "outbox", "Cookie", staff.cookies());
    assertEquals(200, outbox.statusCode());
    Element link = null;
    for (Element row : html(outbox).select("tbody tr")) {
      if (text(row.select("td").get(0)).equals(address)) {
        link = row.selectFirst("th a");
        assertEquals("en attente", text(row.select("td").get(1)));
      }
    }
    assertNotNull(link, outbox.body());
    // as the e-mail's subject: the title with French no-break spaces
    String title =
        "Journée d’étude «\u00a0Quartiers & discriminations\u00a0» – session equipe-file";
    assertEquals("Inscription confirmée\u00a0: " + title, link.wholeText());

    HttpResponse<String> message = offline.get(link.attr("href"), "Cookie", staff.cookies());
    assertEquals(200, message.statusCode());
    Document page = html(message);
    String body = page.selectFirst("pre.irev-staff-body").wholeText();
    assertTrue(
        body.startsWith("Bonjour Hélène Çelik,\n\nVotre inscription à «\u00a0" + title), body);
    assertTrue(body.contains("/.irev-news/registration/annulation?jeton="), body);

    HttpResponse<String> missing =
        offline.get(STAFF + "outbox/" + UUID.randomUUID(), "Cookie", staff.cookies());
    assertEquals(404, missing.statusCode());
  }
}
