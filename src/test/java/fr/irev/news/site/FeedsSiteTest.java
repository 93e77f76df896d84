package fr.irev.news.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.WireFeedInput;
import fr.irev.news.news.EventSchedule;
import fr.irev.news.news.NewsItem;
import fr.irev.news.news.NewsKind;
import fr.irev.news.news.NewsNodes;
import fr.irev.news.news.NewsWriter;
import fr.irev.news.news.Place;
import fr.irev.news.preview.PreviewOptions;
import fr.irev.news.preview.PreviewServer;
import fr.irev.news.preview.support.RawHttp;
import fr.irev.news.testing.SeedFacts;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import javax.jcr.Session;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xml.sax.InputSource;

/**
 * The feeds servlet ({@code /.irev-news/flux/…}) as declared in {@code magnolia-module.xml}, served
 * by the preview server over real HTTP, on the sample content plus a news item with a hostile title
 * and an all-day event: RSS read back with Rome and a strict XML parser, iCalendar with ical4j.
 * Runs under the build's default fr-FR locale and Europe/Paris zone.
 */
class FeedsSiteTest {

  private static final String RSS = "/.irev-news/flux/actualites.rss";
  private static final String CALENDAR = "/.irev-news/flux/agenda.ics";
  private static final String THEMATIC = "lutte-contre-les-discriminations";
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  /** A title with markup, an ampersand and U+0001 (forbidden in XML 1.0). */
  private static final String HOSTILE_TITLE = "<script>alert(1)</script> & co \u0001 fin";

  private static final String HOSTILE = "titre-hostile";
  private static final String ALL_DAY = "journee-portes-ouvertes";

  private static PreviewServer server;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    server = PreviewServer.start(PreviewOptions.defaults().withPort(0).withInMemory());
    Session news = server.repository().login(NewsNodes.WORKSPACE);
    try {
      NewsWriter.save(news, "/", item(HOSTILE, HOSTILE_TITLE, NewsKind.NEWS, null, null, 1));
      NewsWriter.save(
          news,
          "/",
          item(
              ALL_DAY,
              "Journée portes ouvertes",
              NewsKind.EVENT,
              new EventSchedule(
                  ZonedDateTime.of(2021, 11, 30, 0, 0, 0, 0, PARIS),
                  ZonedDateTime.of(2021, 11, 30, 0, 0, 0, 0, PARIS),
                  true),
              new Place("Salle Jean-Moulin", "12 rue des Arts", "Lille"),
              2));
    } finally {
      news.logout();
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** An item published on {@code day} October 2021 at noon. */
  private static NewsItem item(
      String name, String title, NewsKind kind, EventSchedule schedule, Place place, int day) {
    return new NewsItem(
        null,
        name,
        title,
        "Chapô avec <b>balise</b> & esperluette",
        null,
        kind,
        schedule,
        place,
        null,
        ZonedDateTime.of(2021, 10, day, 12, 0, 0, 0, PARIS),
        null,
        List.of(),
        List.of(),
        List.of(),
        null);
  }

  private static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.baseUri().resolve(path)).GET();
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  /** A media type as sent, compared without spaces and case. */
  private static String normalised(String contentType) {
    return contentType.replace(" ", "").toLowerCase(Locale.ROOT);
  }

  private static Channel rome(byte[] body) throws Exception {
    WireFeedInput input = new WireFeedInput();
    return (Channel) input.build(new InputSource(new ByteArrayInputStream(body)));
  }

