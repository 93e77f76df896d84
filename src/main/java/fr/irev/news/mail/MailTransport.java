package fr.irev.news.mail;

/** Sends one message now. Implementations are thread-safe. */
@FunctionalInterface
public interface MailTransport {

  /**
   * Sends one message, or fails without having sent it (to the best of the server's knowledge).
   *
   * @param message the message, not {@code null}
   * @param settings the server and sender to use, not {@code null}
   * @throws MailException when the message was not sent: no server configured ({@link
   *     MailSettings#host()} {@code null}: {@link MailException.Kind#SERVER_UNAVAILABLE}),
   *     connection, TLS or authentication failure, or refusal by the server; its text holds no
   *     personal data
   */
  void send(MailMessage message, MailSettings settings) throws MailException;

  /**
   * Sends one message under a stable identity: the outbox passes the same key on every attempt of
   * the same message, so that a resend after an ambiguous failure (the server stored the message
   * but the connection broke before its reply) carries the same {@code Message-ID} and mail
   * software can drop the duplicate (RFC 5322 §3.6.4).
   *
   * @param key identifies the message across attempts (e.g. its outbox node's identifier); letters,
   *     digits and {@code -} only
   * @throws MailException as {@link #send(MailMessage, MailSettings)}
   */
  default void send(MailMessage message, MailSettings settings, String key) throws MailException {
    send(message, settings);
  }
}
