package fr.irev.news.taxonomy;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Node names of terms: lower-case ASCII letters, digits and single hyphens ({@code "Crèvecœur-sur-
 * l'Escaut"} → {@code crevecoeur-sur-l-escaut}), valid URL names (see {@code news.UrlNames}).
 */
public final class Slugs {

  /** The slug of a title with nothing to keep (punctuation only). */
  public static final String EMPTY = "x";

  private Slugs() {}

  /**
   * @param title a display name, not {@code null}
   * @return its slug; {@code "x"} when nothing is left (a title of punctuation only)
   */
  public static String of(String title) {
    String folded =
        title
            .replace("œ", "oe")
            .replace("Œ", "Oe")
            .replace("æ", "ae")
            .replace("Æ", "Ae")
            .replace("ß", "ss");
    String ascii =
        Normalizer.normalize(folded, Normalizer.Form.NFD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT);
    String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > 190) {
      slug = slug.substring(0, 190).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? EMPTY : slug;
  }
}
