package fr.irev.news.format;

import java.util.regex.Pattern;

/**
 * French spacing around punctuation in text typed by the staff: the space before {@code : ; ! ? »}
 * and after {@code «} becomes a no-break space (U+00A0), so that a line never starts with the
 * punctuation or ends with an opening guillemet ("Lexique des règles typographiques en usage à
 * l'Imprimerie nationale", espaces insécables). Missing spaces are not added and nothing else is
 * changed: URLs and times such as "10:50" stay as typed. Control characters (C0 other than tab and
 * line breaks, DEL, C1), invisible and invalid in HTML and XML, are removed.
 */
public final class FrenchTypography {

  private static final Pattern BEFORE = Pattern.compile("[ \\t]+([:;!?»])");
  private static final Pattern AFTER = Pattern.compile("«[ \\t]+");
  private static final Pattern CONTROL =
      Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]");

  private FrenchTypography() {}

  /**
   * @param text text as typed, may be {@code null}
   * @return the text with no-break spaces where French typography needs them, without control
   *     characters; {@code null} for {@code null}
   */
  public static String spaces(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String result = CONTROL.matcher(text).replaceAll("");
    result = BEFORE.matcher(result).replaceAll("\u00a0$1");
    return AFTER.matcher(result).replaceAll("«\u00a0");
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
