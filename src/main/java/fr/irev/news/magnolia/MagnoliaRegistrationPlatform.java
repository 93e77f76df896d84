package fr.irev.news.magnolia;

import fr.irev.news.registration.RegistrationPlatform;
import fr.irev.news.registration.RegistrationStore;
import info.magnolia.cms.beans.config.ServerConfiguration;
import info.magnolia.cms.security.User;
import info.magnolia.context.MgnlContext;
import info.magnolia.objectfactory.Components;
import info.magnolia.repository.RepositoryManager;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.jcr.Node;
import javax.jcr.Property;
import javax.jcr.PropertyIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RegistrationPlatform} on Magnolia: system sessions from the {@code RepositoryManager}, the
 * public address from {@code defaultBaseUrl}, settings from the {@code config} workspace:
 *
 * <ul>
 *   <li>{@value #MAIL_PATH}: string properties {@code host}, {@code port}, {@code security} ({@code
 *       NONE}, {@code STARTTLS}, {@code SMTPS}), {@code username}, {@code password}, {@code from},
 *       {@code fromName} (read as {@code irev.mail.<name>}); without {@code host} no e-mail is sent
 *       and messages wait in the outbox;
 *   <li>{@value #REGISTRATION_PATH}: {@code retentionMonths} (default 6).
 * </ul>
 *
 * Staff are users with role {@value #STAFF_ROLE} or {@code superuser}.
 */
public final class MagnoliaRegistrationPlatform implements RegistrationPlatform {

  /** Configuration node of the SMTP settings (workspace {@code config}). */
  public static final String MAIL_PATH = "/modules/irev-news/config/mail";

  /** Configuration node of the registration settings (workspace {@code config}). */
  public static final String REGISTRATION_PATH = "/modules/irev-news/config/registration";

  /** Role of the staff who manage registrations. */
  public static final String STAFF_ROLE = "irev-news-staff";

  private static final Logger LOG = LoggerFactory.getLogger(MagnoliaRegistrationPlatform.class);

  @Override
  public Session openSystemSession(String workspace) throws RepositoryException {
    return Components.getComponent(RepositoryManager.class).getSystemSession(workspace);
  }

  /**
   * Magnolia's configured {@code defaultBaseUrl} only: e-mails are sent outside the request that
   * caused them and must never take their links from a request's {@code Host} header (anyone could
   * make the site mail its own cancellation links pointing elsewhere). Blank when not configured:
   * the e-mails then carry no link.
   */
  @Override
  public String siteUrl() {
    String configured = Components.getComponent(ServerConfiguration.class).getDefaultBaseUrl();
    return configured == null ? "" : configured.trim().replaceAll("/+$", "");
  }

  @Override
  public Map<String, String> mailProperties() {
    Map<String, String> properties = new LinkedHashMap<>();
    try {
      Session session = openSystemSession("config");
      try {
        if (session.nodeExists(MAIL_PATH)) {
          Node node = session.getNode(MAIL_PATH);
          for (PropertyIterator it = node.getProperties(); it.hasNext(); ) {
            Property property = it.nextProperty();
            if (!property.isMultiple() && !property.getName().contains(":")) {
              properties.put("irev.mail." + property.getName(), property.getString());
            }
          }
        }
      } finally {
        session.logout();
      }
    } catch (RepositoryException e) {
      LOG.warn("Cannot read the mail settings at {}: {}", MAIL_PATH, e.toString());
    }
    return properties;
  }

  @Override
  public Period retention() {
    try {
      Session session = openSystemSession("config");
      try {
        String path = REGISTRATION_PATH + "/retentionMonths";
        if (session.propertyExists(path)) {
          long months = Long.parseLong(session.getProperty(path).getString().trim());
          if (months >= 0 && months <= 1200) {
            return Period.ofMonths((int) months);
          }
          LOG.warn("{} must be between 0 and 1200 months: default used", path);
        }
      } finally {
        session.logout();
      }
    } catch (RepositoryException | NumberFormatException e) {
      LOG.warn("Cannot read the retention at {}: {}", REGISTRATION_PATH, e.toString());
    }
    return RegistrationStore.DEFAULT_RETENTION;
  }

  @Override
  public boolean isStaff(HttpServletRequest request) {
    User user = MgnlContext.getUser();
    return user != null && (user.hasRole(STAFF_ROLE) || user.hasRole("superuser"));
  }
}
