package fr.irev.news.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.irev.news.calendar.CalendarEvent;
import fr.irev.news.calendar.EventCalendar;
import fr.irev.news.format.FrenchDates;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Properties;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sends through a real SMTP server (GreenMail) and reads what arrived. */
class SmtpMailTransportTest {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final Instant NOW = Instant.parse("2021-11-20T08:30:00Z");
  private static final String TITLE =
      "Journée d'approfondissement « Lutte contre les discriminations »";

  private final SmtpMailTransport transport =
      new SmtpMailTransport(Clock.fixed(NOW, ZoneOffset.UTC));

  private MailSettings settings(MailSettings.Security security) {
    return new MailSettings(
        "127.0.0.1",
        SMTP.getSmtp().getPort(),
        security,
        null,
        null,
        "evenements@irev.fr",
        "IREV – Événements",
        5_000,
        5_000);
  }

  private static byte[] ics() {
    ZonedDateTime start = ZonedDateTime.of(2021, 11, 30, 9, 0, 0, 0, FrenchDates.PARIS);
    return EventCalendar.bytes(
        new CalendarEvent(
            EventCalendar.uid("0b6f6c3e-2f4c-4d0a-9a57-0f1c8b3e1d2a"),
            TITLE,
            "Accueil à 8 h 45.\nSalle 2.",
            "IREV, 12 rue Roger Salengro, Lille",
            start,
            start.withHour(16).withMinute(30),
            false,
            "https://irev.fr/actualites/journee",
            NOW));
  }

  private static String crlfToLf(Object content) {
    return content.toString().replace("\r\n", "\n");
  }

  @Test
  void accentedMessageArrivesWithTextHtmlAndCalendar() throws Exception {
    String subject = "Inscription confirmée : " + TITLE + " – mardi 30 novembre";
    String text = "Bonjour Hélène Çelik,\nvotre inscription est confirmée.\n— L'équipe de l'IREV";
    String html = "<p>Bonjour Hélène Çelik,</p><p>votre inscription est confirmée.</p>";
    byte[] ics = ics();
    MailMessage message =
        new MailMessage(
            "helene.celik@example.org",
            "contact@irev.fr",
            subject,
            text,
            html,
            List.of(
                new MailAttachment(EventCalendar.fileName(TITLE), EventCalendar.MEDIA_TYPE, ics)));

    transport.send(message, settings(MailSettings.Security.NONE));

    MimeMessage[] received = SMTP.getReceivedMessages();
    assertEquals(1, received.length);
    MimeMessage mail = received[0];
    assertEquals(subject, mail.getSubject());
    assertTrue(mail.getHeader("Subject")[0].startsWith("=?UTF-8?"), "RFC 2047 encoded");
    InternetAddress from = (InternetAddress) mail.getFrom()[0];
    assertEquals("evenements@irev.fr", from.getAddress());
    assertEquals("IREV – Événements", from.getPersonal());
    assertEquals(
        List.of(new InternetAddress("helene.celik@example.org")), List.of(mail.getAllRecipients()));
    assertEquals(List.of(new InternetAddress("contact@irev.fr")), List.of(mail.getReplyTo()));
    assertEquals("auto-generated", mail.getHeader("Auto-Submitted")[0]);
    assertTrue(mail.getMessageID().matches("<[0-9a-f-]{36}@irev\\.fr>"), mail.getMessageID());
    assertEquals(NOW, mail.getSentDate().toInstant());
    assertNull(mail.getHeader("Bcc"));

    assertTrue(mail.isMimeType("multipart/mixed"), mail.getContentType());
    MimeMultipart mixed = (MimeMultipart) mail.getContent();
    assertEquals(2, mixed.getCount());
    BodyPart body = mixed.getBodyPart(0);
    assertTrue(body.isMimeType("multipart/alternative"), body.getContentType());
    MimeMultipart alternative = (MimeMultipart) body.getContent();
    assertTrue(alternative.getBodyPart(0).isMimeType("text/plain"));
    assertEquals(
        "UTF-8",
        new ContentType(alternative.getBodyPart(0).getContentType()).getParameter("charset"));
    assertEquals(text, crlfToLf(alternative.getBodyPart(0).getContent()));
    assertTrue(alternative.getBodyPart(1).isMimeType("text/html"));
    assertEquals(html, crlfToLf(alternative.getBodyPart(1).getContent()));

    BodyPart calendar = mixed.getBodyPart(1);
    ContentType type = new ContentType(calendar.getContentType());
    assertEquals("text/calendar", type.getBaseType());
    assertEquals("UTF-8", type.getParameter("charset"));
    assertEquals("PUBLISH", type.getParameter("method"));
    assertEquals(Part.ATTACHMENT, calendar.getDisposition());
    assertEquals(EventCalendar.fileName(TITLE), calendar.getFileName());
    byte[] arrived = calendar.getInputStream().readAllBytes();
    assertArrayEquals(ics, arrived);
    VEvent event =
        new CalendarBuilder()
            .build(new StringReader(new String(arrived, StandardCharsets.UTF_8)))
            .<VEvent>getComponents(Component.VEVENT)
            .get(0);
    assertEquals(TITLE, event.getProperty(Property.SUMMARY).map(Property::getValue).orElseThrow());
  }

