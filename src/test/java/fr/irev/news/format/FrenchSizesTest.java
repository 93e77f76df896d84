package fr.irev.news.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** File sizes and formats: case C14 of shared/cases/CASES.md and the shared PDFs. */
class FrenchSizesTest {

  /** Expected values are written with "_" for U+00A0 (CSV-friendly), replaced before comparing. */
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "0, 0_octet",
    "1, 1_octet",
    "2, 2_octets",
    "999, 999_octets",
    "1000, 1_000_octets",
    "1023, 1_023_octets",
    "1024, '1,00_Ko'",
    "1152, '1,13_Ko'",
    "1536, '1,50_Ko'",
    "1664, '1,63_Ko'",
    "140429, '137,14_Ko'",
    "262961, '256,80_Ko'",
    "267018, '260,76_Ko'",
    "561556, '548,39_Ko'",
    "1048575, '1_024,00_Ko'",
    "1048576, '1,00_Mo'",
    "1572864, '1,50_Mo'",
    "1073741823, '1_024,00_Mo'",
    "1073741824, '1,00_Go'",
    "1099511627776, '1_024,00_Go'",
    "9223372036854775807, '8_589_934_592,00_Go'"
  })
  void bytes(long size, String expected) {
    assertEquals(expected.replace('_', '\u00a0'), FrenchSizes.bytes(size));
  }

  @Test
  void c14WithExplicitNoBreakSpaces() {
    assertEquals("260,76\u00a0Ko", FrenchSizes.bytes(267_018));
    assertEquals("1\u00a0023\u00a0octets", FrenchSizes.bytes(1_023));
  }

  @Test
  void roundsHalfUpOnTheExactQuotient() {
    // 1 152 / 1 024 = 1.125 exactly: half up gives 1,13 where half even would give 1,12
    assertEquals("1,13\u00a0Ko", FrenchSizes.bytes(1_152));
    // 2 616 197 / 1 048 576 = 2.494999…: rounding twice (2.495, then 2.50) would be wrong
    assertEquals("2,49\u00a0Mo", FrenchSizes.bytes(2_616_197));
    // 2 616 198 / 1 048 576 = 2.495000…
    assertEquals("2,50\u00a0Mo", FrenchSizes.bytes(2_616_198));
  }

  @Test
  void negativeIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> FrenchSizes.bytes(-1));
    assertThrows(IllegalArgumentException.class, () -> FrenchSizes.bytes(Long.MIN_VALUE));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "application/pdf, PDF",
    "APPLICATION/PDF; charset=binary, PDF",
    "pdf, PDF",
    "PDF, PDF",
    ".pdf, PDF",
    "Programme journée.PDF, PDF",
    "' docx ', DOCX",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document, DOCX",
    "application/vnd.oasis.opendocument.text, ODT",
    "image/jpeg, JPEG",
    "image/svg+xml, SVG",
    "text/csv, CSV",
    "odt, ODT",
    "mp4, MP4",
    "application/octet-stream, fichier",
    "application/x-unknown, fichier",
    "'', fichier",
    "'   ', fichier",
    "., fichier",
    "pdf!, fichier",
    "averyveryverylongextension, fichier"
  })
  void format(String input, String expected) {
    assertEquals(expected, FrenchSizes.format(input));
  }

  @Test
  void formatOfNullIsFichier() {
    assertEquals("fichier", FrenchSizes.format(null));
    assertEquals("fichier", FrenchSizes.UNKNOWN_FORMAT);
  }

  @Test
  void sameResultsUnderTurkishAndUsDefaultLocales() {
    Locale locale = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      assertEquals("INI", FrenchSizes.format("ini"));
      assertEquals("PDF", FrenchSizes.format("APPLICATION/PDF"));
      Locale.setDefault(Locale.US);
      assertEquals("260,76\u00a0Ko", FrenchSizes.bytes(267_018));
      assertEquals("1\u00a0023\u00a0octets", FrenchSizes.bytes(1_023));
    } finally {
      Locale.setDefault(locale);
    }
  }
}
