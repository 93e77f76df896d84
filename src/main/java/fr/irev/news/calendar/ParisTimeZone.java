package fr.irev.news.calendar;

import java.io.IOException;
import java.io.InputStream;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code VTIMEZONE} of {@code Europe/Paris}, read once from the definition bundled in the
 * ical4j jar ({@value #RESOURCE}, from tzurl.org).
 *
 * <p>The file is parsed directly rather than through ical4j's {@code TimeZoneRegistry}: the
 * registry's loader is the only ical4j code that can go to the network ({@code TimeZoneUpdater},
 * which fetches the zone's {@code TZURL} when {@code net.fortuna.ical4j.timezone.update.enabled} is
 * {@code true} in an {@code ical4j.properties} or a system property; false by default in 4.2.1).
 * Reading the resource ourselves keeps the module off the network whatever a webapp configures, and
 * does not depend on which {@code ical4j.properties} a servlet container finds first.
 */
final class ParisTimeZone {

  /** The TZID written in every timed property. */
  static final String TZID = "Europe/Paris";

  static final String RESOURCE = "/zoneinfo/Europe/Paris.ics";

  private static final Logger LOG = LoggerFactory.getLogger(ParisTimeZone.class);

  private ParisTimeZone() {}

  /**
   * @return a fresh copy of the definition (callers may add it to a calendar), or {@code null} when
   *     the ical4j jar does not hold it (then times are written in UTC, RFC 5545 C5)
   */
  static VTimeZone vtimezone() {
    VTimeZone shared = Holder.DEFINITION;
    return shared == null ? null : (VTimeZone) shared.copy();
  }

  static VTimeZone load() {
    try (InputStream in = net.fortuna.ical4j.model.Calendar.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        LOG.warn("No '{}' in the ical4j jar: calendar times are written in UTC", RESOURCE);
        return null;
      }
      Component found =
          new CalendarBuilder().build(in).getComponent(Component.VTIMEZONE).orElse(null);
      if (found instanceof VTimeZone zone && zone.getTimeZoneId().getValue().equals(TZID)) {
        return zone;
      }
      LOG.warn("'{}' holds no VTIMEZONE {}: calendar times are written in UTC", RESOURCE, TZID);
      return null;
    } catch (IOException | ParserException | RuntimeException e) {
      LOG.warn("Cannot read '{}' ({}): calendar times are written in UTC", RESOURCE, e.toString());
      return null;
    }
  }

  /** Lazy, thread-safe, once. */
  private static final class Holder {
    static final VTimeZone DEFINITION = load();
  }
}
