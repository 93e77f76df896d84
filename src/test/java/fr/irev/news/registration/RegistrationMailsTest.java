package fr.irev.news.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.calendar.EventCalendar;
import fr.irev.news.format.FrenchDates;
import fr.irev.news.mail.MailAttachment;
import fr.irev.news.mail.MailMessage;
import fr.irev.news.news.EventSchedule;
import fr.irev.news.news.NewsItem;
import fr.irev.news.news.NewsKind;
import fr.irev.news.news.Place;
import fr.irev.news.registration.RegistrationSettingsMapper.RegistrationFields;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The wording, escaping and attachments of the registration e-mails (C9, C10). */
class RegistrationMailsTest {

  private static final String NBSP = "\u00a0";
  private static final String XSS = "<img src=x onerror=alert(1)>";
  private static final String SITE = "https://www.irev.fr";
  private static final String CANCEL = SITE + "/.irev-news/registration/annulation?jeton=abc";
  private static final Instant NOW = Instant.parse("2021-11-20T08:30:00Z");
  private static final ZonedDateTime START =
      ZonedDateTime.of(2021, 11, 30, 9, 0, 0, 0, FrenchDates.PARIS);

  /** The title as typed by the staff, plain spaces inside the guillemets. */
  private static final String TITLE = "Journée « Quartiers & discriminations »";

  /** The title as the event page and the e-mails show it (French no-break spaces). */
  private static final String SHOWN =
      "Journée «" + NBSP + "Quartiers & discriminations" + NBSP + "»";

  /** "«" + no-break space, no-break space + "»": the e-mails' quotes around the title. */
  private static final String OPEN = "«" + NBSP;

  private static final String CLOSE = NBSP + "»";

  private static RegistrationEvent event(String title, Place place, RegistrationFields fields) {
    NewsItem item =
        new NewsItem(
            "0b6f6c3e-2f4c-4d0a-9a57-0f1c8b3e1d2a",
            "journee",
            title,
            "Une journée d’étude.",
            "<p>Programme.</p>",
            NewsKind.EVENT,
            new EventSchedule(START, START.withHour(16).withMinute(30), false),
            place,
            null,
            START.minusMonths(2),
            null,
            List.of(),
            List.of(),
            List.of(),
            null);
    return new RegistrationEvent(
        "0b6f6c3e-2f4c-4d0a-9a57-0f1c8b3e1d2a",
        item,
        new RegistrationSettings(
            true, null, null, START.withHour(16).withMinute(30), 10, true, 5, 3),
        fields);
  }

  private static final RegistrationFields FIELDS =
      new RegistrationFields(
          true, true, true, true, true, true, null, "Accueil café à 8 h 45.", "equipe@irev.fr");

  private static RegistrationEvent event() {
    return event(TITLE, new Place("IREV", "12 rue Roger Salengro", "Lille"), FIELDS);
  }

  private static Registration registration(
      String first, String last, int seats, Registration.Status status) {
    return new Registration(
        "5d1c7e6a-9f0b-4b53-8a3e-2b1d9c0f7a11",
        "0b6f6c3e-2f4c-4d0a-9a57-0f1c8b3e1d2a",
        status,
        seats,
        last,
        first,
        "helene.celik@example.org",
        "helene.celik@example.org",
        "t-1",
        NOW,
        new RegistrationForm.RegistrationDetails(
            "Ville de Roubaix", "", "Roubaix", "+33 6 12 34 56 78", "", "Ligne 1\nLigne 2"));
  }

  private static Registration helene(Registration.Status status) {
    return registration("Hélène", "Çelik", 1, status);
  }

  private static MailMessage toRegistrant(
      RegistrationMails.Kind kind, Registration r, int position, String cancelUrl) {
    return new RegistrationMails(event(), SITE, NOW).toRegistrant(kind, r, position, cancelUrl);
  }

