package fr.irev.news.registration.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Locale;

/**
 * Protection of the registration posts against cross-site requests, without anything per visitor in
 * the (cached) event page:
 *
 * <ol>
 *   <li>{@code Sec-Fetch-Site} (Fetch Metadata, sent by current browsers): {@code same-origin}
 *       passes; {@code same-site}, {@code cross-site} are refused;
 *   <li>else {@code Origin} (RFC 6454, sent with every POST by current browsers): the site's own
 *       origin passes, any other (and {@code null}) is refused;
 *   <li>else (an old browser or a privacy proxy sent neither): a double-submit token. The answer
 *       sets a random value in a {@code SameSite=Strict; HttpOnly} cookie and in a hidden field of
 *       the form it shows again; a post whose field equals its cookie passes. A cross-site page can
 *       neither read the cookie nor make the browser send it.
 * </ol>
 *
 * See OWASP "Cross-Site Request Forgery Prevention Cheat Sheet" (Fetch Metadata, verifying origin
 * with standard headers, signed double-submit cookie).
 */
public final class SameOrigin {

  /** Name of the double-submit cookie. */
  public static final String COOKIE = "irev-inscription";

  /** Lifetime of the double-submit cookie, in seconds (two hours). */
  public static final int COOKIE_MAX_AGE_SECONDS = 7200;

  /** The registration form's double-submit cookie. */
  private static final DoubleSubmitCookie FORM_COOKIE =
      new DoubleSubmitCookie(
          COOKIE,
          RegistrationPaths.PREFIX.substring(0, RegistrationPaths.PREFIX.length() - 1),
          COOKIE_MAX_AGE_SECONDS,
          1);

  /** What the headers say about a post. */
  public enum Verdict {
    /** From a page of this site. */
    SAME_ORIGIN,
    /** From another site: refuse. */
    CROSS_SITE,
    /** No header to tell: require the double-submit token. */
    UNKNOWN
  }

  private SameOrigin() {}

  /**
   * @param request the post
   * @param siteUrl the site's public address (scheme, host, port; path ignored)
   * @return what {@code Sec-Fetch-Site} or {@code Origin} say
   */
  public static Verdict of(HttpServletRequest request, String siteUrl) {
    String fetchSite = request.getHeader("Sec-Fetch-Site");
    if (fetchSite != null) {
      return switch (fetchSite.trim().toLowerCase(Locale.ROOT)) {
        case "same-origin" -> Verdict.SAME_ORIGIN;
        case "none" -> Verdict.UNKNOWN;
        default -> Verdict.CROSS_SITE;
      };
    }
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return Verdict.UNKNOWN;
    }
    String given = origin.trim().toLowerCase(Locale.ROOT);
    return given.equals(origin(siteUrl)) || given.equals(requestOrigin(request))
        ? Verdict.SAME_ORIGIN
        : Verdict.CROSS_SITE;
  }

  /**
   * Whether a post carries the double-submit token of its cookie.
   *
   * @param request the post
   * @param field value of the hidden field, may be {@code null}
   * @return {@code true} when the cookie is present, non-empty and equal to the field
   */
  public static boolean doubleSubmitted(HttpServletRequest request, String field) {
    return FORM_COOKIE.matches(request, field);
  }

  /**
   * Sets a new double-submit cookie on the response.
   *
   * @param response the answer
   * @param contextPath the web application's context path (the cookie's path starts with it)
   * @param secure whether the site is served over HTTPS (then the cookie is {@code Secure})
   * @return the value to put in the form's hidden field
   */
  public static String issue(HttpServletResponse response, String contextPath, boolean secure) {
    return FORM_COOKIE.issue(response, contextPath, secure);
  }

  /** {@code scheme://host[:port]} of an absolute address, lower case; {@code ""} when malformed. */
  static String origin(String url) {
    try {
      URI uri = URI.create(url);
      if (uri.getScheme() == null || uri.getHost() == null) {
        return "";
      }
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      int port = uri.getPort();
      boolean defaultPort =
          port == -1
              || (scheme.equals("http") && port == 80)
              || (scheme.equals("https") && port == 443);
      return scheme
          + "://"
          + uri.getHost().toLowerCase(Locale.ROOT)
          + (defaultPort ? "" : ":" + port);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static String requestOrigin(HttpServletRequest request) {
    String scheme = request.getScheme();
    int port = request.getServerPort();
    return origin(scheme + "://" + request.getServerName() + ":" + port);
  }
}
