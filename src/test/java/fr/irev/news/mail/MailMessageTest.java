package fr.irev.news.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Header injection (C10) and the shape of messages. */
class MailMessageTest {

  private static final String[] BREAKS = {"\r\n", "\n", "\r", "\u0085", "\u2028", "\u0000", "\t"};

  @Test
  void c10LineBreaksInHeaderValuesAreRefused() {
    for (String br : BREAKS) {
      String injected = "Inscription" + br + "Bcc: someone@example.org";
      IllegalArgumentException subject =
          assertThrows(
              IllegalArgumentException.class,
              () -> new MailMessage("a@example.org", null, injected, "t", null, List.of()));
      assertFalse(subject.getMessage().contains("someone"), "the value is not repeated");
      assertThrows(
          IllegalArgumentException.class,
          () ->
              new MailMessage(
                  "a@example.org" + br + "Bcc: someone@example.org", null, "s", "t", null, null));
      assertThrows(
          IllegalArgumentException.class,
          () ->
              new MailMessage(
                  "a@example.org",
                  "r@example.org" + br + "Bcc: someone@example.org",
                  "s",
                  "t",
                  null,
                  null));
      assertThrows(
          IllegalArgumentException.class,
          () ->
              new MailAttachment(
                  "a" + br + "Bcc: someone@example.org.ics", "text/plain", new byte[0]));
      assertThrows(
          IllegalArgumentException.class,
          () ->
              new MailAttachment(
                  "a.ics", "text/calendar" + br + "Bcc: x@example.org", new byte[0]));
    }
  }

  @Test
  void onlyOneBareAddressIsARecipient() {
    for (String bad :
        new String[] {
          "Hélène <helene@example.org>",
          "a@example.org, b@example.org",
          "a@example.org;b@example.org",
          "sans-arobase.example.org",
          "a@localhost",
          "a b@example.org",
          ""
        }) {
      assertThrows(
          IllegalArgumentException.class,
          () -> MailMessage.text(bad, "s", "t"),
          () -> "accepted: " + bad);
    }
    assertEquals(
        "h.celik+irev@example.org", MailMessage.text("h.celik+irev@example.org", "s", "t").to());
  }

  @Test
  void bodiesMayHoldLineBreaks() {
    MailMessage m = MailMessage.text("a@example.org", "Sujet", "Ligne 1\r\nLigne 2");

    assertEquals("Ligne 1\r\nLigne 2", m.text());
  }

  @Test
  void toStringShowsNoPersonalData() {
    MailMessage m =
        new MailMessage(
            "helene.celik@example.org",
            "contact@irev.fr",
            "Inscription d'Hélène Çelik",
            "Bonjour Hélène",
            "<p>Bonjour</p>",
            List.of(new MailAttachment("helene.ics", "text/calendar", new byte[] {1, 2})));

    assertEquals("MailMessage[html=true, attachments=1]", m.toString());
    assertEquals("MailAttachment[text/calendar, 2 bytes]", m.attachments().get(0).toString());
  }

  @Test
  void messagesAndAttachmentsAreImmutable() {
    byte[] data = "BEGIN:VCALENDAR".getBytes(StandardCharsets.UTF_8);
    List<MailAttachment> files = new ArrayList<>();
    files.add(new MailAttachment("a.ics", "text/calendar", data));
    MailMessage m = new MailMessage("a@example.org", null, "s", "t", null, files);
    data[0] = 'X';
    files.clear();
    m.attachments().get(0).data()[1] = 'X';

    assertEquals(1, m.attachments().size());
    assertArrayEquals(
        "BEGIN:VCALENDAR".getBytes(StandardCharsets.UTF_8), m.attachments().get(0).data());
    assertEquals(
        new MailAttachment(
            "a.ics", "text/calendar", "BEGIN:VCALENDAR".getBytes(StandardCharsets.UTF_8)),
        m.attachments().get(0));
    assertEquals(
        List.of(), new MailMessage("a@example.org", null, "s", "t", null, null).attachments());
  }
}
