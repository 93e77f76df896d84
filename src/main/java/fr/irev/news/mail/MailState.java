package fr.irev.news.mail;

import java.util.Optional;

/** Where a message of the outbox stands. */
public enum MailState {
  /** Waiting to be sent (first time or again after a failure). */
  PENDING("pending"),
  /** Accepted by the SMTP server. */
  SENT("sent"),
  /** Given up: refused for good, or too many attempts; staff can see it. */
  FAILED("failed");

  private final String jcrValue;

  MailState(String jcrValue) {
    this.jcrValue = jcrValue;
  }

  /**
   * @return the value stored in {@link MailNodes#STATE}
   */
  public String jcrValue() {
    return jcrValue;
  }

  /**
   * @param value a stored value, may be {@code null}
   * @return the state, or empty when {@code value} is not one
   */
  public static Optional<MailState> fromJcr(String value) {
    for (MailState s : values()) {
      if (s.jcrValue.equals(value)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
