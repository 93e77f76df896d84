package fr.irev.news.site.registration;

import fr.irev.news.format.FrenchDates;
import fr.irev.news.news.EventSchedule;
import fr.irev.news.news.NewsItem;
import fr.irev.news.news.NewsKind;
import fr.irev.news.news.NewsNodes;
import fr.irev.news.news.NewsWriter;
import fr.irev.news.news.Place;
import fr.irev.news.preview.PreviewServer;
import fr.irev.news.registration.RegistrationSettings;
import fr.irev.news.registration.RegistrationSettingsMapper;
import fr.irev.news.registration.RegistrationSettingsMapper.RegistrationFields;
import java.time.ZonedDateTime;
import java.util.List;
import javax.jcr.Node;
import javax.jcr.Session;

/**
 * Events with a built-in registration form, written into a running preview server's repository
 * (also used by the browser tests, {@code fr.irev.news.browser}).
 */
public final class RegistrationSite {

  /** A start far enough ahead for registrations to be open during any test run. */
  public static final ZonedDateTime START =
      ZonedDateTime.of(2031, 6, 12, 9, 0, 0, 0, FrenchDates.PARIS);

  private RegistrationSite() {}

  /**
   * Adds an open event (09:00–17:00 on {@link #START}'s day) to the site.
   *
   * @param server the running preview server
   * @param urlName the item's URL name
   * @param capacity seats
   * @param waitingList seats on the waiting list (0: no list)
   * @param maxSeats people per registration
   * @param fields optional fields and texts ({@link RegistrationFields#NONE} for none)
   * @return the event id (the item's identifier)
   * @throws Exception when the repository cannot save the item
   */
  public static String addEvent(
      PreviewServer server,
      String urlName,
      int capacity,
      int waitingList,
      int maxSeats,
      RegistrationFields fields)
      throws Exception {
    return addEvent(
        server,
        urlName,
        "Journée d’étude « Quartiers & discriminations » – session " + urlName,
        new Place("Salle Jean-Moulin", "12 rue des Arts; Lille", "Lille"),
        capacity,
        waitingList,
        maxSeats,
        fields);
  }

  /**
   * Adds an open event with its own title and place (09:00–17:00 on {@link #START}'s day).
   *
   * @param server the running preview server
   * @param urlName the item's URL name
   * @param title the item's title
   * @param place where it takes place
   * @param capacity seats
   * @param waitingList seats on the waiting list (0: no list)
   * @param maxSeats people per registration
   * @param fields optional fields and texts ({@link RegistrationFields#NONE} for none)
   * @return the event id (the item's identifier)
   * @throws Exception when the repository cannot save the item
   */
  public static String addEvent(
      PreviewServer server,
      String urlName,
      String title,
      Place place,
      int capacity,
      int waitingList,
      int maxSeats,
      RegistrationFields fields)
      throws Exception {
    Session session = server.repository().login(NewsNodes.WORKSPACE);
    try {
      ZonedDateTime end = START.withHour(17);
      NewsItem item =
          new NewsItem(
              null,
              urlName,
              title,
              "Une journée pour les pilotes des contrats de ville.",
              "<p>Programme de la journée.</p>",
              NewsKind.EVENT,
              new EventSchedule(START, end, false),
              place,
              "Pilotes des contrats de ville",
              START.minusMonths(2),
              null,
              List.of(),
              List.of(),
              List.of(),
              null);
      Node node = NewsWriter.save(session, "/", item);
      RegistrationSettingsMapper.write(
          node,
          true,
          new RegistrationSettings(
              true, null, null, end, capacity, waitingList > 0, waitingList, maxSeats),
          fields);
      session.save();
      return node.getIdentifier();
    } finally {
      session.logout();
    }
  }
}
