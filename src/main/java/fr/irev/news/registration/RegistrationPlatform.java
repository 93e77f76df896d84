package fr.irev.news.registration;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Period;
import java.util.Map;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * What registrations need from the host platform (Magnolia, or the preview server), outside any
 * request: sessions with write access to the registrations workspace, the site's public address for
 * links in e-mails, the mail and retention settings, the clock, and who is staff. Implementations
 * are shared by all requests and background jobs: thread-safe.
 */
public interface RegistrationPlatform {

  /**
   * Opens a new session with system rights on a workspace (visitors may not read or write the
   * registrations workspace themselves).
   *
   * @param workspace a workspace name, e.g. {@value RegistrationNodes#WORKSPACE}
   * @return a new session, logged out by the caller
   * @throws RepositoryException when it cannot be opened
   */
  Session openSystemSession(String workspace) throws RepositoryException;

  /**
   * The public address of the site, for links in e-mails sent outside any request.
   *
   * @return the absolute address including the context path, without trailing slash, e.g. {@code
   *     https://www.irev.fr}
   */
  String siteUrl();

  /**
   * The SMTP settings, read again before each sending pass (so that they can change at run time).
   *
   * @return the properties read by {@code fr.irev.news.mail.MailSettings.fromProperties} (keys
   *     {@code irev.mail.*}); an empty map when no SMTP server is configured (messages then stay in
   *     the outbox, visible to staff)
   */
  Map<String, String> mailProperties();

  /**
   * How long registrations are kept after their event's end.
   *
   * @return the retention, by default {@link RegistrationStore#DEFAULT_RETENTION} (six months)
   */
  default Period retention() {
    return RegistrationStore.DEFAULT_RETENTION;
  }

  /**
   * @return the clock deciding opening, deadlines and expiry (the system clock, except in tests)
   */
  default Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * Whether the request comes from a member of staff allowed to see and manage registrations.
   *
   * @param request the current request
   * @return {@code true} for staff (Magnolia: role {@code irev-news-staff} or superuser)
   */
  boolean isStaff(HttpServletRequest request);

  /**
   * Logs a member of staff in, where the platform has its own login form (the preview server);
   * Magnolia has its own login and returns {@code null}.
   *
   * @param user the user name typed, may be {@code null}
   * @param password the password typed, may be {@code null}
   * @param secure whether the site is served over HTTPS
   * @return the {@code Set-Cookie} header value of the new login, or {@code null} when the
   *     credentials are wrong or the platform has no such login
   */
  default String login(String user, String password, boolean secure) {
    return null;
  }

  /**
   * @return whether {@link #login} is available (otherwise staff log in through the platform)
   */
  default boolean hasLoginForm() {
    return false;
  }
}
