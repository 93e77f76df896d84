package fr.irev.news.registration;

import java.time.Instant;

/**
 * A stored registration.
 *
 * @param id the node's JCR identifier: what cancellation links and staff actions refer to
 * @param eventId the event's id
 * @param status confirmed, waiting or cancelled
 * @param seats seats (people) held, {@code >= 1}
 * @param lastName last name
 * @param firstName first name
 * @param email e-mail address as typed
 * @param emailKey the address trimmed and lower-cased
 * @param token idempotency token of the form post that created it
 * @param created when it was recorded
 * @param details the optional fields as posted ({@code ""} when not asked or not given), never
 *     {@code null}
 */
public record Registration(
    String id,
    String eventId,
    Status status,
    int seats,
    String lastName,
    String firstName,
    String email,
    String emailKey,
    String token,
    Instant created,
    RegistrationForm.RegistrationDetails details) {

  /** Checks that the details are given. */
  public Registration {
    java.util.Objects.requireNonNull(details, "details");
  }

  /** Details of a registration whose optional fields were all left empty. */
  public static final RegistrationForm.RegistrationDetails NO_DETAILS =
      new RegistrationForm.RegistrationDetails("", "", "", "", "", "");

  /** The state of a registration, with its stored value. */
  public enum Status {
    /** Holds confirmed seats. */
    CONFIRMED(RegistrationNodes.CONFIRMED),
    /** Holds seats on the waiting list. */
    WAITING(RegistrationNodes.WAITING),
    /** Holds no seat. */
    CANCELLED(RegistrationNodes.CANCELLED);

    private final String value;

    Status(String value) {
      this.value = value;
    }

    /**
     * @return the value of the {@value RegistrationNodes#STATUS} property
     */
    public String value() {
      return value;
    }

    /**
     * @param value a stored value
     * @return the status
     * @throws IllegalArgumentException for any other value
     */
    public static Status of(String value) {
      for (Status status : values()) {
        if (status.value.equals(value)) {
          return status;
        }
      }
      throw new IllegalArgumentException("unknown registration status: " + value);
    }
  }

  /**
   * @return a copy with another status
   */
  public Registration withStatus(Status newStatus) {
    return new Registration(
        id, eventId, newStatus, seats, lastName, firstName, email, emailKey, token, created,
        details);
  }
}
