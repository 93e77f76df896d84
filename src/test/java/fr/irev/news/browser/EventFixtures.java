package fr.irev.news.browser;

import fr.irev.news.news.NewsNodes;
import fr.irev.news.registration.Registration;
import fr.irev.news.registration.RegistrationEvent;
import fr.irev.news.registration.RegistrationService;
import fr.irev.news.registration.RegistrationSettingsMapper.RegistrationFields;
import java.util.UUID;
import javax.jcr.Session;

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
    return Mailbox.cancelLink(Mailbox.await(site, address));
  }

  /**
   * Cancels every registration of an address to an event that is not cancelled yet (none: nothing
   * happens), as the cancellation link would: for a test that registers on the sample event and
   * must give the seats back whatever its outcome.
   *
   * @param site the shared site
   * @param eventId the event id
   * @param address the registrant's address (compared ignoring case)
   * @throws Exception when the repository fails
   */
  static void cancelRegistrations(BrowserSite site, String eventId, String address)
      throws Exception {
    RegistrationService service = site.server().registrations();
    Session news = site.server().repository().login(NewsNodes.WORKSPACE);
    try {
      RegistrationEvent event = service.event(news, eventId).orElseThrow();
      for (Registration registration : service.store().registrations(eventId)) {
        if (registration.email().equalsIgnoreCase(address)
            && registration.status() != Registration.Status.CANCELLED) {
          service.cancel(event, registration.id());
        }
      }
    } finally {
      news.logout();
    }
  }

  /** Removes the events added (their registrations stay in the registrations workspace). */
  @Override
  public void close() throws Exception {
    content.close();
  }
}
