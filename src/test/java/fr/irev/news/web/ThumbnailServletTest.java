package fr.irev.news.web;

import static fr.irev.news.web.DamFixtures.BROCHURE_ID;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.attachment.AttachmentLimits;
import fr.irev.news.attachment.AttachmentServices;
import fr.irev.news.preview.PreviewOptions;
import fr.irev.news.preview.PreviewServer;
import fr.irev.news.preview.support.RawHttp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ThumbnailServlet} as the descriptor mounts it in the preview server, with the module's
 * sample content, over real HTTP.
 */
class ThumbnailServletTest {

  static final String PATH = "/.irev-news/thumbnail/";

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static PreviewServer server;
  private static String htmlId;
  private static AttachmentLimits limits;

  @BeforeAll
  static void start() throws Exception {
    server = PreviewServer.start(PreviewOptions.defaults().withPort(0).withInMemory());
    limits = AttachmentServices.shared().limits();
    htmlId =
        DamFixtures.createAsset(
            server,
            "page-html",
            "page.html",
            "text/html",
            "<!DOCTYPE html><html><body><p>Pas un PDF</p></body></html>"
                .getBytes(StandardCharsets.UTF_8),
            Instant.parse("2021-11-02T09:30:00Z"));
  }

  @AfterAll
  static void stop() {
    server.close();
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

  static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
    return send("GET", path, headers);
  }

