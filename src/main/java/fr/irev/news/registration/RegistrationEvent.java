package fr.irev.news.registration;

import fr.irev.news.format.FrenchDates;
import fr.irev.news.news.EventSchedule;
import fr.irev.news.news.NewsItem;
import fr.irev.news.registration.RegistrationSettingsMapper.RegistrationFields;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import javax.jcr.Node;
import javax.jcr.RepositoryException;

/**
 * An event that uses the built-in registration form: the news item, its settings and its form
 * options.
 *
 * @param eventId the news item's JCR identifier: the registrations' event id
 * @param item the news item (an event with a schedule)
 * @param settings its registration settings
 * @param fields its optional fields, texts and staff address
 */
public record RegistrationEvent(
    String eventId, NewsItem item, RegistrationSettings settings, RegistrationFields fields) {

  /** Checks that nothing is missing. */
  public RegistrationEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(fields, "fields");
  }

  /**
   * The built-in registration of a news item node.
   *
   * @param node an {@code irev:newsItem} node
   * @param item that node read by {@code NewsMapper}
   * @return empty when the item is not an event with a schedule, or its settings are absent,
   *     disabled or unusable (see {@link RegistrationSettingsMapper#read})
   * @throws RepositoryException on repository failure
   */
  public static Optional<RegistrationEvent> of(Node node, NewsItem item)
      throws RepositoryException {
    if (!item.isEvent()) {
      return Optional.empty();
    }
    Optional<RegistrationSettings> settings =
        RegistrationSettingsMapper.read(node, end(item.schedule()));
    Optional<RegistrationFields> fields = RegistrationSettingsMapper.readFields(node);
    if (settings.isEmpty() || fields.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new RegistrationEvent(node.getIdentifier(), item, settings.get(), fields.get()));
  }

  /**
   * When an event is over, for closing registrations and for the retention of personal data.
   *
   * @param schedule the event's dates, not {@code null}
   * @return its end; without an end, its start; for an all-day event, midnight (Europe/Paris) after
   *     its last day
   */
  public static ZonedDateTime end(EventSchedule schedule) {
    ZonedDateTime last = schedule.end() != null ? schedule.end() : schedule.start();
    if (schedule.allDay()) {
      return FrenchDates.inParis(last).toLocalDate().plusDays(1).atStartOfDay(FrenchDates.PARIS);
    }
    return FrenchDates.inParis(last);
  }
}
