package fr.irev.news.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.irev.news.preview.PreviewOptions;
import fr.irev.news.preview.PreviewServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.jcr.Session;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * The thumbnail address a card writes carries the asset's version: once rendered, it is served from
 * the cache without the repository, cacheable for a year.
 */
class VersionedThumbnailTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static HttpResponse<byte[]> get(PreviewServer server, String target) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(server.baseUri().resolve(URI.create(target))).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void verifiedVersionIsServedFromTheCacheForAMinute() throws Exception {
    try (PreviewServer server =
        PreviewServer.start(PreviewOptions.defaults().withPort(0).withInMemory())) {
      String page = new String(get(server, "/actualites/" + SeedSiteTest.SEED).body(), "UTF-8");
      String src = Jsoup.parse(page).selectFirst("img.irev-attachment__thumbnail").attr("src");
      String unversioned = src.substring(0, src.indexOf('?'));

      HttpResponse<byte[]> first = get(server, src);
      HttpResponse<byte[]> second = get(server, src);
      assertEquals(200, first.statusCode()); // rendered now, or cached by an earlier test
      assertEquals(
          "public, max-age=86400", second.headers().firstValue("Cache-Control").orElse(""));
      assertArrayEquals(first.body(), second.body());

      // the asset leaves the repository: within the minute the versioned address still comes from
      // the cache alone (no session); the address without version goes through the repository
      Session dam = server.repository().login("dam");
      try {
        dam.getNodeByIdentifier("f167e1b0-6149-5e1a-91af-4d859c8a3f33").remove();
        dam.save();
      } finally {
        dam.logout();
      }
      assertEquals(200, get(server, src).statusCode());
      assertEquals(404, get(server, unversioned).statusCode());
    }
  }
}