  @Test
  void confirmedHasTheWholeTextAndACalendarFile() {
    MailMessage mail =
        toRegistrant(
            RegistrationMails.Kind.CONFIRMED, helene(Registration.Status.CONFIRMED), 0, CANCEL);
    assertEquals("helene.celik@example.org", mail.to());
    assertEquals("equipe@irev.fr", mail.replyTo());
    assertEquals("Inscription confirmée" + NBSP + ": " + SHOWN, mail.subject());
    assertEquals(
        "Bonjour Hélène Çelik,\n\n"
            + "Votre inscription à "
            + OPEN
            + SHOWN
            + CLOSE
            + " est confirmée.\n\n"
            + "Date"
            + NBSP
            + ": le mardi 30"
            + NBSP
            + "novembre 2021 de 9"
            + NBSP
            + "h"
            + NBSP
            + "00 à 16"
            + NBSP
            + "h"
            + NBSP
            + "30\n"
            + "Lieu"
            + NBSP
            + ": IREV, 12 rue Roger Salengro, Lille\n"
            + "Page de l’événement"
            + NBSP
            + ": https://www.irev.fr/actualites/journee\n\n"
            + "Accueil café à 8 h 45.\n\n"
            + "L’événement est joint à ce message (fichier .ics) pour l’ajouter à votre agenda.\n\n"
            + "Si vous ne pouvez plus venir, annulez votre inscription pour libérer la place"
            + NBSP
            + ": \n"
            + CANCEL
            + "\n(lien personnel, valable jusqu’à la fin de l’événement)\n\n"
            + "L’équipe de l’IREV\n",
        mail.text());
    assertEquals(1, mail.attachments().size());
    MailAttachment ics = mail.attachments().get(0);
    assertEquals(EventCalendar.MEDIA_TYPE, ics.contentType());
    assertTrue(ics.fileName().endsWith(".ics"), ics.fileName());
    String calendar = new String(ics.data(), StandardCharsets.UTF_8);
    assertTrue(calendar.contains("\r\nDTSTART;TZID=Europe/Paris:20211130T090000\r\n"), calendar);
    assertTrue(calendar.contains("\r\nDTEND;TZID=Europe/Paris:20211130T163000\r\n"), calendar);
    assertTrue(calendar.contains("\r\nBEGIN:VTIMEZONE\r\n"));
    assertTrue(calendar.contains("\r\nSUMMARY:" + SHOWN + "\r\n"), calendar);

    Document html = Jsoup.parse(mail.html());
    assertEquals("fr", html.selectFirst("html").attr("lang"));
    assertEquals(CANCEL, html.selectFirst("a:contains(annuler mon inscription)").attr("href"));
    assertEquals(
        "https://www.irev.fr/actualites/journee",
        html.selectFirst("li:contains(Page de l’événement) a").attr("href"));
    assertEquals(
        "Inscription confirmée" + NBSP + ": " + SHOWN, html.selectFirst("title").wholeText());
    assertEquals(
        List.of("Date" + NBSP + ":", "Lieu" + NBSP + ":", "Page de l’événement" + NBSP + ":"),
        html.select("li strong").stream().map(e -> e.wholeText()).toList());
    assertEquals(
        "Votre inscription à " + OPEN + SHOWN + CLOSE + " est confirmée.",
        html.select("p").get(1).wholeText());
  }

  @Test
  void groupRegistrationSaysHowManyPeople() {
    MailMessage mail =
        toRegistrant(
            RegistrationMails.Kind.CONFIRMED,
            registration("Hélène", "Çelik", 3, Registration.Status.CONFIRMED),
            0,
            CANCEL);
    assertTrue(mail.text().contains("» est confirmée (3 personnes).\n"), mail.text());
  }

