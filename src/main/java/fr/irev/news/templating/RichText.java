package fr.irev.news.templating;

import fr.irev.news.format.FrenchTypography;
import fr.irev.news.link.UrlUnwrapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;

/**
 * Makes the staff's rich text safe to print as HTML: a jsoup safelist (no script, no event handler,
 * no {@code javascript:} URL), links made absolute, unwrapped from e-mail security filters and
 * numbered as footnotes for print, French no-break spaces in the text.
 */
final class RichText {

  private RichText() {}

  /**
   * @param html rich text HTML, may be {@code null}
   * @param siteUrl absolute site address used to resolve relative links
   * @param footnotes where each link gets its number
   * @return safe HTML, {@code null} when the input is {@code null} or blank
   */
  static String sanitize(String html, String siteUrl, Footnotes footnotes) {
    if (html == null || html.isBlank()) {
      return null;
    }
    String base = siteUrl + "/";
    String clean = Jsoup.clean(html, base, Safelist.relaxed().preserveRelativeLinks(true));
    Document document = Jsoup.parseBodyFragment(clean, base);
    document.outputSettings().prettyPrint(false);
    for (Element image : document.select("img[src]")) {
      image.attr("src", image.absUrl("src"));
    }
    for (Element link : document.select("a")) {
      String absolute = link.absUrl("href");
      if (absolute.isEmpty()) {
        link.unwrap();
        continue;
      }
      String target = UrlUnwrapper.unwrap(absolute);
      link.attr("href", target);
      link.attr("data-fn", String.valueOf(footnotes.add(target, link.text())));
    }
    document
        .body()
        .traverse(
            (node, depth) -> {
              if (node instanceof TextNode text) {
                text.text(FrenchTypography.spaces(text.getWholeText()));
              }
            });
    return document.body().html();
  }
}
