package fr.irev.news.calendar;

/**
 * Text and line rules of RFC 5545 that ical4j does not apply the way the module needs: clean TEXT
 * values before ical4j escapes them (§3.3.11), and fold content lines by octets (§3.1).
 */
final class IcsText {

  /** Longest physical line, in octets, CRLF excluded (RFC 5545 §3.1). */
  static final int MAX_LINE_OCTETS = 75;

  private static final String CRLF = "\r\n";

  private IcsText() {}

  /**
   * A TEXT value that RFC 5545 can carry: line breaks (CR LF, CR, LF, U+2028, U+2029, U+0085)
   * become one LF (escaped later as {@code \n}) or, for a one-line value, a space; other control
   * characters but TAB are removed (§3.3.11 forbids them); a lone surrogate becomes U+FFFD.
   *
   * @param value the text, or {@code null}
   * @param multiline whether line breaks are kept
   * @return the cleaned text, or {@code null} when {@code value} is {@code null} or nothing but
   *     white space is left
   */
  static String clean(String value, boolean multiline) {
    if (value == null) {
      return null;
    }
    String breaks = value.replace("\r\n", "\n").replaceAll("[\r\u2028\u2029\u0085]", "\n");
    StringBuilder out = new StringBuilder(breaks.length());
    for (int i = 0; i < breaks.length(); i++) {
      char c = breaks.charAt(i);
      if (c == '\n') {
        out.append(multiline ? '\n' : ' ');
      } else if (c == '\t') {
        out.append(c);
      } else if (Character.isISOControl(c)) {
        continue;
      } else if (Character.isSurrogate(c)) {
        boolean pair =
            Character.isHighSurrogate(c)
                && i + 1 < breaks.length()
                && Character.isLowSurrogate(breaks.charAt(i + 1));
        if (pair) {
          out.append(c).append(breaks.charAt(++i));
        } else {
          out.append('\uFFFD');
        }
      } else {
        out.append(c);
      }
    }
    String cleaned = out.toString().strip();
    return cleaned.isEmpty() ? null : cleaned;
  }

  /**
   * Folds content lines so that no physical line is longer than {@value #MAX_LINE_OCTETS} octets in
   * UTF-8 (the leading space of a continuation line included), never inside a character: a fold is
   * CRLF followed by one space (RFC 5545 §3.1).
   *
   * @param unfolded content lines, each ended by CRLF, holding no other CR or LF
   * @return the folded text, each line ended by CRLF
   */
  static String fold(String unfolded) {
    StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 24);
    int from = 0;
    while (from < unfolded.length()) {
      int end = unfolded.indexOf(CRLF, from);
      if (end < 0) {
        end = unfolded.length();
      }
      foldLine(unfolded, from, end, out);
      out.append(CRLF);
      from = end + CRLF.length();
    }
    return out.toString();
  }

  private static void foldLine(String text, int from, int end, StringBuilder out) {
    int octets = 0;
    int i = from;
    while (i < end) {
      int cp = text.codePointAt(i);
      int size = utf8Length(cp);
      if (octets + size > MAX_LINE_OCTETS) {
        out.append(CRLF).append(' ');
        octets = 1;
      }
      out.appendCodePoint(cp);
      octets += size;
      i += Character.charCount(cp);
    }
  }

  private static int utf8Length(int cp) {
    if (cp < 0x80) {
      return 1;
    }
    if (cp < 0x800) {
      return 2;
    }
    return cp < 0x10000 ? 3 : 4;
  }
}
