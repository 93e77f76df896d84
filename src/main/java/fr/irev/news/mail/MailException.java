package fr.irev.news.mail;

/**
 * A message could not be sent. The message text is safe to log and to show to staff: it never holds
 * an address, a name, a subject or a body (SMTP replies, which often quote the recipient, are
 * reduced to their reply code). For the same reason the low-level cause is not chained: only its
 * class name is kept ({@link #causeType()}).
 */
public final class MailException extends Exception {

  private static final long serialVersionUID = 1L;

  /** What the failure says about retrying. */
  public enum Kind {
    /**
     * The server could not be used at all (not configured, unreachable, timed out, TLS or
     * authentication refused): every message would fail the same way now; retry later.
     */
    SERVER_UNAVAILABLE,
    /** This message failed for a reason that may pass (SMTP 4xx reply, I/O error): retry later. */
    TEMPORARY,
    /** The server refused this message for good (SMTP 5xx reply, e.g. unknown recipient). */
    PERMANENT
  }

  private final Kind kind;
  private final String causeType;

  /**
   * @param kind what the failure says about retrying, not {@code null}
   * @param message a non-personal description
   * @param causeType simple class name of the low-level exception, or {@code null}
   */
  public MailException(Kind kind, String message, String causeType) {
    super(message);
    this.kind = java.util.Objects.requireNonNull(kind, "kind");
    this.causeType = causeType;
  }

  /**
   * @return what the failure says about retrying, never {@code null}
   */
  public Kind kind() {
    return kind;
  }

  /**
   * @return the simple class name of the low-level exception, or {@code null} when none
   */
  public String causeType() {
    return causeType;
  }
}
