package fr.irev.news.jcr;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks identifiers coming from requests or from stored references before they reach {@code
 * Session.getNodeByIdentifier}, which Jackrabbit (and so Magnolia) answers with a {@code
 * RepositoryException} for anything that is not a UUID.
 */
public final class Identifiers {

  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Identifiers() {}

  /**
   * @param candidate raw value, may be {@code null}; surrounding whitespace is ignored
   * @return the identifier, or empty when it is not a UUID
   */
  public static Optional<String> parse(String candidate) {
    if (candidate == null) {
      return Optional.empty();
    }
    String trimmed = candidate.trim();
    return UUID.matcher(trimmed).matches() ? Optional.of(trimmed) : Optional.empty();
  }
}
