package fr.irev.news.jcr;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import javax.jcr.Node;
import javax.jcr.Property;
import javax.jcr.RepositoryException;
import javax.jcr.Value;

/**
 * Reads and writes single JCR properties with the module's conventions: absent, empty and blank
 * strings are all "absent" ({@code null}); dates are returned in a given time zone. Repository
 * errors propagate.
 */
public final class JcrProperties {

  private JcrProperties() {}

  /**
   * @return the trimmed string value, or {@code null} when the property is absent, multi-valued or
   *     blank
   * @throws RepositoryException on repository failure
   */
  public static String string(Node node, String name) throws RepositoryException {
    if (!node.hasProperty(name)) {
      return null;
    }
    Property property = node.getProperty(name);
    if (property.isMultiple()) {
      return null;
    }
    String value = property.getString().trim();
    return value.isEmpty() ? null : value;
  }

  /**
   * @return the non-blank values of a property in order; a single-valued property gives a list of
   *     one; an absent property an empty list
   * @throws RepositoryException on repository failure
   */
  public static List<String> strings(Node node, String name) throws RepositoryException {
    List<String> values = new ArrayList<>();
    if (!node.hasProperty(name)) {
      return values;
    }
    Property property = node.getProperty(name);
    Value[] raw = property.isMultiple() ? property.getValues() : new Value[] {property.getValue()};
    for (Value value : raw) {
      String text = value.getString().trim();
      if (!text.isEmpty()) {
        values.add(text);
      }
    }
    return values;
  }

  /**
   * @return the date in {@code zone}, or {@code null} when absent
   * @throws RepositoryException when the value is not a date
   */
  public static ZonedDateTime date(Node node, String name, ZoneId zone) throws RepositoryException {
    if (!node.hasProperty(name) || node.getProperty(name).isMultiple()) {
      return null;
    }
    return node.getProperty(name).getDate().toInstant().atZone(zone);
  }

  /**
   * @return the boolean value, {@code false} when absent
   */
  public static boolean bool(Node node, String name) throws RepositoryException {
    return node.hasProperty(name)
        && !node.getProperty(name).isMultiple()
        && node.getProperty(name).getBoolean();
  }

  /** Sets a string, or removes the property for {@code null}/blank. */
  public static void setString(Node node, String name, String value) throws RepositoryException {
    if (value == null || value.isBlank()) {
      removeIfPresent(node, name);
    } else {
      node.setProperty(name, value);
    }
  }

  /** Sets a multi-valued string property, or removes it for an empty list. */
  public static void setStrings(Node node, String name, List<String> values)
      throws RepositoryException {
    if (values.isEmpty()) {
      removeIfPresent(node, name);
    } else {
      node.setProperty(name, values.toArray(String[]::new));
    }
  }

  /** Sets a date keeping its offset, or removes the property for {@code null}. */
  public static void setDate(Node node, String name, ZonedDateTime value)
      throws RepositoryException {
    if (value == null) {
      removeIfPresent(node, name);
      return;
    }
    Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone(value.getZone()));
    calendar.setTimeInMillis(value.toInstant().toEpochMilli());
    node.setProperty(name, calendar);
  }

  private static void removeIfPresent(Node node, String name) throws RepositoryException {
    if (node.hasProperty(name)) {
      node.getProperty(name).remove();
    }
  }
}
