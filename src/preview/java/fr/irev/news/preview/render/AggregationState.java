package fr.irev.news.preview.render;

import java.util.Locale;

/**
 * The part of Magnolia's {@code AggregationState} the preview plays, as {@code
 * ctx.aggregationState} in FTL (Magnolia's {@code state} variable is outside the module's contract
 * and not provided). Public getters only, read by Freemarker.
 */
public final class AggregationState {

  private final String originalUri;
  private final String currentUri;
  private final String selector;

  /**
   * @param originalUri path of the request as received, without context path
   * @param currentUri path being rendered (after virtual URI mapping), without context path
   * @param selector URL selector ({@code /page~a~b~.html} gives {@code a~b}), {@code ""} if none
   */
  public AggregationState(String originalUri, String currentUri, String selector) {
    this.originalUri = originalUri;
    this.currentUri = currentUri;
    this.selector = selector;
  }

  /**
   * @return path as requested, e.g. {@code /actualites/journee}
   */
  public String getOriginalURI() {
    return originalUri;
  }

  /**
   * @return path rendered after mapping, e.g. {@code /actualites/detail}
   */
  public String getCurrentURI() {
    return currentUri;
  }

  /**
   * @return the selector, {@code ""} when none (never {@code null})
   */
  public String getSelector() {
    return selector;
  }

  /**
   * @return the selectors split on {@code ~}; empty when none
   */
  public String[] getSelectors() {
    return selector.isEmpty() ? new String[0] : selector.split("~");
  }

  /**
   * @return the site's locale: French
   */
  public Locale getLocale() {
    return Locale.FRENCH;
  }

  /**
   * @return {@code UTF-8}
   */
  public String getCharacterEncoding() {
    return "UTF-8";
  }
}
