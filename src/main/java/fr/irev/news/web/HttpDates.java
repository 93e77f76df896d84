package fr.irev.news.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP-date (RFC 9110 §5.6.7): a recipient accepts the three formats, {@code Sun, 06 Nov 1994
 * 08:49:37 GMT} (IMF-fixdate), {@code Sunday, 06-Nov-94 08:49:37 GMT} (obsolete RFC 850) and {@code
 * Sun Nov 6 08:49:37 1994} (ANSI C {@code asctime}); senders write the first.
 */
final class HttpDates {

  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter RFC_850 =
      new DateTimeFormatterBuilder()
          .appendPattern("EEEE, dd-MMM-")
          // RFC 9110 §5.6.7: a two-digit year more than 50 years in the future is in the past;
          // 1970-2069 is what that gives for the dates this module sees.
          .appendValueReduced(ChronoField.YEAR, 2, 2, LocalDate.of(1970, 1, 1))
          .appendPattern(" HH:mm:ss 'GMT'")
          .toFormatter(Locale.US)
          .withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter ASCTIME =
      DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US).withZone(ZoneOffset.UTC);

  private static final List<DateTimeFormatter> FORMATS =
      List.of(
          IMF_FIXDATE.withResolverStyle(ResolverStyle.SMART),
          RFC_850.withResolverStyle(ResolverStyle.SMART),
          ASCTIME.withResolverStyle(ResolverStyle.SMART));

  private HttpDates() {}

  /**
   * @param value a header value, may be {@code null}
   * @return the instant (whole seconds, UTC), or empty when absent or in none of the three formats
   */
  static Optional<Instant> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String text = value.strip();
    for (DateTimeFormatter format : FORMATS) {
      try {
        return Optional.of(Instant.from(format.parse(text)));
      } catch (DateTimeException e) {
        // try the next format
      }
    }
    return Optional.empty();
  }
}
