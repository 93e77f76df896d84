package fr.irev.news.mail;

import java.util.List;
import java.util.Objects;

/**
 * One e-mail to one recipient, as the module sends it: plain text, optionally an HTML alternative,
 * optionally attachments. The sender comes from {@link MailSettings} at sending time.
 *
 * <p>Defence in depth for field case C10 (header injection): no value that goes into a header
 * ({@code to}, {@code replyTo}, {@code subject}, attachment names) may hold CR, LF or any other
 * control character, so that nothing such as {@code "\r\nBcc: someone@example.org"} can reach the
 * wire; the constructor refuses them rather than silently cleaning them (callers validate user
 * input first and show a French message).
 *
 * <p>{@link #toString()} shows no personal data (no address, subject or body), so a message can
 * appear in a log line by mistake without leaking anything.
 *
 * @param to the recipient, one bare address ({@code nom@example.org}, no display name), not {@code
 *     null}
 * @param replyTo the address replies go to, one bare address, or {@code null} for the sender
 * @param subject the subject, not {@code null}, no control characters; non-ASCII is sent encoded
 *     (RFC 2047)
 * @param text the plain-text body, not {@code null}; line breaks allowed
 * @param html the HTML body (already escaped by the caller), or {@code null} for text only
 * @param attachments files, never {@code null} afterwards ({@code null} reads as none), copied
 */
public record MailMessage(
    String to,
    String replyTo,
    String subject,
    String text,
    String html,
    List<MailAttachment> attachments) {

  /**
   * @throws NullPointerException when {@code text} or an attachment is {@code null}
   * @throws IllegalArgumentException when {@code to} or {@code replyTo} is not one bare address,
   *     when {@code subject} is {@code null}, or when {@code to}, {@code replyTo} or {@code
   *     subject} holds a line break or another control character; the message never repeats the
   *     value
   */
  public MailMessage {
    MailText.address(to, "to");
    if (replyTo != null) {
      MailText.address(replyTo, "replyTo");
    }
    if (subject == null) {
      throw new IllegalArgumentException("subject is required");
    }
    MailText.headerValue(subject, "subject");
    Objects.requireNonNull(text, "text");
    attachments = List.copyOf(attachments == null ? List.of() : attachments);
  }

  /**
   * A plain-text message without reply-to address or attachment.
   *
   * @return the message
   * @throws IllegalArgumentException as the canonical constructor
   */
  public static MailMessage text(String to, String subject, String text) {
    return new MailMessage(to, null, subject, text, null, List.of());
  }

  /** Shape only, no personal data. */
  @Override
  public String toString() {
    return "MailMessage[html=" + (html != null) + ", attachments=" + attachments.size() + "]";
  }
}
