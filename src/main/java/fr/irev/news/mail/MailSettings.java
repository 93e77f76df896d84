package fr.irev.news.mail;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How the module reaches its SMTP server, and who it sends as. Immutable; {@link #toString()} never
 * shows the password.
 *
 * <p>Read from webmaster configuration by {@link #fromProperties(Map)}, whose keys are:
 *
 * <table>
 *   <caption>Configuration keys</caption>
 *   <tr><th>key</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@value #HOST}</td><td>SMTP server name</td><td>none: nothing is sent, mails wait
 *       in the outbox</td></tr>
 *   <tr><td>{@value #SECURITY}</td><td>{@code none}, {@code starttls} or {@code smtps}
 *       (case ignored)</td><td>{@code starttls}</td></tr>
 *   <tr><td>{@value #PORT}</td><td>TCP port, 1–65535</td><td>25 / 587 / 465 by security</td></tr>
 *   <tr><td>{@value #USERNAME}, {@value #PASSWORD}</td><td>SMTP AUTH credentials</td><td>none
 *       (no authentication)</td></tr>
 *   <tr><td>{@value #FROM}</td><td>sender address ({@code From}), required with a host</td>
 *       <td>none</td></tr>
 *   <tr><td>{@value #FROM_NAME}</td><td>sender's display name</td><td>{@code IREV}</td></tr>
 *   <tr><td>{@value #CONNECT_TIMEOUT}, {@value #READ_TIMEOUT}</td><td>milliseconds, &gt; 0</td>
 *       <td>10 000</td></tr>
 * </table>
 *
 * @param host SMTP server name or address; {@code null} when no server is configured (then {@link
 *     MailOutbox} keeps every message pending, which is how the preview server runs)
 * @param port TCP port, 1–65535
 * @param security how the connection is protected, not {@code null}
 * @param username SMTP AUTH user, or {@code null} for no authentication
 * @param password SMTP AUTH password, or {@code null}; only with a username
 * @param fromAddress the sender's bare address; required when {@code host} is set, else may be
 *     {@code null}
 * @param fromName the sender's display name ("IREV"), or {@code null}; non-ASCII is sent encoded
 *     (RFC 2047)
 * @param connectTimeoutMs connection timeout in milliseconds, &gt; 0
 * @param readTimeoutMs read and write timeout in milliseconds, &gt; 0
 */
public record MailSettings(
    String host,
    int port,
    Security security,
    String username,
    String password,
    String fromAddress,
    String fromName,
    int connectTimeoutMs,
    int readTimeoutMs) {

  /** How the SMTP connection is protected. */
  public enum Security {
    /** Plain SMTP, no TLS (a relay on the same host or network only). Default port 25. */
    NONE(25),
    /**
     * SMTP upgraded with STARTTLS (RFC 3207), which is <em>required</em>: a server that does not
     * offer it is refused rather than used in clear. Default port 587 (RFC 6409).
     */
    STARTTLS(587),
    /** SMTP over implicit TLS (RFC 8314 §3.3). Default port 465. */
    SMTPS(465);

    private final int defaultPort;

    Security(int defaultPort) {
      this.defaultPort = defaultPort;
    }

    /**
     * @return the usual port for this security
     */
    public int defaultPort() {
      return defaultPort;
    }
  }

  /** Key of the SMTP server name. */
  public static final String HOST = "irev.mail.host";

  /** Key of the SMTP port. */
  public static final String PORT = "irev.mail.port";

  /** Key of the security: {@code none}, {@code starttls}, {@code smtps}. */
  public static final String SECURITY = "irev.mail.security";

  /** Key of the SMTP AUTH user. */
  public static final String USERNAME = "irev.mail.username";

  /** Key of the SMTP AUTH password. */
  public static final String PASSWORD = "irev.mail.password";

  /** Key of the sender address. */
  public static final String FROM = "irev.mail.from";

  /** Key of the sender's display name. */
  public static final String FROM_NAME = "irev.mail.fromName";

  /** Key of the connection timeout, in milliseconds. */
  public static final String CONNECT_TIMEOUT = "irev.mail.connectTimeoutMs";

  /** Key of the read/write timeout, in milliseconds. */
  public static final String READ_TIMEOUT = "irev.mail.readTimeoutMs";

  /** Default display name of the sender. */
  public static final String DEFAULT_FROM_NAME = "IREV";

  /** Default timeouts, in milliseconds. */
  public static final int DEFAULT_TIMEOUT_MS = 10_000;

  /**
   * @throws NullPointerException when {@code security} is {@code null}
   * @throws IllegalArgumentException when the port or a timeout is out of range, {@code host} is
   *     blank or holds white space, a password comes without a user, {@code fromAddress} is missing
   *     while a host is set or is not one bare address, or a value holds a control character
   */
  public MailSettings {
    Objects.requireNonNull(security, "security");
    if (host != null && (host.isBlank() || host.chars().anyMatch(Character::isWhitespace))) {
      throw new IllegalArgumentException("host must be a server name without spaces");
    }
    MailText.headerValue(host, "host");
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 1 and 65535");
    }
    if (password != null && username == null) {
      throw new IllegalArgumentException("a password needs a username");
    }
    MailText.headerValue(username, "username");
    if (fromAddress != null) {
      MailText.address(fromAddress, "fromAddress");
    } else if (host != null) {
      throw new IllegalArgumentException("fromAddress is required when a host is set");
    }
    MailText.headerValue(fromName, "fromName");
    if (connectTimeoutMs <= 0 || readTimeoutMs <= 0) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
  }

  /**
   * Settings with no SMTP server: every message stays in the outbox.
   *
   * @return settings whose {@link #host()} is {@code null}
   */
  public static MailSettings none() {
    return new MailSettings(
        null,
        Security.STARTTLS.defaultPort(),
        Security.STARTTLS,
        null,
        null,
        null,
        DEFAULT_FROM_NAME,
        DEFAULT_TIMEOUT_MS,
        DEFAULT_TIMEOUT_MS);
  }

  /**
   * Reads settings from configuration (see the class comment for keys and defaults). Values are
   * trimmed; an empty value counts as absent.
   *
   * @param properties the configuration, not {@code null}; other keys are ignored
   * @return the settings, never {@code null}
   * @throws IllegalArgumentException when a value is invalid (unknown security, port or timeout not
   *     a number or out of range, missing sender with a host…); the message names the key, never
   *     the password
   */
  public static MailSettings fromProperties(Map<String, String> properties) {
    Objects.requireNonNull(properties, "properties");
    String securityText = value(properties, SECURITY);
    Security security;
    try {
      security =
          securityText == null
              ? Security.STARTTLS
              : Security.valueOf(securityText.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(SECURITY + " must be none, starttls or smtps");
    }
    String fromName = value(properties, FROM_NAME);
    return new MailSettings(
        value(properties, HOST),
        number(properties, PORT, security.defaultPort()),
        security,
        value(properties, USERNAME),
        rawValue(properties, PASSWORD),
        value(properties, FROM),
        fromName == null ? DEFAULT_FROM_NAME : fromName,
        number(properties, CONNECT_TIMEOUT, DEFAULT_TIMEOUT_MS),
        number(properties, READ_TIMEOUT, DEFAULT_TIMEOUT_MS));
  }

  /**
   * @return whether an SMTP server is configured ({@link #host()} is not {@code null})
   */
  public boolean configured() {
    return host != null;
  }

  private static String value(Map<String, String> properties, String key) {
    String v = properties.get(key);
    if (v == null || v.isBlank()) {
      return null;
    }
    return v.strip();
  }

  /** Passwords are taken as typed (spaces may be part of them); empty means none. */
  private static String rawValue(Map<String, String> properties, String key) {
    String v = properties.get(key);
    return v == null || v.isEmpty() ? null : v;
  }

  private static int number(Map<String, String> properties, String key, int defaultValue) {
    String v = value(properties, key);
    if (v == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(v.replace("_", "").replace(" ", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number");
    }
  }

  /** Everything but the password, which shows as {@code ***} when set. */
  @Override
  public String toString() {
    return "MailSettings[host="
        + host
        + ", port="
        + port
        + ", security="
        + security
        + ", username="
        + username
        + ", password="
        + (password == null ? "none" : "***")
        + ", fromAddress="
        + fromAddress
        + ", fromName="
        + fromName
        + ", connectTimeoutMs="
        + connectTimeoutMs
        + ", readTimeoutMs="
        + readTimeoutMs
        + "]";
  }
}
