package fr.irev.news.registration.staff;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The addresses the staff pages link and post to, each already prefixed by the webapp's context
 * path. {@link #under(String)} gives the default layout below {@value #PREFIX}; a servlet with
 * other addresses passes its own implementation.
 */
public interface StaffUrls {

  /** Servlet path of the staff pages (the role's URI permission covers it). */
  String PREFIX = "/.irev-news/staff";

  /**
   * @return the events overview
   */
  String events();

  /**
   * @param eventId the event id
   * @return the page of one event
   */
  String event(String eventId);

  /**
   * @param eventId the event id
   * @return the CSV download of one event
   */
  String csv(String eventId);

  /**
   * @param eventId the event id
   * @param registrationId the registration's identifier
   * @return where the "Annuler" form posts
   */
  String cancel(String eventId, String registrationId);

  /**
   * @param eventId the event id
   * @param registrationId the registration's identifier
   * @return where the "Confirmer depuis la liste d’attente" form posts
   */
  String promote(String eventId, String registrationId);

  /**
   * @return the outbox list
   */
  String outbox();

  /**
   * @param messageId the outbox entry's id
   * @return the page of one queued message
   */
  String outboxMessage(String messageId);

  /**
   * @return where the login form posts
   */
  String login();

  /**
   * The default layout: {@code <ctx>/.irev-news/staff/}, {@code …/event/<id>}, {@code
   * …/event/<id>/inscriptions.csv}, {@code …/event/<id>/cancel/<reg>}, {@code
   * …/event/<id>/promote/<reg>}, {@code …/outbox}, {@code …/outbox/<id>}, {@code …/login}; each id
   * percent-encoded as one path segment.
   *
   * @param contextPath the webapp's context path: {@code ""} or {@code /name}
   * @return the addresses
   * @throws IllegalArgumentException when the context path has another shape
   */
  static StaffUrls under(String contextPath) {
    String base = StaffText.checkContextPath(contextPath) + PREFIX;
    return new StaffUrls() {
      @Override
      public String events() {
        return base + "/";
      }

      @Override
      public String event(String eventId) {
        return base + "/event/" + segment(eventId);
      }

      @Override
      public String csv(String eventId) {
        return event(eventId) + "/inscriptions.csv";
      }

      @Override
      public String cancel(String eventId, String registrationId) {
        return event(eventId) + "/cancel/" + segment(registrationId);
      }

      @Override
      public String promote(String eventId, String registrationId) {
        return event(eventId) + "/promote/" + segment(registrationId);
      }

      @Override
      public String outbox() {
        return base + "/outbox";
      }

      @Override
      public String outboxMessage(String messageId) {
        return outbox() + "/" + segment(messageId);
      }

      @Override
      public String login() {
        return base + "/login";
      }
    };
  }

  /**
   * @param value a path segment
   * @return the segment percent-encoded (UTF-8, space as {@code %20})
   */
  static String segment(String value) {
    return URLEncoder.encode(Objects.requireNonNull(value, "segment"), StandardCharsets.UTF_8)
        .replace("+", "%20");
  }
}
