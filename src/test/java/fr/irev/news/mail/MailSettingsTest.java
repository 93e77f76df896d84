package fr.irev.news.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.mail.MailSettings.Security;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailSettingsTest {

  private static Map<String, String> config(String... pairs) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  @Test
  void defaultsAreStarttlsOn587WithTenSecondTimeouts() {
    MailSettings s =
        MailSettings.fromProperties(
            config("irev.mail.host", " smtp.irev.fr ", "irev.mail.from", "evenements@irev.fr"));

    assertEquals("smtp.irev.fr", s.host());
    assertEquals(Security.STARTTLS, s.security());
    assertEquals(587, s.port());
    assertEquals("IREV", s.fromName());
    assertEquals(10_000, s.connectTimeoutMs());
    assertEquals(10_000, s.readTimeoutMs());
    assertNull(s.username());
    assertNull(s.password());
    assertTrue(s.configured());
  }

  @Test
  void portFollowsTheSecurityUnlessGiven() {
    Map<String, String> base =
        config("irev.mail.host", "smtp.irev.fr", "irev.mail.from", "a@irev.fr");
    base.put("irev.mail.security", "none");
    assertEquals(25, MailSettings.fromProperties(base).port());
    base.put("irev.mail.security", "SMTPS");
    assertEquals(465, MailSettings.fromProperties(base).port());
    base.put("irev.mail.security", "StartTLS");
    assertEquals(587, MailSettings.fromProperties(base).port());
    base.put("irev.mail.port", "2525");
    assertEquals(2525, MailSettings.fromProperties(base).port());
  }

  @Test
  void everyKeyIsRead() {
    MailSettings s =
        MailSettings.fromProperties(
            config(
                "irev.mail.host", "smtp.irev.fr",
                "irev.mail.port", "465",
                "irev.mail.security", "smtps",
                "irev.mail.username", "irev",
                "irev.mail.password", " s3cret pass ",
                "irev.mail.from", "evenements@irev.fr",
                "irev.mail.fromName", "IREV – Événements",
                "irev.mail.connectTimeoutMs", "5000",
                "irev.mail.readTimeoutMs", "20_000"));

    assertEquals(
        new MailSettings(
            "smtp.irev.fr",
            465,
            Security.SMTPS,
            "irev",
            " s3cret pass ",
            "evenements@irev.fr",
            "IREV – Événements",
            5_000,
            20_000),
        s);
  }

  @Test
  void noHostMeansNoServerAndNeedsNoSender() {
    MailSettings s = MailSettings.fromProperties(config("irev.mail.host", "  "));

    assertNull(s.host());
    assertFalse(s.configured());
    assertFalse(MailSettings.none().configured());
  }

  @Test
  void invalidValuesAreRefusedNamingTheKey() {
    IllegalArgumentException security =
        assertThrows(
            IllegalArgumentException.class,
            () -> MailSettings.fromProperties(config("irev.mail.security", "tls")));
    assertTrue(security.getMessage().contains("irev.mail.security"));
    IllegalArgumentException port =
        assertThrows(
            IllegalArgumentException.class,
            () -> MailSettings.fromProperties(config("irev.mail.port", "vingt-cinq")));
    assertTrue(port.getMessage().contains("irev.mail.port"));
    assertThrows(
        IllegalArgumentException.class,
        () -> MailSettings.fromProperties(config("irev.mail.port", "70000")));
    assertThrows(
        IllegalArgumentException.class,
        () -> MailSettings.fromProperties(config("irev.mail.host", "smtp.irev.fr")),
        "a host needs a sender");
    assertThrows(
        IllegalArgumentException.class,
        () ->
            MailSettings.fromProperties(
                config(
                    "irev.mail.host", "smtp.irev.fr",
                    "irev.mail.from", "IREV <evenements@irev.fr>")));
    assertThrows(
        IllegalArgumentException.class,
        () -> MailSettings.fromProperties(config("irev.mail.password", "x")),
        "a password needs a user");
    assertThrows(
        IllegalArgumentException.class,
        () ->
            MailSettings.fromProperties(
                config("irev.mail.fromName", "IREV\r\nBcc: x@example.org")));
    assertThrows(
        IllegalArgumentException.class,
        () -> MailSettings.fromProperties(config("irev.mail.readTimeoutMs", "0")));
  }

  @Test
  void toStringNeverShowsThePassword() {
    MailSettings s =
        new MailSettings(
            "smtp.irev.fr", 587, Security.STARTTLS, "irev", "s3cret", "a@irev.fr", "IREV", 1, 1);

    assertFalse(s.toString().contains("s3cret"), s.toString());
    assertTrue(s.toString().contains("password=***"), s.toString());
    assertTrue(s.toString().contains("host=smtp.irev.fr"), s.toString());
  }
}
