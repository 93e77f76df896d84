package fr.irev.news.format;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and times written the French way, always in the site's time zone {@link #PARIS}, whatever
 * the JVM default zone or locale (no method reads {@code ZoneId.systemDefault()} or {@code
 * Locale.getDefault()}, and day and month names are spelled here rather than taken from the JDK's
 * locale data).
 *
 * <p>Rules, from the <i>Lexique des règles typographiques en usage à l'Imprimerie nationale</i>
 * (entries "Dates", "Heures", "Jours de la semaine", "Mois", "Espaces") and the project's design
 * ({@code shared/DESIGN.md}, case C7 of {@code shared/cases/CASES.md}):
 *
 * <ul>
 *   <li>day and month names are lower case: "mardi 30 novembre 2021";
 *   <li>the first day of a month is the ordinal "1er", every other day a plain number without a
 *       leading zero: "1er octobre", "4 octobre";
 *   <li>a time is the hour without leading zero, "h", then two-digit minutes: "9 h 00", "16 h 30",
 *       "0 h 05" (seconds are never shown);
 *   <li>spaces: ordinary spaces (U+0020) between words; a no-break space (U+00A0, {@link #NBSP})
 *       inside a time, on both sides of the "h", so that "9 h 00" never breaks across lines. The
 *       same U+00A0 is used by {@link FrenchSizes} between a number and its unit. U+00A0 rather
 *       than the narrow U+202F because it is what every font and every e-mail client renders, and
 *       because one character everywhere keeps the strings comparable.
 * </ul>
 *
 * <p>Methods taking a {@link ZonedDateTime} or an {@link Instant} first convert it to {@link
 * #PARIS}; methods taking a {@link LocalDate} or {@link LocalTime} take it as already expressed in
 * Paris time. Every method returns {@code null} when its (first) argument is {@code null}. All
 * methods are thread-safe.
 */
public final class FrenchDates {

  /** The time zone of every date the site shows or exports: {@code Europe/Paris}. */
  public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  /** NO-BREAK SPACE (U+00A0), used inside a time ("9 h 00") and between a number and its unit. */
  public static final String NBSP = "\u00a0";

  /** Indexed by {@code DayOfWeek.getValue() - 1} (Monday first, ISO-8601). */
  private static final String[] DAYS = {
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"
  };

  /** Indexed by {@code getMonthValue() - 1}. */
  private static final String[] MONTHS = {
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre"
  };

  /** ISO-8601 local date-time with seconds and the numeric offset ({@code +01:00}, never Z). */
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);

  private FrenchDates() {}

  /**
   * A date-time expressed in Paris time.
   *
   * @param t any date-time, in any zone
   * @return the same instant in {@link #PARIS}, or {@code null} when {@code t} is {@code null}
   */
  public static ZonedDateTime inParis(ZonedDateTime t) {
    return t == null ? null : t.withZoneSameInstant(PARIS);
  }

  /**
   * An instant expressed in Paris time.
   *
   * @param t an instant
   * @return the instant in {@link #PARIS}, or {@code null} when {@code t} is {@code null}
   */
  public static ZonedDateTime inParis(Instant t) {
    return t == null ? null : t.atZone(PARIS);
  }

  /**
   * A day with its article and weekday: "le lundi 1er novembre 2021", "le dimanche 21 novembre
   * 2021" (case C7).
   *
   * @param d a calendar date (Paris)
   * @return the phrase (U+00A0 between day number and month); {@code null} when {@code d} is {@code
   *     null}
   */
  public static String day(LocalDate d) {
    return d == null ? null : "le " + dayWithoutArticle(d);
  }

  /**
   * {@link #day(LocalDate)} for the Paris date of a date-time.
   *
   * @param t a date-time in any zone, converted to Paris first
   * @return e.g. "le mardi 30 novembre 2021"; {@code null} when {@code t} is {@code null}
   */
  public static String day(ZonedDateTime t) {
    return t == null ? null : day(inParis(t).toLocalDate());
  }

  /**
   * A day with its weekday and no article: "lundi 1er novembre 2021".
   *
   * @param d a calendar date (Paris)
   * @return the phrase (U+00A0 between day number and month); {@code null} when {@code d} is {@code
   *     null}
   */
  public static String dayWithoutArticle(LocalDate d) {
    return d == null ? null : DAYS[d.getDayOfWeek().getValue() - 1] + " " + date(d);
  }

  /**
   * {@link #dayWithoutArticle(LocalDate)} for the Paris date of a date-time.
   *
   * @param t a date-time in any zone, converted to Paris first
   * @return e.g. "mardi 30 novembre 2021"; {@code null} when {@code t} is {@code null}
   */
  public static String dayWithoutArticle(ZonedDateTime t) {
    return t == null ? null : dayWithoutArticle(inParis(t).toLocalDate());
  }

  /**
   * A date without weekday: "29 septembre 2021", "1er octobre 2021".
   *
   * @param d a calendar date (Paris)
   * @return day number ("1er" for the first), U+00A0 (the number stays with its month at a line
   *     break), month name, an ordinary space, year; {@code null} when {@code d} is {@code null}
   */
  public static String date(LocalDate d) {
    if (d == null) {
      return null;
    }
    String dayNumber = d.getDayOfMonth() == 1 ? "1er" : Integer.toString(d.getDayOfMonth());
    return dayNumber + NBSP + MONTHS[d.getMonthValue() - 1] + " " + d.getYear();
  }

  /**
   * {@link #date(LocalDate)} for the Paris date of a date-time.
   *
   * @param t a date-time in any zone, converted to Paris first
   * @return e.g. "29 septembre 2021"; {@code null} when {@code t} is {@code null}
   */
  public static String date(ZonedDateTime t) {
    return t == null ? null : date(inParis(t).toLocalDate());
  }

  /**
   * A time of day: "9\u00a0h\u00a000", "16\u00a0h\u00a030", "0\u00a0h\u00a005".
   *
   * @param t a time of day (Paris); seconds and nanoseconds are ignored (truncated, not rounded)
   * @return hour without leading zero, U+00A0, "h", U+00A0, two-digit minutes; {@code null} when
   *     {@code t} is {@code null}
   */
  public static String time(LocalTime t) {
    if (t == null) {
      return null;
    }
    int minute = t.getMinute();
    return t.getHour() + NBSP + "h" + NBSP + (minute < 10 ? "0" : "") + minute;
  }

  /**
   * {@link #time(LocalTime)} for the Paris wall-clock time of a date-time.
   *
   * @param t a date-time in any zone, converted to Paris first
   * @return e.g. "10\u00a0h\u00a050"; {@code null} when {@code t} is {@code null}
   */
  public static String time(ZonedDateTime t) {
    return t == null ? null : time(inParis(t).toLocalTime());
  }

  /**
   * When an event takes place, as a phrase that follows "Cette journée a lieu …":
   *
   * <ul>
   *   <li>one day, timed: "le mardi 30 novembre 2021 de 9\u00a0h\u00a000 à 16\u00a0h\u00a030" (C7;
   *       across a DST change the wall-clock times are shown: C1 gives "de 1\u00a0h\u00a000 à
   *       4\u00a0h\u00a000");
   *   <li>one day, all day: "le mardi 30 novembre 2021";
   *   <li>several days, all day: "du mardi 28 juin 2022 au vendredi 8 juillet 2022" (the date of
   *       {@code end} is the last day, inclusive: not the exclusive end iCalendar uses);
   *   <li>several days, timed: "du mardi 28 juin 2022 à 9\u00a0h\u00a000 au mercredi 29 juin 2022 à
   *       17\u00a0h\u00a000";
   *   <li>no end: "le mardi 30 novembre 2021 à 9\u00a0h\u00a000", or "le mardi 30 novembre 2021"
   *       when all day.
   * </ul>
   *
   * "One day" and "several days" are decided on the Paris dates of {@code start} and {@code end}.
   * An end that is {@code null}, or earlier than the start, is treated as no end; so is, for a
   * timed event, an end equal to the start (a single moment). For an all-day event only the dates
   * count: an end on an earlier date is no end, an end on the same date is one day.
   *
   * @param start first moment (any zone, converted to Paris)
   * @param end last moment (any zone, converted to Paris), or {@code null}
   * @param allDay {@code true} to show dates only, without times
   * @return the phrase; {@code null} when {@code start} is {@code null}
   */
  public static String eventPeriod(ZonedDateTime start, ZonedDateTime end, boolean allDay) {
    if (start == null) {
      return null;
    }
    ZonedDateTime from = inParis(start);
    ZonedDateTime to = end == null ? null : inParis(end);
    LocalDate firstDay = from.toLocalDate();
    if (allDay) {
      LocalDate lastDay = to == null ? null : to.toLocalDate();
      if (lastDay == null || !lastDay.isAfter(firstDay)) {
        return day(firstDay);
      }
      return "du " + dayWithoutArticle(firstDay) + " au " + dayWithoutArticle(lastDay);
    }
    if (to == null || !to.toInstant().isAfter(from.toInstant())) {
      return day(firstDay) + " à " + time(from.toLocalTime());
    }
    if (to.toLocalDate().equals(firstDay)) {
      return day(firstDay) + " de " + time(from.toLocalTime()) + " à " + time(to.toLocalTime());
    }
    return "du "
        + dayWithoutArticle(firstDay)
        + " à "
        + time(from.toLocalTime())
        + " au "
        + dayWithoutArticle(to.toLocalDate())
        + " à "
        + time(to.toLocalTime());
  }

  /**
   * {@link #eventPeriod(ZonedDateTime, ZonedDateTime, boolean)} for instants.
   *
   * @param start first moment
   * @param end last moment, or {@code null}
   * @param allDay {@code true} to show dates only
   * @return the phrase; {@code null} when {@code start} is {@code null}
   */
  public static String eventPeriod(Instant start, Instant end, boolean allDay) {
    return eventPeriod(inParis(start), inParis(end), allDay);
  }

  /**
   * The publication line of a page, as on the seed page: "Publié le 29 septembre 2021".
   *
   * @param t publication date-time (any zone, converted to Paris: 23:30 Z on 28 September is 29
   *     September in Paris)
   * @return "Publié le " followed by {@link #date(LocalDate)}; {@code null} when {@code t} is
   *     {@code null}
   */
  public static String published(ZonedDateTime t) {
    return t == null ? null : "Publié le " + date(t);
  }

  /**
   * {@link #published(ZonedDateTime)} for an instant.
   *
   * @param t publication instant
   * @return e.g. "Publié le 29 septembre 2021"; {@code null} when {@code t} is {@code null}
   */
  public static String published(Instant t) {
    return published(inParis(t));
  }

  /**
   * The last-modification line of a page: "Mis à jour le 4 octobre 2021 à 10\u00a0h\u00a050" (the
   * seed page's "modifié le 04/10/2021 - 10:50" in French typography).
   *
   * @param t last modification (any zone, converted to Paris)
   * @return "Mis à jour le ", the date, " à ", the time; {@code null} when {@code t} is {@code
   *     null}
   */
  public static String updated(ZonedDateTime t) {
    return t == null ? null : "Mis à jour le " + date(t) + " à " + time(t);
  }

  /**
   * {@link #updated(ZonedDateTime)} for an instant.
   *
   * @param t last modification instant
   * @return e.g. "Mis à jour le 4 octobre 2021 à 10\u00a0h\u00a050"; {@code null} when {@code t} is
   *     {@code null}
   */
  public static String updated(Instant t) {
    return updated(inParis(t));
  }

  /**
   * The machine-readable form for an HTML {@code <time datetime="…">} attribute (HTML "valid global
   * date and time string", a subset of ISO-8601 / RFC 3339).
   *
   * @param t a date-time (any zone, converted to Paris)
   * @return {@code uuuu-MM-dd'T'HH:mm:ss} and the Paris offset, e.g. "2021-09-29T10:00:00+02:00";
   *     seconds always present, fractions of a second dropped; {@code null} when {@code t} is
   *     {@code null}
   */
  public static String iso(ZonedDateTime t) {
    return t == null ? null : ISO.format(inParis(t));
  }

  /**
   * {@link #iso(ZonedDateTime)} for an instant.
   *
   * @param t an instant
   * @return e.g. "2021-09-29T10:00:00+02:00"; {@code null} when {@code t} is {@code null}
   */
  public static String iso(Instant t) {
    return iso(inParis(t));
  }
}
