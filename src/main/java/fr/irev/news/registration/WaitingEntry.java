package fr.irev.news.registration;

/**
 * One registration on an event's waiting list, as {@link RegistrationRules#promote} needs it.
 *
 * @param id the registration's identifier (e.g. its JCR identifier), not blank; opaque here
 * @param seats seats (people) the registration holds, {@code >= 1}
 * @throws IllegalArgumentException when {@code id} is {@code null} or blank, or {@code seats < 1}
 */
public record WaitingEntry(String id, int seats) {

  /** Validates the entry. */
  public WaitingEntry {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("id is required");
    }
    if (seats < 1) {
      throw new IllegalArgumentException("seats must be >= 1, was " + seats);
    }
  }
}
