package fr.irev.news.templating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
}
