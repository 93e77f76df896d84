package fr.irev.news.feed;

import fr.irev.news.calendar.CalendarEvent;
import fr.irev.news.calendar.EventCalendar;
import fr.irev.news.format.FrenchDates;
import fr.irev.news.format.FrenchTypography;
import fr.irev.news.news.EventSchedule;
import fr.irev.news.news.NewsItem;
import fr.irev.news.news.NewsNodes;
import fr.irev.news.news.NewsRepository;
import fr.irev.news.taxonomy.TaxonomyNodes;
import fr.irev.news.taxonomy.Term;
import fr.irev.news.taxonomy.TermRepository;
import fr.irev.news.templating.ContentContext;
import fr.irev.news.templating.ListingQuery;
import fr.irev.news.templating.SiteUrls;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.jcr.RepositoryException;

/**
 * The feeds of one request: the RSS feed and the events calendar of a filter combination (the list
 * page's GET parameters, {@link ListingQuery}), and one event's iCalendar file. Reads with the
 * request's sessions (so the platform's access rights apply); links are absolute, on {@link
 * ContentContext#siteUrl()}, never on the request's {@code Host}.
 *
 * <p>A filter that names nothing known is not applied, as on the list page; the feed's description
 * says so. The output depends only on the content (no "now" in it), so that the same content gives
 * the same bytes and entity tag.
 */
public final class NewsFeeds {

  /** Most items in the RSS feed: the newest by publication date. */
  public static final int MAX_ITEMS = 50;

  /** Most events of a calendar (newest publication first), whatever the number of news items. */
  public static final int MAX_CALENDAR_ITEMS = 500;

  /** The site's name, in the feeds' titles. */
  static final String SITE_NAME = "IREV";

  private final ContentContext context;
  private final SiteUrls urls;

  /**
   * @param context the request's content context
   */
  public NewsFeeds(ContentContext context) {
    this.context = context;
    this.urls = new SiteUrls(context);
  }

  /**
   * A document to send.
   *
   * @param body the bytes, UTF-8
   * @param mediaType its {@code Content-Type}
   * @param lastModified the newest modification (or publication) of its items in epoch
   *     milliseconds, {@code -1} when unknown or empty
   * @param fileName a file name for {@code Content-Disposition}, or {@code null} when the document
   *     is shown inline (feeds)
   */
  public record FeedDocument(byte[] body, String mediaType, long lastModified, String fileName) {}

  /**
   * The RSS 2.0 feed of a filter combination: the {@value #MAX_ITEMS} newest items.
   *
   * @param parameters a GET parameter's raw value by name ({@code null} when absent)
   * @param feedPath the feed's address with context path, without query: with the applied filters,
   *     its {@code atom:link rel="self"}
   * @return the feed, never {@code null}
   * @throws RepositoryException on repository failure
   */
  public FeedDocument rss(Function<String, String> parameters, String feedPath)
      throws RepositoryException {
    ListingQuery query = ListingQuery.parse(context, parameters);
    List<NewsItem> items = query.list(context, 0, MAX_ITEMS);
    Thematics thematics = new Thematics();
    List<RssFeed.FeedEntry> entries = new ArrayList<>();
    for (NewsItem item : items) {
      entries.add(
          new RssFeed.FeedEntry(
              FrenchTypography.spaces(item.title()),
              urls.absolute(urls.item(item.urlName())),
              description(item),
              item.publicationDate() != null ? item.publicationDate() : item.lastModified(),
              thematics.titles(item)));
    }
    long modified = lastModified(items);
    RssFeed.FeedChannel channel =
        new RssFeed.FeedChannel(
            title("Actualités", query),
            urls.absolute(urls.list() + query.queryString()),
            channelDescription(query),
            urls.absolute(feedPath + query.queryString()),
            modified < 0 ? null : FrenchDates.inParis(Instant.ofEpochMilli(modified)));
    return new FeedDocument(RssFeed.write(channel, entries), RssFeed.MEDIA_TYPE, modified, null);
  }

