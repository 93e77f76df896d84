package fr.irev.news.feed;

import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Writes an RSS 2.0 document (https://www.rssboard.org/rss-specification) with Rome. Thread-safe;
 * reads neither the JVM's default zone nor its locale:
 *
 * <ul>
 *   <li>every text goes through {@link XmlChars#clean}: characters that XML 1.0 forbids are
 *       removed, the rest is escaped by the XML writer, so the document is well-formed whatever the
 *       titles hold;
 *   <li>{@code pubDate} and {@code lastBuildDate} in RFC 822 with English names, in GMT (Rome
 *       formats them with {@code Locale.US}), e.g. {@code Wed, 29 Sep 2021 08:00:00 GMT};
 *   <li>an item's {@code guid} is its absolute link ({@code isPermaLink} true, the default);
 *   <li>a {@code description} is plain text written as HTML-escaped text (RSS readers display it as
 *       HTML: {@code <b>} typed by the staff stays visible, never markup);
 *   <li>{@code atom:link rel="self"} names the feed's own address (RSS Best Practices Profile).
 * </ul>
 */
public final class RssFeed {

  /** {@code Content-Type} of the document. */
  public static final String MEDIA_TYPE = "application/rss+xml; charset=UTF-8";

  private static final Namespace ATOM =
      Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

  private RssFeed() {}

  /**
   * The feed's own facts.
   *
   * @param title the feed's name, not blank
   * @param link absolute address of the web page the feed mirrors (the filtered list)
   * @param description one sentence about the feed, not blank
   * @param selfUrl absolute address of the feed itself
   * @param lastBuildDate when the newest item changed; {@code null} when unknown
   */
  public record FeedChannel(
      String title, String link, String description, String selfUrl, ZonedDateTime lastBuildDate) {
    /** Checks that nothing required is missing. */
    public FeedChannel {
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(link, "link");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(selfUrl, "selfUrl");
    }
  }

  /**
   * One item.
   *
   * @param title the item's title (plain text), not {@code null}
   * @param link absolute address of the item's page; also its {@code guid}
   * @param description plain text, {@code null} for none
   * @param published publication date, {@code null} when unknown (no {@code pubDate})
   * @param categories category names (plain text), may be empty
   */
  public record FeedEntry(
      String title,
      String link,
      String description,
      ZonedDateTime published,
      List<String> categories) {
    /** Checks that nothing required is missing. */
    public FeedEntry {
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(link, "link");
      categories = List.copyOf(categories == null ? List.of() : categories);
    }
  }

  /**
   * @param channel the feed's facts, not {@code null}
   * @param entries the items, in order (newest first), not {@code null}
   * @return the document in UTF-8, with its XML declaration
   * @throws IllegalStateException when Rome cannot write the feed (a bug: every value is checked)
   */
  public static byte[] write(FeedChannel channel, List<FeedEntry> entries) {
    Channel rss = new Channel("rss_2.0");
    rss.setEncoding(StandardCharsets.UTF_8.name());
    rss.setTitle(text(channel.title(), "Actualités"));
    rss.setLink(channel.link());
    rss.setDescription(text(channel.description(), "Actualités"));
    rss.setLanguage("fr-FR");
    rss.setDocs("https://www.rssboard.org/rss-specification");
    if (channel.lastBuildDate() != null) {
      rss.setLastBuildDate(Date.from(channel.lastBuildDate().toInstant()));
    }
    Element self = new Element("link", ATOM);
    self.setAttribute("href", channel.selfUrl());
    self.setAttribute("rel", "self");
    self.setAttribute("type", "application/rss+xml");
    List<Element> foreign = new ArrayList<>();
    foreign.add(self);
    rss.setForeignMarkup(foreign);
    List<Item> items = new ArrayList<>();
    for (FeedEntry entry : entries) {
      items.add(item(entry));
    }
    rss.setItems(items);
    try {
      return new WireFeedOutput().outputString(rss, true).getBytes(StandardCharsets.UTF_8);
    } catch (FeedException e) {
      throw new IllegalStateException("Rome could not write the RSS feed", e);
    }
  }

  private static Item item(FeedEntry entry) {
    Item item = new Item();
    item.setTitle(text(entry.title(), "Sans titre"));
    item.setLink(entry.link());
    Guid guid = new Guid();
    guid.setValue(entry.link());
    guid.setPermaLink(true);
    item.setGuid(guid);
    String description = XmlChars.clean(entry.description(), false);
    if (description != null) {
      Description value = new Description();
      value.setType("text/html");
      value.setValue(escapeHtml(description));
      item.setDescription(value);
    }
    if (entry.published() != null) {
      item.setPubDate(Date.from(entry.published().toInstant()));
    }
    List<Category> categories = new ArrayList<>();
    for (String name : entry.categories()) {
      String cleaned = XmlChars.clean(name, true);
      if (cleaned != null) {
        Category category = new Category();
        category.setValue(cleaned);
        categories.add(category);
      }
    }
    item.setCategories(categories);
    return item;
  }

  private static String text(String value, String fallback) {
    String cleaned = XmlChars.clean(value, true);
    return cleaned == null ? fallback : cleaned;
  }

  /** Plain text as HTML text: {@code & < >} escaped, line breaks as {@code <br>}. */
  static String escapeHtml(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\n", "<br>");
  }
}
