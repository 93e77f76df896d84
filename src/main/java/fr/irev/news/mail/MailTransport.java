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
}
