package fr.irev.news.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.preview.support.RawHttp;
import fr.irev.news.testing.SeedFacts;
import java.io.IOException;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tester's findings checked on the real light module and sample content (working directory =
 * project): absolute URLs from {@code --public-url} whatever the {@code Host}, malformed query
 * pairs next to a thematic filter, trailing slashes on the list and an item.
 */
class RealSiteHardeningTest {

  private static final String SEED = SeedFacts.SEED;
  private static final String PUBLIC = "https://www.irev.fr";
  private static final String NBSP = "\u00a0";

  private static PreviewServer server;

  @BeforeAll
  static void start() throws Exception {
    server =
        PreviewServer.start(
            PreviewOptions.defaults().withPort(0).withInMemory().withPublicUrl(PUBLIC + "/"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Document page(String target, String... headers) throws IOException {
    RawHttp.Response response = RawHttp.send(server.baseUri(), "GET", target, headers);
    assertEquals(200, response.status(), target + "\n" + response.body());
    return Jsoup.parse(response.body());
  }

  private static Document withHost(String target, String host) throws IOException {
    RawHttp.Response response =
        RawHttp.exchange(
            server.baseUri(),
            "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
    assertEquals(200, response.status(), target + "\n" + response.body());
    assertFalse(response.body().contains("evil.example"), response.body());
    return Jsoup.parse(response.body());
  }

  private static String text(Element element) {
    return element.wholeText().replaceAll("[ \\t\\r\\n]+", " ").trim();
  }

  @Test
  void footnotesAndBookmarkUseThePublicUrlWhateverTheHostHeader() throws Exception {
    for (String host : new String[] {"evil.example", "localhost:" + server.baseUri().getPort()}) {
      Document page = withHost("/actualites/" + SEED, host);
      List<String> notes = page.select(".irev-footnotes li").eachText();
      assertTrue(notes.size() >= 5, notes.toString());
      assertTrue(notes.get(0).startsWith("[1] https://irev.fr/thematiques/"), notes.get(0));
      for (String note : notes.subList(1, notes.size())) {
        assertTrue(note.matches("\\[\\d+\\] " + PUBLIC + "/\\S+"), note);
      }
      assertTrue(
          notes.stream()
              .anyMatch(n -> n.endsWith("] " + PUBLIC + "/actualites?thematique=discrimination")),
          notes.toString());
      assertEquals(
          "/favoris?retour=%2Factualites%2F" + SEED,
          page.selectFirst("a.irev-attachment__bookmark").attr("href"));
    }
    RawHttp.Response absoluteForm =
        RawHttp.send(server.baseUri(), "GET", "http://evil.example/actualites/" + SEED);
    assertEquals(200, absoluteForm.status());
    assertFalse(absoluteForm.body().contains("evil.example"));
    assertTrue(absoluteForm.body().contains(PUBLIC + "/actualites?thematique=discrimination"));
  }

  @Test
  void aMalformedPairDoesNotDropTheThematicFilter() throws Exception {
    for (String junk : new String[] {"&x=%ZZ", "&x=%C3%28", "&x=%", "&%ZZ=1", ""}) {
      Document list = page("/actualites?thematique=discrimination" + junk);
      assertEquals(
          "Thématique" + NBSP + ": Discrimination",
          list.selectFirst(".irev-filter").textNodes().get(0).getWholeText().trim(),
          junk);
      assertEquals(SeedFacts.LISTED.size(), list.select(".irev-summary").size(), junk);
      assertEquals(
          SeedFacts.LISTED,
          list.select(".irev-summary__title a").eachAttr("href").stream()
              .map(h -> h.substring(h.lastIndexOf('/') + 1))
              .toList(),
          junk);
      assertNull(list.selectFirst(".irev-notice"), junk);
    }
  }

  @Test
  void anUndecodableThematicIsAnUnknownOneLikeAnyOther() throws Exception {
    String notice = "Thématique inconnue" + NBSP + ": le filtre n'est pas appliqué.";
    for (String value : new String[] {"%FF", "%C3%28", "%3Cscript%3E", "inconnue"}) {
      Document list = page("/actualites?thematique=" + value + "&page=1");
      assertEquals(notice, text(list.selectFirst(".irev-notice")), value);
      assertNull(list.selectFirst(".irev-filter"), value);
      assertFalse(list.html().contains("<script>"), value);
    }
  }

  @Test
  void trailingSlashesRedirectToTheCanonicalUrl() throws Exception {
    String[][] cases = {
      {"/actualites/", "/actualites"},
      {"/actualites/?thematique=discrimination", "/actualites?thematique=discrimination"},
      {"/actualites/" + SEED + "/", "/actualites/" + SEED},
      {"/actualites/" + SEED + "/?imprimer=1", "/actualites/" + SEED + "?imprimer=1"},
    };
    for (String[] c : cases) {
      for (String method : new String[] {"GET", "HEAD"}) {
        RawHttp.Response response = RawHttp.send(server.baseUri(), method, c[0]);
        assertEquals(301, response.status(), method + " " + c[0]);
        assertEquals(c[1], response.headers().get("location"), method + " " + c[0]);
      }
      assertEquals(200, RawHttp.send(server.baseUri(), "GET", c[1]).status(), c[1]);
    }
    RawHttp.Response post = RawHttp.send(server.baseUri(), "POST", "/actualites/" + SEED + "/");
    assertEquals(405, post.status());
    assertEquals("GET, HEAD", post.headers().get("allow"));
    assertEquals(
        404, RawHttp.send(server.baseUri(), "GET", "/actualites/" + SEED.toUpperCase()).status());
  }
}
