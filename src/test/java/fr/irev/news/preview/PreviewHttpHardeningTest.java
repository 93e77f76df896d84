package fr.irev.news.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.preview.support.Fixtures;
import fr.irev.news.preview.support.RawHttp;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tester's findings on the preview server, over real HTTP on the fixture project: methods and
 * {@code Allow}, TRACE, error texts, absolute URLs and {@code Host}, malformed query pairs,
 * trailing slashes, absolute-form requests.
 */
class PreviewHttpHardeningTest {

  private static final String PAGE = "/actualites";
  private static final String ITEM = "/actualites/journee-approfondissement";
  private static final String ECHO = "/.irev-news/echo/abc";
  private static final String DAM = "/dam/jcr:0a5e3f10-3333-4c1d-9a2b-0e1f2a3b4c04/plaquette.pdf";
  private static final String CSS = "/.resources/irev-news/webresources/css/site.css";

  private static PreviewServer server;
  private static URI base;

  @BeforeAll
  static void start() throws Exception {
    server =
        PreviewServer.start(
            PreviewOptions.defaults()
                .withPort(0)
                .withInMemory()
                .withProjectDir(Fixtures.site())
                .withResources(Fixtures.resources()));
    base = server.baseUri();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static RawHttp.Response send(String method, String target, String... headers)
      throws IOException {
    return RawHttp.send(base, method, target, headers);
  }

  private static void assertMethodNotAccepted(
      RawHttp.Response response, String allow, String where) {
    assertEquals(405, response.status(), where + "\n" + response.body());
    assertEquals(allow, response.headers().get("allow"), where);
    assertEquals("text/html;charset=UTF-8", response.headers().get("content-type"), where);
    assertEquals("nosniff", response.headers().get("x-content-type-options"), where);
    assertTrue(response.body().contains("<h1>Méthode non acceptée</h1>"), where);
    assertTrue(response.body().contains("n’accepte pas la méthode HTTP"), where);
    assertFalse(response.body().contains("réessayer"), where);
  }

  @Test
  void traceAndTrackAre405EverywhereAndNeverEchoTheRequest() throws Exception {
    List<String[]> resources =
        List.of(
            new String[] {PAGE, "GET, HEAD"},
            new String[] {ITEM, "GET, HEAD"},
            new String[] {"/nope", "GET, HEAD"},
            new String[] {DAM, "GET, HEAD"},
            new String[] {CSS, "GET, HEAD"},
            new String[] {ECHO, "GET, HEAD, OPTIONS"},
            new String[] {"/.irev-news/missing/x", "GET, HEAD, POST, PUT, DELETE, OPTIONS"});
    for (String[] resource : resources) {
      for (String method : new String[] {"TRACE", "TRACK", "trace"}) {
        String where = method + " " + resource[0];
        RawHttp.Response response =
            send(
                method,
                resource[0],
                "Cookie: JSESSIONID=secret-cookie",
                "Authorization: Basic c2VjcmV0OnNlY3JldA==");
        assertMethodNotAccepted(response, resource[1], where);
        assertFalse(response.body().contains("secret-cookie"), where);
        assertFalse(response.body().contains("c2VjcmV0"), where);
        assertFalse(response.headers().get("allow").contains("TRACE"), where);
        assertFalse("message/http".equals(response.headers().get("content-type")), where);
      }
    }
  }

  @Test
  void every405CarriesAllowAndUnknownMethodsAre405Not501() throws Exception {
    for (String method : new String[] {"DELETE", "PUT", "POST", "PATCH", "PROPFIND", "OPTIONS"}) {
      for (String target : new String[] {PAGE, ITEM, PAGE + "?page=2", "/nope", DAM, CSS}) {
        assertMethodNotAccepted(send(method, target), "GET, HEAD", method + " " + target);
      }
    }
    for (String method : new String[] {"DELETE", "PUT", "POST", "PATCH", "PROPFIND", "MKCOL"}) {
      assertMethodNotAccepted(send(method, ECHO), "GET, HEAD, OPTIONS", method + " " + ECHO);
    }
    assertEquals(200, send("GET", PAGE).status());
    RawHttp.Response head = send("HEAD", PAGE);
    assertEquals(200, head.status());
    assertEquals("", head.body());
    assertEquals(200, send("HEAD", ECHO).status());
  }

  @Test
  void optionsOfAModuleServletListsWhatItImplementsWithoutTrace() throws Exception {
    RawHttp.Response options = send("OPTIONS", ECHO);
    assertEquals(200, options.status(), options.body());
    assertEquals("GET, HEAD, OPTIONS", options.headers().get("allow"));
  }

  @Test
  void unsupportedHttpVersionIsAFrenchPageThatDoesNotSayRetry() throws Exception {
    RawHttp.Response response =
        RawHttp.exchange(
            base,
            "GET /actualites HTTP/9.9\r\nHost: localhost:"
                + base.getPort()
                + "\r\nConnection: close\r\n\r\n");
    assertEquals(505, response.status());
    assertEquals("text/html;charset=UTF-8", response.headers().get("content-type"));
    assertEquals("nosniff", response.headers().get("x-content-type-options"));
    assertTrue(response.body().contains("Version HTTP non prise en charge"), response.body());
    assertTrue(response.body().contains("HTTP/1.1"), response.body());
    assertFalse(response.body().contains("réessayer"), response.body());
    assertFalse(response.body().contains("Une erreur est survenue"), response.body());
  }

  @Test
  void absoluteUrlsNeverComeFromTheHostHeader() throws Exception {
    String site = "<p id=\"site\">http://localhost:" + base.getPort() + "</p>";
    assertEquals("http://localhost:" + base.getPort(), server.publicUrl());
    RawHttp.Response evil = send("GET", PAGE, "X-Forwarded-Host: evil.example");
    assertTrue(evil.body().contains(site), evil.body());
    RawHttp.Response hostHeader =
        RawHttp.exchange(
            base, "GET /actualites HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
    assertEquals(200, hostHeader.status());
    assertTrue(hostHeader.body().contains(site), hostHeader.body());
    assertFalse(hostHeader.body().contains("evil.example"), hostHeader.body());
    RawHttp.Response absoluteForm =
        RawHttp.exchange(
            base,
            "GET http://evil.example:81/actualites HTTP/1.1\r\nHost: evil.example:81\r\n"
                + "Connection: close\r\n\r\n");
    assertEquals(200, absoluteForm.status());
    assertTrue(absoluteForm.body().contains(site), absoluteForm.body());
  }

  @Test
  void publicUrlOptionIsTheSiteUrlWhateverTheHost() throws Exception {
    try (PreviewServer other =
        PreviewServer.start(
            PreviewOptions.defaults()
                .withPort(0)
                .withInMemory()
                .withProjectDir(Fixtures.site())
                .withResources(Fixtures.resources())
                .withPublicUrl("HTTPS://Www.Irev.fr/"))) {
      assertEquals("https://www.irev.fr", other.publicUrl());
      RawHttp.Response page =
          RawHttp.exchange(
              other.baseUri(),
              "GET /actualites HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
      assertEquals(200, page.status());
      assertTrue(page.body().contains("<p id=\"site\">https://www.irev.fr</p>"), page.body());
    }
  }

  @Test
  void absoluteFormRequestsAreAcceptedWhateverTheirHostHeader() throws Exception {
    for (String authority :
        new String[] {
          "localhost:" + base.getPort(), "127.0.0.1:" + base.getPort(), "www.irev.fr"
        }) {
      RawHttp.Response response = send("GET", "http://" + authority + "/actualites?page=7");
      assertEquals(200, response.status(), authority + "\n" + response.body());
      assertTrue(response.body().contains("<p id=\"page\">7</p>"), response.body());
    }
    RawHttp.Response noHost =
        RawHttp.exchange(
            base,
            "GET http://localhost:"
                + base.getPort()
                + "/actualites HTTP/1.1\r\nConnection: close\r\n\r\n");
    assertEquals(400, noHost.status(), "RFC 9112 §3.2: an HTTP/1.1 request without Host is 400");
    assertTrue(noHost.body().contains("Requête invalide"), noHost.body());
  }

  @Test
  void aMalformedQueryPairIsSkippedAndTheOthersKept() throws Exception {
    String[][] cases = {
      {"/actualites?page=3&x=%ZZ", "3", "Bonjour vous"},
      {"/actualites?x=%ZZ&page=3&nom=%C3%89lise", "3", "Bonjour Élise"},
      {"/actualites?page=3&x=%C3%28", "3", "Bonjour vous"},
      {"/actualites?page=%ZZ&page=4", "4", "Bonjour vous"},
      {"/actualites?page=%&nom=a+b%20c", "-", "Bonjour a b c"},
      {"/actualites?%ZZ=1&page=5&=6&&nom", "5", "Bonjour "},
      {"/actualites?page=%FF", "\uFFFD", "Bonjour vous"},
      {"/actualites?page=%E9t%E9", "\uFFFDt\uFFFD", "Bonjour vous"},
    };
    for (String[] c : cases) {
      RawHttp.Response response = send("GET", c[0]);
      assertEquals(200, response.status(), c[0]);
      assertTrue(response.body().contains("<p id=\"page\">" + c[1] + "</p>"), c[0]);
      assertTrue(response.body().contains("<p id=\"fn\">" + c[2] + "</p>"), c[0]);
    }
    RawHttp.Response forwarded = send("GET", ITEM + "?x=%ZZ&item=ignored");
    assertEquals(200, forwarded.status(), forwarded.body());
    assertTrue(forwarded.body().contains("<h1>Journée d&#39;approfondissement</h1>"));
  }

  @Test
  void aTrailingSlashRedirectsToThePathWithoutIt() throws Exception {
    String[][] cases = {
      {"/actualites/", "/actualites"},
      {"/actualites/?page=2&x=%ZZ", "/actualites?page=2&x=%ZZ"},
      {ITEM + "/", ITEM},
      {ITEM + "/?utm=1", ITEM + "?utm=1"},
      {"/actualites/detail/", "/actualites/detail"},
    };
    for (String[] c : cases) {
      for (String method : new String[] {"GET", "HEAD"}) {
        RawHttp.Response response = send(method, c[0]);
        assertEquals(301, response.status(), method + " " + c[0]);
        assertEquals(c[1], response.headers().get("location"), method + " " + c[0]);
      }
    }
    assertMethodNotAccepted(send("POST", "/actualites/"), "GET, HEAD", "POST /actualites/");
    assertMethodNotAccepted(send("DELETE", ITEM + "/"), "GET, HEAD", "DELETE item/");
    for (String target :
        new String[] {
          "//evil.example/",
          "///evil.example/",
          "/%2Fevil.example/",
          "/%5Cevil.example/",
          "/\\evil.example/",
          "//evil.example//",
          "/actualites//"
        }) {
      RawHttp.Response response = send("GET", target);
      String location = response.headers().get("location");
      assertTrue(
          location == null || (location.startsWith("/") && !location.startsWith("//")),
          target + " -> " + response.status() + " " + location);
      assertFalse(location != null && location.contains("\\"), target + " -> " + location);
      assertTrue(response.status() < 500, target + " -> " + response.status());
    }
  }

  @Test
  void theGenericNotFoundPageIsNotIndexed() throws Exception {
    for (String target : new String[] {"/nope", "/actualites/main/0", "/dam/x", CSS + ".nope"}) {
      RawHttp.Response response = send("GET", target);
      assertEquals(404, response.status(), target);
      assertTrue(
          response.body().contains("<meta name=\"robots\" content=\"noindex\">"),
          target + "\n" + response.body());
    }
    RawHttp.Response notAllowed = send("DELETE", PAGE);
    assertTrue(notAllowed.body().contains("<meta name=\"robots\" content=\"noindex\">"));
    assertNull(send("GET", PAGE).headers().get("allow"));
  }
}
