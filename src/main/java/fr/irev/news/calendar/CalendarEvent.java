package fr.irev.news.calendar;

import fr.irev.news.format.FrenchDates;
import fr.irev.news.format.FrenchTypography;
import fr.irev.news.news.EventSchedule;
import fr.irev.news.news.NewsItem;
import fr.irev.news.news.Place;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One event as written into an iCalendar file by {@link EventCalendar}.
 *
 * <p>Times may be given in any zone: {@link EventCalendar} converts them to {@link
 * FrenchDates#PARIS} before writing. For an all-day event only the dates count, taken in Paris
 * time, and both are <em>inclusive</em> (as in {@link EventSchedule}): an event on 30 November 2021
 * has {@code start} and {@code end} on that date; {@link EventCalendar} writes the exclusive {@code
 * DTEND} that RFC 5545 §3.6.1 asks for.
 *
 * @param uid globally unique and stable id of the event (RFC 5545 §3.8.4.7), e.g. {@link
 *     EventCalendar#uid(String)} of the news item's identifier; not blank
 * @param title the event's title ({@code SUMMARY}), not blank
 * @param description plain text, may hold line breaks; {@code null} when none
 * @param location the venue as one line of text; {@code null} when none
 * @param start first instant (timed) or first day (all-day), not {@code null}
 * @param end last instant (timed, exclusive) or last day (all-day, inclusive); {@code null} when
 *     unknown (then an all-day event lasts one day and a timed event has no {@code DTEND}); never
 *     before {@code start}
 * @param allDay whether only the dates count
 * @param url absolute {@code http(s)} address of the event's page; {@code null} when none
 * @param stamp when the iCalendar object is made ({@code DTSTAMP}, RFC 5545 §3.8.7.2), not {@code
 *     null}
 */
public record CalendarEvent(
    String uid,
    String title,
    String description,
    String location,
    ZonedDateTime start,
    ZonedDateTime end,
    boolean allDay,
    String url,
    Instant stamp) {

  /**
   * @throws NullPointerException when {@code uid}, {@code title}, {@code start} or {@code stamp} is
   *     {@code null}
   * @throws IllegalArgumentException when {@code uid} or {@code title} is blank, {@code end} is
   *     before {@code start} (for an all-day event: its Paris date is before), or {@code url} is
   *     not an absolute http(s) URI
   */
  public CalendarEvent {
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(stamp, "stamp");
    if (uid.isBlank() || title.isBlank()) {
      throw new IllegalArgumentException("uid and title must not be blank");
    }
    if (end != null) {
      boolean before =
          allDay
              ? FrenchDates.inParis(end)
                  .toLocalDate()
                  .isBefore(FrenchDates.inParis(start).toLocalDate())
              : end.toInstant().isBefore(start.toInstant());
      if (before) {
        throw new IllegalArgumentException("end is before start");
      }
    }
    if (url != null) {
      checkUrl(url);
    }
  }

  private static void checkUrl(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      if (!uri.isAbsolute()
          || uri.getHost() == null
          || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
        throw new IllegalArgumentException("url must be an absolute http(s) address");
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("url is not a valid URI", e);
    }
  }

  /**
   * The calendar entry of an event item: UID from its identifier ({@link EventCalendar#uid}),
   * title, teaser as description, venue parts joined with ", " as location, its schedule. Title,
   * teaser and venue are written as the event page shows them, with French no-break spaces ({@link
   * FrenchTypography}: U+00A0 is a legal TEXT character, RFC 5545 §3.3.11).
   *
   * @param item an event with a schedule ({@link NewsItem#isEvent()}) that has been saved (it has
   *     an identifier)
   * @param url absolute address of the item's page, or {@code null}
   * @param stamp when the file is made, not {@code null}
   * @return the calendar event, never {@code null}
   * @throws IllegalArgumentException when the item is not a scheduled event, has no identifier, or
   *     {@code url} is not absolute
   */
  public static CalendarEvent of(NewsItem item, String url, Instant stamp) {
    Objects.requireNonNull(item, "item");
    if (!item.isEvent() || item.identifier() == null) {
      throw new IllegalArgumentException("not a saved event with a schedule");
    }
    EventSchedule schedule = item.schedule();
    return new CalendarEvent(
        EventCalendar.uid(item.identifier()),
        FrenchTypography.spaces(item.title()),
        FrenchTypography.spaces(item.teaser()),
        FrenchTypography.spaces(location(item.place())),
        schedule.start(),
        schedule.end(),
        schedule.allDay(),
        url,
        stamp);
  }

  private static String location(Place place) {
    if (place == null || place.isEmpty()) {
      return null;
    }
    return Stream.of(place.name(), place.address(), place.commune())
        .filter(s -> s != null && !s.isBlank())
        .map(String::strip)
        .collect(Collectors.joining(", "));
  }
}
