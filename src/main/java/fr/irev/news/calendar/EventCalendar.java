package fr.irev.news.calendar;

import fr.irev.news.format.FrenchDates;
import fr.irev.news.taxonomy.Slugs;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Objects;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Writes events as an iCalendar object (RFC 5545) with ical4j: one event for "add to my calendar",
 * several for a feed. Thread-safe; reads neither the JVM's default zone nor its locale.
 *
 * <p>What the output holds (field cases C1–C8 of {@code shared/cases/CASES.md}):
 *
 * <ul>
 *   <li>{@code VERSION:2.0}, {@code PRODID:}{@value #PRODID}, {@code CALSCALE:GREGORIAN}, {@code
 *       METHOD:PUBLISH} (RFC 5546 §3.2.1: a published event, no reply expected);
 *   <li>timed events in Paris local time with {@code TZID=Europe/Paris}, and then one {@code
 *       VTIMEZONE} for {@code Europe/Paris} in the same object (RFC 5545 §3.6.5, C5): the offsets
 *       of the day of the event come from the zone rules, so a night of DST change keeps its real
 *       duration (C1: 01:00 → 04:00 on 2022-03-27 is 2 h; C2: on 2021-10-31 it is 4 h). Should the
 *       bundled definition be unreadable, times are written in UTC ({@code ...Z}) instead;
 *   <li>all-day events as {@code VALUE=DATE} with the exclusive {@code DTEND} of RFC 5545 §3.6.1,
 *       the day after the last day (C3, C4), never a {@code T000000Z} time;
 *   <li>{@code SUMMARY}, {@code LOCATION}, {@code DESCRIPTION} escaped per §3.3.11 ({@code \,}
 *       {@code \;} {@code \\} {@code \n}, C6); title and location on one line (line breaks become
 *       spaces); control characters removed;
 *   <li>lines folded at 75 octets of UTF-8, never inside a character, CRLF line ends (§3.1, C8);
 *   <li>{@code DTSTAMP} in UTC, whole seconds.
 * </ul>
 */
public final class EventCalendar {

  /** The product identifier written in every object (RFC 5545 §3.7.3). */
  public static final String PRODID = "-//IREV//irev-news//FR";

  /** Media type of the output, with the method (RFC 5545 §8.1, RFC 5546 §6). */
  public static final String MEDIA_TYPE = "text/calendar; charset=UTF-8; method=PUBLISH";

  /** Suffix making an identifier a globally unique UID. */
  public static final String UID_DOMAIN = "@irev-news";

  private static final int MAX_FILE_NAME_STEM = 60;

  private EventCalendar() {}

  /**
   * A stable UID for an item: {@code <identifier>@irev-news} (RFC 5545 §3.8.4.7 recommends the
   * "@domain" form).
   *
   * @param identifier the news item's JCR identifier, not blank
   * @return the UID
   * @throws IllegalArgumentException when {@code identifier} is null or blank
   */
  public static String uid(String identifier) {
    if (identifier == null || identifier.isBlank()) {
      throw new IllegalArgumentException("identifier must not be blank");
    }
    return identifier.strip() + UID_DOMAIN;
  }

  /**
   * One event as a complete iCalendar object.
   *
   * @param event the event, not {@code null}
   * @return the object's text, CRLF line ends, folded; never {@code null}
   * @throws NullPointerException when {@code event} is {@code null}
   */
  public static String write(CalendarEvent event) {
    return write(List.of(Objects.requireNonNull(event, "event")), null);
  }

  /**
   * Several events in one iCalendar object (a feed), in the given order.
   *
   * @param events the events, not {@code null}; an empty list gives a VCALENDAR whose only
   *     component is the {@code VTIMEZONE} of Europe/Paris (RFC 5545 §3.4 asks for at least one
   *     component: a feed with nothing scheduled stays a valid calendar)
   * @param calendarName the feed's name, written as {@code NAME} (RFC 7986 §5.1) and {@code
   *     X-WR-CALNAME} (read by Apple and Google calendars); {@code null} for none
   * @return the object's text, CRLF line ends, folded; never {@code null}
   * @throws NullPointerException when {@code events} or one of its elements is {@code null}
   */
  public static String write(List<CalendarEvent> events, String calendarName) {
    return write(events, calendarName, ParisTimeZone.vtimezone());
  }

