package fr.irev.news.registration.staff;

import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * One event as the staff pages list it.
 *
 * @param eventId the event id the registrations are stored under (their folder name), not {@code
 *     null}
 * @param urlName the event's URL name (used in the CSV file name), not {@code null}
 * @param title the event's title as typed by editors, not {@code null}
 * @param start when the event starts (any zone; shown in Paris time), {@code null} when unknown
 * @param capacity seats that can be confirmed, {@code >= 0}
 * @param counts the registrations per status, not {@code null}
 * @throws IllegalArgumentException when {@code capacity < 0}
 */
public record EventSummary(
    String eventId,
    String urlName,
    String title,
    ZonedDateTime start,
    int capacity,
    Counts counts) {

  /** Validates the summary. */
  public EventSummary {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(urlName, "urlName");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(counts, "counts");
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must be >= 0, was " + capacity);
    }
  }

  /**
   * @return seats still free for confirmation, never below 0
   */
  public int seatsLeft() {
    return counts.seatsLeft(capacity);
  }
}
