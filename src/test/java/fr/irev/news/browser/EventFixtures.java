package fr.irev.news.browser;

import fr.irev.news.preview.PreviewServer;
import fr.irev.news.registration.RegistrationSettingsMapper.RegistrationFields;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Events with the built-in registration form that one browser test class adds to the shared site
 * ({@link BrowserSite}) through {@link JourneyContent#addEvent} (12 June 2031, 09:00–17:00, no
 * thematic or territory), under unique names, and removes again on {@link #close()} so that the
 * next classes see the sample content only. Also reads the personal cancellation link of the
 * e-mails the site sent.
 */
final class EventFixtures implements AutoCloseable {

  /**
   * An added event.
   *
   * @param id its identifier (the event id of the registration paths)
   * @param path its page, e.g. {@code /actualites/<name>}
   */
  record Event(String id, String path) {}

  private static final Pattern CANCEL_LINK =
      Pattern.compile("/\\.irev-news/registration/annulation\\?jeton=[A-Za-z0-9_%-]+");

  private final BrowserSite site;
  private final JourneyContent content;

  /**
   * @param site the shared site
   */
  EventFixtures(BrowserSite site) {
    this.site = site;
    this.content = new JourneyContent(site);
  }

  /**
   * Adds an open event.
   *
   * @param prefix start of its URL name (a random suffix makes it unique)
   * @param capacity seats
   * @param waitingList seats on the waiting list (0: none)
   * @param maxSeats people per registration
   * @return the event
   * @throws Exception when the repository cannot save it
   */
  Event add(String prefix, int capacity, int waitingList, int maxSeats) throws Exception {
    String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    String id = content.addEvent(name, capacity, waitingList, maxSeats, RegistrationFields.NONE);
    return new Event(id, "/actualites/" + name);
  }

  /**
   * Sends the e-mails waiting in the site's outbox and returns the cancellation link of the one
   * message to {@code address} (waiting at most 10 s for it).
   *
   * @param address the registrant's address
   * @return the link, a path of the site ({@code /.irev-news/registration/annulation?jeton=…})
   * @throws Exception when sending or reading fails, or no such message arrives
   */
  String cancelLink(String address) throws Exception {
    PreviewServer server = site.server();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      server.registrations().outbox().sendDue();
      for (MimeMessage message : site.smtp().getReceivedMessages()) {
        if (address.equalsIgnoreCase(
            ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress())) {
          Matcher link = CANCEL_LINK.matcher(Mailbox.inline(message, "text/plain"));
          if (link.find()) {
            return link.group();
          }
          throw new AssertionError("no cancellation link in the e-mail to " + address);
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no e-mail to " + address);
  }

  /** Removes the events added (their registrations stay in the registrations workspace). */
  @Override
  public void close() throws Exception {
    content.close();
  }
}
