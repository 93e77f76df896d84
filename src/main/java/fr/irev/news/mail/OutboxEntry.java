package fr.irev.news.mail;

import java.time.Instant;

/**
 * One message of the outbox as staff lists it: no body, no attachment.
 *
 * @param id the message node's JCR identifier
 * @param to the recipient address
 * @param subject the subject
 * @param state where the message stands; {@link MailState#FAILED} when the stored value is unknown
 * @param attempts sending attempts so far, {@code >= 0}
 * @param created when it was queued
 * @param nextAttempt not to be tried before (meaningful while pending)
 * @param sentAt when the SMTP server accepted it, or {@code null}
 * @param lastError the last failure (exception class and a non-personal description), or {@code
 *     null}
 * @param ownerPath path of the node the message belongs to (e.g. the registration)
 */
public record OutboxEntry(
    String id,
    String to,
    String subject,
    MailState state,
    long attempts,
    Instant created,
    Instant nextAttempt,
    Instant sentAt,
    String lastError,
    String ownerPath) {

  /** Identifier, state and counts only: no address or subject. */
  @Override
  public String toString() {
    return "OutboxEntry[" + id + ", " + state + ", attempts=" + attempts + "]";
  }
}
