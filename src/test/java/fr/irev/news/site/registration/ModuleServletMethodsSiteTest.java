package fr.irev.news.site.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.irev.news.registration.RegistrationSettingsMapper.RegistrationFields;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code OPTIONS} and {@code HEAD} on every module servlet of the preview server, over real HTTP:
 * {@code OPTIONS} answers 200 with the address's {@code Allow} and no body; {@code HEAD} answers
 * wherever {@code GET} does (RFC 9110 §9.3.2), same status and headers, no body.
 */
class ModuleServletMethodsSiteTest {

  private static final String SEED_PDF =
      "/.irev-news/download/f167e1b0-6149-5e1a-91af-4d859c8a3f33/"
          + "irev-plaquette-journee-approfondissement-ptlcd-nov-2021.pdf";

  private static VisitorSite site;
  private static String eventId;

  @BeforeAll
  static void start() throws Exception {
    site = VisitorSite.shared();
    eventId = site.addEvent("methodes", 5, 0, 1, RegistrationFields.NONE);
  }

  private static HttpResponse<String> send(String method, String path) throws Exception {
    return site.send(
        HttpRequest.newBuilder(site.uri(path)).method(method, HttpRequest.BodyPublishers.noBody()));
  }

  @Test
  void optionsAnswersTheAllowedMethodsOfEachAddress() throws Exception {
    Map<String, String> allow = new LinkedHashMap<>();
    allow.put(VisitorSite.registrationPath(eventId), "POST, OPTIONS");
    allow.put(VisitorSite.placesPath(eventId), "GET, HEAD, OPTIONS");
    allow.put("/.irev-news/registration/annulation", "GET, HEAD, POST, OPTIONS");
    allow.put("/.irev-news/staff/", "GET, HEAD, POST, OPTIONS");
    allow.put("/.irev-news/staff/login", "GET, HEAD, POST, OPTIONS");
    allow.put("/.irev-news/staff/event/x/inscriptions.csv", "GET, HEAD, POST, OPTIONS");
    allow.put("/.irev-news/flux/actualites.rss", "GET, HEAD, OPTIONS");
    allow.put(SEED_PDF, "GET, HEAD, OPTIONS");
    for (Map.Entry<String, String> expected : allow.entrySet()) {
      HttpResponse<String> options = send("OPTIONS", expected.getKey());
      assertEquals(200, options.statusCode(), expected.getKey() + "\n" + options.body());
      assertEquals(
          expected.getValue(),
          options.headers().firstValue("Allow").orElse(""),
          "Allow of " + expected.getKey());
      assertEquals("", options.body(), expected.getKey());
    }
  }

  @Test
  void headAnswersWhereverGetDoesWithoutBody() throws Exception {
    for (String path :
        List.of(
            "/.irev-news/staff/login",
            "/.irev-news/staff/",
            VisitorSite.placesPath(eventId),
            "/.irev-news/registration/annulation?jeton=abc",
            VisitorSite.registrationPath(eventId))) {
      HttpResponse<String> get = send("GET", path);
      HttpResponse<String> head = send("HEAD", path);
      assertEquals(get.statusCode(), head.statusCode(), path);
      for (String header : List.of("Content-Type", "Cache-Control", "Location", "Allow")) {
        assertEquals(
            get.headers().firstValue(header), head.headers().firstValue(header), path + header);
      }
      assertEquals("", head.body(), path);
    }
    assertEquals(200, send("HEAD", "/.irev-news/staff/login").statusCode());
    assertEquals(
        send("GET", "/.irev-news/staff/login").headers().firstValue("Content-Length"),
        send("HEAD", "/.irev-news/staff/login").headers().firstValue("Content-Length"));
  }

  @Test
  void otherMethodsAreRefusedWithTheSameAllow() throws Exception {
    HttpResponse<String> put = send("PUT", "/.irev-news/staff/");
    assertEquals(405, put.statusCode());
    assertEquals("GET, HEAD, POST, OPTIONS", put.headers().firstValue("Allow").orElse(""));
    HttpResponse<String> get = send("GET", VisitorSite.registrationPath(eventId));
    assertEquals(405, get.statusCode());
    assertEquals("POST, OPTIONS", get.headers().firstValue("Allow").orElse(""));
  }
}
