package fr.irev.news.news;

import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * When an event takes place, in Europe/Paris.
 *
 * @param start first instant, never {@code null}; for an all-day event, midnight of the first day
 * @param end last instant, or {@code null} when unknown; for an all-day event, midnight of the last
 *     day (inclusive: an event on one day has {@code end} on the same date as {@code start})
 * @param allDay whether times are irrelevant
 */
public record EventSchedule(ZonedDateTime start, ZonedDateTime end, boolean allDay) {
  public EventSchedule {
    Objects.requireNonNull(start, "start");
  }
}
