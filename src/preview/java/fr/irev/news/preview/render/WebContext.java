package fr.irev.news.preview.render;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * Magnolia's {@code ctx} FTL object for one request: parameters, context path and aggregation
 * state. Malformed parameters never throw: they read as absent.
 */
public final class WebContext {

  private final HttpServletRequest request;
  private final AggregationState state;

  /**
   * @param request the current request
   * @param state the aggregation state of the request
   */
  public WebContext(HttpServletRequest request, AggregationState state) {
    this.request = request;
    this.state = state;
  }

  /**
   * @param name parameter name
   * @return the first value (query or form), or {@code null} when absent or unreadable
   */
  public String getParameter(String name) {
    try {
      return name == null ? null : request.getParameter(name);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * @param name parameter name
   * @return every value, or {@code null} when absent or unreadable
   */
  public String[] getParameterValues(String name) {
    try {
      return name == null ? null : request.getParameterValues(name);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * @return the context path: {@code ""} at the root, else {@code /name}
   */
  public String getContextPath() {
    return request.getContextPath();
  }

  /**
   * @return the aggregation state (never {@code null})
   */
  public AggregationState getAggregationState() {
    return state;
  }

  /**
   * @return the site's locale: French
   */
  public Locale getLocale() {
    return Locale.FRENCH;
  }
}