  /** Parses with the JDK's parser, namespace-aware, no DTD: fails on any well-formedness error. */
  private static org.w3c.dom.Document strictXml(byte[] body) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
  }

  private static List<String> links(Channel channel) {
    List<String> links = new ArrayList<>();
    for (Item item : channel.getItems()) {
      links.add(item.getLink());
    }
    return links;
  }

  private static String itemUrl(String urlName) {
    return server.publicUrl() + "/actualites/" + urlName;
  }

  private static Calendar ical(String text) throws Exception {
    return new CalendarBuilder().build(new StringReader(text));
  }

  private static String property(Component component, String name) {
    return component.getProperty(name).map(Property::getValue).orElse(null);
  }

  // ---------------------------------------------------------------- RSS

  @Test
  void rssIsValidXmlWhateverTheTitlesHold() throws Exception {
    HttpResponse<byte[]> response = get(RSS);

    assertEquals(200, response.statusCode());
    assertEquals("application/rss+xml;charset=utf-8", normalised(header(response, "Content-Type")));
    org.w3c.dom.Document xml = strictXml(response.body());
    assertEquals("rss", xml.getDocumentElement().getTagName());
    assertEquals("2.0", xml.getDocumentElement().getAttribute("version"));
    Channel channel = rome(response.body());
    assertEquals("rss_2.0", channel.getFeedType());
    Item hostile =
        channel.getItems().stream()
            .filter(i -> i.getLink().equals(itemUrl(HOSTILE)))
            .findFirst()
            .orElseThrow();
    // the control character is removed, markup and ampersand come back as text
    assertEquals("<script>alert(1)</script> & co fin", hostile.getTitle());
    // descriptions are HTML-escaped text: a reader shows the tag, never renders it
    assertTrue(
        hostile.getDescription().getValue().contains("&lt;b&gt;balise&lt;/b&gt; &amp;"),
        hostile.getDescription().getValue());
    assertFalse(text(response).contains("<script>"), "markup is escaped in the XML");
  }

  @Test
  void rssLinksAreAbsoluteAndGuidsArePermalinks() throws Exception {
    Channel channel = rome(get(RSS).body());

    assertEquals(server.publicUrl() + "/actualites", channel.getLink());
    assertEquals(
        List.of(
            itemUrl(SeedFacts.NEXT_SESSION),
            itemUrl(ALL_DAY),
            itemUrl(HOSTILE),
            itemUrl(SeedFacts.SEED)),
        links(channel),
        "newest publication first");
    for (Item item : channel.getItems()) {
      assertTrue(item.getLink().startsWith(server.publicUrl() + "/actualites/"), item.getLink());
      assertEquals(item.getLink(), item.getGuid().getValue());
      assertTrue(item.getGuid().isPermaLink());
    }
    Item seed = channel.getItems().get(3);
    assertEquals(List.of("Lutte contre les discriminations"), categories(seed));
    assertTrue(
        seed.getDescription()
            .getValue()
            .startsWith("Événement " + SeedFacts.DATE_LINE + " (Lille)."),
        seed.getDescription().getValue());
  }

  private static List<String> categories(Item item) {
    return item.getCategories().stream().map(c -> c.getValue()).toList();
  }

  @Test
  void rssDatesAreRfc822InEnglishWhateverTheServerLocale() throws Exception {
    // whatever the server's default locale and zone (the build's first run: fr-FR and
    // Europe/Paris; here made explicit, with a zone far from Paris)
    Locale locale = Locale.getDefault();
    TimeZone zone = TimeZone.getDefault();
    org.w3c.dom.Document xml;
    try {
      Locale.setDefault(Locale.FRANCE);
      TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
      xml = strictXml(get(RSS).body());
    } finally {
      Locale.setDefault(locale);
      TimeZone.setDefault(zone);
    }

    List<String> dates = new ArrayList<>();
    org.w3c.dom.NodeList nodes = xml.getElementsByTagName("pubDate");
    for (int i = 0; i < nodes.getLength(); i++) {
      dates.add(nodes.item(i).getTextContent());
    }
    assertEquals(4, dates.size());
    // the seed: published on 29 September 2021 at 10:00, Paris summer time
    assertEquals("Wed, 29 Sep 2021 08:00:00 GMT", dates.get(3));
    for (String date : dates) {
      assertTrue(
          date.matches(
              "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} "
                  + "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} \\d{2}:\\d{2}:\\d{2}"
                  + " GMT"),
          date);
    }
    String lastBuild = xml.getElementsByTagName("lastBuildDate").item(0).getTextContent();
    assertTrue(lastBuild.endsWith(" GMT"), lastBuild);
    org.w3c.dom.Element self =
        (org.w3c.dom.Element)
            xml.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link").item(0);
    assertEquals(server.publicUrl() + RSS, self.getAttribute("href"));
    assertEquals("self", self.getAttribute("rel"));
    assertEquals("fr-FR", xml.getElementsByTagName("language").item(0).getTextContent());
  }

  @Test
  void rssFiltersLikeTheListPage() throws Exception {
    Channel filtered = rome(get(RSS + "?thematique=" + THEMATIC).body());
    assertEquals(SeedFacts.LISTED.stream().map(FeedsSiteTest::itemUrl).toList(), links(filtered));
    assertEquals(server.publicUrl() + "/actualites?thematique=" + THEMATIC, filtered.getLink());
    assertTrue(filtered.getTitle().contains("Lutte contre les discriminations"));

    // an unknown thematic: not applied, as on the list page (which shows every item)
    Channel unknown = rome(get(RSS + "?thematique=n-existe-pas").body());
    Document list =
        Jsoup.parse(
            text(get("/actualites?thematique=n-existe-pas")), server.publicUrl() + "/actualites");
    List<String> listed = list.select("ul.irev-list h2 a").eachAttr("abs:href");
    assertEquals(listed, links(unknown));
    assertEquals(4, listed.size());
    assertTrue(unknown.getDescription().contains("Thématique inconnue"));

    // malformed pairs are skipped, never an error
    RawHttp.Response malformed =
        RawHttp.send(server.baseUri(), "GET", RSS + "?thematique=%ZZ&territoire=%C3%28");
    assertEquals(200, malformed.status());
    assertEquals(4, rome(malformed.body().getBytes(StandardCharsets.UTF_8)).getItems().size());
    // ... and the valid ones still apply, as on the list page
    RawHttp.Response partly =
        RawHttp.send(server.baseUri(), "GET", RSS + "?type=evenement&x=%ZZ&q=%FF");
    assertEquals(200, partly.status());
    Channel events = rome(partly.body().getBytes(StandardCharsets.UTF_8));
    RawHttp.Response clean = RawHttp.send(server.baseUri(), "GET", RSS + "?type=evenement");
    List<String> expected =
        rome(clean.body().getBytes(StandardCharsets.UTF_8)).getItems().stream()
            .map(Item::getLink)
            .toList();
    assertFalse(expected.isEmpty());
    assertEquals(expected, events.getItems().stream().map(Item::getLink).toList());
    assertTrue(events.getDescription().contains("Recherche"), events.getDescription());
  }

  @Test
  void rssIsCacheableAndAnswersConditionalRequests() throws Exception {
    HttpResponse<byte[]> first = get(RSS);
    assertEquals("public, max-age=300", header(first, "Cache-Control"));
    assertEquals("nosniff", header(first, "X-Content-Type-Options"));
    String etag = header(first, "ETag");
    String lastModified = header(first, "Last-Modified");
    assertTrue(etag.matches("\"[0-9a-f]{32}\""), etag);
    assertNotNull(lastModified);

    HttpResponse<byte[]> again = get(RSS, "If-None-Match", etag);
    assertEquals(304, again.statusCode());
    assertEquals(0, again.body().length);
    assertEquals(etag, header(again, "ETag"));
    assertEquals(304, get(RSS, "If-Modified-Since", lastModified).statusCode());
    assertEquals(200, get(RSS, "If-None-Match", "\"autre\"").statusCode());
    assertEquals(412, get(RSS, "If-Match", "\"autre\"").statusCode());
    // another filter is another representation
    assertFalse(etag.equals(header(get(RSS + "?thematique=" + THEMATIC), "ETag")));

    HttpResponse<byte[]> head =
        HTTP.send(
            HttpRequest.newBuilder(server.baseUri().resolve(RSS))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, head.statusCode());
    assertEquals(0, head.body().length);
    assertEquals(etag, header(head, "ETag"));
  }

  // ---------------------------------------------------------------- iCalendar

  @Test
  void calendarHoldsTheEventsWithTheirZone() throws Exception {
    HttpResponse<byte[]> response = get(CALENDAR);

    assertEquals(200, response.statusCode());
    assertTrue(
        normalised(header(response, "Content-Type")).startsWith("text/calendar;charset=utf-8"),
        header(response, "Content-Type"));
    assertEquals("public, max-age=300", header(response, "Cache-Control"));
    assertTrue(header(response, "Content-Disposition") == null, "a feed is shown, not saved");
    String ics = text(response);
    Calendar calendar = ical(ics);
    List<VTimeZone> zones = calendar.getComponents(Component.VTIMEZONE);
    assertEquals(1, zones.size());
    assertEquals("Europe/Paris", property(zones.get(0), Property.TZID));
    List<VEvent> events = calendar.getComponents(Component.VEVENT);
    List<String> urls = new ArrayList<>();
    for (VEvent event : events) {
      urls.add(property(event, Property.URL));
    }
    assertEquals(
        List.of(itemUrl(SeedFacts.NEXT_SESSION), itemUrl(ALL_DAY), itemUrl(SeedFacts.SEED)),
        urls,
        "events only, newest publication first");
    assertTrue(ics.contains("DTSTART;TZID=Europe/Paris:20211130T090000\r\n"), ics);
    // the all-day event: dates, exclusive end (C3), never a time
    assertTrue(ics.contains("DTSTART;VALUE=DATE:20211130\r\n"), ics);
    assertTrue(ics.contains("DTEND;VALUE=DATE:20211201\r\n"), ics);
    assertFalse(ics.contains("T000000Z"), ics);
    assertTrue(ics.contains("X-WR-CALNAME:IREV – Agenda\r\n"), ics);

    // the same content gives the same bytes: 304 on the entity tag
    assertEquals(304, get(CALENDAR, "If-None-Match", header(response, "ETag")).statusCode());
  }

  @Test
  void calendarFiltersLikeTheListPage() throws Exception {
    Calendar calendar = ical(text(get(CALENDAR + "?thematique=" + THEMATIC)));
    List<String> urls = new ArrayList<>();
    for (VEvent event : calendar.<VEvent>getComponents(Component.VEVENT)) {
      urls.add(property(event, Property.URL));
    }
    assertEquals(SeedFacts.LISTED.stream().map(FeedsSiteTest::itemUrl).toList(), urls);
    assertEquals(
        3, ical(text(get(CALENDAR + "?territoire=n-existe-pas"))).getComponents("VEVENT").size());
  }

  @Test
  void oneEventIsAnAttachmentInParisTime() throws Exception {
    HttpResponse<byte[]> response = get("/.irev-news/flux/evenement/" + SeedFacts.SEED + ".ics");

    assertEquals(200, response.statusCode());
    assertTrue(
        normalised(header(response, "Content-Type")).startsWith("text/calendar;charset=utf-8"));
    String disposition = header(response, "Content-Disposition");
    assertTrue(
        disposition.startsWith(
            "attachment; filename=\"discriminations-journee-d-approfondissement-du-cycle-initier.ics\""),
        disposition);
    String ics = text(response);
    assertTrue(ics.contains("\r\nDTSTART;TZID=Europe/Paris:20211130T090000\r\n"), ics);
    assertTrue(ics.contains("\r\nDTEND;TZID=Europe/Paris:20211130T163000\r\n"), ics);
    Calendar calendar = ical(ics);
    assertEquals(1, calendar.getComponents(Component.VTIMEZONE).size());
    VEvent event = calendar.<VEvent>getComponents(Component.VEVENT).get(0);
    assertEquals(itemUrl(SeedFacts.SEED), property(event, Property.URL));
    assertTrue(property(event, Property.SUMMARY).startsWith("Discriminations"));
    assertEquals("IREV (dans ses locaux), Lille", property(event, Property.LOCATION));
    // DTSTAMP is the last modification (4 October 2021, 10:50 Paris): stable bytes, stable ETag
    assertEquals("20211004T085000Z", property(event, Property.DTSTAMP));
    assertEquals("public, max-age=300", header(response, "Cache-Control"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/.irev-news/flux/evenement/n-existe-pas.ics",
        "/.irev-news/flux/evenement/" + HOSTILE + ".ics",
        "/.irev-news/flux/evenement/../actualites.rss",
        "/.irev-news/flux/evenement/Majuscules.ics",
        "/.irev-news/flux/evenement/.ics",
        "/.irev-news/flux/evenement/" + SeedFacts.SEED + ".ical",
        "/.irev-news/flux/autre.xml",
        "/.irev-news/flux/",
        "/.irev-news/flux/actualites.rss/x"
      })
  void unknownAddressesGetTheFrenchNotFoundPage(String path) throws Exception {
    HttpResponse<byte[]> response = get(path);
    assertEquals(404, response.statusCode(), path);
    assertTrue(normalised(header(response, "Content-Type")).startsWith("text/html"), path);
    assertTrue(text(response).contains("<html lang=\"fr\">"), path);
    assertEquals("no-store", header(response, "Cache-Control"));
  }

  @Test
  void encodedDotSegmentsNeverReachAnotherFile() throws Exception {
    // the container refuses the ambiguous path (400) or the servlet finds no event (404)
    int status =
        RawHttp.send(server.baseUri(), "GET", "/.irev-news/flux/evenement/%2E%2E%2Fx.ics").status();
    assertTrue(status == 400 || status == 404, String.valueOf(status));
  }

  @Test
  void postIsNotAllowedAndNeverAServerError() throws Exception {
    HttpResponse<String> post =
        HTTP.send(
            HttpRequest.newBuilder(server.baseUri().resolve(RSS))
                .POST(HttpRequest.BodyPublishers.ofString("x=1"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(405, post.statusCode());
  }

  // ---------------------------------------------------------------- pages

  @Test
  void listPageOffersTheFeedsOfItsFilters() throws Exception {
    String path = "/actualites?thematique=" + THEMATIC;
    Document page = Jsoup.parse(text(get(path)), server.baseUri().resolve(path).toString());

    Element alternate = page.selectFirst("head link[rel=alternate][type=application/rss+xml]");
    assertEquals(RSS + "?thematique=" + THEMATIC, alternate.attr("href"));
    List<String> feeds = page.select("section.irev-feeds a").eachAttr("href");
    assertEquals(
        List.of(RSS + "?thematique=" + THEMATIC, CALENDAR + "?thematique=" + THEMATIC), feeds);
    for (String feed : feeds) {
      assertEquals(200, get(feed).statusCode(), feed);
    }
    // an unknown filter is not carried into the feeds' addresses
    Document unknown = Jsoup.parse(text(get("/actualites?thematique=n-existe-pas")));
    assertEquals(List.of(RSS, CALENDAR), unknown.select("section.irev-feeds a").eachAttr("href"));
  }

  @Test
  void eventSummaryLinksToTheEventsCalendarFile() throws Exception {
    Document page = Jsoup.parse(text(get("/actualites/" + SeedFacts.SEED)));
    Element link = page.selectFirst(".irev-event a.irev-event__calendar-link");
    String href = link.attr("href");
    assertEquals("/.irev-news/flux/evenement/" + SeedFacts.SEED + ".ics", href);
    assertTrue(link.text().startsWith("Ajouter à mon agenda"));
    assertEquals(200, get(href).statusCode());
    Document news = Jsoup.parse(text(get("/actualites/" + HOSTILE)));
    assertTrue(news.select("a.irev-event__calendar-link").isEmpty(), "news has no calendar file");
  }

  // ---------------------------------------------------------------- detail pages: JSON-LD, OG

  private static JsonNode jsonLd(Document page) throws Exception {
    List<Element> blocks = page.select("head script[type=application/ld+json]");
    assertEquals(1, blocks.size());
    String data = blocks.get(0).data();
    assertFalse(data.contains("<"), "no '<' inside the script element: " + data);
    return new ObjectMapper().readTree(data);
  }

  private static Document detail(String urlName) throws Exception {
    HttpResponse<byte[]> response = get("/actualites/" + urlName);
    assertEquals(200, response.statusCode());
    return Jsoup.parse(text(response), itemUrl(urlName));
  }

  @Test
  void seedEventHasItsSchemaOrgEvent() throws Exception {
    Document page = detail(SeedFacts.SEED);
    JsonNode event = jsonLd(page);

    assertEquals("https://schema.org", event.get("@context").asText());
    assertEquals("Event", event.get("@type").asText());
    assertEquals(
        page.selectFirst("h1").wholeText().replaceAll("[ \\t\\r\\n]+", " ").trim(),
        event.get("name").asText());
    assertTrue(event.get("description").asText().startsWith("Au regard de la dynamique"));
    assertEquals("2021-11-30T09:00:00+01:00", event.get("startDate").asText());
    assertEquals("2021-11-30T16:30:00+01:00", event.get("endDate").asText());
    assertEquals("https://schema.org/EventScheduled", event.get("eventStatus").asText());
    assertEquals(
        "https://schema.org/OfflineEventAttendanceMode", event.get("eventAttendanceMode").asText());
    ObjectMapper json = new ObjectMapper();
    assertEquals(
        json.readTree(
            "{\"@type\":\"Place\",\"name\":\"IREV (dans ses locaux)\","
                + "\"address\":{\"@type\":\"PostalAddress\",\"addressLocality\":\"Lille\"}}"),
        event.get("location"));
    assertEquals(
        json.readTree(
            "{\"@type\":\"Organization\",\"name\":\"IREV\",\"url\":\""
                + server.publicUrl()
                + "/\"}"),
        event.get("organizer"));
    assertEquals(itemUrl(SeedFacts.SEED), event.get("url").asText());
    // the page's "S'inscrire": the seed is past, its built-in form closed, so the real address
    assertEquals(
        json.readTree("{\"@type\":\"Offer\",\"url\":\"" + SeedFacts.REGISTRATION + "\"}"),
        event.get("offers"));
    assertEquals(
        List.of(
            "@context",
            "@type",
            "name",
            "description",
            "startDate",
            "endDate",
            "eventStatus",
            "eventAttendanceMode",
            "location",
            "organizer",
            "url",
            "offers"),
        iterable(event.fieldNames()));
  }

  private static List<String> iterable(java.util.Iterator<String> names) {
    List<String> list = new ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }

  @Test
  void upcomingEventOffersItsBuiltInForm() throws Exception {
    JsonNode event = jsonLd(detail(SeedFacts.NEXT_SESSION));
    assertEquals(
        itemUrl(SeedFacts.NEXT_SESSION) + "#inscription", event.get("offers").get("url").asText());
    assertEquals("2027-03-16T09:00:00+01:00", event.get("startDate").asText());
  }

  @Test
  void allDayEventHasDatesAndItsAddress() throws Exception {
    JsonNode event = jsonLd(detail(ALL_DAY));
    assertEquals("2021-11-30", event.get("startDate").asText());
    assertEquals("2021-11-30", event.get("endDate").asText());
    assertEquals(
        "12 rue des Arts", event.get("location").get("address").get("streetAddress").asText());
    assertTrue(event.get("offers") == null, "no registration link, no offer");
  }

  @Test
  void newsHasItsNewsArticleAndHostileTextStaysInTheDataBlock() throws Exception {
    Document page = detail(HOSTILE);
    JsonNode article = jsonLd(page);

    assertEquals("NewsArticle", article.get("@type").asText());
    assertTrue(
        article.get("headline").asText().startsWith("<script>alert(1)</script> & co"),
        article.get("headline").asText());
    assertEquals("2021-10-01T12:00:00+02:00", article.get("datePublished").asText());
    assertTrue(
        article.get("dateModified").asText().matches("\\d{4}-\\d{2}-\\d{2}T.*[+-]\\d{2}:\\d{2}"));
    assertEquals(itemUrl(HOSTILE), article.get("url").asText());
    assertEquals("IREV", article.get("publisher").get("name").asText());
    assertTrue(page.select("body script").isEmpty(), "the title never becomes a script");
  }

  @Test
  void detailPageHasOpenGraphTags() throws Exception {
    Document page = detail(SeedFacts.SEED);
    assertEquals("article", page.selectFirst("meta[property=og:type]").attr("content"));
    assertEquals(
        page.selectFirst("h1").wholeText().replaceAll("[ \\t\\r\\n]+", " ").trim(),
        page.selectFirst("meta[property=og:title]").attr("content"));
    assertTrue(
        page.selectFirst("meta[property=og:description]")
            .attr("content")
            .startsWith("Au regard de la dynamique"));
    assertEquals(
        itemUrl(SeedFacts.SEED), page.selectFirst("meta[property=og:url]").attr("content"));
    assertEquals("fr_FR", page.selectFirst("meta[property=og:locale]").attr("content"));
    assertEquals("IREV", page.selectFirst("meta[property=og:site_name]").attr("content"));
    for (Element meta : page.select("meta[property^=og:]")) {
      assertEquals("head", meta.parent().tagName(), meta.outerHtml());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {SeedFacts.SEED, SeedFacts.NEXT_SESSION, HOSTILE, ALL_DAY})
  void pagesHaveNoInlineExecutableScript(String urlName) throws Exception {
    HttpResponse<byte[]> response = get("/actualites/" + urlName);
    String csp = header(response, "Content-Security-Policy");
    assertTrue(csp.contains("default-src 'self'") && !csp.contains("unsafe-inline"), csp);
    Document page = Jsoup.parse(text(response), itemUrl(urlName));
    for (Element script : page.select("script")) {
      boolean data = script.attr("type").equals("application/ld+json");
      boolean external = script.hasAttr("src") && script.data().isBlank();
      assertTrue(data || external, "inline executable script: " + script.outerHtml());
      if (external) {
        assertTrue(script.absUrl("src").startsWith(server.publicUrl() + "/"), script.outerHtml());
      }
    }
  }
}
