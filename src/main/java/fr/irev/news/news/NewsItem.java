package fr.irev.news.news;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A news item or an event, as stored in workspace {@value NewsNodes#WORKSPACE}. Text values are
 * {@code null} when absent, never blank; lists are never {@code null}.
 *
 * @param identifier JCR identifier; {@code null} before the item is first saved
 * @param urlName node name, used in the item's URL ({@code [a-z0-9][a-z0-9-]*})
 * @param title title, never {@code null}
 * @param teaser chapô, plain text
 * @param body rich text as HTML written by the staff (sanitized before display)
 * @param kind news or event
 * @param schedule dates of an event, {@code null} for news
 * @param place venue of an event, {@code null} when none
 * @param audience to whom the event is addressed
 * @param publicationDate publication date shown to visitors
 * @param lastModified Magnolia's {@code mgnl:lastModified}; ignored when writing
 * @param thematicIds identifiers of thematics
 * @param territoryIds identifiers of territories
 * @param attachments attachments, in order
 * @param registrationUrl external registration address (unwrapped from e-mail filters)
 */
public record NewsItem(
    String identifier,
    String urlName,
    String title,
    String teaser,
    String body,
    NewsKind kind,
    EventSchedule schedule,
    Place place,
    String audience,
    ZonedDateTime publicationDate,
    ZonedDateTime lastModified,
    List<String> thematicIds,
    List<String> territoryIds,
    List<Attachment> attachments,
    String registrationUrl) {

  public NewsItem {
    Objects.requireNonNull(urlName, "urlName");
    Objects.requireNonNull(title, "title");
    kind = kind == null ? NewsKind.NEWS : kind;
    thematicIds = List.copyOf(thematicIds == null ? List.of() : thematicIds);
    territoryIds = List.copyOf(territoryIds == null ? List.of() : territoryIds);
    attachments = List.copyOf(attachments == null ? List.of() : attachments);
  }

  /**
   * @return whether this item is an event with a schedule
   */
  public boolean isEvent() {
    return kind == NewsKind.EVENT && schedule != null;
  }
}
