package fr.irev.news.preview.registration;

import fr.irev.news.preview.repository.PreviewRepository;
import fr.irev.news.registration.RegistrationPlatform;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Map;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * The preview server's {@link RegistrationPlatform}: admin sessions on its repository, its public
 * address, the SMTP settings of its command line (none by default: e-mails wait in the outbox,
 * shown to staff), staff = the {@link StaffLogin}.
 */
public final class PreviewRegistrationPlatform implements RegistrationPlatform {

  private final PreviewRepository repository;
  private final String siteUrl;
  private final Map<String, String> mail;
  private final StaffLogin staff;
  private final Clock clock;

  /**
   * @param repository the preview's repository
   * @param siteUrl its public address
   * @param mail SMTP settings ({@code irev.mail.*}), empty for none
   * @param staff the staff login
   * @param clock the clock
   */
  public PreviewRegistrationPlatform(
      PreviewRepository repository,
      String siteUrl,
      Map<String, String> mail,
      StaffLogin staff,
      Clock clock) {
    this.repository = repository;
    this.siteUrl = siteUrl;
    this.mail = Map.copyOf(mail);
    this.staff = staff;
    this.clock = clock;
  }

  @Override
  public Session openSystemSession(String workspace) throws RepositoryException {
    return repository.login(workspace);
  }

  @Override
  public String siteUrl() {
    return siteUrl;
  }

  @Override
  public Map<String, String> mailProperties() {
    return mail;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public boolean isStaff(HttpServletRequest request) {
    return staff.isLoggedIn(request);
  }

  @Override
  public String login(String user, String password, boolean secure) {
    return staff.check(user, password) ? staff.cookie(secure) : null;
  }

  @Override
  public boolean hasLoginForm() {
    return true;
  }

  /**
   * @return the staff login
   */
  public StaffLogin staff() {
    return staff;
  }
}
