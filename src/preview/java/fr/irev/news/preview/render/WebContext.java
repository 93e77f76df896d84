package fr.irev.news.preview.render;

import fr.irev.news.web.QueryParameters;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * Magnolia's {@code ctx} FTL object for one request: parameters, context path and aggregation
 * state. Parameters are read from the query string pair by pair ({@link QueryParameters}): a
 * malformed pair reads as absent and leaves the others as they are; nothing throws. On a forwarded
 * request (virtual URI mapping) the target's parameters come first, then the original request's.
 */
public final class WebContext {

  private final HttpServletRequest request;
  private final AggregationState state;
  private QueryParameters parameters;

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
   * @return the first value, or {@code null} when absent or malformed
   */
  public String getParameter(String name) {
    return parameters().first(name);
  }

  /**
   * @param name parameter name
   * @return every value, or {@code null} when absent
   */
  public String[] getParameterValues(String name) {
    return parameters().all(name);
  }

  private QueryParameters parameters() {
    if (parameters == null) {
      String query = request.getQueryString();
      Object original = request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
      // a forward without a query of its own reports the original query as its own: once only
      parameters =
          original instanceof String forwarded && !forwarded.equals(query)
              ? QueryParameters.parse(query, forwarded)
              : QueryParameters.parse(query);
    }
    return parameters;
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
