package fr.irev.news.news;

import java.util.regex.Pattern;

/** The rule for URL names of items and terms: what may follow {@code /actualites/}. */
public final class UrlNames {

  /** Lower-case ASCII letters, digits and hyphens, starting with a letter or digit, ≤ 200. */
  private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{0,199}");

  private UrlNames() {}

  /**
   * @param name candidate name, may be {@code null}
   * @return whether {@code name} is a valid URL name; {@code false} for {@code null}
   */
  public static boolean isValid(String name) {
    return name != null && VALID.matcher(name).matches();
  }
}
