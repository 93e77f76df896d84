package fr.irev.news.web;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * The {@code Content-Disposition} header of a download (RFC 6266), with an ASCII {@code filename}
 * for old user agents and the exact name in {@code filename*} (RFC 8187, which replaced RFC 5987):
 *
 * <pre>
 * attachment; filename="Programme journee d'etude - 30 nov 2021.pdf";
 *     filename*=UTF-8''Programme%20journ%C3%A9e%20d%27%C3%A9tude%20%E2%80%93%2030%20nov%202021.pdf
 * </pre>
 *
 * (one line in the header). Case C17 of {@code shared/cases/CASES.md}.
 */
final class ContentDisposition {

  /**
   * Longest name kept, in code points, extension included: keeps the header far below the 8 KiB
   * that servlet containers allow for response headers (at most 12 encoded characters per code
   * point in {@code filename*}).
   */
  static final int MAX_NAME_LENGTH = 200;

  /** Name used when nothing usable is left of the stored name. */
  static final String DEFAULT_NAME = "document";

  private static final String HEX = "0123456789ABCDEF";

  private ContentDisposition() {}

  /**
   * @param fileName the asset's file name, e.g. {@code Programme journée d'étude – 30 nov
   *     2021.pdf}; {@code null} or empty gives {@value #DEFAULT_NAME}
   * @return the header value: {@code attachment; filename="<ASCII>"; filename*=UTF-8''<encoded>}
   *     (RFC 6266 §4.1 and §4.3: both parameters, {@code filename*} preferred by user agents that
   *     understand it)
   */
  static String attachment(String fileName) {
    String name = sanitize(fileName);
    return "attachment; filename=\""
        + asciiFallback(name)
        + "\"; filename*=UTF-8''"
        + encodeExtValue(name);
  }

  /**
   * The name both parameters start from (RFC 6266 §4.3: a recipient never gets a path): NFC
   * normalised (names uploaded from macOS arrive decomposed), control characters (C0, DEL, C1) and
   * unpaired surrogates removed, {@code /} and {@code \} replaced by {@code _}, surrounding white
   * space trimmed, cut to {@value #MAX_NAME_LENGTH} code points keeping the extension.
   *
   * @param fileName a stored name, may be {@code null}
   * @return the name, never empty ({@value #DEFAULT_NAME} when nothing is left)
   */
  static String sanitize(String fileName) {
    if (fileName == null) {
      return DEFAULT_NAME;
    }
    String nfc = Normalizer.normalize(fileName, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(nfc.length());
    nfc.codePoints()
        .forEach(
            c -> {
              if (c == '/' || c == '\\') {
                out.append('_');
              } else if (!Character.isISOControl(c) && !isSurrogate(c)) {
                out.appendCodePoint(c);
              }
            });
    String name = out.toString().strip();
    return name.isEmpty() ? DEFAULT_NAME : truncate(name, MAX_NAME_LENGTH);
  }

  /**
   * The {@code filename} parameter's content (RFC 6266 §4.3, Appendix D): printable ASCII only.
   * Accents are removed (NFKD decomposition, combining marks dropped), typographic dashes become
   * {@code -}, typographic apostrophes {@code '}, ligatures are spelt out ({@code œ} → {@code oe}),
   * compatibility characters folded (no-break spaces → space, {@code …} → {@code ...}); double
   * quotes become {@code '} and {@code %} becomes {@code _} (some user agents decode {@code %XX}
   * there, RFC 6266 Appendix D), so no escaping is needed inside the quoted string; any other
   * character becomes {@code _} (one for a run). When the part before the extension keeps no ASCII
   * letter or digit, the result is {@value #DEFAULT_NAME} plus the extension. Never
   * quoted-printable or RFC 2047 encoded words.
   *
   * @param name a {@linkplain #sanitize(String) sanitised} name
   * @return ASCII 0x20–0x7E without {@code "}, {@code \} or {@code %}; never empty
   */
  static String asciiFallback(String name) {
    String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
    StringBuilder out = new StringBuilder(decomposed.length());
    boolean replaced = false;
    for (int i = 0; i < decomposed.length(); ) {
      int c = decomposed.codePointAt(i);
      i += Character.charCount(c);
      if (Character.getType(c) == Character.NON_SPACING_MARK
          || Character.getType(c) == Character.COMBINING_SPACING_MARK
          || Character.getType(c) == Character.ENCLOSING_MARK
          || Character.isISOControl(c)) {
        continue;
      }
      String folded = fold(c);
      if (folded == null) {
        if (!replaced) {
          out.append('_');
        }
        replaced = true;
      } else {
        out.append(folded);
        replaced = false;
      }
    }
    String ascii = out.toString().strip();
    int dot = ascii.lastIndexOf('.');
    String base = dot < 0 ? ascii : ascii.substring(0, dot);
    String extension = dot < 0 ? "" : ascii.substring(dot);
    if (base.chars().noneMatch(ContentDisposition::isAsciiLetterOrDigit)) {
      boolean usableExtension =
          extension.length() > 1
              && extension.length() <= 11
              && extension.chars().skip(1).allMatch(ContentDisposition::isAsciiLetterOrDigit);
      return DEFAULT_NAME + (usableExtension ? extension : "");
    }
    return truncate(ascii, MAX_NAME_LENGTH);
  }

  /**
   * The value of {@code filename*} after {@code UTF-8''}: the UTF-8 bytes of the name, every byte
   * outside RFC 3986's unreserved set ({@code A-Z a-z 0-9 - . _ ~}) written {@code %XX} with
   * upper-case hex digits. This is a subset of RFC 8187 §3.2.1 {@code attr-char}, so {@code '} (the
   * delimiter of {@code ext-value}) is always {@code %27} and the space {@code %20}.
   *
   * @param name a {@linkplain #sanitize(String) sanitised} name (no unpaired surrogate)
   * @return the percent-encoded name
   */
  static String encodeExtValue(String name) {
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length * 3);
    for (byte b : bytes) {
      int c = b & 0xff;
      if (isUnreserved(c)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
      }
    }
    return out.toString();
  }

