package fr.irev.news.format;

/**
 * French spacing around punctuation in text typed by the staff: the space before {@code : ; ! ? »}
 * and after {@code «} becomes a no-break space (U+00A0), so that a line never starts with the
 * punctuation or ends with an opening guillemet ("Lexique des règles typographiques en usage à
 * l'Imprimerie nationale", espaces insécables). Missing spaces are not added and nothing else is
 * changed: URLs and times such as "10:50" stay as typed. Control characters (C0 other than tab and
 * line breaks, DEL, C1), invisible and invalid in HTML and XML, are removed.
 */
public final class FrenchTypography {

  private static final char NO_BREAK_SPACE = '\u00a0';

  private FrenchTypography() {}

  /**
   * One pass over the text (pages call this for every title, teaser and place they show): a run of
   * spaces and tabs before {@code : ; ! ? »}, or after {@code «}, becomes one no-break space;
   * control characters are dropped first (a control character between a space and the punctuation
   * does not keep them apart).
   *
   * @param text text as typed, may be {@code null}
   * @return the text with no-break spaces where French typography needs them, without control
   *     characters; {@code null} for {@code null}; the same instance when nothing changes
   */
  public static String spaces(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String clean = withoutControls(text);
    int length = clean.length();
    StringBuilder out = null;
    int copied = 0; // clean[0, copied) is in out
    int i = 0;
    while (i < length) {
      char c = clean.charAt(i);
      if (c != ' ' && c != '\t') {
        i++;
        continue;
      }
      int end = i + 1;
      while (end < length && (clean.charAt(end) == ' ' || clean.charAt(end) == '\t')) {
        end++;
      }
      boolean beforePunctuation = end < length && ":;!?»".indexOf(clean.charAt(end)) >= 0;
      boolean afterGuillemet = i > 0 && clean.charAt(i - 1) == '«';
      if (beforePunctuation || afterGuillemet) {
        if (out == null) {
          out = new StringBuilder(length);
        }
        out.append(clean, copied, i).append(NO_BREAK_SPACE);
        copied = end;
      }
      i = end;
    }
    return out == null ? clean : out.append(clean, copied, length).toString();
  }

  private static String withoutControls(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isControl(c)) {
        if (out == null) {
          out = new StringBuilder(text.length()).append(text, 0, i);
        }
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  /** C0 controls other than tab and line breaks, DEL and C1 controls. */
  private static boolean isControl(char c) {
    return (c <= 0x08)
        || c == 0x0B
        || c == 0x0C
        || (c >= 0x0E && c <= 0x1F)
        || (c >= 0x7F && c <= 0x9F);
  }

  /**
   * "de" before a word, elided before a vowel ("d’Élodie", "d’Anne", "de Marc"). A word starting
   * with "h" keeps "de" (aspirated or not cannot be told from the spelling of a name).
   *
   * @param word a name or word, not {@code null}
   * @return {@code "d’" + word} or {@code "de " + word}
   */
  public static String de(String word) {
    if (word.isEmpty()) {
      return "de ";
    }
    char first =
        java.text.Normalizer.normalize(word.substring(0, 1), java.text.Normalizer.Form.NFD)
            .toLowerCase(java.util.Locale.ROOT)
            .charAt(0);
    return "aeiouy".indexOf(first) >= 0 ? "d\u2019" + word : "de " + word;
  }
}
