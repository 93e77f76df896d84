package fr.irev.news.web;

import static fr.irev.news.web.DamFixtures.BROCHURE_FILE;
import static fr.irev.news.web.DamFixtures.BROCHURE_ID;
import static fr.irev.news.web.DamFixtures.BROCHURE_SIZE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.preview.PreviewOptions;
import fr.irev.news.preview.PreviewServer;
import fr.irev.news.preview.support.RawHttp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link DownloadServlet} as the descriptor mounts it in the preview server, with the module's
 * sample content, over real HTTP.
 */
class DownloadServletTest {

  static final String BROCHURE = "/.irev-news/download/" + BROCHURE_ID + "/" + BROCHURE_FILE;
  static final String LAST_MODIFIED = "Mon, 04 Oct 2021 08:45:00 GMT";
  static final String C17_NAME = "Programme journée d'étude – 30 nov 2021.pdf";
  static final String C17_DISPOSITION =
      "attachment; filename=\"Programme journee d'etude - 30 nov 2021.pdf\"; "
          + "filename*=UTF-8''Programme%20journ%C3%A9e%20d%27%C3%A9tude%20%E2%80%93%2030%20nov%202021.pdf";

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static PreviewServer server;
  private static byte[] brochure;
  private static String c17Id;
  private static String htmlId;