  /**
   * @return the ASCII spelling of one code point (already NFKD-decomposed, marks removed), or
   *     {@code null} when it has none
   */
  private static String fold(int c) {
    if (c == '"') {
      return "'";
    }
    if (c == '%' || c == '\\') {
      return "_";
    }
    if (c >= 0x20 && c < 0x7f) {
      return String.valueOf((char) c);
    }
    if (Character.isSpaceChar(c)) {
      return " ";
    }
    return switch (c) {
      case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d -> "-";
      case 0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x00b4, 0x02bc -> "'";
      case 0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0x00ab, 0x00bb, 0x2039, 0x203a -> "'";
      case 0x0152 -> "OE";
      case 0x0153 -> "oe";
      case 0x00c6 -> "AE";
      case 0x00e6 -> "ae";
      case 0x00df -> "ss";
      case 0x00d8 -> "O";
      case 0x00f8 -> "o";
      case 0x0110, 0x00d0 -> "D";
      case 0x0111, 0x00f0 -> "d";
      case 0x0141 -> "L";
      case 0x0142 -> "l";
      case 0x00de -> "TH";
      case 0x00fe -> "th";
      case 0x0131 -> "i";
      case 0x20ac -> "EUR";
      case 0x00b0 -> "o";
      case 0x2022, 0x00b7 -> "-";
      default -> null;
    };
  }

  /**
   * Cuts a name to a number of code points, keeping its extension (up to 10 characters after the
   * last dot) and never splitting a surrogate pair.
   */
  static String truncate(String name, int maxCodePoints) {
    int count = name.codePointCount(0, name.length());
    if (count <= maxCodePoints) {
      return name;
    }
    int dot = name.lastIndexOf('.');
    String extension = dot > 0 && name.length() - dot <= 11 ? name.substring(dot) : "";
    int keep = maxCodePoints - extension.codePointCount(0, extension.length());
    String base = name.substring(0, name.offsetByCodePoints(0, keep)).strip();
    return base + extension;
  }

  private static boolean isSurrogate(int c) {
    return c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE;
  }

  private static boolean isUnreserved(int c) {
    return isAsciiLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '~';
  }

  private static boolean isAsciiLetterOrDigit(int c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }
}
