package fr.irev.news.site.registration;

import fr.irev.news.preview.PreviewServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;

/** The visitor's registration form as a browser posts it, and what the answer page says. */
final class LoadForm {

  /** What an answer page says. */
  enum Kind {
    CONFIRMED,
    WAITING,
    FULL,
    ALREADY_REGISTERED,
    OTHER,
    ERROR
  }

  /**
   * One answer.
   *
   * @param kind what it says
   * @param status HTTP status, 0 when no answer came
   * @param position waiting list position for {@link Kind#WAITING}, else 0
   * @param detail the page's text or the exception, for failure messages
   */
  record Answer(Kind kind, int status, int position, String detail) {
    @Override
    public String toString() {
      return kind + " " + status + (position > 0 ? " position " + position : "") + ": " + detail;
    }
  }

  private static final Pattern WAITING =
      Pattern.compile("Vous êtes sur liste d['’]attente \\(position (\\d+)\\)\\.");

  private LoadForm() {}

  /** An HTTP/1.1 client as a browser would use, one connection per concurrent request. */
  static HttpClient client() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  /**
   * The fields of the event page's form for one person.
   *
   * @param token the script's idempotency token, {@code null} for none (the server derives it)
   */
  static Map<String, String> fields(String eventId, String email, String token) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("lastName", "Lefèvre");
    fields.put("firstName", "Zoë");
    fields.put("email", email);
    fields.put("consent", "oui");
    if (token != null) {
      fields.put("token", token);
    }
    fields.put("evenement", eventId);
    return fields;
  }

  /** The same-origin post of a form to the event's registration address. */
  static HttpRequest post(PreviewServer server, String eventId, Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return HttpRequest.newBuilder(
            server.baseUri().resolve(URI.create(".irev-news/registration/" + eventId)))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Origin", server.publicUrl())
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
  }

  /** Sends and reads the answer; an exception becomes {@link Kind#ERROR}. */
  static Answer send(HttpClient http, HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return answer(response.statusCode(), response.body());
    } catch (IOException e) {
      return new Answer(Kind.ERROR, 0, 0, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(Kind.ERROR, 0, 0, e.toString());
    }
  }

  /** What an answer page says, from its status and text. */
  static Answer answer(int status, String html) {
    String text = Jsoup.parse(html).text();
    if (status == 200 && text.contains("Votre inscription est confirmée.")) {
      return new Answer(Kind.CONFIRMED, status, 0, "");
    }
    Matcher waiting = WAITING.matcher(text);
    if (status == 200 && waiting.find()) {
      return new Answer(Kind.WAITING, status, Integer.parseInt(waiting.group(1)), "");
    }
    if (status == 409 && text.contains("Cet événement est complet.")) {
      return new Answer(Kind.FULL, status, 0, "");
    }
    if (status == 200 && text.contains("Vous êtes déjà inscrit à cet événement")) {
      return new Answer(Kind.ALREADY_REGISTERED, status, 0, "");
    }
    return new Answer(Kind.OTHER, status, 0, text);
  }
}