  @BeforeAll
  static void start() throws Exception {
    server = PreviewServer.start(PreviewOptions.defaults().withPort(0).withInMemory());
    brochure = DamFixtures.binary(server, BROCHURE_ID);
    c17Id =
        DamFixtures.createAsset(
            server,
            "programme-journee-etude",
            C17_NAME,
            "application/pdf",
            Arrays.copyOf(brochure, 1000),
            Instant.parse("2021-11-02T09:30:00Z"));
    htmlId =
        DamFixtures.createAsset(
            server,
            "page-html",
            "page.html",
            "text/html",
            "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8),
            Instant.parse("2021-11-02T09:30:00Z"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
    return send("GET", path, headers);
  }

  static HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.baseUri().resolve(path))
            .method(method, HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  static String etag() throws Exception {
    return header(send("HEAD", BROCHURE), "ETag");
  }

  @Test
  void wholeFileHasTheDamBytesAndEveryHeader() throws Exception {
    assertEquals(BROCHURE_SIZE, brochure.length);

    HttpResponse<byte[]> response = get(BROCHURE);

    assertEquals(200, response.statusCode());
    assertArrayEquals(brochure, response.body());
    HttpHeaders headers = response.headers();
    assertEquals("application/pdf", header(response, "Content-Type"));
    assertEquals("nosniff", header(response, "X-Content-Type-Options"));
    assertEquals(
        "attachment; filename=\"" + BROCHURE_FILE + "\"; filename*=UTF-8''" + BROCHURE_FILE,
        header(response, "Content-Disposition"));
    assertEquals(String.valueOf(BROCHURE_SIZE), header(response, "Content-Length"));
    assertEquals(LAST_MODIFIED, header(response, "Last-Modified"));
    assertTrue(
        header(response, "ETag").matches("\"[0-9a-f]+-[0-9a-f]+\""), header(response, "ETag"));
    assertEquals("bytes", header(response, "Accept-Ranges"));
    assertEquals("public, max-age=3600", header(response, "Cache-Control"));
    assertEquals(List.of(), headers.allValues("Content-Range"));
  }

  @Test
  void caseC17ContentDisposition() throws Exception {
    HttpResponse<byte[]> response =
        get("/.irev-news/download/" + c17Id + "/" + AssetPaths.encodeSegment(C17_NAME));

    assertEquals(200, response.statusCode());
    assertEquals(C17_DISPOSITION, header(response, "Content-Disposition"));
    assertEquals(1000, response.body().length);
  }

  @Test
  void anHtmlAssetIsDownloadedNeverRendered() throws Exception {
    HttpResponse<byte[]> response = get("/.irev-news/download/" + htmlId + "/page.html");

    assertEquals(200, response.statusCode());
    assertEquals("text/html", header(response, "Content-Type"));
    assertEquals("nosniff", header(response, "X-Content-Type-Options"));
    assertTrue(header(response, "Content-Disposition").startsWith("attachment; "));
  }

  @Test
  void headHasTheHeadersAndNoBody() throws Exception {
    HttpResponse<byte[]> response = send("HEAD", BROCHURE);

    assertEquals(200, response.statusCode());
    assertEquals(0, response.body().length);
    assertEquals(String.valueOf(BROCHURE_SIZE), header(response, "Content-Length"));
    assertEquals("application/pdf", header(response, "Content-Type"));
    assertEquals(LAST_MODIFIED, header(response, "Last-Modified"));
    assertEquals(get(BROCHURE).headers().firstValue("ETag"), response.headers().firstValue("ETag"));
  }

  @Test
  void firstBytes() throws Exception {
    HttpResponse<byte[]> response = get(BROCHURE, "Range", "bytes=0-99");

    assertEquals(206, response.statusCode());
    assertEquals("bytes 0-99/262961", header(response, "Content-Range"));
    assertEquals("100", header(response, "Content-Length"));
    assertArrayEquals(Arrays.copyOfRange(brochure, 0, 100), response.body());
    assertEquals("application/pdf", header(response, "Content-Type"));
    assertTrue(header(response, "Content-Disposition").startsWith("attachment; "));
  }

  @Test
  void fromAnOffsetToTheEnd() throws Exception {
    HttpResponse<byte[]> response = get(BROCHURE, "Range", "bytes=262900-");

    assertEquals(206, response.statusCode());
    assertEquals("bytes 262900-262960/262961", header(response, "Content-Range"));
    assertArrayEquals(Arrays.copyOfRange(brochure, 262_900, 262_961), response.body());
  }

  @Test
  void lastBytesAndARangeAcrossSeveralBuffers() throws Exception {
    HttpResponse<byte[]> suffix = get(BROCHURE, "Range", "bytes=-100");
    assertEquals(206, suffix.statusCode());
    assertEquals("bytes 262861-262960/262961", header(suffix, "Content-Range"));
    assertArrayEquals(Arrays.copyOfRange(brochure, 262_861, 262_961), suffix.body());

    HttpResponse<byte[]> middle = get(BROCHURE, "Range", "bytes=1000-200000");
    assertEquals(206, middle.statusCode());
    assertArrayEquals(Arrays.copyOfRange(brochure, 1000, 200_001), middle.body());
  }

  @Test
  void unsatisfiableRange() throws Exception {
    HttpResponse<byte[]> response = get(BROCHURE, "Range", "bytes=262961-");

    assertEquals(416, response.statusCode());
    assertEquals("bytes */262961", header(response, "Content-Range"));
    assertTrue(new String(response.body(), StandardCharsets.UTF_8).contains("lang=\"fr\""));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"bytes=0-9,20-29", "bytes=0-9, 5-15", "bytes=abc", "bytes=9-1", "pages=1-2"})
  void severalOrInvalidRangesGetTheWholeFile(String range) throws Exception {
    HttpResponse<byte[]> response = get(BROCHURE, "Range", range);

    assertEquals(200, response.statusCode());
    assertArrayEquals(brochure, response.body());
    assertEquals(List.of(), response.headers().allValues("Content-Range"));
  }

  @Test
  void ifRangeWithAnotherEtagGetsTheWholeFile() throws Exception {
    HttpResponse<byte[]> response =
        get(BROCHURE, "Range", "bytes=0-99", "If-Range", "\"an-older-version\"");

    assertEquals(200, response.statusCode());
    assertEquals(BROCHURE_SIZE, response.body().length);
  }

  @Test
  void ifRangeWithTheCurrentEtagOrDateGetsTheRange() throws Exception {
    assertEquals(206, get(BROCHURE, "Range", "bytes=0-99", "If-Range", etag()).statusCode());
    assertEquals(206, get(BROCHURE, "Range", "bytes=0-99", "If-Range", LAST_MODIFIED).statusCode());
    assertEquals(
        200,
        get(BROCHURE, "Range", "bytes=0-99", "If-Range", "W/" + etag()).statusCode(),
        "a weak tag never matches If-Range");
  }

  @Test
  void notModifiedByEtag() throws Exception {
    String etag = etag();
    HttpResponse<byte[]> response = get(BROCHURE, "If-None-Match", etag);

    assertEquals(304, response.statusCode());
    assertEquals(0, response.body().length);
    assertEquals(etag, header(response, "ETag"));
    assertEquals("public, max-age=3600", header(response, "Cache-Control"));
    assertEquals(200, get(BROCHURE, "If-None-Match", "\"something-else\"").statusCode());
  }

  @Test
  void notModifiedByDate() throws Exception {
    assertEquals(304, get(BROCHURE, "If-Modified-Since", LAST_MODIFIED).statusCode());
    assertEquals(
        304, get(BROCHURE, "If-Modified-Since", "Tue, 30 Nov 2021 08:00:00 GMT").statusCode());
    assertEquals(
        200, get(BROCHURE, "If-Modified-Since", "Mon, 04 Oct 2021 08:44:59 GMT").statusCode());
    assertEquals(304, send("HEAD", BROCHURE, "If-Modified-Since", LAST_MODIFIED).statusCode());
  }

  @Test
  void preconditionFailed() throws Exception {
    assertEquals(412, get(BROCHURE, "If-Match", "\"an-older-version\"").statusCode());
    assertEquals(200, get(BROCHURE, "If-Match", etag()).statusCode());
  }

  @Test
  void aFileNameThatIsNotTheAssetsIsNotFound() throws Exception {
    assertNotFound(get("/.irev-news/download/" + BROCHURE_ID + "/autre-nom.pdf"));
    assertNotFound(get("/.irev-news/download/" + BROCHURE_ID + "/" + BROCHURE_FILE.toUpperCase()));
  }

  @Test
  void nodesThatAreNotDamAssetsAreNotFound() throws Exception {
    assertNotFound(get("/.irev-news/download/" + DamFixtures.DAM_FOLDER_ID + "/irev-news"));
    assertNotFound(get("/.irev-news/download/" + DamFixtures.NEWS_ITEM_ID + "/" + BROCHURE_FILE));
    assertNotFound(
        get("/.irev-news/download/00000000-0000-0000-0000-000000000000/" + BROCHURE_FILE));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/.irev-news/download",
        "/.irev-news/download/",
        "/.irev-news/download/" + BROCHURE_ID,
        "/.irev-news/download/" + BROCHURE_ID + "/",
        "/.irev-news/download/jcr:" + BROCHURE_ID + "/" + BROCHURE_FILE,
        "/.irev-news/download/F167E1B0-6149-5E1A-91AF-4D859C8A3F33/" + BROCHURE_FILE,
        "/.irev-news/download/" + BROCHURE_ID + "/" + BROCHURE_FILE + "/x",
        "/.irev-news/download/" + BROCHURE_ID + "/" + BROCHURE_FILE + "%00",
        "/.irev-news/download/" + BROCHURE_ID + "/" + BROCHURE_FILE + "%00.html",
        "/.irev-news/download/" + BROCHURE_ID + "/..%2F..%2Fetc%2Fpasswd",
        "/.irev-news/download/" + BROCHURE_ID + "/x%2F" + BROCHURE_FILE,
        "/.irev-news/download/" + BROCHURE_ID + "/x%5C" + BROCHURE_FILE,
        "/.irev-news/download/" + BROCHURE_ID + "/%2e%2e",
        "/.irev-news/download/" + BROCHURE_ID + "/" + BROCHURE_FILE + "%ZZ",
        "/.irev-news/download/" + BROCHURE_ID + "/%C0%AE%C0%AE",
        "/.irev-news/download/" + BROCHURE_ID + "/%0D%0ASet-Cookie:%20x=1",
        "/.irev-news/download/" + BROCHURE_ID + "/" + BROCHURE_FILE + ";jsessionid=1",
        "/.irev-news/download/x/../" + BROCHURE_ID + "/" + BROCHURE_FILE,
        "/.irev-news/download/" + BROCHURE_ID + "/./" + BROCHURE_FILE,
        "/.irev-news/download/" + BROCHURE_ID + "//" + BROCHURE_FILE,
        "/.irev-news/download/%2e%2e/%2e%2e/dam/jcr:" + BROCHURE_ID + "/" + BROCHURE_FILE,
      })
  void pathTricksAreNotFoundNeverAnError(String target) throws Exception {
    RawHttp.Response response = RawHttp.send(server.baseUri(), "GET", target);

    assertTrue(
        response.status() == 404 || response.status() == 400, target + " -> " + response.status());
    assertFalse(response.headers().containsKey("content-disposition"), target);
    assertTrue(response.body().contains("lang=\"fr\""), target + " -> " + response.body());
  }

