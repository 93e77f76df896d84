package fr.irev.news.site.registration;

import static fr.irev.news.site.registration.VisitorSite.email;
import static fr.irev.news.site.registration.VisitorSite.form;
import static fr.irev.news.site.registration.VisitorSite.registrationPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.testing.LogCapture;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Nothing personal in the logs: a whole registration's life (refused form, registration, e-mails,
 * staff notice, staff pages, cancellation by the link, promotion) logs neither names nor addresses.
 */
class VisitorPrivacyTest {

  @Test
  void aRegistrationsWholeLifeLogsNoNameAndNoAddress() throws Exception {
    VisitorSite site = VisitorSite.shared();
    String staffEmail = email("equipe-vie-privee");
    String id = site.addEvent("vie-privee", 1, 2, 1, VisitorSite.allFields(staffEmail));
    String first = email("zephyrine");
    String second = email("barnabe");
    try (LogCapture log = new LogCapture()) {
      // A refused form, then two registrations: one confirmed, one waiting.
      site.postFromSite(
          registrationPath(id),
          form("evenement", id, "lastName", "Quiñonez", "firstName", "Zéphyrine", "email", "x@"));
      site.register(id, "Quiñonez", "Zéphyrine", first);
      site.register(id, "Vasseur", "Barnabé", second);
      MimeMessage confirmation = site.mailsTo(first, 1).get(0);
      site.mailsTo(staffEmail, 2);
      // Staff pages, CSV, outbox.
      VisitorSite.Staff staff = site.staffLogin();
      assertEquals(
          200, site.get("/.irev-news/staff/event/" + id, "Cookie", staff.cookies()).statusCode());
      assertEquals(
          200,
          site.get("/.irev-news/staff/event/" + id + "/inscriptions.csv", "Cookie", staff.cookies())
              .statusCode());
      // Cancellation by the e-mail's link promotes the waiting registration.
      String link = site.cancelLink(confirmation);
      String token = link.substring(link.indexOf("jeton=") + "jeton=".length());
      assertEquals(
          200,
          site.postFromSite("/.irev-news/registration/annulation", "jeton=" + token).statusCode());
      site.mailsTo(second, 2);

      // A refused staff login is logged (without the name typed): the capture sees the server.
      site.postFromSite(
          "/.irev-news/staff/login",
          "csrf=" + staff.csrf() + "&username=Zéphyrine&password=wrong-password",
          "Cookie",
          "irev-equipe-jeton=" + staff.csrf());

      String logged = log.text();
      assertTrue(logged.contains("Staff login refused"), logged);
      for (String personal :
          List.of(first, second, staffEmail, "Zéphyrine", "Quiñonez", "Barnabé", "Vasseur")) {
        assertFalse(logged.contains(personal), personal + " was logged:\n" + logged);
      }
    }
  }
}
