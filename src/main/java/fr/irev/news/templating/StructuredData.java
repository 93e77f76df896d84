package fr.irev.news.templating;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import fr.irev.news.format.FrenchDates;
import fr.irev.news.format.FrenchTypography;
import fr.irev.news.news.EventSchedule;
import fr.irev.news.news.NewsItem;
import fr.irev.news.news.Place;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.ZonedDateTime;

/**
 * The schema.org description of a detail page as JSON-LD (https://schema.org, Google's "Event" and
 * "Article" structured data), for a {@code <script type="application/ld+json">} data block:
 *
 * <ul>
 *   <li>an event: {@code Event} with {@code name}, {@code description}, {@code startDate} / {@code
 *       endDate} (ISO 8601 with the Paris offset; a date alone for an all-day event), {@code
 *       eventStatus} {@code EventScheduled}, {@code eventAttendanceMode} {@code
 *       OfflineEventAttendanceMode}, {@code location} ({@code Place} with name and {@code
 *       PostalAddress}), {@code organizer} IREV, {@code url}, and {@code offers} ({@code Offer}
 *       with the registration address) when the page has a registration link;
 *   <li>news: {@code NewsArticle} with {@code headline}, {@code description}, {@code
 *       datePublished}, {@code dateModified}, {@code url}, {@code mainEntityOfPage} and {@code
 *       publisher} IREV.
 * </ul>
 *
 * Written with Jackson's streaming generator, which escapes every JSON string; in addition {@code
 * <}, {@code >} and {@code &} are written as JSON unicode escapes (backslash, {@code u003C} …; the
 * line separators U+2028, U+2029 too), so that no text can close the {@code <script>} element
 * ({@code </script>}) or open a comment ({@code <!--}): the result can be printed inside the
 * element without HTML escaping (HTML §4.12.1.3, restrictions for contents of script elements).
 */
final class StructuredData {

  /** The organisation behind the site. */
  static final String ORGANISATION = "IREV";

  private static final JsonFactory JSON =
      new JsonFactoryBuilder().characterEscapes(new ScriptSafeEscapes()).build();

  private StructuredData() {}

  /**
   * @param item the item of the page
   * @param url the page's absolute address
   * @param siteUrl the site's absolute address (the organisation's), without trailing slash
   * @param registrationUrl where the page's "S'inscrire" leads (absolute), or {@code null}
   * @return the JSON-LD object, safe inside {@code <script type="application/ld+json">}
   */
  static String of(NewsItem item, String url, String siteUrl, String registrationUrl) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("@context", "https://schema.org");
      if (item.isEvent()) {
        event(json, item, url, siteUrl, registrationUrl);
      } else {
        article(json, item, url, siteUrl);
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write JSON-LD to a string", e);
    }
    return out.toString();
  }

  private static void event(
      JsonGenerator json, NewsItem item, String url, String siteUrl, String registrationUrl)
      throws IOException {
    EventSchedule schedule = item.schedule();
    json.writeStringField("@type", "Event");
    json.writeStringField("name", FrenchTypography.spaces(item.title()));
    optional(json, "description", FrenchTypography.spaces(item.teaser()));
    json.writeStringField("startDate", date(schedule.start(), schedule.allDay()));
    if (schedule.end() != null) {
      json.writeStringField("endDate", date(schedule.end(), schedule.allDay()));
    }
    json.writeStringField("eventStatus", "https://schema.org/EventScheduled");
    json.writeStringField("eventAttendanceMode", "https://schema.org/OfflineEventAttendanceMode");
    place(json, item.place());
    json.writeFieldName("organizer");
    organisation(json, siteUrl);
    json.writeStringField("url", url);
    if (registrationUrl != null) {
      json.writeObjectFieldStart("offers");
      json.writeStringField("@type", "Offer");
      json.writeStringField("url", registrationUrl);
      json.writeEndObject();
    }
  }

  private static void article(JsonGenerator json, NewsItem item, String url, String siteUrl)
      throws IOException {
    json.writeStringField("@type", "NewsArticle");
    json.writeStringField("headline", FrenchTypography.spaces(item.title()));
    optional(json, "description", FrenchTypography.spaces(item.teaser()));
    optional(json, "datePublished", FrenchDates.iso(item.publicationDate()));
    ZonedDateTime modified =
        item.lastModified() != null ? item.lastModified() : item.publicationDate();
    optional(json, "dateModified", FrenchDates.iso(modified));
    json.writeStringField("url", url);
    json.writeStringField("mainEntityOfPage", url);
    json.writeFieldName("publisher");
    organisation(json, siteUrl);
  }

  private static void place(JsonGenerator json, Place place) throws IOException {
    if (place == null || place.isEmpty()) {
      return;
    }
    json.writeObjectFieldStart("location");
    json.writeStringField("@type", "Place");
    String name = place.name() != null ? place.name() : place.commune();
    optional(json, "name", FrenchTypography.spaces(name));
    if (place.address() != null || place.commune() != null) {
      json.writeObjectFieldStart("address");
      json.writeStringField("@type", "PostalAddress");
      optional(json, "streetAddress", place.address());
      optional(json, "addressLocality", place.commune());
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  private static void organisation(JsonGenerator json, String siteUrl) throws IOException {
    json.writeStartObject();
    json.writeStringField("@type", "Organization");
    json.writeStringField("name", ORGANISATION);
    json.writeStringField("url", siteUrl + "/");
    json.writeEndObject();
  }

  private static void optional(JsonGenerator json, String name, String value) throws IOException {
    if (value != null && !value.isBlank()) {
      json.writeStringField(name, value);
    }
  }

  /** ISO 8601 with the Paris offset; the Paris date alone for an all-day event. */
  private static String date(ZonedDateTime t, boolean allDay) {
    return allDay ? FrenchDates.inParis(t).toLocalDate().toString() : FrenchDates.iso(t);
  }

  /** JSON's own escapes, plus the characters that matter inside an HTML script element. */
  private static final class ScriptSafeEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] escapes;

    ScriptSafeEscapes() {
      escapes = CharacterEscapes.standardAsciiEscapesForJSON();
      escapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
      escapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
      escapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return escapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      if (ch == 0x2028) {
        return new SerializedString("\\u2028");
      }
      if (ch == 0x2029) {
        return new SerializedString("\\u2029");
      }
      return null;
    }
  }
}
