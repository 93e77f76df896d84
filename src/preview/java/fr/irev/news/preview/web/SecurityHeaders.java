package fr.irev.news.preview.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers every preview response carries (pages, resources, binaries, errors), set by {@link
 * ResponseHeadersHandler} and, on the errors Jetty answers itself, {@link FrenchErrorHandler}. The
 * README ("Security headers and caching") gives the same values to set on a Magnolia instance.
 */
public final class SecurityHeaders {

  /** Header name to value, in the order they are set. */
  public static final Map<String, String> ALL;

  static {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("Referrer-Policy", "strict-origin-when-cross-origin");
    headers.put(
        "Content-Security-Policy",
        "default-src 'self'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'");
    ALL = java.util.Collections.unmodifiableMap(headers);
  }

  /**
   * {@code Cache-Control} of a page rendered with status 200, of a light-module web resource and of
   * a DAM file (200 and 304 alike): any cache may keep them one minute.
   */
  public static final String PAGE_CACHE_CONTROL = "public, max-age=60";

  private SecurityHeaders() {}
}
