package fr.irev.news.preview.registration;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The preview server's staff login (Magnolia has its own users and roles): one user, {@code
 * equipe}, with a password given on the command line or drawn at start. A successful login gets a
 * cookie {@value #COOKIE} ({@code HttpOnly; SameSite=Strict}) holding an expiry and its HMAC-SHA256
 * (RFC 2104) under a key drawn at start, valid {@value #LIFETIME_SECONDS} seconds: a restart logs
 * everyone out.
 */
public final class StaffLogin {

  /** Name of the session cookie. */
  public static final String COOKIE = "irev-equipe";

  /** Path of the cookie: sent to the staff pages only, not to every page of the site. */
  public static final String PATH = "/.irev-news/staff";

  /** Lifetime of a login, in seconds (eight hours). */
  public static final long LIFETIME_SECONDS = 8 * 3600;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String user;
  private final byte[] password;
  private final byte[] key = new byte[32];
  private final Clock clock;

  /**
   * @param user the user name
   * @param password the password
   * @param clock the clock of expiry
   */
  public StaffLogin(String user, String password, Clock clock) {
    this.user = user;
    this.password = password.getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
    RANDOM.nextBytes(key);
  }

  /**
   * @return a random password of 16 URL-safe characters
   */
  public static String randomPassword() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * @param givenUser the user name typed, may be {@code null}
   * @param givenPassword the password typed, may be {@code null}
   * @return whether both are right (compared in constant time)
   */
  public boolean check(String givenUser, String givenPassword) {
    if (givenUser == null || givenPassword == null) {
      return false;
    }
    boolean userOk =
        MessageDigest.isEqual(
            user.getBytes(StandardCharsets.UTF_8), givenUser.getBytes(StandardCharsets.UTF_8));
    boolean passwordOk =
        MessageDigest.isEqual(password, givenPassword.getBytes(StandardCharsets.UTF_8));
    return userOk & passwordOk;
  }

  /**
   * @param secure whether the site is served over HTTPS
   * @return the {@code Set-Cookie} value of a new login
   */
  public String cookie(boolean secure) {
    long expiry = clock.instant().getEpochSecond() + LIFETIME_SECONDS;
    String value = expiry + "." + sign(Long.toString(expiry));
    return COOKIE
        + "="
        + value
        + "; Path="
        + PATH
        + "; Max-Age="
        + LIFETIME_SECONDS
        + "; HttpOnly; SameSite=Strict"
        + (secure ? "; Secure" : "");
  }

  /**
   * @return the {@code Set-Cookie} value that logs out
   */
  public static String logoutCookie() {
    return COOKIE + "=; Path=" + PATH + "; Max-Age=0; HttpOnly; SameSite=Strict";
  }

  /**
   * @param request a request
   * @return whether it carries a valid, unexpired login cookie
   */
  public boolean isLoggedIn(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return false;
    }
    for (Cookie cookie : cookies) {
      if (COOKIE.equals(cookie.getName()) && valid(cookie.getValue())) {
        return true;
      }
    }
    return false;
  }

  private boolean valid(String value) {
    int dot = value.indexOf('.');
    if (dot <= 0 || dot > 19) {
      return false;
    }
    String expiry = value.substring(0, dot);
    if (!expiry.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    boolean signed =
        MessageDigest.isEqual(
            sign(expiry).getBytes(StandardCharsets.US_ASCII),
            value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
    return signed && Long.parseLong(expiry) > clock.instant().getEpochSecond();
  }

  private String sign(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal(text.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
    }
  }
}
