package fr.irev.news.templating;

import fr.irev.news.format.FrenchDates;
import fr.irev.news.format.FrenchTypography;
import fr.irev.news.news.NewsItem;
import fr.irev.news.news.Place;
import java.util.List;

/** A news item on its detail page. Text values are {@code null} when absent. */
public final class NewsItemView extends NewsSummaryView {
  private final String absoluteUrl;
  private final String bodyHtml;
  private final int registrationFootnote;
  private final List<TermView> thematics;
  private final List<TermView> territories;
  private final List<AttachmentView> attachments;
  private final List<FootnoteView> footnotes;
  private final PageData page;

  /**
   * What the detail page adds around the item.
   *
   * @param calendarUrl address of the event's iCalendar file, {@code null} for news
   * @param jsonLd the schema.org JSON-LD ({@link StructuredData}), safe inside a script element
   */
  record PageData(String calendarUrl, String jsonLd) {}

  NewsItemView(
      NewsItem item,
      String url,
      String absoluteUrl,
      String bodyHtml,
      int registrationFootnote,
      List<TermView> thematics,
      List<TermView> territories,
      List<AttachmentView> attachments,
      List<FootnoteView> footnotes,
      PageData page) {
    super(item, url);
    this.absoluteUrl = absoluteUrl;
    this.bodyHtml = bodyHtml;
    this.registrationFootnote = registrationFootnote;
    this.thematics = List.copyOf(thematics);
    this.territories = List.copyOf(territories);
    this.attachments = List.copyOf(attachments);
    this.footnotes = List.copyOf(footnotes);
    this.page = page;
  }

  /**
   * @return the permanent absolute address of the page
   */
  public String getAbsoluteUrl() {
    return absoluteUrl;
  }

  /**
   * @return sanitized body HTML, links numbered with {@code data-fn}; {@code null} if none
   */
  public String getBodyHtml() {
    return bodyHtml;
  }

  /**
   * @return venue name, or {@code null}
   */
  public String getPlaceName() {
    Place place = item().place();
    return place == null ? null : FrenchTypography.spaces(place.name());
  }

  /**
   * @return street address, or {@code null}
   */
  public String getPlaceAddress() {
    Place place = item().place();
    return place == null ? null : FrenchTypography.spaces(place.address());
  }

  /**
   * @return commune, or {@code null}
   */
  public String getPlaceCommune() {
    Place place = item().place();
    return place == null ? null : place.commune();
  }

  /**
   * @return intended audience, or {@code null}
   */
  public String getAudience() {
    return FrenchTypography.spaces(item().audience());
  }

  /**
   * @return real registration address (unwrapped from e-mail filters), or {@code null}
   */
  public String getRegistrationUrl() {
    return item().registrationUrl();
  }

  /**
   * @return footnote number of the registration link; 0 without link
   */
  public int getRegistrationFootnote() {
    return registrationFootnote;
  }

  /**
   * @return e.g. {@code Mis à jour le 4 octobre 2021 à 10 h 50}; {@code null} when unknown
   */
  public String getUpdatedLine() {
    return item().lastModified() == null ? null : FrenchDates.updated(item().lastModified());
  }

  /**
   * @return last modification for {@code <time datetime>}, or {@code null}
   */
  public String getUpdatedIso() {
    return item().lastModified() == null ? null : FrenchDates.iso(item().lastModified());
  }

  /**
   * @return thematics as tagged, each with its ancestors
   */
  public List<TermView> getThematics() {
    return thematics;
  }

  /**
   * @return territories as tagged, each with its ancestors
   */
  public List<TermView> getTerritories() {
    return territories;
  }

  /**
   * @return the attachments whose asset exists, in order
   */
  public List<AttachmentView> getAttachments() {
    return attachments;
  }

  /**
   * @return every numbered link of the page, in number order
   */
  public List<FootnoteView> getFootnotes() {
    return footnotes;
  }

  /**
   * @return address of the event's iCalendar file ("Ajouter à mon agenda", {@code
   *     /.irev-news/flux/evenement/<urlName>.ics}); {@code null} for news
   */
  public String getCalendarUrl() {
    return page.calendarUrl();
  }

  /**
   * @return the page's schema.org description ({@code Event} or {@code NewsArticle}) as JSON-LD,
   *     for {@code <script type="application/ld+json">}: {@code <}, {@code >} and {@code &} are
   *     written as JSON escapes, so it is printed with {@code ?no_esc} and cannot end the element
   */
  public String getJsonLd() {
    return page.jsonLd();
  }
}
