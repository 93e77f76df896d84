package fr.irev.news.registration.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.irev.news.registration.web.SameOrigin.Verdict;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Each combination of {@code Sec-Fetch-Site}, {@code Origin} and the double-submit cookie. */
class SameOriginTest {

  private static final String SITE = "https://www.irev.fr";

  /** A request reaching the server as {@code http://localhost:8080} (behind a proxy). */
  private static HttpServletRequest request(String fetchSite, String origin, Cookie... cookies) {
    HttpServletRequest request = mock(HttpServletRequest.class);
    when(request.getHeader("Sec-Fetch-Site")).thenReturn(fetchSite);
    when(request.getHeader("Origin")).thenReturn(origin);
    when(request.getScheme()).thenReturn("http");
    when(request.getServerName()).thenReturn("localhost");
    when(request.getServerPort()).thenReturn(8080);
    when(request.getCookies()).thenReturn(cookies.length == 0 ? null : cookies);
    return request;
  }

  private static Verdict verdict(String fetchSite, String origin) {
    return SameOrigin.of(request(fetchSite, origin), SITE);
  }

  @Test
  void fetchMetadataDecidesFirst() {
    assertEquals(Verdict.SAME_ORIGIN, verdict("same-origin", null));
    assertEquals(Verdict.SAME_ORIGIN, verdict(" Same-Origin ", null));
    assertEquals(Verdict.SAME_ORIGIN, verdict("same-origin", "https://evil.example"));
    assertEquals(Verdict.CROSS_SITE, verdict("cross-site", null));
    assertEquals(Verdict.CROSS_SITE, verdict("cross-site", SITE));
    assertEquals(Verdict.CROSS_SITE, verdict("same-site", SITE));
    assertEquals(Verdict.CROSS_SITE, verdict("", SITE));
    assertEquals(Verdict.CROSS_SITE, verdict("anything", SITE));
    assertEquals(Verdict.UNKNOWN, verdict("none", null));
    assertEquals(Verdict.UNKNOWN, verdict("none", SITE), "user-initiated: token required");
  }

  @Test
  void originDecidesWithoutFetchMetadata() {
    assertEquals(Verdict.SAME_ORIGIN, verdict(null, SITE));
    assertEquals(Verdict.SAME_ORIGIN, verdict(null, "HTTPS://WWW.IREV.FR"));
    // Browsers never write the default port (RFC 6454 §6.2): compared as sent, it fails closed.
    assertEquals(Verdict.CROSS_SITE, verdict(null, "https://www.irev.fr:443"));
    assertEquals(Verdict.SAME_ORIGIN, verdict(null, " https://www.irev.fr "));
    assertEquals(Verdict.SAME_ORIGIN, verdict(null, "http://localhost:8080"), "the request's own");
    assertEquals(Verdict.CROSS_SITE, verdict(null, "https://evil.example"));
    assertEquals(Verdict.CROSS_SITE, verdict(null, "http://www.irev.fr"), "another scheme");
    assertEquals(Verdict.CROSS_SITE, verdict(null, "https://www.irev.fr:8443"), "another port");
    assertEquals(Verdict.CROSS_SITE, verdict(null, "https://irev.fr"), "another host");
    assertEquals(Verdict.CROSS_SITE, verdict(null, "https://www.irev.fr.evil.example"));
    assertEquals(Verdict.CROSS_SITE, verdict(null, "null"));
    assertEquals(Verdict.CROSS_SITE, verdict(null, ""));
    assertEquals(Verdict.CROSS_SITE, verdict(null, "not a url"));
    assertEquals(Verdict.UNKNOWN, verdict(null, null));
  }

  @Test
  void siteUrlPathAndDefaultPortAreIgnored() {
    HttpServletRequest request = request(null, "https://www.irev.fr");
    assertEquals(Verdict.SAME_ORIGIN, SameOrigin.of(request, "https://www.irev.fr:443/site"));
    assertEquals("https://www.irev.fr", SameOrigin.origin("HTTPS://Www.Irev.FR:443/x?y#z"));
    assertEquals("http://h:8080", SameOrigin.origin("http://h:8080/"));
    assertEquals("http://h", SameOrigin.origin("http://h:80"));
    assertEquals("", SameOrigin.origin("mailto:equipe@irev.fr"));
    assertEquals("", SameOrigin.origin("/relative"));
    assertEquals("", SameOrigin.origin("http://[bad"));
  }

  @Test
  void doubleSubmitNeedsTheCookieAndTheSameField() {
    Cookie token = new Cookie(SameOrigin.COOKIE, "abcDEF123_-xyz");
    Cookie other = new Cookie("autre", "abcDEF123_-xyz");
    assertTrue(SameOrigin.doubleSubmitted(request(null, null, other, token), "abcDEF123_-xyz"));
    assertFalse(SameOrigin.doubleSubmitted(request(null, null, token), "abcDEF123_-xyZ"));
    assertFalse(SameOrigin.doubleSubmitted(request(null, null, token), "abcDEF123_-xy"));
    assertFalse(SameOrigin.doubleSubmitted(request(null, null, token), ""));
    assertFalse(SameOrigin.doubleSubmitted(request(null, null, token), null));
    assertFalse(SameOrigin.doubleSubmitted(request(null, null, other), "abcDEF123_-xyz"));
    assertFalse(SameOrigin.doubleSubmitted(request(null, null), "abcDEF123_-xyz"));
    Cookie empty = new Cookie(SameOrigin.COOKIE, "");
    assertFalse(SameOrigin.doubleSubmitted(request(null, null, empty), ""));
    assertFalse(SameOrigin.doubleSubmitted(request(null, null, empty), "x"));
  }

  private static String issued(String contextPath, boolean secure, String[] value) {
    HttpServletResponse response = mock(HttpServletResponse.class);
    value[0] = SameOrigin.issue(response, contextPath, secure);
    ArgumentCaptor<String> header = ArgumentCaptor.forClass(String.class);
    verify(response).addHeader(org.mockito.ArgumentMatchers.eq("Set-Cookie"), header.capture());
    return header.getValue();
  }

  @Test
  void issuedCookieIsStrictHttpOnlyAndScopedToTheForm() {
    String[] value = new String[1];
    String header = issued("", false, value);
    assertTrue(value[0].matches("[A-Za-z0-9_-]{32}"), value[0]);
    assertEquals(
        "irev-inscription="
            + value[0]
            + "; Path=/.irev-news/registration; Max-Age=7200; HttpOnly; SameSite=Strict",
        header);

    String[] second = new String[1];
    String secure = issued("/site", true, second);
    assertNotEquals(value[0], second[0]);
    assertEquals(
        "irev-inscription="
            + second[0]
            + "; Path=/site/.irev-news/registration; Max-Age=7200; HttpOnly; SameSite=Strict;"
            + " Secure",
        secure);
  }
}
