/**
 * Generic e-mail for the module: {@link fr.irev.news.mail.MailMessage} (one message, refusing
 * header injection, C10), {@link fr.irev.news.mail.MailSettings} (SMTP server and sender, from
 * webmaster configuration), {@link fr.irev.news.mail.SmtpMailTransport} (Jakarta Mail), and a
 * persistent outbox in JCR ({@link fr.irev.news.mail.MailOutbox}, sent by {@link
 * fr.irev.news.mail.OutboxWorker}) so that a message saved with its registration is never lost when
 * SMTP is down. The French texts of the messages live with the features that send them.
 */
package fr.irev.news.mail;
