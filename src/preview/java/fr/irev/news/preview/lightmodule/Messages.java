package fr.irev.news.preview.lightmodule;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The light module's i18n messages ({@code <module>/i18n/<name>_<locale>.properties}, UTF-8) for
 * one locale. A key is looked up in that locale, then in files without locale, then in English
 * (Magnolia's fallback locale); a key found nowhere comes back as itself.
 */
public final class Messages {

  private final Locale locale;
  private final List<Map<String, String>> chain;

  /**
   * @param locale the locale messages are formatted in
   * @param chain the bundles to search, first first
   */
  Messages(Locale locale, List<Map<String, String>> chain) {
    this.locale = locale;
    this.chain = List.copyOf(chain);
  }

  /**
   * @param key message key, e.g. {@code irev-news.list.title}
   * @return the message, or the key itself when no bundle has it (never {@code null}; a {@code
   *     null} key gives {@code ""})
   */
  public String get(String key) {
    if (key == null) {
      return "";
    }
    for (Map<String, String> bundle : chain) {
      String value = bundle.get(key);
      if (value != null) {
        return value;
      }
    }
    return key;
  }

  /**
   * @param key message key
   * @param args {@link MessageFormat} arguments ({@code {0}}, {@code {1}}…)
   * @return the formatted message; the key itself when missing; the unformatted message when its
   *     pattern is invalid
   */
  public String format(String key, Object... args) {
    String pattern = get(key);
    if (args == null || args.length == 0) {
      return pattern;
    }
    try {
      return new MessageFormat(pattern, locale).format(args);
    } catch (IllegalArgumentException e) {
      return pattern;
    }
  }

  /**
   * @return the locale of this view
   */
  public Locale locale() {
    return locale;
  }
}
