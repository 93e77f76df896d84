package fr.irev.news.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.testing.SeedFacts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The detail pages stay light: for the seed page and the upcoming sample event, the HTML and every
 * style sheet, script and script request the page makes in Chromium (recorded through DevTools,
 * {@link PageWatch}; images excluded, and the {@code /favicon.ico} browsers ask for by themselves)
 * weigh less than 100 KB (102 400 bytes) once compressed with gzip ({@link GZIPOutputStream},
 * default level: the preview server does not compress, Magnolia's gzip filter or the front server
 * does). The figures are printed and kept in docs/benchmarks.md ("Page weight").
 */
class PageWeightTest {

  @RegisterExtension static final BrowserClass ui = BrowserClass.withJavaScript();

  /** The budget of a detail page, compressed, images excluded: 100 KB. */
  static final long BUDGET = 100 * 1024;

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /**
   * One resource of a page.
   *
   * @param type its DevTools resource type
   * @param path its path on the site
   * @param raw its size as served, bytes
   * @param gzip its size once compressed with gzip, bytes
   */
  record Resource(String type, String path, long raw, long gzip) {}

  /** The page's resources, images apart, as the browser asked for them while loading it. */
  private static List<Resource> load(String path) throws Exception {
    try (PageWatch watch = new PageWatch(ui.browser())) {
      ui.driver().get(ui.site().url(path));
      watch.awaitIdle();
      return watch.requests().stream()
          .filter(r -> !"Image".equals(r.type()))
          .filter(r -> !URI.create(r.url()).getPath().equals("/favicon.ico"))
          .map(PageWeightTest::measure)
          .toList();
    }
  }

  private static Resource measure(PageWatch.Request request) {
    try {
      HttpResponse<byte[]> answer =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(request.url())).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, answer.statusCode(), request.url());
      URI uri = URI.create(request.url());
      String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      return new Resource(request.type(), path, answer.body().length, gzip(answer.body()));
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(request.url(), e);
    }
  }

  /** The size of {@code bytes} compressed with gzip at the default level. */
  static long gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(bytes);
    }
    return out.size();
  }

  /** Checks the budget and prints the figures; returns the compressed total. */
  private static long weigh(String path, List<Resource> resources) {
    long raw = resources.stream().mapToLong(Resource::raw).sum();
    long gzip = resources.stream().mapToLong(Resource::gzip).sum();
    StringBuilder report = new StringBuilder("PageWeightTest: " + path + "\n");
    for (Resource r : resources) {
      report.append(
          String.format(
              Locale.ROOT,
              "  %-10s %8d B raw %8d B gzip  %s%n",
              r.type(),
              r.raw(),
              r.gzip(),
              r.path()));
    }
    report.append(
        String.format(
            Locale.ROOT,
            "  %-10s %8d B raw %8d B gzip  (budget %d B)%n",
            "total",
            raw,
            gzip,
            BUDGET));
    System.out.print(report);
    assertTrue(gzip < BUDGET, report.toString());
    return gzip;
  }

  @Test
  void theSeedPageWeighsLessThan100KbCompressed() throws Exception {
    String path = "/actualites/" + SeedFacts.SEED;
    List<Resource> resources = load(path);
    assertEquals(
        List.of(path, "/.resources/irev-news/webresources/css/irev-news.css"),
        resources.stream().map(Resource::path).toList());
    assertEquals(
        List.of("Document", "Stylesheet"), resources.stream().map(Resource::type).toList());
    assertTrue(weigh(path, resources) > 1000, "something was measured");
  }

  @Test
  void theUpcomingEventPageWithItsFormWeighsLessThan100KbCompressed() throws Exception {
    String path = "/actualites/" + SeedFacts.NEXT_SESSION;
    List<Resource> resources = load(path);
    Map<String, String> byType = new TreeMap<>();
    resources.forEach(r -> byType.put(r.type(), r.path()));
    assertEquals(4, resources.size(), resources.toString());
    assertEquals(path, resources.get(0).path(), "the page first");
    assertTrue(
        byType.get("Fetch").matches("/\\.irev-news/registration/[0-9a-f-]{36}/places"),
        byType.toString());
    byType.remove("Fetch");
    assertEquals(
        Map.of(
            "Document", path,
            "Stylesheet", "/.resources/irev-news/webresources/css/irev-news.css",
            "Script", "/.resources/irev-news/webresources/js/registration.js"),
        byType);
    assertTrue(weigh(path, resources) > 1000, "something was measured");
  }

  @Test
  void gzipOfRepeatedTextIsSmall() throws Exception {
    byte[] text = "<p>IREV</p>\n".repeat(1000).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    long size = gzip(text);
    assertTrue(size > 20 && size < 200, Long.toString(size));
  }
}