  static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  static BufferedImage png(HttpResponse<byte[]> response) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
    assertNotNull(image, "not an image: " + response.uri());
    return image;
  }

  @Test
  void brochureThumbnailHasTheRequestedWidth() throws Exception {
    HttpResponse<byte[]> response = get(PATH + BROCHURE_ID + "/240.png");

    assertEquals(200, response.statusCode());
    assertEquals("image/png", header(response, "Content-Type"));
    assertEquals(240, png(response).getWidth());
    assertEquals(String.valueOf(response.body().length), header(response, "Content-Length"));
    assertEquals("public, max-age=86400", header(response, "Cache-Control"));
    assertEquals("nosniff", header(response, "X-Content-Type-Options"));
    assertNotNull(header(response, "ETag"));
    assertNotNull(header(response, "Last-Modified"));
  }

  @Test
  void secondRequestWithTheEtagIsNotModified() throws Exception {
    HttpResponse<byte[]> first = get(PATH + BROCHURE_ID + "/320.png");
    String etag = header(first, "ETag");

    HttpResponse<byte[]> second = get(PATH + BROCHURE_ID + "/320.png", "If-None-Match", etag);

    assertEquals(304, second.statusCode());
    assertEquals(0, second.body().length);
    assertEquals(etag, header(second, "ETag"));
    assertEquals("public, max-age=86400", header(second, "Cache-Control"));
    HttpResponse<byte[]> again = get(PATH + BROCHURE_ID + "/320.png");
    assertArrayEquals(first.body(), again.body(), "served from the cache");
  }

  @Test
  void ifModifiedSinceIsNotModified() throws Exception {
    HttpResponse<byte[]> first = get(PATH + BROCHURE_ID + "/200.png");

    HttpResponse<byte[]> second =
        get(PATH + BROCHURE_ID + "/200.png", "If-Modified-Since", header(first, "Last-Modified"));

    assertEquals(304, second.statusCode());
  }

  @Test
  void headHasNoBody() throws Exception {
    HttpResponse<byte[]> response = send("HEAD", PATH + BROCHURE_ID + "/240.png");

    assertEquals(200, response.statusCode());
    assertEquals("image/png", header(response, "Content-Type"));
    assertEquals(0, response.body().length);
  }

  @Test
  void aCachedThumbnailNeedsNeitherTheBinaryNorANewRendering() throws Exception {
    byte[] pdf = DamFixtures.binary(server, BROCHURE_ID);
    Instant modified = Instant.parse("2022-01-10T10:00:00Z");
    String id =
        DamFixtures.createAsset(
            server, "copie-plaquette", "copie.pdf", "application/pdf", pdf, modified);
    HttpResponse<byte[]> first = get(PATH + id + "/160.png");
    assertEquals(160, png(first).getWidth());

    // Same jcr:lastModified, unreadable bytes: the cache key has not changed, nothing is re-read
    DamFixtures.replaceBinary(
        server, id, "not a PDF".getBytes(StandardCharsets.US_ASCII), modified);
    HttpResponse<byte[]> cached = get(PATH + id + "/160.png");
    assertEquals("public, max-age=86400", header(cached, "Cache-Control"));
    assertArrayEquals(first.body(), cached.body());

    // A new jcr:lastModified is a new key: the unreadable file gives the icon
    DamFixtures.replaceBinary(
        server, id, "not a PDF".getBytes(StandardCharsets.US_ASCII), modified.plusSeconds(60));
    HttpResponse<byte[]> changed = get(PATH + id + "/160.png");
    assertEquals(200, changed.statusCode());
    assertEquals("public, max-age=300", header(changed, "Cache-Control"));
    assertArrayEquals(DocumentIcon.png(), changed.body());
  }

  @Test
  void anAssetThatIsNotAPdfGetsTheDocumentIcon() throws Exception {
    HttpResponse<byte[]> response = get(PATH + htmlId + "/240.png");

    assertEquals(200, response.statusCode());
    assertEquals("image/png", header(response, "Content-Type"));
    assertEquals("public, max-age=300", header(response, "Cache-Control"));
    assertArrayEquals(DocumentIcon.png(), response.body());
    assertEquals(DocumentIcon.WIDTH, png(response).getWidth());
    assertEquals(
        304,
        get(PATH + htmlId + "/240.png", "If-None-Match", header(response, "ETag")).statusCode());
  }

  @Test
  void widthsOutsideTheLimitsAreNotFound() throws Exception {
    assertNotFound(get(PATH + BROCHURE_ID + "/" + (limits.minWidth() - 1) + ".png"));
    assertNotFound(get(PATH + BROCHURE_ID + "/" + (limits.maxWidth() + 1) + ".png"));
    assertNotFound(get(PATH + BROCHURE_ID + "/241.png"));
    assertEquals(200, get(PATH + BROCHURE_ID + "/80.png").statusCode());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        PATH + BROCHURE_ID + "/0240.png",
        PATH + BROCHURE_ID + "/240.jpg",
        PATH + BROCHURE_ID + "/240",
        PATH + BROCHURE_ID + "/abc.png",
        PATH + BROCHURE_ID + "/-240.png",
        PATH + BROCHURE_ID + "/240.png/x",
        PATH + BROCHURE_ID,
        PATH,
        PATH + "F167E1B0-6149-5E1A-91AF-4D859C8A3F33/240.png",
        PATH + DamFixtures.DAM_FOLDER_ID + "/240.png",
        PATH + DamFixtures.NEWS_ITEM_ID + "/240.png",
        PATH + "00000000-0000-0000-0000-000000000000/240.png",
      })
  void malformedOrUnknownAddressesAreNotFound(String path) throws Exception {
    assertNotFound(get(path));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        PATH + BROCHURE_ID + "/240.png%00",
        PATH + BROCHURE_ID + "/..%2F240.png",
        PATH + BROCHURE_ID + "/%2e%2e",
        PATH + BROCHURE_ID + "/24%ZZ.png",
        PATH + "x/../" + BROCHURE_ID + "/240.png",
      })
  void pathTricksAreRefusedNeverAnError(String target) throws Exception {
    RawHttp.Response response = RawHttp.send(server.baseUri(), "GET", target);

    assertTrue(
        response.status() == 404 || response.status() == 400, target + " -> " + response.status());
    assertTrue(response.body().contains("lang=\"fr\""), target);
  }

  private static void assertNotFound(HttpResponse<byte[]> response) {
    assertEquals(404, response.statusCode(), response.uri().toString());
    assertTrue(
        new String(response.body(), StandardCharsets.UTF_8).contains("lang=\"fr\""),
        response.uri().toString());
    assertEquals(List.of(), response.headers().allValues("ETag"));
  }
}
