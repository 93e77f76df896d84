package fr.irev.news.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sends messages over SMTP with Jakarta Mail (Eclipse Angus), one connection per message.
 *
 * <p>What goes on the wire:
 *
 * <ul>
 *   <li>{@code From} with the display name of {@link MailSettings#fromName()}, {@code To}, {@code
 *       Reply-To} when set, {@code Subject}; non-ASCII words encoded per RFC 2047, attachment names
 *       per RFC 2231;
 *   <li>{@code Date} (from the clock), {@code Message-ID} ({@code <random UUID@sender's domain>},
 *       RFC 5322 §3.6.4), {@code Auto-Submitted: auto-generated} (RFC 3834 §5: automatic replies
 *       must not answer it) and {@code X-Auto-Response-Suppress: All} (the same for Microsoft
 *       Exchange);
 *   <li>the body: {@code text/plain; charset=UTF-8} alone, or {@code multipart/alternative} (text
 *       first, then {@code text/html}, RFC 2046 §5.1.4) when there is HTML; inside {@code
 *       multipart/mixed} when there are attachments, each in base64 with its own content type (an
 *       {@code .ics} as {@link fr.irev.news.calendar.EventCalendar#MEDIA_TYPE}).
 * </ul>
 *
 * <p>Connection: {@link MailSettings.Security#STARTTLS} sets {@code mail.smtp.starttls.required} (a
 * server without STARTTLS is refused, never used in clear), TLS checks the server's name; connect,
 * read and write timeouts come from the settings. Each call uses its own {@code
 * Session.getInstance} (never the JVM-wide default session). Thread-safe.
 */
public final class SmtpMailTransport implements MailTransport {

  private static final String UTF_8 = StandardCharsets.UTF_8.name();

  /** Longest exception chain walked (chains can loop). */
  private static final int MAX_CHAIN = 16;

  private final Clock clock;

  /** A transport dating messages with the system clock. */
  public SmtpMailTransport() {
    this(Clock.systemUTC());
  }

  /**
   * @param clock gives the {@code Date} header, not {@code null}
   */
  public SmtpMailTransport(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void send(MailMessage message, MailSettings settings) throws MailException {
    send(message, settings, null);
  }

  @Override
  public void send(MailMessage message, MailSettings settings, String key) throws MailException {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(settings, "settings");
    if (!settings.configured()) {
      throw new MailException(
          MailException.Kind.SERVER_UNAVAILABLE, "No SMTP server is configured", null);
    }
    Session session = Session.getInstance(properties(settings));
    MimeMessage mime;
    try {
      mime = mime(message, settings, session, Date.from(clock.instant()), key);
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new MailException(
          MailException.Kind.PERMANENT,
          "The message cannot be encoded",
          e.getClass().getSimpleName());
    }
    String where = settings.host() + ":" + settings.port();
    Transport transport;
    try {
      transport = session.getTransport(protocol(settings));
      transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
    } catch (MessagingException e) {
      throw connectFailure(e, where);
    }
    try {
      transport.sendMessage(mime, mime.getAllRecipients());
    } catch (MessagingException e) {
      throw sendFailure(e, where);
    } finally {
      try {
        transport.close();
      } catch (MessagingException e) {
        // the message is accepted or refused already; a failed QUIT changes nothing
      }
    }
  }

  /** The session properties for the settings: protocol, timeouts, TLS, authentication. */
  static Properties properties(MailSettings settings) {
    String protocol = protocol(settings);
    String prefix = "mail." + protocol + ".";
    Properties props = new Properties();
    props.setProperty("mail.transport.protocol", protocol);
    props.setProperty(prefix + "host", settings.host());
    props.setProperty(prefix + "port", Integer.toString(settings.port()));
    props.setProperty(prefix + "connectiontimeout", Integer.toString(settings.connectTimeoutMs()));
    props.setProperty(prefix + "timeout", Integer.toString(settings.readTimeoutMs()));
    props.setProperty(prefix + "writetimeout", Integer.toString(settings.readTimeoutMs()));
    props.setProperty(prefix + "auth", Boolean.toString(settings.username() != null));
    switch (settings.security()) {
      case STARTTLS -> {
        props.setProperty(prefix + "starttls.enable", "true");
        props.setProperty(prefix + "starttls.required", "true");
        props.setProperty(prefix + "ssl.checkserveridentity", "true");
      }
      case SMTPS -> props.setProperty(prefix + "ssl.checkserveridentity", "true");
      case NONE -> props.setProperty(prefix + "starttls.enable", "false");
    }
    return props;
  }

  private static String protocol(MailSettings settings) {
    return settings.security() == MailSettings.Security.SMTPS ? "smtps" : "smtp";
  }

  /** The MIME message for one mail (package-private for tests). */
  static MimeMessage mime(MailMessage message, MailSettings settings, Session session, Date date)
      throws MessagingException, UnsupportedEncodingException {
    return mime(message, settings, session, date, null);
  }

  /**
   * @param key stable identity of the message across attempts, or {@code null} for a random {@code
   *     Message-ID}; only letters, digits and {@code -} are kept
   */
  static MimeMessage mime(
      MailMessage message, MailSettings settings, Session session, Date date, String key)
      throws MessagingException, UnsupportedEncodingException {
    String id =
        key == null || key.replaceAll("[^A-Za-z0-9-]", "").isEmpty()
            ? UUID.randomUUID().toString()
            : key.replaceAll("[^A-Za-z0-9-]", "") + ".irev-news";
    String domain = settings.fromAddress().substring(settings.fromAddress().indexOf('@') + 1);
    MimeMessage mime =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + id + "@" + domain + ">");
          }
        };
    mime.setFrom(new InternetAddress(settings.fromAddress(), settings.fromName(), UTF_8));
    mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.to(), true));
    if (message.replyTo() != null) {
      mime.setReplyTo(new Address[] {new InternetAddress(message.replyTo(), true)});
    }
    mime.setSubject(message.subject(), UTF_8);
    mime.setSentDate(date);
    mime.setHeader("Auto-Submitted", "auto-generated");
    mime.setHeader("X-Auto-Response-Suppress", "All");
    if (message.attachments().isEmpty()) {
      if (message.html() == null) {
        mime.setText(message.text(), UTF_8, "plain");
      } else {
        mime.setContent(alternative(message));
      }
    } else {
      MimeMultipart mixed = new MimeMultipart("mixed");
      MimeBodyPart body = new MimeBodyPart();
      if (message.html() == null) {
        body.setText(message.text(), UTF_8, "plain");
      } else {
        body.setContent(alternative(message));
      }
      mixed.addBodyPart(body);
      for (MailAttachment attachment : message.attachments()) {
        mixed.addBodyPart(attachment(attachment));
      }
      mime.setContent(mixed);
    }
    mime.saveChanges();
    return mime;
  }

  private static MimeMultipart alternative(MailMessage message) throws MessagingException {
    MimeBodyPart text = new MimeBodyPart();
    text.setText(message.text(), UTF_8, "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(message.html(), UTF_8, "html");
    return new MimeMultipart("alternative", text, html);
  }

  private static MimeBodyPart attachment(MailAttachment attachment) throws MessagingException {
    MimeBodyPart part = new MimeBodyPart();
    part.setDataHandler(
        new DataHandler(new ByteArrayDataSource(attachment.data(), attachment.contentType())));
    part.setHeader("Content-Type", attachment.contentType());
    part.setDisposition(Part.ATTACHMENT);
    part.setFileName(attachment.fileName());
    part.setHeader("Content-Transfer-Encoding", "base64");
    return part;
  }

  private static MailException connectFailure(MessagingException e, String where) {
    String type = rootType(e);
    String what;
    if (e instanceof AuthenticationFailedException) {
      what = "SMTP server " + where + " refused the authentication";
    } else if (has(e, SSLException.class)) {
      what = "TLS with SMTP server " + where + " failed";
    } else if (has(e, SocketTimeoutException.class)) {
      what = "SMTP server " + where + " did not answer in time";
    } else if (e.getMessage() != null && e.getMessage().contains("STARTTLS")) {
      what = "SMTP server " + where + " does not offer the required STARTTLS";
    } else {
      what = "Cannot connect to SMTP server " + where;
    }
    return new MailException(MailException.Kind.SERVER_UNAVAILABLE, what, type);
  }

  /**
   * Failures after the connection: a recipient refused with 5xx is {@link
   * MailException.Kind#PERMANENT}; a refused sender ({@code MAIL FROM}) or a missing authentication
   * (530) is the server's configuration, {@link MailException.Kind#SERVER_UNAVAILABLE}; any other
   * 5xx is permanent; the rest (4xx, I/O) is temporary.
   */
  private static MailException sendFailure(MessagingException e, String where) {
    String type = rootType(e);
    SMTPAddressFailedException recipient = find(e, SMTPAddressFailedException.class);
    SMTPSendFailedException command = find(e, SMTPSendFailedException.class);
    int code =
        recipient != null
            ? recipient.getReturnCode()
            : command != null ? command.getReturnCode() : -1;
    String reply = code > 0 ? " (reply " + code + ")" : "";
    boolean senderRefused =
        recipient == null
            && command != null
            && command.getCommand() != null
            && command.getCommand().startsWith("MAIL");
    if (code == 530 || (senderRefused && code >= 500)) {
      return new MailException(
          MailException.Kind.SERVER_UNAVAILABLE,
          "SMTP server " + where + " refused the sender or wants authentication" + reply,
          type);
    }
    if (code >= 500) {
      String what = recipient != null ? " refused the recipient" : " refused the message";
      return new MailException(
          MailException.Kind.PERMANENT, "SMTP server " + where + what + reply, type);
    }
    return new MailException(
        MailException.Kind.TEMPORARY,
        "SMTP server " + where + " did not accept the message" + reply,
        type);
  }

  /** The first exception of a type in the chain (causes and next exceptions), or null. */
  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    Throwable t = e;
    for (int depth = 0; t != null && depth < MAX_CHAIN; depth++, t = next(t)) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static boolean has(Throwable e, Class<? extends Throwable> type) {
    return find(e, type) != null;
  }

  private static String rootType(Throwable e) {
    Throwable root = e;
    Throwable t = e;
    for (int depth = 0; t != null && depth < MAX_CHAIN; depth++, t = next(t)) {
      root = t;
    }
    return root.getClass().getSimpleName();
  }

  private static Throwable next(Throwable t) {
    if (t instanceof MessagingException m && m.getNextException() != null) {
      return m.getNextException() == t ? null : m.getNextException();
    }
    return t.getCause() == t ? null : t.getCause();
  }
}
