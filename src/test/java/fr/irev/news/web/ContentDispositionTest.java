package fr.irev.news.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code Content-Disposition} of downloads: RFC 6266 with RFC 8187 {@code filename*}. */
class ContentDispositionTest {

  private static final Pattern HEADER =
      Pattern.compile(
          "attachment; filename=\"([^\"\\\\]*)\"; filename\\*=UTF-8''([A-Za-z0-9%._~-]+)");

  /** The decoded value of {@code filename*}. */
  private static String decodedExtValue(String header) {
    Matcher m = HEADER.matcher(header);
    assertTrue(m.matches(), header);
    return URLDecoder.decode(m.group(2).replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static String fallback(String header) {
    Matcher m = HEADER.matcher(header);
    assertTrue(m.matches(), header);
    return m.group(1);
  }

  private static void assertPrintableAscii(String header) {
    assertTrue(header.chars().allMatch(c -> c >= 0x20 && c < 0x7f), header);
  }

  @Test
  void caseC17() {
    assertEquals(
        "attachment; filename=\"Programme journee d'etude - 30 nov 2021.pdf\"; "
            + "filename*=UTF-8''Programme%20journ%C3%A9e%20d%27%C3%A9tude%20%E2%80%93%2030%20nov%202021.pdf",
        ContentDisposition.attachment("Programme journée d'étude – 30 nov 2021.pdf"));
  }

  @Test
  void caseC17DecomposedAsMacOsUploadsIt() {
    String decomposed =
        Normalizer.normalize("Programme journée d'étude – 30 nov 2021.pdf", Normalizer.Form.NFD);
    assertEquals(
        ContentDisposition.attachment("Programme journée d'étude – 30 nov 2021.pdf"),
        ContentDisposition.attachment(decomposed));
  }

  @Test
  void seedBrochureIsPlainAscii() {
    assertEquals(
        "attachment; filename=\"irev-plaquette-journee-approfondissement-ptlcd-nov-2021.pdf\"; "
            + "filename*=UTF-8''irev-plaquette-journee-approfondissement-ptlcd-nov-2021.pdf",
        ContentDisposition.attachment(
            "irev-plaquette-journee-approfondissement-ptlcd-nov-2021.pdf"));
  }

  @Test
  void doubleQuotesNeverCloseTheQuotedString() {
    String header = ContentDisposition.attachment("Le \"bon\" programme.pdf");
    assertEquals("Le 'bon' programme.pdf", fallback(header));
    assertEquals("Le \"bon\" programme.pdf", decodedExtValue(header));
    assertTrue(header.contains("%22bon%22"), header);
    assertPrintableAscii(header);
  }

  @Test
  void typographicQuotesAndGuillemetsFoldToApostrophes() {
    String header = ContentDisposition.attachment("« Initier » l’action “PTLCD”.pdf");
    assertEquals("' Initier ' l'action 'PTLCD'.pdf", fallback(header));
    assertEquals("« Initier » l’action “PTLCD”.pdf", decodedExtValue(header));
  }

  @Test
  void backslashesAndSlashesNeverReachTheClient() {
    // RFC 6266 §4.3: no path information; a backslash is a separator on Windows
    String header = ContentDisposition.attachment("..\\..\\windows\\system.ini");
    assertFalse(header.contains("\\"), header);
    assertEquals(".._.._windows_system.ini", fallback(header));
    assertEquals(".._.._windows_system.ini", decodedExtValue(header));
    assertEquals("a_b.pdf", fallback(ContentDisposition.attachment("a/b.pdf")));
  }

  @Test
  void controlCharactersAreRemovedSoNoHeaderCanBeInjected() {
    String header =
        ContentDisposition.attachment("rapport\r\nSet-Cookie: x=1\u0000\u0007\u007f\u0085.pdf");
    assertPrintableAscii(header);
    assertEquals("rapportSet-Cookie: x=1.pdf", fallback(header));
    assertEquals("rapportSet-Cookie: x=1.pdf", decodedExtValue(header));
    assertFalse(header.contains("%0D") || header.contains("%0A") || header.contains("%00"));
  }

  @Test
  void tabsAndNewlinesBetweenWordsDisappear() {
    assertEquals("ab.pdf", fallback(ContentDisposition.attachment("a\tb.pdf")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"日本語.pdf", "Ωμέγα.pdf", "ДОКУМЕНТ.pdf", "😀😀.pdf"})
  void onlyNonAsciiNamesGetAReadableFallback(String name) {
    String header = ContentDisposition.attachment(name);
    assertEquals("document.pdf", fallback(header));
    assertEquals(name, decodedExtValue(header));
    assertPrintableAscii(header);
  }

  @Test
  void greekLettersWithAccentsStillNeedTheDefaultName() {
    // NFKD removes the tonos, the letters themselves have no ASCII spelling
    assertEquals("document.pdf", ContentDisposition.asciiFallback("Ωμέγα.pdf"));
  }

  @Test
  void nonAsciiRunsBecomeOneUnderscore() {
    assertEquals("Rapport _ 2021.pdf", ContentDisposition.asciiFallback("Rapport 日本語 2021.pdf"));
  }

  @Test
  void emojiAreEncodedAsFourUtf8Bytes() {
    assertEquals("%F0%9F%98%80.pdf", ContentDisposition.encodeExtValue("😀.pdf"));
  }

  @Test
  void frenchLigaturesAndSignsAreSpeltOut() {
    assertEquals(
        "OEuvres du coeur - 50 EUR ... no 1.pdf",
        ContentDisposition.asciiFallback("Œuvres du cœur — 50 € … n° 1.pdf"));
    assertEquals("Strasse aeroport.pdf", ContentDisposition.asciiFallback("Straße aéroport.pdf"));
  }

  @Test
  void noBreakSpacesBecomeSpaces() {
    assertEquals(
        "260,76 Ko : bilan.pdf",
        ContentDisposition.asciiFallback("260,76\u00a0Ko\u202f: bilan.pdf"));
  }

  @Test
  void percentSignsAreNotLeftForUserAgentsToDecode() {
    // RFC 6266 Appendix D: some user agents decode %XX in filename
    String header = ContentDisposition.attachment("Hausse de 50%41.pdf");
    assertEquals("Hausse de 50_41.pdf", fallback(header));
    assertEquals("Hausse de 50%41.pdf", decodedExtValue(header));
  }

  @Test
  void apostropheIsPercentEncodedInExtValue() {
    assertEquals("d%27%C3%A9tude", ContentDisposition.encodeExtValue("d'étude"));
    assertEquals("a%20b%2Bc%26d%21", ContentDisposition.encodeExtValue("a b+c&d!"));
    assertEquals("a-b_c.d~e", ContentDisposition.encodeExtValue("a-b_c.d~e"));
  }

  @Test
  void veryLongNamesAreCutKeepingTheExtension() {
    String name = "é".repeat(5_000) + ".pdf";
    String header = ContentDisposition.attachment(name);
    String fallback = fallback(header);
    String exact = decodedExtValue(header);
    assertEquals(ContentDisposition.MAX_NAME_LENGTH, fallback.length());
    assertTrue(fallback.endsWith("eee.pdf"), fallback);
    assertEquals(ContentDisposition.MAX_NAME_LENGTH, exact.codePointCount(0, exact.length()));
    assertTrue(exact.endsWith("ééé.pdf"), exact);
    assertTrue(header.length() < 2_000, "header length " + header.length());
  }

  @Test
  void veryLongEmojiNamesAreNotCutInsideASurrogatePair() {
    String name = "😀".repeat(300) + ".pdf";
    String exact = decodedExtValue(ContentDisposition.attachment(name));
    assertEquals("😀".repeat(196) + ".pdf", exact);
  }

  @Test
  void emptyMissingOrBlankNamesGetTheDefault() {
    assertEquals(
        "attachment; filename=\"document\"; filename*=UTF-8''document",
        ContentDisposition.attachment(null));
    assertEquals("document", fallback(ContentDisposition.attachment("")));
    assertEquals("document", fallback(ContentDisposition.attachment(" \r\n ")));
    assertEquals(
        "document.pdf", fallback(ContentDisposition.attachment("???.pdf".replace('?', '中'))));
  }

  @Test
  void unpairedSurrogatesAreDropped() {
    String header = ContentDisposition.attachment("a\ud800b.pdf");
    assertEquals("ab.pdf", decodedExtValue(header));
    assertEquals("ab.pdf", fallback(header));
  }
}