  @Test
  void aClientThatGoesAwayIsNotAnError() throws Exception {
    byte[] large = new byte[24 * 1024 * 1024];
    new Random(17).nextBytes(large);
    String id =
        DamFixtures.createAsset(
            server, "gros-fichier", "gros.pdf", "application/pdf", large, Instant.now());
    String log =
        capturingStandardError(
            () -> {
              try (Socket socket =
                  new Socket(server.baseUri().getHost(), server.baseUri().getPort())) {
                socket
                    .getOutputStream()
                    .write(
                        ("GET /.irev-news/download/"
                                + id
                                + "/gros.pdf HTTP/1.1\r\nHost: localhost\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                byte[] some = socket.getInputStream().readNBytes(64 * 1024);
                assertEquals(64 * 1024, some.length);
                socket.setSoLinger(true, 0); // reset the connection: the server's next write fails
              }
              Thread.sleep(1_500);
              return null;
            });
    assertFalse(log.contains("WARN") || log.contains("ERROR"), log);
  }

  @Test
  void aVeryLongAddressIsNotFound() throws Exception {
    RawHttp.Response response =
        RawHttp.send(server.baseUri(), "GET", "/.irev-news/download/" + "x".repeat(4000));
    assertEquals(404, response.status());
  }

  @Test
  void notFoundIsTheFrenchPage() throws Exception {
    HttpResponse<byte[]> response = get("/.irev-news/download/" + BROCHURE_ID + "/autre.pdf");
    String page = new String(response.body(), StandardCharsets.UTF_8);

    assertEquals(404, response.statusCode());
    assertTrue(page.contains("<html lang=\"fr\">"), page);
    assertTrue(page.contains("Fichier introuvable"), page);
    assertEquals("no-store", header(response, "Cache-Control"));
  }

  @Test
  void otherMethodsAreRefused() throws Exception {
    HttpResponse<byte[]> response = send("POST", BROCHURE);
    assertEquals(405, response.statusCode());
  }

  private static void assertNotFound(HttpResponse<byte[]> response) {
    assertEquals(404, response.statusCode(), response.uri().toString());
    assertEquals(List.of(), response.headers().allValues("Content-Disposition"));
    assertTrue(
        new String(response.body(), StandardCharsets.UTF_8).contains("Fichier introuvable"),
        response.uri().toString());
  }

  /** slf4j-simple writes to whatever {@code System.err} is when it logs. */
  private static String capturingStandardError(Callable<Void> action) throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.call();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