  /**
   * The registration e-mails' subjects hold French no-break spaces (U+00A0): sent as RFC 2047
   * encoded words like any accented subject, they arrive as written, even when the header folds.
   */
  @Test
  void noBreakSpacesOfASubjectArriveAsWritten() throws Exception {
    String subject =
        "Inscription confirmée\u00a0: Discriminations\u00a0: journée d’approfondissement du cycle"
            + " «\u00a0Initier et conduire un plan de lutte contre les discriminations\u00a0»";
    transport.send(
        MailMessage.text("zoe.lefevre@example.org", subject, "Reçu."),
        settings(MailSettings.Security.NONE));

    MimeMessage mail = SMTP.getReceivedMessages()[0];
    String raw = String.join("", mail.getHeader("Subject")[0].split("\r\n"));
    assertTrue(raw.startsWith("=?UTF-8?"), raw);
    assertFalse(raw.contains("\u00a0"), "no raw 8-bit character in the header: " + raw);
    assertEquals(subject, mail.getSubject());
  }

  @Test
  void textOnlyMessageIsOnePlainTextPart() throws Exception {
    transport.send(
        MailMessage.text("zoe.lefevre@example.org", "Zoë Lefèvre : accusé de réception", "Reçu."),
        settings(MailSettings.Security.NONE));

    MimeMessage mail = SMTP.getReceivedMessages()[0];
    assertTrue(mail.isMimeType("text/plain"), mail.getContentType());
    assertEquals("UTF-8", new ContentType(mail.getContentType()).getParameter("charset"));
    assertEquals("Reçu.", crlfToLf(mail.getContent()).strip());
    assertEquals("Zoë Lefèvre : accusé de réception", mail.getSubject());
  }

  @Test
  void aKeyGivesAStableMessageId() throws Exception {
    MailMessage message = MailMessage.text("zoe.lefevre@example.org", "Rappel", "Texte.");
    transport.send(message, settings(MailSettings.Security.NONE), "0f1e-2d3c");
    transport.send(message, settings(MailSettings.Security.NONE), "0f1e-2d3c");
    transport.send(message, settings(MailSettings.Security.NONE));
    MimeMessage[] received = SMTP.getReceivedMessages();
    String sender = settings(MailSettings.Security.NONE).fromAddress();
    String domain = sender.substring(sender.indexOf('@') + 1);
    assertEquals("<0f1e-2d3c.irev-news@" + domain + ">", received[0].getMessageID());
    assertEquals(received[0].getMessageID(), received[1].getMessageID());
    assertNotEquals(received[0].getMessageID(), received[2].getMessageID());
  }

