package fr.irev.news.templating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Cache;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The staff's rich text made safe and numbered for print. */
class RichTextTest {

  private static final String SITE = "https://www.irev.fr";

  @Test
  void scriptsHandlersAndJavascriptUrlsAreRemoved() {
    Footnotes notes = new Footnotes();
    String html =
        "<p onclick=\"alert(1)\">Texte <script>alert(2)</script><a href=\"javascript:alert(3)\">lien</a>"
            + "<img src=x onerror=alert(4)></p>";

    assertEquals(
        "<p>Texte lien<img src=\"https://www.irev.fr/x\"></p>",
        RichText.sanitize(html, SITE, notes));
    assertEquals(List.of(), notes.list());
  }

  @Test
  void linksBecomeAbsoluteUnwrappedAndNumberedInOrder() {
    Footnotes notes = new Footnotes();
    notes.add("https://example.org/before", "avant");
    String html =
        "<p><a href=\"/actualites\">Actualités</a> et "
            + "<a href=\"https://urldefense.proofpoint.com/v2/url?u=https-3A__irev.fr_ressources&amp;d=DwMF&amp;c=x\">ressources</a></p>";

    String safe = RichText.sanitize(html, SITE, notes);

    assertEquals(
        "<p><a href=\"https://www.irev.fr/actualites\" data-fn=\"2\">Actualités</a> et "
            + "<a href=\"https://irev.fr/ressources\" data-fn=\"3\">ressources</a></p>",
        safe);
    assertEquals(
        List.of(
            "https://example.org/before",
            "https://www.irev.fr/actualites",
            "https://irev.fr/ressources"),
        notes.list().stream().map(FootnoteView::getUrl).toList());
    assertEquals("ressources", notes.list().get(2).getLabel());
  }

  @Test
  void blankBodyIsAbsent() {
    assertNull(RichText.sanitize(null, SITE, new Footnotes()));
    assertNull(RichText.sanitize("  \n ", SITE, new Footnotes()));
  }

  @Test
  void cacheHitGivesTheSameHtmlAndFootnotes() {
    Cache<RichText.Key, RichText.Cleaned> cache = RichText.newCache(RichText.CACHE_MAX_CHARS);
    String html = "<p>Voir <a href=\"/actualites\">la liste</a> : <b>merci</b></p>";
    Footnotes first = new Footnotes();
    Footnotes second = new Footnotes();

    String miss = RichText.sanitize(html, SITE, first, cache);
    String hit = RichText.sanitize(new String(html), SITE, second, cache);

    assertEquals(1, cache.estimatedSize());
    assertSame(miss, hit);
    assertEquals(RichText.sanitize(html, SITE, new Footnotes(), RichText.newCache(1_000)), hit);
    assertEquals(urls(first), urls(second));
    assertEquals(first.list().get(0).getLabel(), second.list().get(0).getLabel());
    assertEquals(List.of("https://www.irev.fr/actualites"), urls(second));
  }

  @Test
  void cachedLinksAreNumberedAfterTheFootnotesAlreadyThere() {
    Cache<RichText.Key, RichText.Cleaned> cache = RichText.newCache(RichText.CACHE_MAX_CHARS);
    String html = "<p><a href=\"/a\">A</a> <a href=\"/b\">B</a></p>";
    RichText.sanitize(html, SITE, new Footnotes(), cache);
    Footnotes notes = new Footnotes();
    notes.add("https://example.org/inscription", "S'inscrire");

    String safe = RichText.sanitize(html, SITE, notes, cache);

    assertTrue(safe.contains("data-fn=\"2\">A</a>") && safe.contains("data-fn=\"3\">B</a>"), safe);
    assertEquals(
        List.of(
            "https://example.org/inscription", "https://www.irev.fr/a", "https://www.irev.fr/b"),
        urls(notes));
  }

  @Test
  void changedSourceOrSiteGivesTheNewHtml() {
    Cache<RichText.Key, RichText.Cleaned> cache = RichText.newCache(RichText.CACHE_MAX_CHARS);
    RichText.sanitize("<p><a href=\"/a\">avant</a></p>", SITE, new Footnotes(), cache);

    assertEquals(
        "<p><a href=\"https://www.irev.fr/b\" data-fn=\"1\">après</a></p>",
        RichText.sanitize("<p><a href=\"/b\">après</a></p>", SITE, new Footnotes(), cache));
    assertEquals(
        "<p><a href=\"http://localhost:8080/a\" data-fn=\"1\">avant</a></p>",
        RichText.sanitize(
            "<p><a href=\"/a\">avant</a></p>", "http://localhost:8080", new Footnotes(), cache));
  }

  @Test
  void cacheStaysWithinItsBound() {
    Cache<RichText.Key, RichText.Cleaned> cache = RichText.newCache(10_000);
    for (int i = 0; i < 1_000; i++) {
      String html = "<p>Texte numéro " + i + " " + "x".repeat(200) + "</p>";
      assertEquals(
          RichText.sanitize(html, SITE, new Footnotes(), RichText.newCache(1_000)),
          RichText.sanitize(html, SITE, new Footnotes(), cache));
    }
    cache.cleanUp();

    long chars =
        cache.asMap().entrySet().stream()
            .mapToLong(e -> e.getKey().html().length() + (long) e.getValue().html().length())
            .sum();
    assertTrue(chars <= 10_000, chars + " characters kept");
    assertTrue(cache.estimatedSize() < 1_000, cache.estimatedSize() + " entries kept");
  }

  private static List<String> urls(Footnotes notes) {
    return notes.list().stream().map(FootnoteView::getUrl).toList();
  }
}