  @Test
  void waitingHasThePositionAndNoCalendarFile() {
    MailMessage mail =
        toRegistrant(
            RegistrationMails.Kind.WAITING, helene(Registration.Status.WAITING), 4, CANCEL);
    assertEquals("Liste d’attente" + NBSP + ": " + SHOWN, mail.subject());
    assertEquals(List.of(), mail.attachments());
    assertTrue(
        mail.text()
            .contains(
                "Cet événement est complet"
                    + NBSP
                    + ": vous êtes sur la liste d’attente de "
                    + OPEN
                    + SHOWN
                    + CLOSE
                    + ", en position 4. Si une place se libère, vous serez inscrit"
                    + " automatiquement et prévenu par e-mail.\n"),
        mail.text());
    assertTrue(
        mail.text().contains("Pour quitter la liste d’attente" + NBSP + ": \n" + CANCEL + "\n"));
    assertFalse(mail.text().contains(".ics"));
    assertFalse(mail.text().contains("Accueil café"), "the confirmation message is for confirmed");
  }

  @Test
  void promotedHasACalendarFile() {
    MailMessage mail =
        toRegistrant(
            RegistrationMails.Kind.PROMOTED, helene(Registration.Status.CONFIRMED), 0, CANCEL);
    assertEquals(
        "Une place s’est libérée" + NBSP + ": inscription confirmée – " + SHOWN, mail.subject());
    assertEquals(1, mail.attachments().size());
    assertTrue(
        mail.text()
            .contains(
                "Une place s’est libérée"
                    + NBSP
                    + ": votre inscription à "
                    + OPEN
                    + SHOWN
                    + CLOSE
                    + " est maintenant confirmée.\n"));
    assertTrue(mail.text().contains(CANCEL));
  }

  @Test
  void cancelledHasNoLinkAndNoCalendarFile() {
    MailMessage mail =
        toRegistrant(
            RegistrationMails.Kind.CANCELLED, helene(Registration.Status.CANCELLED), 0, CANCEL);
    assertEquals("Inscription annulée" + NBSP + ": " + SHOWN, mail.subject());
    assertEquals(List.of(), mail.attachments());
    assertTrue(
        mail.text().contains("Votre inscription à " + OPEN + SHOWN + CLOSE + " est annulée.\n"));
    assertFalse(mail.text().contains(CANCEL));
    assertTrue(Jsoup.parse(mail.html()).select("a[href=" + CANCEL + "]").isEmpty());
  }

  @Test
  void typedTextIsEscapedInHtmlAndKeptInText() {
    RegistrationFields fields =
        new RegistrationFields(
            true,
            true,
            true,
            true,
            true,
            true,
            null,
            "<script>alert(2)</script>",
            "equipe@irev.fr");
    RegistrationEvent event = event("Les <b>quartiers</b> & " + XSS, null, fields);
    Registration r = registration(XSS, XSS, 1, Registration.Status.CONFIRMED);
    RegistrationMails mails = new RegistrationMails(event, SITE, NOW);

    for (MailMessage mail :
        List.of(
            mails.toRegistrant(RegistrationMails.Kind.CONFIRMED, r, 0, CANCEL),
            mails.toStaff(RegistrationMails.Kind.CONFIRMED, r))) {
      Document html = Jsoup.parse(mail.html());
      assertTrue(html.select("img, b, script").isEmpty(), mail.html());
      assertFalse(mail.html().contains(XSS));
      assertTrue(html.text().contains(XSS), html.text());
      assertTrue(mail.text().contains(XSS));
      assertTrue(html.title().contains("Les <b>quartiers</b> & " + XSS), html.title());
    }
    MailMessage mail = mails.toRegistrant(RegistrationMails.Kind.CONFIRMED, r, 0, CANCEL);
    assertEquals(
        "Bonjour " + XSS + " " + XSS + ",", Jsoup.parse(mail.html()).selectFirst("p").text());
    assertTrue(mail.text().contains("\n<script>alert(2)</script>\n"));
    assertFalse(mail.text().contains("Lieu" + NBSP + ":"), "no place, no line");
    assertTrue(mail.text().contains("Date" + NBSP + ":"), "the facts are there");
  }

