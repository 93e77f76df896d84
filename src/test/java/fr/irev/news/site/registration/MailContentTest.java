package fr.irev.news.site.registration;

import static fr.irev.news.site.registration.VisitorSite.attachments;
import static fr.irev.news.site.registration.VisitorSite.body;
import static fr.irev.news.site.registration.VisitorSite.email;
import static fr.irev.news.site.registration.VisitorSite.form;
import static fr.irev.news.site.registration.VisitorSite.registrationPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.news.Place;
import fr.irev.news.registration.RegistrationSettingsMapper.RegistrationFields;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The e-mails of a registration as they arrive at a real SMTP server (GreenMail): parts, subject,
 * headers, the {@code .ics} attachment (C5, C6, C8, C10).
 */
class MailContentTest {

  private static final String NBSP = "\u00a0";

  /** 120 characters full of accents and "œ" (C8), without {@code , ; \}. */
  private static final String TITLE = title();

  /** {@link #TITLE} as the event page and the e-mails show it: French no-break spaces. */
  private static final String SHOWN =
      TITLE.replace(" :", NBSP + ":").replace("« ", "«" + NBSP).replace(" »", NBSP + "»");

  /** The sessions' title of {@link VisitorSite#addEvent}, as shown (no-break spaces). */
  private static final String SESSION =
      "Journée d’étude «" + NBSP + "Quartiers & discriminations" + NBSP + "» – session ";

  private static final String LOCATION = "Salle Jean-Moulin, 12 rue des Arts; Lille";

  private static VisitorSite site;

  @BeforeAll
  static void start() throws Exception {
    site = VisitorSite.shared();
  }

  private static String title() {
    String words =
        "Œuvrer à l’égalité : cœur des quartiers et mœurs « Hélène Çelik » – journée d’étude"
            + " régionale à Fécamp et à Évry-Courcouronnes en été ";
    char[] t = (words + words).substring(0, 120).toCharArray();
    t[119] = 'é';
    return new String(t);
  }

  private static String register(String eventId, String last, String first, String seats)
      throws Exception {
    String address = email("mail");
    var answer =
        site.postFromSite(
            registrationPath(eventId),
            form(
                "evenement",
                eventId,
                "token",
                "t-" + UUID.randomUUID(),
                "lastName",
                last,
                "firstName",
                first,
                "email",
                address,
                "seats",
                seats,
                "organisation",
                "Ville de Roubaix",
                "phone",
                "+33 6 12 34 56 78",
                "comment",
                "Arrivée vers 9 h 30.\nMerci !",
                "consent",
                "oui"));
    assertEquals(200, answer.statusCode(), answer.body());
    return address;
  }

  private static byte[] bytes(Part part) throws Exception {
    try (var in = part.getInputStream()) {
      return in.readAllBytes();
    }
  }

  private static void assertNoBcc(MimeMessage message) throws Exception {
    assertNull(message.getHeader("Bcc"));
    assertNull(message.getRecipients(Message.RecipientType.BCC));
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    message.writeTo(raw);
    String head = raw.toString(StandardCharsets.ISO_8859_1).split("\r\n\r\n", 2)[0];
    assertFalse(head.toLowerCase().contains("\nbcc:"), head);
    assertFalse(head.toLowerCase().startsWith("bcc:"), head);
  }

