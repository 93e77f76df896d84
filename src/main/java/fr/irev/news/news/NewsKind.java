package fr.irev.news.news;

import java.util.Locale;

/** Kind of a news item, stored in property {@link NewsNodes#KIND} by its {@link #code()}. */
public enum NewsKind {
  /** An article (actualité). */
  NEWS("news"),
  /** An event with a date and a place (événement). */
  EVENT("event");

  private final String code;

  NewsKind(String code) {
    this.code = code;
  }

  /**
   * @return the value stored in JCR: {@code news} or {@code event}
   */
  public String code() {
    return code;
  }

  /**
   * Reads a stored value.
   *
   * @param code stored value, case-insensitive; may be {@code null}
   * @return the kind; {@link #NEWS} for {@code null}, blank or unknown values
   */
  public static NewsKind fromCode(String code) {
    if (code != null && EVENT.code.equals(code.trim().toLowerCase(Locale.ROOT))) {
      return EVENT;
    }
    return NEWS;
  }
}
