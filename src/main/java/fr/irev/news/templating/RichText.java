package fr.irev.news.templating;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.irev.news.format.FrenchTypography;
import fr.irev.news.link.UrlUnwrapper;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;

/**
 * Makes the staff's rich text safe to print as HTML: a jsoup safelist (no script, no event handler,
 * no {@code javascript:} URL), links made absolute, unwrapped from e-mail security filters and
 * numbered as footnotes for print, French no-break spaces in the text.
 *
 * <p>Cleaning parses the HTML twice (about a quarter of a detail page's CPU time), so results are
 * kept in memory: see {@link #CACHE_MAX_CHARS}.
 */
final class RichText {

  /**
   * Bound of the cache of cleaned bodies, in characters (UTF-16, 2 bytes each) of source plus
   * result: about 8 MB. An entry is keyed by the source HTML itself (compared in full, never by
   * node path), the site address and the first footnote number, so any change of the text gives a
   * new entry; unused entries are evicted, least recently and least frequently used first.
   */
  static final long CACHE_MAX_CHARS = 4_000_000;

  private static final Cache<Key, Cleaned> CACHE = newCache(CACHE_MAX_CHARS);

  /** What {@link #clean} depends on. */
  record Key(String html, String siteUrl, int firstFootnote) {}

  /** A link numbered by {@link #clean}: what it gave to {@link Footnotes#add}. */
  record Link(String url, String label) {}

  /** Safe HTML and its links in footnote order. */
  record Cleaned(String html, List<Link> links) {
    Cleaned {
      links = List.copyOf(links);
    }
  }

  private RichText() {}

  /**
   * Same as {@link #clean}, served from a shared bounded cache (thread-safe): the result is
   * identical, and the links are added to {@code footnotes} in the same order.
   *
   * @param html rich text HTML, may be {@code null}
   * @param siteUrl absolute site address used to resolve relative links
   * @param footnotes where each link gets its number
   * @return safe HTML, {@code null} when the input is {@code null} or blank
   */
  static String sanitize(String html, String siteUrl, Footnotes footnotes) {
    return sanitize(html, siteUrl, footnotes, CACHE);
  }

  /**
   * @param maxChars bound in characters of source plus result
   * @return an empty cache for {@link #sanitize(String, String, Footnotes, Cache)}
   */
  static Cache<Key, Cleaned> newCache(long maxChars) {
    return Caffeine.newBuilder()
        .maximumWeight(maxChars)
        .<Key, Cleaned>weigher((key, cleaned) -> weight(key, cleaned))
        .build();
  }

  /**
   * @param cache where cleaned bodies are kept ({@link #newCache})
   * @see #sanitize(String, String, Footnotes)
   */
  static String sanitize(
      String html, String siteUrl, Footnotes footnotes, Cache<Key, Cleaned> cache) {
    if (html == null || html.isBlank()) {
      return null;
    }
    Cleaned cleaned =
        cache.get(
            new Key(html, siteUrl, footnotes.next()),
            key -> clean(key.html(), key.siteUrl(), key.firstFootnote()));
    for (Link link : cleaned.links()) {
      footnotes.add(link.url(), link.label());
    }
    return cleaned.html();
  }

  private static int weight(Key key, Cleaned cleaned) {
    long chars = key.html().length() + (long) cleaned.html().length();
    for (Link link : cleaned.links()) {
      chars += link.url().length() + link.label().length();
    }
    return (int) Math.min(Integer.MAX_VALUE, chars);
  }

  /**
   * @param html rich text HTML, not blank
   * @param siteUrl absolute site address used to resolve relative links
   * @param firstFootnote number of the first link
   * @return safe HTML, links numbered from {@code firstFootnote}
   */
  private static Cleaned clean(String html, String siteUrl, int firstFootnote) {
    List<Link> links = new ArrayList<>();
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
      link.attr("data-fn", String.valueOf(firstFootnote + links.size()));
      links.add(new Link(target, link.text()));
    }
    document
        .body()
        .traverse(
            (node, depth) -> {
              if (node instanceof TextNode text) {
                text.text(FrenchTypography.spaces(text.getWholeText()));
              }
            });
    return new Cleaned(document.body().html(), links);
  }
}
