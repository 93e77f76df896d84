package fr.irev.news.registration.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A double-submit token (OWASP "Cross-Site Request Forgery Prevention Cheat Sheet"): a random value
 * in a {@code HttpOnly; SameSite=Strict} cookie and the same value in a hidden field of the form; a
 * post passes when the field equals the cookie, compared in constant time. A cross-site page can
 * neither read the cookie nor make the browser send it. Used by the visitors' registration form
 * ({@link SameOrigin}) and by the staff pages.
 *
 * @param name the cookie's name
 * @param path the cookie's path after the context path, e.g. {@code /.irev-news/staff}
 * @param maxAgeSeconds the cookie's lifetime, in seconds
 * @param minLength the shortest cookie value taken into account, in characters (≥ 1)
 */
public record DoubleSubmitCookie(String name, String path, int maxAgeSeconds, int minLength) {

  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * @param request a request
   * @return the value of the first cookie of that name at least {@link #minLength()} long, or
   *     {@code null}
   */
  public String value(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if (name.equals(cookie.getName()) && cookie.getValue().length() >= minLength) {
          return cookie.getValue();
        }
      }
    }
    return null;
  }

  /**
   * @param request the post
   * @param field value of the hidden field, may be {@code null}
   * @return {@code true} when the cookie is present and equal to the non-empty field
   */
  public boolean matches(HttpServletRequest request, String field) {
    if (field == null || field.isEmpty()) {
      return false;
    }
    String cookie = value(request);
    return cookie != null
        && MessageDigest.isEqual(
            cookie.getBytes(StandardCharsets.US_ASCII), field.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Sets a new cookie on the response: {@code name=value; Path=<contextPath><path>; Max-Age=…;
   * HttpOnly; SameSite=Strict} (and {@code Secure} over HTTPS).
   *
   * @param response the answer
   * @param contextPath the web application's context path
   * @param secure whether the site is served over HTTPS
   * @return the value to put in the form's hidden field (24 random bytes, URL-safe base64)
   */
  public String issue(HttpServletResponse response, String contextPath, boolean secure) {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    response.addHeader(
        "Set-Cookie",
        name
            + "="
            + value
            + "; Path="
            + contextPath
            + path
            + "; Max-Age="
            + maxAgeSeconds
            + "; HttpOnly; SameSite=Strict"
            + (secure ? "; Secure" : ""));
    return value;
  }
}