  /**
   * The events of a filter combination as one subscribable iCalendar object: its {@value
   * #MAX_CALENDAR_ITEMS} newest events (the filter with the kind "event"), in list order.
   *
   * @param parameters a GET parameter's raw value by name ({@code null} when absent)
   * @return the calendar, never {@code null} (without events: a calendar without components)
   * @throws RepositoryException on repository failure
   */
  public FeedDocument calendar(Function<String, String> parameters) throws RepositoryException {
    ListingQuery query = ListingQuery.parse(context, parameters);
    List<NewsItem> events = new ArrayList<>();
    for (NewsItem item : query.listEvents(context, 0, MAX_CALENDAR_ITEMS)) {
      if (item.isEvent() && item.identifier() != null) {
        events.add(item);
      }
    }
    List<CalendarEvent> entries = new ArrayList<>();
    for (NewsItem event : events) {
      entries.add(calendarEvent(event));
    }
    return new FeedDocument(
        EventCalendar.bytes(entries, title("Agenda", query)),
        EventCalendar.MEDIA_TYPE,
        lastModified(events),
        null);
  }

  /**
   * One event as an iCalendar file ("Ajouter à mon agenda").
   *
   * @param urlName the event's URL name, may be {@code null} or malformed
   * @return the file, or empty when no event with a schedule has that name
   * @throws RepositoryException on repository failure
   */
  public Optional<FeedDocument> event(String urlName) throws RepositoryException {
    Optional<NewsItem> item =
        new NewsRepository(context.session(NewsNodes.WORKSPACE)).findByUrlName(urlName);
    if (item.isEmpty() || !item.get().isEvent() || item.get().identifier() == null) {
      return Optional.empty();
    }
    return Optional.of(
        new FeedDocument(
            EventCalendar.bytes(calendarEvent(item.get())),
            EventCalendar.MEDIA_TYPE,
            lastModified(List.of(item.get())),
            EventCalendar.fileName(item.get().title())));
  }

  private CalendarEvent calendarEvent(NewsItem item) {
    return CalendarEvent.of(item, urls.absolute(urls.item(item.urlName())), stamp(item));
  }

  /**
   * {@code DTSTAMP}: the item's last modification (RFC 5545 §3.8.7.2: when the information was last
   * revised), so that an unchanged event gives the same bytes on every request.
   */
  private static Instant stamp(NewsItem item) {
    ZonedDateTime when =
        item.lastModified() != null
            ? item.lastModified()
            : item.publicationDate() != null ? item.publicationDate() : item.schedule().start();
    return when.toInstant();
  }

  private static long lastModified(List<NewsItem> items) {
    long newest = -1;
    for (NewsItem item : items) {
      for (ZonedDateTime t : new ZonedDateTime[] {item.lastModified(), item.publicationDate()}) {
        if (t != null) {
          newest = Math.max(newest, t.toInstant().toEpochMilli());
        }
      }
    }
    return newest;
  }

  private static String title(String what, ListingQuery query) {
    String title = SITE_NAME + " – " + what;
    return query.labels().isEmpty()
        ? title
        : title + " (" + String.join("\u00a0; ", query.labels()) + ")";
  }

  private static String channelDescription(ListingQuery query) {
    String text =
        "Actualités et événements de l'IREV, centre de ressources politique de la ville"
            + " en Hauts-de-France";
    if (!query.labels().isEmpty()) {
      text += " (" + String.join("\u00a0; ", query.labels()) + ")";
    }
    text += ".";
    if (!query.notices().isEmpty()) {
      text += " " + String.join(" ", query.notices());
    }
    return text;
  }

  /** An event's dates and commune, then the teaser; the teaser alone for news. */
  private static String description(NewsItem item) {
    String teaser = FrenchTypography.spaces(item.teaser());
    if (!item.isEvent()) {
      return teaser;
    }
    EventSchedule schedule = item.schedule();
    String when = FrenchDates.eventPeriod(schedule.start(), schedule.end(), schedule.allDay());
    String where =
        item.place() == null || item.place().commune() == null
            ? ""
            : " (" + item.place().commune() + ")";
    String facts = "Événement " + when + where + ".";
    return teaser == null ? facts : facts + "\n" + teaser;
  }

  /** Titles of thematics, each read once per request. */
  private final class Thematics {
    private final Map<String, Optional<Term>> terms = new HashMap<>();
    private TermRepository repository;

    List<String> titles(NewsItem item) throws RepositoryException {
      List<String> titles = new ArrayList<>();
      for (String id : item.thematicIds()) {
        Optional<Term> term = terms.get(id);
        if (term == null) {
          term = repository().findById(id);
          terms.put(id, term);
        }
        term.ifPresent(t -> titles.add(t.title()));
      }
      return titles;
    }

    private TermRepository repository() throws RepositoryException {
      if (repository == null) {
        repository = TermRepository.thematics(context.session(TaxonomyNodes.THEMATICS_WORKSPACE));
      }
      return repository;
    }
  }
}