  /**
   * {@link #write(CalendarEvent)} encoded in UTF-8.
   *
   * @param event the event, not {@code null}
   * @return the bytes of the object, without byte order mark
   */
  public static byte[] bytes(CalendarEvent event) {
    return write(event).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * {@link #write(List, String)} encoded in UTF-8.
   *
   * @param events the events, not {@code null}
   * @param calendarName the feed's name, or {@code null}
   * @return the bytes of the object, without byte order mark
   */
  public static byte[] bytes(List<CalendarEvent> events, String calendarName) {
    return write(events, calendarName).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A file name for a title: ASCII letters and digits in lower case, accents removed ("é" → "e",
   * "œ" → "oe"), every other run of characters one {@code -}, at most 60 characters before {@code
   * .ics}. Safe in a {@code Content-Disposition} {@code filename} and on every file system.
   *
   * @param title the event's title, may be {@code null}
   * @return e.g. {@code journee-d-approfondissement.ics}; {@code evenement.ics} when nothing is
   *     left of the title
   */
  public static String fileName(String title) {
    String stem = title == null ? "" : asciiStem(title);
    return (stem.isEmpty() ? "evenement" : stem) + ".ics";
  }

  static String write(List<CalendarEvent> events, String calendarName, VTimeZone paris) {
    Objects.requireNonNull(events, "events");
    Calendar calendar = new Calendar();
    calendar.add(new ProdId(PRODID));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(ImmutableMethod.PUBLISH);
    String name = IcsText.clean(calendarName, false);
    if (name != null) {
      calendar.add(new Name(name));
      calendar.add(new XProperty("X-WR-CALNAME", name));
    }
    boolean timed = events.stream().anyMatch(e -> !Objects.requireNonNull(e, "event").allDay());
    if ((timed || events.isEmpty()) && paris != null) {
      calendar.add(paris);
    }
    for (CalendarEvent event : events) {
      calendar.add(vevent(event, paris != null));
    }
    return IcsText.fold(calendar.toString());
  }

  private static VEvent vevent(CalendarEvent event, boolean parisTime) {
    VEvent vevent = new VEvent(false);
    vevent.add(new DtStamp(event.stamp().truncatedTo(ChronoUnit.SECONDS)));
    vevent.add(new Uid(IcsText.clean(event.uid(), false)));
    if (event.allDay()) {
      LocalDate first = FrenchDates.inParis(event.start()).toLocalDate();
      LocalDate last = event.end() == null ? first : FrenchDates.inParis(event.end()).toLocalDate();
      vevent.add(new DtStart<>(first));
      vevent.add(new DtEnd<>(last.plusDays(1)));
    } else {
      vevent.add(new DtStart<>(time(event.start(), parisTime)));
      if (event.end() != null) {
        vevent.add(new DtEnd<>(time(event.end(), parisTime)));
      }
    }
    vevent.add(new Summary(IcsText.clean(event.title(), false)));
    String location = IcsText.clean(event.location(), false);
    if (location != null) {
      vevent.add(new Location(location));
    }
    String description = IcsText.clean(event.description(), true);
    if (description != null) {
      vevent.add(new Description(description));
    }
    if (event.url() != null) {
      vevent.add(new Url(URI.create(event.url())));
    }
    return vevent;
  }

  private static Temporal time(ZonedDateTime t, boolean parisTime) {
    ZonedDateTime seconds = t.truncatedTo(ChronoUnit.SECONDS);
    if (parisTime) {
      return FrenchDates.inParis(seconds);
    }
    return seconds.withZoneSameInstant(ZoneOffset.UTC).toInstant();
  }

  private static String asciiStem(String title) {
    String slug = Slugs.of(title);
    String stem = slug.equals(Slugs.EMPTY) ? "" : slug;
    if (stem.length() > MAX_FILE_NAME_STEM) {
      boolean wordEnds = stem.charAt(MAX_FILE_NAME_STEM) == '-';
      stem = stem.substring(0, MAX_FILE_NAME_STEM);
      int dash = stem.lastIndexOf('-');
      if (!wordEnds && dash > MAX_FILE_NAME_STEM / 2) {
        stem = stem.substring(0, dash);
      }
      stem = trimDashes(stem);
    }
    return stem;
  }

  private static String trimDashes(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && s.charAt(from) == '-') {
      from++;
    }
    while (to > from && s.charAt(to - 1) == '-') {
      to--;
    }
    return s.substring(from, to);
  }
}