  @Test
  void c10NoBccHeaderCanReachTheWire() throws Exception {
    String hostileName = "Jean\r\nBcc: someone@example.org";
    assertThrows(
        IllegalArgumentException.class,
        () ->
            MailMessage.text(
                "jean@example.org", "Inscription de " + hostileName, "Bonjour " + hostileName));

    // The same words without the line break are only text of the subject.
    MailMessage harmless =
        MailMessage.text(
            "jean@example.org",
            "Inscription de Jean Bcc: someone@example.org",
            "Bonjour " + hostileName);
    transport.send(harmless, settings(MailSettings.Security.NONE));

    MimeMessage mail = SMTP.getReceivedMessages()[0];
    assertEquals(1, SMTP.getReceivedMessages().length);
    assertNull(mail.getHeader("Bcc"));
    assertNull(mail.getRecipients(Message.RecipientType.BCC));
    assertNull(mail.getRecipients(Message.RecipientType.CC));
    Address[] to = mail.getAllRecipients();
    assertEquals(List.of(new InternetAddress("jean@example.org")), List.of(to));
    assertEquals("Inscription de Jean Bcc: someone@example.org", mail.getSubject());
  }

  @Test
  void requiredStarttlsAgainstAPlainServerFailsWithoutSending() {
    MailException e =
        assertThrows(
            MailException.class,
            () ->
                transport.send(
                    MailMessage.text("helene.celik@example.org", "Sujet", "Corps"),
                    settings(MailSettings.Security.STARTTLS)));

    assertEquals(MailException.Kind.SERVER_UNAVAILABLE, e.kind());
    assertTrue(e.getMessage().contains("STARTTLS"), e.getMessage());
    assertFalse(e.getMessage().contains("helene"), e.getMessage());
    assertNull(e.getCause());
    assertEquals(0, SMTP.getReceivedMessages().length);
  }

  @Test
  void unreachableServerIsAServerFailure() throws Exception {
    MailSettings nowhere = OutboxFixture.smtp(OutboxFixture.freePort());

    MailException e =
        assertThrows(
            MailException.class,
            () -> transport.send(MailMessage.text("helene.celik@example.org", "S", "C"), nowhere));

    assertEquals(MailException.Kind.SERVER_UNAVAILABLE, e.kind());
    assertTrue(
        e.getMessage().startsWith("Cannot connect to SMTP server 127.0.0.1:"), e.getMessage());
    assertEquals("ConnectException", e.causeType());
    assertFalse(e.getMessage().contains("helene"), e.getMessage());
  }

  @Test
  void noHostIsAServerFailure() {
    MailException e =
        assertThrows(
            MailException.class,
            () -> transport.send(MailMessage.text("a@example.org", "S", "C"), MailSettings.none()));

    assertEquals(MailException.Kind.SERVER_UNAVAILABLE, e.kind());
  }

  @Test
  void sessionPropertiesCarryTimeoutsAndTls() {
    MailSettings starttls =
        new MailSettings(
            "smtp.irev.fr",
            587,
            MailSettings.Security.STARTTLS,
            "u",
            "p",
            "a@irev.fr",
            null,
            1234,
            5678);
    Properties p = SmtpMailTransport.properties(starttls);
    assertEquals("smtp", p.getProperty("mail.transport.protocol"));
    assertEquals("1234", p.getProperty("mail.smtp.connectiontimeout"));
    assertEquals("5678", p.getProperty("mail.smtp.timeout"));
    assertEquals("5678", p.getProperty("mail.smtp.writetimeout"));
    assertEquals("true", p.getProperty("mail.smtp.starttls.required"));
    assertEquals("true", p.getProperty("mail.smtp.ssl.checkserveridentity"));
    assertEquals("true", p.getProperty("mail.smtp.auth"));

    MailSettings smtps =
        new MailSettings(
            "smtp.irev.fr", 465, MailSettings.Security.SMTPS, null, null, "a@irev.fr", null, 1, 2);
    Properties s = SmtpMailTransport.properties(smtps);
    assertEquals("smtps", s.getProperty("mail.transport.protocol"));
    assertEquals("1", s.getProperty("mail.smtps.connectiontimeout"));
    assertEquals("true", s.getProperty("mail.smtps.ssl.checkserveridentity"));
    assertEquals("false", s.getProperty("mail.smtps.auth"));
  }
}
