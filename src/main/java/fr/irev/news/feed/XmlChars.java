package fr.irev.news.feed;

/**
 * Text that XML 1.0 can carry (§2.2 {@code Char}): what a feed's elements hold. XML parsers reject
 * a whole document for one forbidden character, and escaping cannot help ({@code &#1;} is forbidden
 * too), so such characters are removed before the text reaches the XML writer.
 */
final class XmlChars {

  private XmlChars() {}

  /**
   * Removes what XML 1.0 forbids or discourages: C0 controls but TAB, LF and CR; DEL and the C1
   * controls (§2.2: "discouraged"); U+FFFE and U+FFFF; unpaired surrogates. With {@code oneLine},
   * line breaks and tabs become spaces and runs of white space one space (titles). Leading and
   * trailing white space is removed.
   *
   * @param text the text, may be {@code null}
   * @param oneLine whether the result is one line
   * @return the cleaned text, or {@code null} when {@code text} is {@code null} or nothing but
   *     white space is left
   */
  static String clean(String text, boolean oneLine) {
    if (text == null) {
      return null;
    }
    String value = text.replace("\r\n", "\n");
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        out.append(c).append(value.charAt(++i));
      } else if (c == '\t' || c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
        out.append(oneLine ? ' ' : c == '\t' ? '\t' : '\n');
      } else if (!Character.isISOControl(c)
          && !Character.isSurrogate(c)
          && c != '\uFFFE'
          && c != '\uFFFF') {
        out.append(c);
      }
    }
    String cleaned = oneLine ? out.toString().replaceAll("[ \\t]{2,}", " ") : out.toString();
    cleaned = cleaned.strip();
    return cleaned.isEmpty() ? null : cleaned;
  }
}
