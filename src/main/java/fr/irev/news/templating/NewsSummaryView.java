package fr.irev.news.templating;

import fr.irev.news.format.FrenchDates;
import fr.irev.news.format.FrenchTypography;
import fr.irev.news.news.EventSchedule;
import fr.irev.news.news.NewsItem;

/** A news item in a list: title, kind, dates, teaser and link. */
public class NewsSummaryView {
  private final NewsItem item;
  private final String url;
  private final String title;
  private final String teaser;

  NewsSummaryView(NewsItem item, String url) {
    this.item = item;
    this.url = url;
    // set once: templates read them several times (title, meta tags, JSON-LD)
    this.title = FrenchTypography.spaces(item.title());
    this.teaser = FrenchTypography.spaces(item.teaser());
  }

  /**
   * @return the record behind the view
   */
  NewsItem item() {
    return item;
  }

  /**
   * @return the item's URL name
   */
  public String getUrlName() {
    return item.urlName();
  }

  /**
   * @return address of the detail page (with context path)
   */
  public String getUrl() {
    return url;
  }

  /**
   * @return title, with French no-break spaces ({@link FrenchTypography})
   */
  public String getTitle() {
    return title;
  }

  /**
   * @return chapô with French no-break spaces, or {@code null}
   */
  public String getTeaser() {
    return teaser;
  }

  /**
   * @return whether the item is an event with dates
   */
  public boolean isEvent() {
    return item.isEvent();
  }

  /**
   * @return {@code Événement} or {@code Actualité}
   */
  public String getKindLabel() {
    return item.isEvent() ? "Événement" : "Actualité";
  }

  /**
   * @return when the event takes place, e.g. {@code le mardi 30 novembre 2021 de 9 h 00 à 16 h 30};
   *     {@code null} for news
   */
  public String getDateLine() {
    EventSchedule schedule = item.isEvent() ? item.schedule() : null;
    return schedule == null
        ? null
        : FrenchDates.eventPeriod(schedule.start(), schedule.end(), schedule.allDay());
  }

  /**
   * @return start for {@code <time datetime>}: a date for all-day events; {@code null} for news
   */
  public String getStartIso() {
    return item.isEvent() ? iso(item.schedule(), true) : null;
  }

  /**
   * @return end for {@code <time datetime>}; {@code null} for news or without end
   */
  public String getEndIso() {
    return item.isEvent() && item.schedule().end() != null ? iso(item.schedule(), false) : null;
  }

  /**
   * @return e.g. {@code Publié le 29 septembre 2021}; {@code null} without publication date
   */
  public String getPublishedLine() {
    return item.publicationDate() == null ? null : FrenchDates.published(item.publicationDate());
  }

  /**
   * @return publication date for {@code <time datetime>}, or {@code null}
   */
  public String getPublishedIso() {
    return item.publicationDate() == null ? null : FrenchDates.iso(item.publicationDate());
  }

  private static String iso(EventSchedule schedule, boolean start) {
    var value = start ? schedule.start() : schedule.end();
    return schedule.allDay() ? value.toLocalDate().toString() : FrenchDates.iso(value);
  }
}
