package fr.irev.news.registration.staff;

import java.time.Instant;
import java.util.Objects;

/**
 * One queued e-mail as the staff outbox page shows it (the mail package's own entries are mapped to
 * this record by the caller).
 *
 * @param id the entry's id (used in the link to the message), not {@code null}
 * @param to the recipient address, not {@code null}
 * @param subject the subject, not {@code null}
 * @param state pending, sent or failed, not {@code null}
 * @param attempts sending attempts so far, {@code >= 0}
 * @param created when the message was queued, not {@code null}
 * @param sentAt when it was sent, {@code null} when not (yet) sent
 * @param lastError the last sending error, {@code null} when none
 * @throws IllegalArgumentException when {@code attempts < 0}
 */
public record OutboxEntry(
    String id,
    String to,
    String subject,
    State state,
    int attempts,
    Instant created,
    Instant sentAt,
    String lastError) {

  /** Validates the entry. */
  public OutboxEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(created, "created");
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts must be >= 0, was " + attempts);
    }
  }

  /** Where a queued message stands. */
  public enum State {
    /** Queued, not sent yet (possibly after failed attempts that will be retried). */
    PENDING("en attente"),
    /** Handed to the mail server. */
    SENT("envoyé"),
    /** Given up after the last attempt. */
    FAILED("échec");

    private final String label;

    State(String label) {
      this.label = label;
    }

    /**
     * @return the French label shown to staff: "en attente", "envoyé" or "échec"
     */
    public String label() {
      return label;
    }
  }
}