  @Test
  void confirmationHasTextHtmlAndACalendarFile() throws Exception {
    String staff = email("equipe-ics");
    String id =
        site.addEvent(
            "courriel-ics",
            TITLE,
            new Place("Salle Jean-Moulin", "12 rue des Arts; Lille", null),
            5,
            0,
            2,
            new RegistrationFields(
                true, false, false, true, false, true, null, "Accueil café à 8 h 45.", staff));
    String address = register(id, "Çelik", "Hélène", "1");
    MimeMessage mail = site.mailsTo(address, 1).get(0);

    assertEquals(3, SHOWN.chars().filter(c -> c == 0xa0).count(), SHOWN);
    assertEquals("Inscription confirmée" + NBSP + ": " + SHOWN, mail.getSubject());
    assertTrue(mail.getHeader("Subject")[0].startsWith("=?UTF-8?"), "RFC 2047");
    assertEquals("inscriptions@irev.example", ((InternetAddress) mail.getFrom()[0]).getAddress());
    assertEquals(List.of(new InternetAddress(address)), Arrays.asList(mail.getAllRecipients()));
    assertEquals(List.of(new InternetAddress(staff)), Arrays.asList(mail.getReplyTo()));
    assertNoBcc(mail);

    assertTrue(mail.isMimeType("multipart/mixed"), mail.getContentType());
    MimeMultipart mixed = (MimeMultipart) mail.getContent();
    assertEquals(2, mixed.getCount());
    assertTrue(mixed.getBodyPart(0).isMimeType("multipart/alternative"));
    MimeMultipart alternative = (MimeMultipart) mixed.getBodyPart(0).getContent();
    assertEquals(2, alternative.getCount());
    assertTrue(alternative.getBodyPart(0).isMimeType("text/plain"));
    assertTrue(alternative.getBodyPart(1).isMimeType("text/html"));

    String text = body(mail, "text/plain");
    assertTrue(
        text.startsWith(
            "Bonjour Hélène Çelik,\n\nVotre inscription à «"
                + NBSP
                + SHOWN
                + NBSP
                + "» est confirmée.\n\n"),
        text);
    assertTrue(
        text.contains(
            "Date"
                + NBSP
                + ": le jeudi 12"
                + NBSP
                + "juin 2031 de 9"
                + NBSP
                + "h"
                + NBSP
                + "00 à 17"
                + NBSP
                + "h"
                + NBSP
                + "00\nLieu"
                + NBSP
                + ": "
                + LOCATION
                + "\n"),
        text);
    assertTrue(text.contains("\nAccueil café à 8 h 45.\n"), text);
    assertTrue(text.contains("/.irev-news/registration/annulation?jeton="), text);
    Document html = Jsoup.parse(body(mail, "text/html"));
    assertEquals("fr", html.selectFirst("html").attr("lang"));
    assertEquals("Bonjour Hélène Çelik,", html.selectFirst("body p").text());
    assertEquals(
        "annuler mon inscription",
        html.selectFirst("a[href*=/.irev-news/registration/annulation?jeton=]").text());

    Part ics = mixed.getBodyPart(1);
    assertEquals(Part.ATTACHMENT, ics.getDisposition());
    assertTrue(ics.getFileName().endsWith(".ics"), ics.getFileName());
    ContentType type = new ContentType(ics.getContentType());
    assertEquals("text/calendar", type.getBaseType());
    assertEquals("UTF-8", type.getParameter("charset"));
    assertEquals("PUBLISH", type.getParameter("method"));

    byte[] raw = bytes(ics);
    String calendar = new String(raw, StandardCharsets.UTF_8);
    assertTrue(calendar.endsWith("\r\n"));
    List<String> unfolded = new ArrayList<>();
    for (String line : calendar.split("\r\n")) {
      byte[] octets = line.getBytes(StandardCharsets.UTF_8);
      assertTrue(octets.length <= 75, octets.length + " octets: " + line);
      try {
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(octets));
      } catch (CharacterCodingException e) {
        throw new AssertionError("a fold splits a UTF-8 character: " + line, e);
      }
      if (line.startsWith(" ")) {
        int last = unfolded.size() - 1;
        unfolded.set(last, unfolded.get(last) + line.substring(1));
      } else {
        unfolded.add(line);
      }
    }
    assertTrue(unfolded.contains("SUMMARY:" + SHOWN), unfolded.toString());
    assertTrue(unfolded.contains("DTSTART;TZID=Europe/Paris:20310612T090000"), calendar);
    assertTrue(unfolded.contains("DTEND;TZID=Europe/Paris:20310612T170000"), calendar);
    assertTrue(
        unfolded.contains("LOCATION:Salle Jean-Moulin\\, 12 rue des Arts\\; Lille"), calendar);
    assertTrue(unfolded.contains("UID:" + id + "@irev-news"), calendar);
    assertEquals(1, unfolded.stream().filter("BEGIN:VTIMEZONE"::equals).count());
    assertTrue(unfolded.contains("TZID:Europe/Paris"));
    assertTrue(unfolded.indexOf("BEGIN:VTIMEZONE") < unfolded.indexOf("BEGIN:VEVENT"));
    assertTrue(unfolded.contains("TZOFFSETTO:+0200"));
    assertTrue(unfolded.contains("TZOFFSETTO:+0100"));
    assertEquals(1, unfolded.stream().filter("BEGIN:VEVENT"::equals).count());
  }

  @Test
  void staffNotificationCarriesTheRegistrantsDetails() throws Exception {
    String staff = email("equipe-avis");
    String id =
        site.addEvent(
            "courriel-equipe",
            5,
            0,
            2,
            new RegistrationFields(true, false, false, true, false, true, null, null, staff));
    String address = register(id, "Lefèvre", "Zoë", "2");
    MimeMessage notice = site.mailsTo(staff, 1).get(0);
    String title = SESSION + "courriel-equipe";
    assertEquals(
        "[Inscriptions] " + title + NBSP + ": Zoë Lefèvre (inscription confirmée)",
        notice.getSubject());
    assertEquals(List.of(new InternetAddress(address)), Arrays.asList(notice.getReplyTo()));
    assertNoBcc(notice);
    assertEquals(List.of(), attachments(notice));
    // the fixed wording gets no-break spaces; what the visitor typed ("Merci !") is kept as typed
    assertEquals(
        "Bonjour,\n\nPour «"
            + NBSP
            + title
            + NBSP
            + "»"
            + NBSP
            + ": inscription confirmée.\n\n"
            + ("Nom : Lefèvre\nPrénom : Zoë\nE-mail : "
                    + address
                    + "\nPersonnes : 2\nOrganisme : Ville de Roubaix\nTéléphone : +33 6 12 34 56 78\n"
                    + "Commentaire : ")
                .replace(" :", NBSP + ":")
            + "Arrivée vers 9 h 30.\nMerci !\n\n"
            + "La liste complète et l’export CSV sont dans la page des inscriptions (équipe).\n\n"
            + "L’équipe de l’IREV\n",
        body(notice, "text/plain"));
    Document html = Jsoup.parse(body(notice, "text/html"));
    assertEquals(
        List.of(
            "Nom" + NBSP + ": Lefèvre",
            "Prénom" + NBSP + ": Zoë",
            "E-mail" + NBSP + ": " + address,
            "Personnes" + NBSP + ": 2",
            "Organisme" + NBSP + ": Ville de Roubaix",
            "Téléphone" + NBSP + ": +33 6 12 34 56 78",
            "Commentaire" + NBSP + ": Arrivée vers 9 h 30.\nMerci !"),
        html.select("li").stream().map(li -> li.wholeText()).toList());

    MimeMessage mail = site.mailsTo(address, 1).get(0);
    assertTrue(body(mail, "text/plain").contains("est confirmée (2 personnes)."));
  }

  @Test
  void waitingListMailHasThePositionAndNoCalendar() throws Exception {
    String staff = email("equipe-attente");
    String id =
        site.addEvent(
            "courriel-attente",
            1,
            3,
            1,
            new RegistrationFields(false, false, false, false, false, false, null, null, staff));
    String first = register(id, "Martin", "Anne", "1");
    String second = register(id, "Durand", "Denis", "1");
    String title = SESSION + "courriel-attente";

    MimeMessage waiting = site.mailsTo(second, 1).get(0);
    assertEquals("Liste d’attente" + NBSP + ": " + title, waiting.getSubject());
    assertEquals(List.of(), attachments(waiting));
    assertTrue(waiting.isMimeType("multipart/alternative"), waiting.getContentType());
    String text = body(waiting, "text/plain");
    assertTrue(
        text.startsWith(
            "Bonjour Denis Durand,\n\nCet événement est complet"
                + NBSP
                + ": vous êtes sur la liste d’attente de «"
                + NBSP
                + title
                + NBSP
                + "», en position 1. Si une place se libère, vous serez inscrit"
                + " automatiquement et prévenu par e-mail.\n\n"),
        text);
    assertTrue(text.contains("Pour quitter la liste d’attente" + NBSP + ": \n"), text);
    assertFalse(text.contains(".ics"), text);
    assertNoBcc(waiting);

    assertEquals(1, attachments(site.mailsTo(first, 1).get(0)).size());
    List<String> subjects = new ArrayList<>();
    for (MimeMessage m : site.mailsTo(staff, 2)) {
      subjects.add(m.getSubject());
    }
    assertEquals(
        List.of(
            "[Inscriptions] " + title + NBSP + ": Anne Martin (inscription confirmée)",
            "[Inscriptions] " + title + NBSP + ": Denis Durand (inscription en liste d’attente)"),
        subjects);
  }

  @Test
  void noMessageEverCarriesABccHeader() throws Exception {
    String id = site.addEvent("courriel-bcc", 5, 0, 1, RegistrationFields.NONE);
    String address = register(id, "Petit", "Chloé", "1");
    site.mailsTo(address, 1);
    MimeMessage[] all = site.smtp.getReceivedMessages();
    assertTrue(all.length > 0);
    for (MimeMessage message : all) {
      assertNoBcc(message);
      assertEquals(1, message.getAllRecipients().length);
    }
  }
}
