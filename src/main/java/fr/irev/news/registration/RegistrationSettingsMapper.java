package fr.irev.news.registration;

import static fr.irev.news.jcr.JcrProperties.bool;
import static fr.irev.news.jcr.JcrProperties.date;
import static fr.irev.news.jcr.JcrProperties.setDate;
import static fr.irev.news.jcr.JcrProperties.setString;
import static fr.irev.news.jcr.JcrProperties.string;

import fr.irev.news.format.FrenchDates;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.jcr.Node;
import javax.jcr.Property;
import javax.jcr.PropertyType;
import javax.jcr.RepositoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes the registration settings of one event: the child node {@value
 * RegistrationSettingsNodes#NODE} of a news item (names in {@link RegistrationSettingsNodes}). The
 * only class that knows that layout.
 *
 * <p>Reading never throws: settings that are absent, disabled or unusable give {@link
 * Optional#empty()} (no built-in form for the event); unusable ones are also logged at WARN with
 * the item's path (settings hold no personal data). Numbers are accepted as {@code Long} (what
 * {@link #write} stores) or as a decimal {@code String} (what the content app's text fields store).
 */
public final class RegistrationSettingsMapper {

  private static final Logger LOG = LoggerFactory.getLogger(RegistrationSettingsMapper.class);

  /** A plausible single address: something@domain.tld, no spaces, no second {@code @}. */
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  /**
   * What the built-in form asks besides the required fields, what it says, and whom it notifies.
   *
   * @param consentText consent sentence next to the required box; {@code null} = the module's
   *     default text
   * @param confirmationMessage message shown and sent on confirmation; {@code null} = default
   * @param staffEmail address notified of registrations; {@code null} = nobody
   */
  public record RegistrationFields(
      boolean askOrganisation,
      boolean askFunction,
      boolean askCommune,
      boolean askPhone,
      boolean askNeeds,
      boolean askComment,
      String consentText,
      String confirmationMessage,
      String staffEmail) {

    /** No optional field, default texts, nobody notified. */
    public static final RegistrationFields NONE =
        new RegistrationFields(false, false, false, false, false, false, null, null, null);
  }

  /** A stored value that cannot be used; the message names the property, never personal data. */
  private static final class InvalidSettings extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidSettings(String message) {
      super(message, null, false, false);
    }
  }

  private RegistrationSettingsMapper() {}

  /**
   * The registration settings of an event, for the {@code event-registration} component.
   *
   * @param item a news item ({@code irev:newsItem})
   * @param eventEnd end of the event (any zone); {@code null} gives empty (no form without an end)
   * @return empty when the item has no {@value RegistrationSettingsNodes#NODE} node, when {@value
   *     RegistrationSettingsNodes#ENABLED} is not true, when {@code eventEnd} is {@code null}, or
   *     when the stored values are unusable (logged at WARN); otherwise the settings, dates in
   *     Europe/Paris
   */
  public static Optional<RegistrationSettings> read(Node item, ZonedDateTime eventEnd) {
    try {
      Node node = enabledNode(item);
      if (node == null || eventEnd == null) {
        return Optional.empty();
      }
      Long capacity = number(node, RegistrationSettingsNodes.CAPACITY);
      if (capacity == null) {
        throw new InvalidSettings("capacity is missing");
      }
      Long waitingListSize = number(node, RegistrationSettingsNodes.WAITING_LIST_SIZE);
      Long maxSeats = number(node, RegistrationSettingsNodes.MAX_SEATS);
      return Optional.of(
          new RegistrationSettings(
              bool(node, RegistrationSettingsNodes.OPEN),
              date(node, RegistrationSettingsNodes.OPENS_AT, FrenchDates.PARIS),
              date(node, RegistrationSettingsNodes.CLOSES_AT, FrenchDates.PARIS),
              eventEnd,
              toInt(RegistrationSettingsNodes.CAPACITY, capacity),
              bool(node, RegistrationSettingsNodes.WAITING_LIST),
              waitingListSize == null
                  ? 0
                  : toInt(RegistrationSettingsNodes.WAITING_LIST_SIZE, waitingListSize),
              maxSeats == null
                  ? RegistrationSettings.DEFAULT_MAX_SEATS
                  : toInt(RegistrationSettingsNodes.MAX_SEATS, maxSeats)));
    } catch (InvalidSettings | IllegalArgumentException | RepositoryException e) {
      warn(item, e);
      return Optional.empty();
    }
  }

  /**
   * The optional fields, texts and staff address of the built-in form.
   *
   * @param item a news item
   * @return empty when the item has no {@value RegistrationSettingsNodes#NODE} node or it is not
   *     enabled, or on a repository error (logged at WARN); a staff address that is not a plausible
   *     single e-mail address is left out (logged at WARN)
   */
  public static Optional<RegistrationFields> readFields(Node item) {
    try {
      Node node = enabledNode(item);
      if (node == null) {
        return Optional.empty();
      }
      String staff = string(node, RegistrationSettingsNodes.STAFF_EMAIL);
      if (staff != null && !EMAIL.matcher(staff).matches()) {
        LOG.warn(
            "Registration settings of news item {}: staffEmail is not a single e-mail address,"
                + " nobody will be notified",
            path(item));
        staff = null;
      }
      return Optional.of(
          new RegistrationFields(
              bool(node, RegistrationSettingsNodes.ASK_ORGANISATION),
              bool(node, RegistrationSettingsNodes.ASK_FUNCTION),
              bool(node, RegistrationSettingsNodes.ASK_COMMUNE),
              bool(node, RegistrationSettingsNodes.ASK_PHONE),
              bool(node, RegistrationSettingsNodes.ASK_NEEDS),
              bool(node, RegistrationSettingsNodes.ASK_COMMENT),
              string(node, RegistrationSettingsNodes.CONSENT_TEXT),
              string(node, RegistrationSettingsNodes.CONFIRMATION_MESSAGE),
              staff));
    } catch (RepositoryException e) {
      warn(item, e);
      return Optional.empty();
    }
  }

  /**
   * Creates or updates the {@value RegistrationSettingsNodes#NODE} node of {@code item} (for tests
   * and imports; in Magnolia the content app writes it). {@link RegistrationSettings#eventEnd()} is
   * not stored: it is the item's own end date. Does not save the session.
   *
   * @param item a news item
   * @param enabled whether the built-in form is used
   * @param settings the settings, required
   * @param fields optional fields and texts; {@code null} = {@link RegistrationFields#NONE}
   * @throws RepositoryException on repository failure
   */
  public static void write(
      Node item, boolean enabled, RegistrationSettings settings, RegistrationFields fields)
      throws RepositoryException {
    Objects.requireNonNull(settings, "settings");
    RegistrationFields f = fields == null ? RegistrationFields.NONE : fields;
    Node node =
        item.hasNode(RegistrationSettingsNodes.NODE)
            ? item.getNode(RegistrationSettingsNodes.NODE)
            : item.addNode(RegistrationSettingsNodes.NODE, RegistrationSettingsNodes.NODE_TYPE);
    node.setProperty(RegistrationSettingsNodes.ENABLED, enabled);
    node.setProperty(RegistrationSettingsNodes.OPEN, settings.open());
    setDate(node, RegistrationSettingsNodes.OPENS_AT, settings.opensAt());
    setDate(node, RegistrationSettingsNodes.CLOSES_AT, settings.closesAt());
    node.setProperty(RegistrationSettingsNodes.CAPACITY, (long) settings.capacity());
    node.setProperty(RegistrationSettingsNodes.WAITING_LIST, settings.waitingListEnabled());
    node.setProperty(
        RegistrationSettingsNodes.WAITING_LIST_SIZE, (long) settings.waitingListSize());
    node.setProperty(
        RegistrationSettingsNodes.MAX_SEATS, (long) settings.maxSeatsPerRegistration());
    node.setProperty(RegistrationSettingsNodes.ASK_ORGANISATION, f.askOrganisation());
    node.setProperty(RegistrationSettingsNodes.ASK_FUNCTION, f.askFunction());
    node.setProperty(RegistrationSettingsNodes.ASK_COMMUNE, f.askCommune());
    node.setProperty(RegistrationSettingsNodes.ASK_PHONE, f.askPhone());
    node.setProperty(RegistrationSettingsNodes.ASK_NEEDS, f.askNeeds());
    node.setProperty(RegistrationSettingsNodes.ASK_COMMENT, f.askComment());
    setString(node, RegistrationSettingsNodes.CONSENT_TEXT, f.consentText());
    setString(node, RegistrationSettingsNodes.CONFIRMATION_MESSAGE, f.confirmationMessage());
    setString(node, RegistrationSettingsNodes.STAFF_EMAIL, f.staffEmail());
  }

  /** The settings node when present and enabled, otherwise {@code null}. */
  private static Node enabledNode(Node item) throws RepositoryException {
    if (!item.hasNode(RegistrationSettingsNodes.NODE)) {
      return null;
    }
    Node node = item.getNode(RegistrationSettingsNodes.NODE);
    return bool(node, RegistrationSettingsNodes.ENABLED) ? node : null;
  }

  /**
   * A whole number stored as a number or as decimal text; {@code null} when absent or blank.
   *
   * @throws InvalidSettings when the value is not a whole number
   */
  private static Long number(Node node, String name) throws RepositoryException, InvalidSettings {
    if (!node.hasProperty(name)) {
      return null;
    }
    Property property = node.getProperty(name);
    if (property.isMultiple()) {
      throw new InvalidSettings(name + " has several values");
    }
    switch (property.getType()) {
      case PropertyType.LONG:
        return property.getLong();
      case PropertyType.DOUBLE:
      case PropertyType.DECIMAL:
        double d = property.getDouble();
        if (d != Math.rint(d) || Double.isInfinite(d)) {
          throw new InvalidSettings(name + " is not a whole number");
        }
        return (long) d;
      case PropertyType.STRING:
        String text = property.getString().trim();
        if (text.isEmpty()) {
          return null;
        }
        try {
          return Long.parseLong(text);
        } catch (NumberFormatException e) {
          throw new InvalidSettings(name + " is not a whole number");
        }
      default:
        throw new InvalidSettings(name + " is not a number");
    }
  }

  private static int toInt(String name, long value) throws InvalidSettings {
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new InvalidSettings(name + " is out of range");
    }
    return (int) value;
  }

  private static void warn(Node item, Exception e) {
    LOG.warn(
        "Registration settings of news item {} ignored (no registration form): {}",
        path(item),
        e.getMessage());
  }

  private static String path(Node item) {
    try {
      return item.getPath();
    } catch (RepositoryException | RuntimeException e) {
      return "(unknown path)";
    }
  }
}