  @Test
  void lineBreaksOfATitleNeverReachTheSubject() {
    RegistrationEvent event = event("Première ligne\r\nBcc: someone@example.org", null, FIELDS);
    RegistrationMails mails = new RegistrationMails(event, SITE, NOW);
    Registration r = helene(Registration.Status.CONFIRMED);
    MailMessage mail = mails.toRegistrant(RegistrationMails.Kind.CONFIRMED, r, 0, CANCEL);
    assertEquals(
        "Inscription confirmée" + NBSP + ": Première ligne Bcc: someone@example.org",
        mail.subject());
    assertEquals(
        "[Inscriptions] Première ligne Bcc: someone@example.org"
            + NBSP
            + ": Hélène Çelik (inscription confirmée)",
        mails.toStaff(RegistrationMails.Kind.CONFIRMED, r).subject());
  }

  @Test
  void staffNoticeListsTheDetailsGivenAndRepliesToTheRegistrant() {
    RegistrationMails mails = new RegistrationMails(event(), SITE, NOW);
    MailMessage notice =
        mails.toStaff(RegistrationMails.Kind.WAITING, helene(Registration.Status.WAITING));
    assertEquals("equipe@irev.fr", notice.to());
    assertEquals("helene.celik@example.org", notice.replyTo());
    assertEquals(
        "[Inscriptions] " + SHOWN + NBSP + ": Hélène Çelik (inscription en liste d’attente)",
        notice.subject());
    assertEquals(
        ("Bonjour,\n\nPour "
                    + OPEN
                    + SHOWN
                    + CLOSE
                    + " : inscription en liste d’attente.\n\n"
                    + "Nom : Çelik\nPrénom : Hélène\nE-mail : helene.celik@example.org\nPersonnes : 1\n"
                    + "Organisme : Ville de Roubaix\nCommune : Roubaix\nTéléphone : +33 6 12 34 56 78\n"
                    + "Commentaire : Ligne 1\nLigne 2\n\n")
                .replace(" :", NBSP + ":")
            + "La liste complète et l’export CSV sont dans la page des inscriptions (équipe).\n\n"
            + "L’équipe de l’IREV\n",
        notice.text());
    assertEquals(List.of(), notice.attachments());
    assertEquals(
        "[Inscriptions] " + SHOWN + NBSP + ": Hélène Çelik (confirmée depuis la liste d’attente)",
        mails
            .toStaff(RegistrationMails.Kind.PROMOTED, helene(Registration.Status.CONFIRMED))
            .subject());
    assertEquals(
        "[Inscriptions] " + SHOWN + NBSP + ": Hélène Çelik (inscription annulée)",
        mails
            .toStaff(RegistrationMails.Kind.CANCELLED, helene(Registration.Status.CANCELLED))
            .subject());
  }

  @Test
  void noStaffAddressNoNoticeAndNoReplyTo() {
    RegistrationFields none =
        new RegistrationFields(false, false, false, false, false, false, null, null, null);
    RegistrationMails mails = new RegistrationMails(event(TITLE, null, none), SITE, NOW);
    Registration r = helene(Registration.Status.CONFIRMED);
    assertNull(mails.toStaff(RegistrationMails.Kind.CONFIRMED, r));
    assertNull(mails.toRegistrant(RegistrationMails.Kind.CONFIRMED, r, 0, CANCEL).replyTo());
    assertEquals("https://www.irev.fr/actualites/journee", mails.eventUrl());
  }

  @Test
  void onlyTheEventPageIsALinkNeverTextTypedByVisitors() {
    Registration typed =
        new Registration(
            "3f7c2b4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f",
            "evenement",
            Registration.Status.CONFIRMED,
            1,
            "Çelik",
            "Hélène",
            "helene.celik@example.org",
            "helene.celik@example.org",
            "t",
            java.time.Instant.parse("2021-11-01T10:00:00Z"),
            new RegistrationForm.RegistrationDetails(
                "https://evil.example/login", "", "", "", "", "Voir https://evil.example"));
    MailMessage notice =
        new RegistrationMails(event(), SITE, NOW).toStaff(RegistrationMails.Kind.CONFIRMED, typed);
    org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(notice.html());
    assertEquals(List.of(), html.select("a[href]").eachAttr("href"), "no link in the notice");
    assertTrue(html.text().contains("https://evil.example/login"), "shown as text");
  }
}
