package fr.irev.news.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * File sizes and file formats as a French download link states them ("Télécharger la plaquette
 * (PDF, 260,76 Ko)", {@code shared/DESIGN.md}), independent of the JVM default locale.
 *
 * <p>Size rules (case C14 of {@code shared/cases/CASES.md}):
 *
 * <ul>
 *   <li>binary multiples, as French desktop systems show them: 1 Ko = 1 024 octets, 1 Mo = 1 024
 *       Ko, 1 Go = 1 024 Mo; Go is the largest unit used;
 *   <li>below 1 Ko the exact count in octets, "octet" in the singular for 0 and 1 (Académie
 *       française: the plural begins at two);
 *   <li>from 1 Ko on, two decimals always, decimal comma, rounded half up on the exact quotient;
 *   <li>thousands of the integer part grouped by three with a no-break space U+00A0, and U+00A0
 *       between the number and its unit (Imprimerie nationale, <i>Lexique</i>, "Nombres" and
 *       "Espaces"; the JDK's own French format is not used because its CLDR data groups with
 *       U+202F).
 * </ul>
 *
 * The unit is chosen on the exact size, before rounding: 1 048 575 octets (one octet short of 1 Mo)
 * is "1\u00a0024,00\u00a0Ko", which is why the integer part of a Ko, Mo or Go value is grouped too.
 *
 * <p>All methods are thread-safe.
 */
public final class FrenchSizes {

  private static final String NBSP = FrenchDates.NBSP;
  private static final long KO = 1024L;
  private static final long MO = KO * KO;
  private static final long GO = MO * KO;

  /** Format names by MIME type (lower case, without parameters). */
  private static final Map<String, String> BY_MIME_TYPE =
      Map.ofEntries(
          Map.entry("application/pdf", "PDF"),
          Map.entry("application/msword", "DOC"),
          Map.entry(
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX"),
          Map.entry("application/vnd.ms-excel", "XLS"),
          Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX"),
          Map.entry("application/vnd.ms-powerpoint", "PPT"),
          Map.entry(
              "application/vnd.openxmlformats-officedocument.presentationml.presentation", "PPTX"),
          Map.entry("application/vnd.oasis.opendocument.text", "ODT"),
          Map.entry("application/vnd.oasis.opendocument.spreadsheet", "ODS"),
          Map.entry("application/vnd.oasis.opendocument.presentation", "ODP"),
          Map.entry("application/rtf", "RTF"),
          Map.entry("application/zip", "ZIP"),
          Map.entry("text/csv", "CSV"),
          Map.entry("text/plain", "TXT"),
          Map.entry("image/jpeg", "JPEG"),
          Map.entry("image/png", "PNG"),
          Map.entry("image/gif", "GIF"),
          Map.entry("image/webp", "WEBP"),
          Map.entry("image/svg+xml", "SVG"),
          Map.entry("audio/mpeg", "MP3"),
          Map.entry("video/mp4", "MP4"));

  /** An extension worth showing: ASCII letters and digits, at most 10. */
  private static final Pattern EXTENSION = Pattern.compile("[A-Za-z0-9]{1,10}");

  /** What {@link #format(String)} answers when the format is unknown. */
  public static final String UNKNOWN_FORMAT = "fichier";

  private FrenchSizes() {}

  /**
   * A size in octets written for French readers.
   *
   * <p>Examples: 0 → "0\u00a0octet", 1 → "1\u00a0octet", 1 023 → "1\u00a0023\u00a0octets", 1 024 →
   * "1,00\u00a0Ko", 267 018 → "260,76\u00a0Ko", 1 572 864 → "1,50\u00a0Mo", 1 073 741 824 →
   * "1,00\u00a0Go".
   *
   * @param size a size in octets (bytes), 0 or more
   * @return the number, U+00A0, the unit; never {@code null}
   * @throws IllegalArgumentException when {@code size} is negative
   */
  public static String bytes(long size) {
    if (size < 0) {
      throw new IllegalArgumentException("A size cannot be negative: " + size);
    }
    if (size < KO) {
      return group(Long.toString(size)) + NBSP + (size < 2 ? "octet" : "octets");
    }
    if (size < MO) {
      return decimal(size, KO) + NBSP + "Ko";
    }
    if (size < GO) {
      return decimal(size, MO) + NBSP + "Mo";
    }
    return decimal(size, GO) + NBSP + "Go";
  }

  /**
   * The short name of a file format, for a download link: "PDF" for {@code application/pdf}, {@code
   * pdf}, {@code .PDF} or {@code plaquette.pdf}.
   *
   * <p>A value containing "/" is a MIME type (parameters after ";" ignored, case ignored): known
   * types (PDF, Office and OpenDocument files, CSV, text, common images, MP3, MP4, ZIP) give their
   * usual name, other types give {@link #UNKNOWN_FORMAT}, never a raw subtype such as
   * "OCTET-STREAM". Any other value is an extension or a file name: the part after the last dot,
   * upper-cased, when it is 1 to 10 ASCII letters or digits.
   *
   * @param mimeTypeOrExtension a MIME type, an extension with or without its dot, or a file name;
   *     may be {@code null}
   * @return the format name in upper case, or {@link #UNKNOWN_FORMAT} ("fichier") when {@code
   *     null}, blank or not recognised
   */
  public static String format(String mimeTypeOrExtension) {
    if (mimeTypeOrExtension == null) {
      return UNKNOWN_FORMAT;
    }
    String value = mimeTypeOrExtension.strip().toLowerCase(Locale.ROOT);
    if (value.indexOf('/') >= 0) {
      int semicolon = value.indexOf(';');
      String type = (semicolon >= 0 ? value.substring(0, semicolon) : value).strip();
      return BY_MIME_TYPE.getOrDefault(type, UNKNOWN_FORMAT);
    }
    String extension = value.substring(value.lastIndexOf('.') + 1);
    if (!EXTENSION.matcher(extension).matches()) {
      return UNKNOWN_FORMAT;
    }
    return extension.toUpperCase(Locale.ROOT);
  }

  /** {@code size / unit} with two decimals, half up, decimal comma, grouped integer part. */
  private static String decimal(long size, long unit) {
    String plain =
        BigDecimal.valueOf(size)
            .divide(BigDecimal.valueOf(unit), 2, RoundingMode.HALF_UP)
            .toPlainString();
    int dot = plain.indexOf('.');
    return group(plain.substring(0, dot)) + "," + plain.substring(dot + 1);
  }

  /** Digits grouped by three from the right with U+00A0: "1048576" → "1 048 576". */
  private static String group(String digits) {
    StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3);
    int firstGroup = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
    out.append(digits, 0, firstGroup);
    for (int i = firstGroup; i < digits.length(); i += 3) {
      out.append(NBSP).append(digits, i, i + 3);
    }
    return out.toString();
  }
}
