package fr.irev.news.preview;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.preview.support.Fixtures;
import fr.irev.news.preview.support.RawHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The preview server on a free port, on the fixture project, with real HTTP requests. */
class PreviewServerTest {

  private static PreviewServer server;
  private static HttpClient client;

  @BeforeAll
  static void start() throws Exception {
    server =
        PreviewServer.start(
            PreviewOptions.defaults()
                .withPort(0)
                .withInMemory()
                .withProjectDir(Fixtures.site())
                .withResources(Fixtures.resources()));
    client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(server.baseUri().resolve(path)).GET().build());
  }

  static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  static void assertSecurityHeaders(HttpResponse<?> response) {
    assertEquals("nosniff", header(response, "X-Content-Type-Options"));
    assertEquals("strict-origin-when-cross-origin", header(response, "Referrer-Policy"));
    assertEquals(
        "default-src 'self'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'",
        header(response, "Content-Security-Policy"));
  }

  static void assertFrenchError(HttpResponse<String> response, int status, String title) {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals("text/html;charset=UTF-8", header(response, "Content-Type"));
    assertTrue(response.body().contains(title), response.body());
    assertTrue(response.body().contains("href=\"/actualites\""), response.body());
    assertFalse(response.body().contains("Exception"), response.body());
    assertSecurityHeaders(response);
  }

  @Test
  void rendersTheFixturePageWithItsAreaComponentsAndFtlObjects() throws Exception {
    HttpResponse<String> response = get("actualites?nom=%C3%89lise");
    assertEquals(200, response.statusCode(), response.body());
    assertEquals("text/html;charset=UTF-8", header(response, "Content-Type"));
    assertEquals("public, max-age=60", header(response, "Cache-Control"));
    assertSecurityHeaders(response);
    String html = response.body();
    assertTrue(html.contains("<h1>Actualités &amp; agenda</h1>"), html);
    assertTrue(
        html.contains("actualites|/actualites|0a5e3f10-5555-4c1d-9a2b-0e1f2a3b4c07|mgnl:page"),
        html);
    assertTrue(html.contains("<p id=\"keywords\">irev;agenda;</p>"), html);
    assertTrue(html.contains("<p id=\"modified\">04/10/2021 - 10:50</p>"), html);
    assertTrue(html.contains("<p id=\"bool\">false</p>"), html);
    assertTrue(html.contains("<p id=\"size\">11</p>"), html);
    assertTrue(html.contains("<p id=\"def\">irev-news.templates.pages.news-list|list</p>"), html);
    assertTrue(html.contains("<p id=\"page\">-</p>"), html);
    assertTrue(html.contains("<p id=\"state\">/actualites|/actualites</p>"), html);
    assertTrue(html.contains("<p id=\"i18n\">Actualités et événements</p>"), html);
    assertTrue(html.contains("<p id=\"i18n-args\">3 actualités</p>"), html);
    assertTrue(html.contains("<p id=\"missing\">irev-news.nope</p>"), html);
    assertTrue(html.contains("<p id=\"fn\">Bonjour Élise</p>"), html);
    assertTrue(
        html.contains(
            "<p id=\"site\">" + server.baseUri().toString().replaceAll("/$", "") + "</p>"),
        html);
    assertTrue(html.contains("<p id=\"child\">mgnl:area</p>"), html);
    int first = html.indexOf("<div class=\"text\">Premier &lt;b&gt;bloc&lt;/b&gt;</div>");
    int second = html.indexOf("<div class=\"text\">Second bloc</div>");
    assertTrue(first > 0 && second > first, html);
    assertEquals(200, get("actualites.html").statusCode());
  }

  @Test
  void rootRedirectsToTheNewsList() throws Exception {
    HttpResponse<String> response = get("");
    assertEquals(302, response.statusCode());
    assertTrue(header(response, "Location").endsWith("/actualites"), header(response, "Location"));
    assertSecurityHeaders(response);
  }

  @Test
  void unknownPathsAreTheFrenchNotFoundPage() throws Exception {
    assertFrenchError(get("nope"), 404, "Page introuvable");
    assertFrenchError(get("actualites/detail/deeper/x.html"), 404, "Page introuvable");
    assertFrenchError(get("actualites.json"), 404, "Page introuvable");
    assertFrenchError(get("actualites/main/0"), 404, "Page introuvable");
    assertFrenchError(get("dam/"), 404, "Page introuvable");
    assertFalse(get("nope").headers().firstValue("Cache-Control").orElse("").contains("public"));
  }

  @Test
  void virtualUriMappingForwardsOnceWithTheQueryAndTemplatesSetTheStatus() throws Exception {
    HttpResponse<String> found = get("actualites/journee-approfondissement");
    assertEquals(200, found.statusCode(), found.body());
    assertTrue(found.body().contains("<h1>Journée d&#39;approfondissement</h1>"), found.body());
    assertTrue(
        found.body().contains("<section class=\"area-main\"></section>")
            || !found.body().contains("section"),
        found.body());
    HttpResponse<String> missing = get("actualites/inconnue");
    assertEquals(404, missing.statusCode());
    assertTrue(missing.body().contains("Actualité introuvable"), missing.body());
    assertEquals("no-store", header(missing, "Cache-Control"));
    HttpResponse<String> selector =
        get("actualites/detail~imprimer~.html?item=journee-approfondissement");
    assertEquals(200, selector.statusCode());
    assertTrue(selector.body().contains("<p id=\"selector\">imprimer</p>"), selector.body());
    HttpResponse<String> moved = get("anciennes-actualites/journee-approfondissement");
    assertEquals(301, moved.statusCode());
    assertEquals("/actualites/journee-approfondissement", header(moved, "Location"));
  }

  @Test
  void malformedInputNeverGivesAServerError() throws Exception {
    String[] targets = {
      "/actualites?page=%ZZ",
      "/actualites?page=99999999999999999999",
      "/actualites?page=-1",
      "/actualites?page=%00",
      "/actualites?item=%3Cscript%3E",
      "/actualites/detail?item=..%2F..",
      "/actualites/detail?item=%ZZ",
      "/actualites/x%ZZ",
      "/%ZZ",
      "/actualites%00",
      "/actualites/%2e%2e/%2e%2e/etc",
      "/actualites/[x]",
      "/actualites~~~.html",
      "/.html",
      "/actualites/detail.html?item=",
      "/actualites?page=%C3",
      "/actualites?%ZZ=1&&=&page",
      "/dam/jcr:%ZZ/x.pdf",
      "/dam/jcr:0a5e3f10-3333-4c1d-9a2b-0e1f2a3b4c04/%C3%A9%ZZ",
      "/.irev-news/echo/%ZZ",
      "/.resources/%ZZ",
      "/actualites/%E9t%E9",
      "/actualites/%C0%AE",
      "/actualites?page=1;2",
      "//actualites",
      "/actualites/",
      "/actualites/detail/",
    };
    for (String target : targets) {
      for (String method : new String[] {"GET", "POST", "HEAD"}) {
        RawHttp.Response response = RawHttp.send(server.baseUri(), method, target);
        String where = method + " " + target + " -> " + response.status();
        assertTrue(response.status() < 500, where + "\n" + response.body());
        assertFalse(response.body().contains("Exception"), where + ": " + response.body());
        assertFalse(response.body().contains("\tat "), where + ": " + response.body());
        assertEquals("nosniff", response.headers().get("x-content-type-options"), where);
      }
    }
    RawHttp.Response badUri = RawHttp.send(server.baseUri(), "GET", "/%ZZ");
    assertEquals(400, badUri.status());
    assertTrue(badUri.body().contains("Requête invalide"), badUri.body());
    assertEquals("text/html;charset=UTF-8", badUri.headers().get("content-type"));
    RawHttp.Response page = RawHttp.send(server.baseUri(), "GET", "/actualites?page=%ZZ");
    assertTrue(page.status() == 200 || page.status() == 400, "" + page.status());
    assertEquals(
        200,
        RawHttp.send(server.baseUri(), "GET", "/actualites?page=99999999999999999999").status());
  }

  @Test
  void templateBugsAreTheFrenchErrorPageWithoutDetails() throws Exception {
    HttpResponse<String> broken = get("actualites/casse.html");
    assertFrenchError(broken, 500, "Erreur du site");
    assertFalse(broken.body().contains("avant"), broken.body());
    assertFalse(broken.body().contains("nope"), broken.body());
    assertFrenchError(get("actualites/sans-gabarit.html"), 500, "Erreur du site");
  }

  @Test
  void unsupportedMethodsAreFrench() throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(server.baseUri().resolve("actualites"))
                .method("DELETE", HttpRequest.BodyPublishers.noBody())
                .build());
    assertFrenchError(response, 405, "Méthode non acceptée");
    assertEquals("GET, HEAD", header(response, "Allow"));
  }

  @Test
  void damBinaryIsStreamedWithItsHeaders() throws Exception {
    String path = "dam/jcr:0a5e3f10-3333-4c1d-9a2b-0e1f2a3b4c04/plaquette.pdf";
    HttpResponse<byte[]> response =
        client.send(
            HttpRequest.newBuilder(server.baseUri().resolve(path)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode());
    assertArrayEquals(
        "%PDF-1.4\n% preview test\n".getBytes(StandardCharsets.US_ASCII), response.body());
    assertEquals("application/pdf", header(response, "Content-Type"));
    assertEquals("24", header(response, "Content-Length"));
    assertEquals("Mon, 04 Oct 2021 08:50:00 GMT", header(response, "Last-Modified"));
    assertSecurityHeaders(response);
    HttpResponse<String> notModified =
        send(
            HttpRequest.newBuilder(server.baseUri().resolve(path))
                .header("If-Modified-Since", "Mon, 04 Oct 2021 08:50:00 GMT")
                .build());
    assertEquals(304, notModified.statusCode());
    assertFrenchError(get("dam/jcr:not-a-uuid/plaquette.pdf"), 404, "Page introuvable");
    assertFrenchError(
        get("dam/jcr:0a5e3f10-3333-4c1d-9a2b-0e1f2a3b4c05/x.pdf"), 404, "Page introuvable");
    assertFrenchError(
        get("dam/jcr:0a5e3f10-3333-4c1d-9a2b-0e1f2a3b4c07/x.pdf"), 404, "Page introuvable");
    assertFrenchError(
        get("dam/jcr:00000000-0000-0000-0000-000000000000/x.pdf"), 404, "Page introuvable");
  }

  @Test
  void webResourcesAreServedButNothingOutsideTheirFolder() throws Exception {
    HttpResponse<String> css = get(".resources/irev-news/webresources/css/site.css");
    assertEquals(200, css.statusCode());
    assertEquals("text/css;charset=UTF-8", header(css, "Content-Type"));
    assertTrue(css.body().contains("Préview fixture"), css.body());
    assertSecurityHeaders(css);
    String[] refused = {
      ".resources/irev-news/webresources/",
      ".resources/irev-news/webresources/css",
      ".resources/irev-news/templates/pages/news-list.yaml",
      ".resources/irev-news/webresources/%2e%2e/templates/pages/news-list.yaml",
      ".resources/irev-news/webresources/css/%2e%2e%2f%2e%2e%2ftemplates%2fpages%2fnews-list.yaml",
      ".resources/irev-news/webresources/..%5c..%5ctemplates%5cpages%5cnews-list.yaml",
      ".resources/irev-news/webresources/css/..;/../templates/pages/news-list.yaml",
      ".resources/nope/webresources/css/site.css",
    };
    for (String path : refused) {
      HttpResponse<String> response = get(path);
      assertTrue(
          response.statusCode() == 404 || response.statusCode() == 400,
          path + " -> " + response.statusCode());
      assertFalse(response.body().contains("templateScript"), path);
    }
    HttpResponse<String> dots =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        server.baseUri()
                            + ".resources/irev-news/webresources/../templates/pages/news-list.yaml"))
                .build());
    assertTrue(dots.statusCode() == 404 || dots.statusCode() == 400, "" + dots.statusCode());
    assertFalse(dots.body().contains("templateScript"));
  }

  @Test
  void moduleServletsAreMountedWithTheirInitParameters() throws Exception {
    HttpResponse<String> response = get(".irev-news/echo/abc");
    assertEquals(200, response.statusCode());
    assertEquals("Bonjour /abc context=true", response.body());
    assertSecurityHeaders(response);
    assertEquals(200, get(".irev-news/echo-too").statusCode());
    assertFrenchError(get(".irev-news/missing/x"), 503, "Service indisponible");
  }
}
