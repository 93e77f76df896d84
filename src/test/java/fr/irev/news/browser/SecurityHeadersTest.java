package fr.irev.news.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.preview.support.RawHttp;
import fr.irev.news.testing.SeedFacts;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every kind of answer of the preview server, over real HTTP on the shared site with the sample
 * content, carries the three security headers, each once with its exact value, and the {@code
 * Cache-Control} of its kind: pages, web resources and DAM files {@code public, max-age=60};
 * downloads {@code public, max-age=3600}, thumbnails {@code public, max-age=86400}, feeds {@code
 * public, max-age=300} (as their servlets' Javadoc says, 304 and 206 included); the seats left
 * {@code no-cache}; registration answers, cancellation pages, staff pages and every error {@code
 * no-store}; redirects and {@code OPTIONS} none. A header sent twice fails, even with the right
 * value. Errors Jetty answers by itself (request line or headers too long, bad {@code Host},
 * malformed request, unknown version) are included.
 */
class SecurityHeadersTest {

  @RegisterExtension static final BrowserClass ui = BrowserClass.withoutBrowser().withEvents();

  /** The security headers and their exact values. */
  static final Map<String, String> SECURITY =
      Map.of(
          "x-content-type-options", "nosniff",
          "referrer-policy", "strict-origin-when-cross-origin",
          "content-security-policy",
              "default-src 'self'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'");

  private static final String PAGE = "public, max-age=60";
  private static final String DOWNLOAD = "public, max-age=3600";
  private static final String THUMBNAIL = "public, max-age=86400";
  private static final String FEED = "public, max-age=300";
  private static final String NO_STORE = "no-store";
  private static final String FUTURE = "Fri, 01 Jan 2100 00:00:00 GMT";

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** What was checked: one line per answer, for the summary printed at the end. */
  private final List<String> checked = new ArrayList<>();

  private static HttpResponse<String> send(
      String method, String path, String body, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(ui.site().url(path)))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", "application/x-www-form-urlencoded");
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> get(String path, String... headers) throws Exception {
    return send("GET", path, null, headers);
  }

  /** A form post from the site's own pages ({@code Origin} of the site). */
  private static HttpResponse<String> post(String path, String body, String... headers)
      throws Exception {
    String[] all = new String[headers.length + 2];
    all[0] = "Origin";
    all[1] = ui.site().server().publicUrl();
    System.arraycopy(headers, 0, all, 2, headers.length);
    return send("POST", path, body, all);
  }

  private static String form(String... pairs) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      out.append(out.length() == 0 ? "" : "&")
          .append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  /**
   * Checks one answer: its status, the three security headers (each exactly once), and its {@code
   * Cache-Control} (exactly once; {@code null}: none).
   */
  private void check(String what, HttpResponse<?> answer, int status, String cacheControl) {
    check(what, answer.statusCode(), lower(answer.headers()), status, cacheControl);
  }

  private void check(
      String what,
      int actualStatus,
      Map<String, List<String>> headers,
      int status,
      String cacheControl) {
    assertEquals(status, actualStatus, what);
    SECURITY.forEach(
        (name, value) ->
            assertEquals(
                List.of(value), headers.getOrDefault(name, List.of()), what + ": " + name));
    assertEquals(
        cacheControl == null ? List.of() : List.of(cacheControl),
        headers.getOrDefault("cache-control", List.of()),
        what + ": Cache-Control");
    checked.add(status + " " + what + " → " + cacheControl);
  }

  /** Every value of each header, names in lower case (HTTP/1.1 names are case-insensitive). */
  private static Map<String, List<String>> lower(HttpHeaders headers) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    headers
        .map()
        .forEach(
            (name, values) ->
                out.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                    .addAll(values));
    return out;
  }

  private static String header(HttpResponse<?> answer, String name) {
    return answer.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name));
  }

  @Test
  void pagesAndTheirErrors() throws Exception {
    for (String path :
        List.of(
            "/actualites",
            "/actualites?thematique=discrimination&q=programme",
            "/thematiques/discrimination",
            "/territoires/hauts-de-france",
            "/actualites/" + SeedFacts.SEED,
            "/actualites/" + SeedFacts.NEXT_SESSION,
            "/favoris?retour=%2Factualites")) {
      check("GET " + path, get(path), 200, PAGE);
    }
    check("HEAD /actualites", send("HEAD", "/actualites", null), 200, PAGE);
    check("GET / (redirect)", get("/"), 302, null);
    check("GET /actualites/ (redirect)", get("/actualites/"), 301, null);
    for (String path :
        List.of("/page-inconnue", "/actualites/inconnue", "/thematiques/inconnue", "/dam/x")) {
      check("GET " + path, get(path), 404, NO_STORE);
    }
    check("OPTIONS /actualites", send("OPTIONS", "/actualites", null), 405, NO_STORE);
    check("POST /actualites", post("/actualites", "a=b"), 405, NO_STORE);
    check("TRACE /actualites", send("TRACE", "/actualites", null), 405, NO_STORE);
    print();
  }

  @Test
  void webResourcesDamFilesDownloadsThumbnailsAndFeeds() throws Exception {
    String css = "/.resources/irev-news/webresources/css/irev-news.css";
    String js = "/.resources/irev-news/webresources/js/registration.js";
    check("GET css", get(css), 200, PAGE);
    check("GET js", get(js), 200, PAGE);
    check("GET css, not modified", get(css, "If-Modified-Since", FUTURE), 304, PAGE);
    check("GET missing css", get(css.replace("irev-news.css", "absent.css")), 404, NO_STORE);

    Document seed = Jsoup.parse(get("/actualites/" + SeedFacts.SEED).body());
    String download = seed.selectFirst("a.irev-attachment__download").attr("href");
    String thumbnail = seed.selectFirst("img.irev-attachment__thumbnail").attr("src");
    String[] parts = download.substring("/.irev-news/download/".length()).split("/", 2);
    String dam = "/dam/jcr:" + parts[0] + "/" + parts[1];

    check("GET DAM file", get(dam), 200, PAGE);
    check("GET DAM file, not modified", get(dam, "If-Modified-Since", FUTURE), 304, PAGE);

    HttpResponse<String> whole = get(download);
    check("GET download", whole, 200, DOWNLOAD);
    check("HEAD download", send("HEAD", download, null), 200, DOWNLOAD);
    check(
        "GET download, not modified",
        get(download, "If-None-Match", header(whole, "ETag")),
        304,
        DOWNLOAD);
    check("GET download, range", get(download, "Range", "bytes=0-99"), 206, DOWNLOAD);
    check(
        "GET download, range beyond the end",
        get(download, "Range", "bytes=999999999-"),
        416,
        NO_STORE);
    check("GET download, other name", get(download.replace(".pdf", "-x.pdf")), 404, NO_STORE);
    check("OPTIONS download", send("OPTIONS", download, null), 200, null);

    HttpResponse<String> image = get(thumbnail);
    check("GET thumbnail", image, 200, THUMBNAIL);
    check(
        "GET thumbnail, not modified",
        get(thumbnail, "If-None-Match", header(image, "ETag")),
        304,
        THUMBNAIL);

    for (String feed :
        List.of(
            "/.irev-news/flux/actualites.rss",
            "/.irev-news/flux/agenda.ics",
            "/.irev-news/flux/evenement/" + SeedFacts.NEXT_SESSION + ".ics")) {
      HttpResponse<String> first = get(feed);
      check("GET " + feed, first, 200, FEED);
      check(
          "GET " + feed + ", not modified",
          get(feed, "If-None-Match", header(first, "ETag")),
          304,
          FEED);
    }
    check("GET unknown event calendar", get("/.irev-news/flux/evenement/x.ics"), 404, NO_STORE);
    print();
  }

  @Test
  void registrationCancellationAndStaffAnswersAreNeverStored() throws Exception {
    EventFixtures.Event event = ui.events().add("entetes", 1, 0, 1);
    String target = "/.irev-news/registration/" + event.id();
    String anne = "anne." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    check("GET seats left", get(target + "/places"), 200, "no-cache");
    check(
        "GET seats left of an unknown event",
        get("/.irev-news/registration/inconnu/places"),
        404,
        NO_STORE);
    check("POST with errors", post(target, form("evenement", event.id())), 422, NO_STORE);
    check(
        "POST confirmed",
        post(target, registration(event.id(), "Martin", "Anne", anne)),
        200,
        NO_STORE);
    check(
        "POST on a full event",
        post(target, registration(event.id(), "Durand", "Denis", "denis@example.org")),
        409,
        NO_STORE);
    check(
        "POST from another site",
        send(
            "POST",
            target,
            registration(event.id(), "Petit", "Chloé", "chloe@example.org"),
            "Origin",
            "https://evil.example"),
        403,
        NO_STORE);
    String unknown = "/.irev-news/registration/" + UUID.randomUUID();
    check("POST to an unknown event", post(unknown, "a=b"), 404, NO_STORE);
    check("GET the form's target", get(target), 405, NO_STORE);
    check("OPTIONS the form's target", send("OPTIONS", target, null), 200, null);

    String cancel = ui.events().cancelLink(anne);
    check("GET cancellation page", get(cancel), 200, NO_STORE);
    String jeton = cancel.substring(cancel.indexOf("jeton=") + "jeton=".length());
    check(
        "POST cancellation",
        post("/.irev-news/registration/annulation", "jeton=" + jeton),
        200,
        NO_STORE);
    check(
        "GET cancellation page, bad link",
        get("/.irev-news/registration/annulation?jeton=abc"),
        400,
        NO_STORE);

    String staff = "/.irev-news/staff/";
    check("GET staff pages, not logged in", get(staff), 303, NO_STORE);
    HttpResponse<String> login = get(staff + "login");
    check("GET staff login", login, 200, NO_STORE);
    String token = cookie(login, "irev-equipe-jeton");
    HttpResponse<String> loggedIn =
        post(
            staff + "login",
            form("csrf", token, "username", "equipe", "password", BrowserSite.STAFF_PASSWORD),
            "Cookie",
            "irev-equipe-jeton=" + token);
    check("POST staff login", loggedIn, 303, NO_STORE);
    String cookies =
        "irev-equipe=" + cookie(loggedIn, "irev-equipe") + "; irev-equipe-jeton=" + token;
    check("GET staff events", get(staff, "Cookie", cookies), 200, NO_STORE);
    check(
        "GET staff registrations",
        get(staff + "event/" + event.id(), "Cookie", cookies),
        200,
        NO_STORE);
    check(
        "GET staff CSV export",
        get(staff + "event/" + event.id() + "/inscriptions.csv", "Cookie", cookies),
        200,
        NO_STORE);
    check("GET staff outbox", get(staff + "outbox", "Cookie", cookies), 200, NO_STORE);
    print();
  }

  private static String registration(String eventId, String last, String first, String email) {
    return form(
        "evenement", eventId,
        "token", "t-" + UUID.randomUUID(),
        "lastName", last,
        "firstName", first,
        "email", email,
        "seats", "1",
        "consent", "oui");
  }

  private static String cookie(HttpResponse<?> answer, String name) {
    for (String header : answer.headers().allValues("Set-Cookie")) {
      if (header.startsWith(name + "=")) {
        return header.substring(name.length() + 1, header.indexOf(';'));
      }
    }
    throw new AssertionError("no cookie " + name + " in " + answer.headers().map());
  }

  @Test
  void errorsJettyAnswersByItself() throws Exception {
    URI base = ui.site().server().baseUri();
    String host = "Host: localhost:" + base.getPort() + "\r\n";
    Map<String, String> requests = new LinkedHashMap<>();
    requests.put(
        "414 request line too long",
        "GET /actualites?q=" + "a".repeat(20_000) + " HTTP/1.1\r\n" + host);
    requests.put(
        "431 headers too large",
        "GET /actualites HTTP/1.1\r\n" + host + "X-Big: " + "b".repeat(20_000) + "\r\n");
    requests.put("400 bad Host", "GET /actualites HTTP/1.1\r\nHost: bad host!\r\n");
    requests.put("400 no Host", "GET /actualites HTTP/1.1\r\n");
    requests.put("400 malformed header", "GET /actualites HTTP/1.1\r\n" + host + "Bad Header\r\n");
    requests.put("505 unknown version", "GET /actualites HTTP/9.9\r\n" + host);
    requests.put("404 OPTIONS *", "OPTIONS * HTTP/1.1\r\n" + host);
    for (Map.Entry<String, String> request : requests.entrySet()) {
      RawHttp.Response answer =
          RawHttp.exchange(base, request.getValue() + "Connection: close\r\n\r\n");
      int status = Integer.parseInt(request.getKey().substring(0, 3));
      check(request.getKey(), answer.status(), answer.allHeaders(), status, NO_STORE);
      assertTrue(answer.body().contains("<html lang=\"fr\""), request.getKey());
    }
    print();
  }

  @Test
  void thePolicyAllowsNoInlineOrEvaluatedScriptAndNoFraming() throws Exception {
    String policy = header(get("/actualites"), "Content-Security-Policy");
    Map<String, List<String>> directives = new LinkedHashMap<>();
    for (String directive : policy.split(";")) {
      List<String> words = List.of(directive.strip().split("\\s+"));
      directives.put(words.get(0), words.subList(1, words.size()));
    }
    List<String> scripts = directives.getOrDefault("script-src", directives.get("default-src"));
    assertEquals(List.of("'self'"), scripts);
    for (List<String> sources : directives.values()) {
      assertFalse(sources.contains("'unsafe-inline'"), policy);
      assertFalse(sources.contains("'unsafe-eval'"), policy);
      assertFalse(sources.contains("*"), policy);
    }
    assertEquals(List.of("'self'"), directives.get("frame-ancestors"));
    assertEquals(List.of("'self'"), directives.get("form-action"));
    assertEquals(List.of("'self'"), directives.get("base-uri"));
  }

  @Test
  void theReadmeGivesWebmastersTheSameValues() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    SECURITY.forEach(
        (name, value) -> {
          String exact = displayName(name) + " \"" + value + "\"";
          assertTrue(readme.contains("Header always set " + exact), "Apache line of " + name);
          assertTrue(readme.contains("add_header " + exact + " always;"), "nginx line of " + name);
        });
    for (String path : List.of("/.irev-news/registration/", "/.irev-news/staff/")) {
      assertTrue(readme.contains(path), path);
    }
  }

  /** A header name as the README writes it, e.g. {@code Content-Security-Policy}. */
  private static String displayName(String lower) {
    return switch (lower) {
      case "x-content-type-options" -> "X-Content-Type-Options";
      case "referrer-policy" -> "Referrer-Policy";
      case "content-security-policy" -> "Content-Security-Policy";
      default -> throw new IllegalArgumentException(lower);
    };
  }

  private void print() {
    System.out.println("SecurityHeadersTest:\n  " + String.join("\n  ", checked));
  }
}
