package fr.irev.news.site.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import fr.irev.news.news.Place;
import fr.irev.news.preview.PreviewOptions;
import fr.irev.news.preview.PreviewServer;
import fr.irev.news.registration.Registration;
import fr.irev.news.registration.RegistrationSettingsMapper.RegistrationFields;
import fr.irev.news.testing.MailPreview;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A preview server (in-memory Jackrabbit) with a real SMTP server (GreenMail) behind it, and the
 * HTTP helpers of the visitor, e-mail, cancellation and staff tests. Starting a server takes a few
 * seconds, so the test classes share one per JVM ({@link #shared()}, {@link #sharedWithoutMail()}),
 * stopped when the JVM exits; each test works on its own events and unique addresses.
 */
final class VisitorSite implements AutoCloseable {

  private static VisitorSite withMail;
  private static VisitorSite withoutMail;

  /** The JVM's server sending e-mail to GreenMail, started on first use. */
  static synchronized VisitorSite shared() throws Exception {
    if (withMail == null) {
      withMail = withMail();
      Runtime.getRuntime().addShutdownHook(new Thread(withMail::close));
    }
    return withMail;
  }

  /** The JVM's server without SMTP settings (e-mails stay in the outbox), started on first use. */
  static synchronized VisitorSite sharedWithoutMail() throws Exception {
    if (withoutMail == null) {
      withoutMail = withoutMail();
      Runtime.getRuntime().addShutdownHook(new Thread(withoutMail::close));
    }
    return withoutMail;
  }

  /** The staff password of every server started here. */
  static final String STAFF_PASSWORD = "équipe-mot-de-passe-2031";

  /** The sample event with a built-in form (capacity 6, waiting list 3, at most 2 seats). */
  static final String SAMPLE =
      "discriminations-nouvelle-session-du-cycle-initier-et-conduire-un-ptlcd";

  /** The body of a JSON seats answer, parsed loosely: {@code "placesRestantes":N}. */
  private static final java.util.regex.Pattern SEATS_LEFT =
      java.util.regex.Pattern.compile("\"placesRestantes\":(-?\\d+)");

  private static final java.util.regex.Pattern WAITING_LEFT =
      java.util.regex.Pattern.compile("\"placesListeAttente\":(-?\\d+)");

  final PreviewServer server;
  final GreenMail smtp;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private VisitorSite(PreviewServer server, GreenMail smtp) {
    this.server = server;
    this.smtp = smtp;
  }

  /** A server sending e-mail to a fresh GreenMail. */
  static VisitorSite withMail() throws Exception {
    MailPreview started = MailPreview.start(STAFF_PASSWORD);
    return new VisitorSite(started.server(), started.smtp());
  }

  /** A server without SMTP settings: e-mails wait in the outbox. */
  static VisitorSite withoutMail() throws Exception {
    return new VisitorSite(
        PreviewServer.start(
            PreviewOptions.defaults().withPort(0).withInMemory().withStaffPassword(STAFF_PASSWORD)),
        null);
  }

  @Override
  public void close() {
    server.close();
    if (smtp != null) {
      smtp.stop();
    }
  }

  /** The site's own origin, as a browser sends it. */
  String origin() {
    return server.publicUrl();
  }

  /** A unique e-mail address of example.org. */
  static String email(String who) {
    return who + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
  }

  // ---------------------------------------------------------------- HTTP

  HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    addHeaders(request, headers);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<byte[]> getBytes(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    addHeaders(request, headers);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** A form post with its content type and length; headers are name, value pairs. */
  HttpResponse<String> post(String path, String body, String... headers) throws Exception {
    return send(path, "application/x-www-form-urlencoded", body, headers);
  }

  /** A post as a same-origin browser sends it ({@code Origin} of the site). */
  HttpResponse<String> postFromSite(String path, String body, String... headers) throws Exception {
    String[] all = new String[headers.length + 2];
    all[0] = "Origin";
    all[1] = origin();
    System.arraycopy(headers, 0, all, 2, headers.length);
    return post(path, body, all);
  }

  HttpResponse<String> send(String path, String contentType, String body, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    addHeaders(request, headers);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  URI uri(String path) {
    return server.baseUri().resolve(path.startsWith("/") ? path.substring(1) : path);
  }

  private static void addHeaders(HttpRequest.Builder request, String... headers) {
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
  }

  static Document html(HttpResponse<String> response) {
    return Jsoup.parse(response.body());
  }

  // ---------------------------------------------------------------- forms

  static String registrationPath(String eventId) {
    return "/.irev-news/registration/" + eventId;
  }

  static String placesPath(String eventId) {
    return registrationPath(eventId) + "/places";
  }

  /** {@code application/x-www-form-urlencoded} of name, value pairs, in order. */
  static String form(String... pairs) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  /** A complete valid form for an event asking for nothing optional, with a fresh token. */
  static String validForm(String eventId, String lastName, String firstName, String email) {
    return form(
        "evenement", eventId,
        "token", "t-" + UUID.randomUUID(),
        "lastName", lastName,
        "firstName", firstName,
        "email", email,
        "consent", "oui");
  }

  /** Posts a valid form from the site and checks the answer is 200. */
  HttpResponse<String> register(String eventId, String lastName, String firstName, String email)
      throws Exception {
    HttpResponse<String> answer =
        postFromSite(registrationPath(eventId), validForm(eventId, lastName, firstName, email));
    assertEquals(200, answer.statusCode(), answer.body());
    return answer;
  }

  int seatsLeft(String eventId) throws Exception {
    HttpResponse<String> json = get(placesPath(eventId));
    assertEquals(200, json.statusCode(), json.body());
    var m = SEATS_LEFT.matcher(json.body());
    assertFalse(!m.find(), json.body());
    return Integer.parseInt(m.group(1));
  }

  int waitingRoomLeft(String eventId) throws Exception {
    HttpResponse<String> json = get(placesPath(eventId));
    var m = WAITING_LEFT.matcher(json.body());
    assertFalse(!m.find(), json.body());
    return Integer.parseInt(m.group(1));
  }

  /** The registrations the store holds for an event, in order of arrival. */
  List<Registration> stored(String eventId) throws Exception {
    return server.registrations().store().registrations(eventId);
  }

  // ---------------------------------------------------------------- mail

  /**
   * Sends what is due and waits until {@code count} messages have arrived for {@code address}.
   *
   * @return those messages, in order of arrival
   */
  List<MimeMessage> mailsTo(String address, int count) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    List<MimeMessage> found = new ArrayList<>();
    while (true) {
      server.registrations().outbox().sendDue();
      found.clear();
      for (MimeMessage message : smtp.getReceivedMessages()) {
        for (Address to : message.getRecipients(Message.RecipientType.TO)) {
          if (((InternetAddress) to).getAddress().equalsIgnoreCase(address)) {
            found.add(message);
          }
        }
      }
      if (found.size() >= count || System.nanoTime() > deadline) {
        assertEquals(count, found.size(), "messages to " + address);
        return List.copyOf(found);
      }
      Thread.sleep(50);
    }
  }

  // ---------------------------------------------------------------- events

  /** An open event as {@link RegistrationSite#addEvent}, in this server. */
  String addEvent(
      String urlName, int capacity, int waitingList, int maxSeats, RegistrationFields fields)
      throws Exception {
    return RegistrationSite.addEvent(server, urlName, capacity, waitingList, maxSeats, fields);
  }

  /**
   * An open event with its own title and place, 09:00–17:00 on {@link RegistrationSite#START}'s
   * day.
   *
   * @return the event id
   */
  String addEvent(
      String urlName,
      String title,
      Place place,
      int capacity,
      int waitingList,
      int maxSeats,
      RegistrationFields fields)
      throws Exception {
    return RegistrationSite.addEvent(
        server, urlName, title, place, capacity, waitingList, maxSeats, fields);
  }

  /** Optional fields all asked, default texts, staff notified at {@code staffEmail}. */
  static RegistrationFields allFields(String staffEmail) {
    return new RegistrationFields(true, true, true, true, true, true, null, null, staffEmail);
  }

  // ---------------------------------------------------------------- staff

  /**
   * A logged-in staff member.
   *
   * @param cookies the {@code Cookie} header to send: login and form token
   * @param csrf the token of the staff forms
   */
  record Staff(String cookies, String csrf) {}

  /** Logs in through the login form as a browser does. */
  Staff staffLogin() throws Exception {
    HttpResponse<String> form = get("/.irev-news/staff/login");
    assertEquals(200, form.statusCode(), form.body());
    String token = cookie(form, "irev-equipe-jeton");
    HttpResponse<String> login =
        postFromSite(
            "/.irev-news/staff/login",
            form("csrf", token, "username", "equipe", "password", STAFF_PASSWORD),
            "Cookie",
            "irev-equipe-jeton=" + token);
    assertEquals(303, login.statusCode(), login.body());
    return new Staff(
        "irev-equipe=" + cookie(login, "irev-equipe") + "; irev-equipe-jeton=" + token, token);
  }

  /**
   * @return the value of the cookie {@code name} set by a response
   */
  static String cookie(HttpResponse<?> response, String name) {
    for (String header : response.headers().allValues("Set-Cookie")) {
      if (header.startsWith(name + "=")) {
        int end = header.indexOf(';');
        return header.substring(name.length() + 1, end < 0 ? header.length() : end);
      }
    }
    throw new AssertionError("no cookie " + name + " in " + response.headers().map());
  }

  // ---------------------------------------------------------------- mail parts

  /** The parts of a message that are not multipart, depth first. */
  static List<Part> leaves(Part part) throws Exception {
    List<Part> out = new ArrayList<>();
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        out.addAll(leaves(multipart.getBodyPart(i)));
      }
    } else {
      out.add(part);
    }
    return out;
  }

  /**
   * The decoded text of the one body part of this type ({@code text/plain}, {@code text/html}),
   * line breaks as {@code \n}.
   */
  static String body(MimeMessage message, String type) throws Exception {
    List<String> found = new ArrayList<>();
    for (Part part : leaves(message)) {
      if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
        found.add(part.getContent().toString().replace("\r\n", "\n"));
      }
    }
    assertEquals(1, found.size(), type + " parts");
    return found.get(0);
  }

  /** The attachments of a message. */
  static List<Part> attachments(MimeMessage message) throws Exception {
    List<Part> out = new ArrayList<>();
    for (Part part : leaves(message)) {
      if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
        out.add(part);
      }
    }
    return out;
  }

  /** The personal cancellation link of a registrant's e-mail, relative to the site. */
  String cancelLink(MimeMessage message) throws Exception {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                java.util.regex.Pattern.quote(server.publicUrl())
                    + "(/\\.irev-news/registration/annulation\\?jeton=[A-Za-z0-9_%-]+)")
            .matcher(body(message, "text/plain"));
    assertTrue(m.find(), "cancellation link");
    return m.group(1);
  }
}
