package fr.irev.news.registration.staff;

import java.util.List;
import java.util.Objects;

/**
 * One queued e-mail with its content, for the staff page that shows it.
 *
 * @param entry the entry, not {@code null}
 * @param textBody the plain-text body, {@code ""} when none
 * @param htmlBody the HTML body (shown as source text, never rendered), {@code ""} when none
 * @param attachments the attachments, in order; copied, unmodifiable
 */
public record OutboxMessage(
    OutboxEntry entry, String textBody, String htmlBody, List<Attachment> attachments) {

  /** Copies the list and replaces absent bodies by {@code ""}. */
  public OutboxMessage {
    Objects.requireNonNull(entry, "entry");
    textBody = textBody == null ? "" : textBody;
    htmlBody = htmlBody == null ? "" : htmlBody;
    attachments = List.copyOf(attachments);
  }

  /**
   * An attachment of a queued message.
   *
   * @param fileName its file name, not {@code null}
   * @param contentType its MIME type, not {@code null}
   * @param size its size in bytes, {@code >= 0}
   */
  public record Attachment(String fileName, String contentType, long size) {

    /** Validates the attachment. */
    public Attachment {
      Objects.requireNonNull(fileName, "fileName");
      Objects.requireNonNull(contentType, "contentType");
      if (size < 0) {
        throw new IllegalArgumentException("size must be >= 0, was " + size);
      }
    }
  }
}
