package fr.irev.news.templating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.irev.news.news.EventSchedule;
import fr.irev.news.news.NewsItem;
import fr.irev.news.news.NewsKind;
import fr.irev.news.news.Place;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON-LD of {@link StructuredData}, read back with Jackson; runs under both surefire runs. */
class StructuredDataTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final String URL = "https://irev.fr/actualites/x";

  private static NewsItem item(String title, NewsKind kind, EventSchedule schedule, Place place) {
    return new NewsItem(
        "id",
        "x",
        title,
        "Chapô</script>",
        null,
        kind,
        schedule,
        place,
        null,
        ZonedDateTime.of(2021, 9, 29, 8, 0, 0, 0, ZoneOffset.UTC),
        ZonedDateTime.of(2021, 10, 4, 8, 50, 0, 0, ZoneOffset.UTC),
        List.of(),
        List.of(),
        List.of(),
        null);
  }

  @Test
  void nothingInTheTextCanCloseTheScriptElement() throws Exception {
    String title = "</script><script>alert(1)</script><!-- & \u2028 \u2029 \"q\" \\";
    String json =
        StructuredData.of(item(title, NewsKind.NEWS, null, null), URL, "https://irev.fr", null);

    assertFalse(json.contains("<"), json);
    assertFalse(json.contains(">"), json);
    assertFalse(json.contains("&"), json);
    assertFalse(json.contains("\u2028") || json.contains("\u2029"), json);
    JsonNode article = new ObjectMapper().readTree(json);
    assertEquals(title, article.get("headline").asText());
    assertEquals("NewsArticle", article.get("@type").asText());
    assertEquals("2021-09-29T10:00:00+02:00", article.get("datePublished").asText());
    assertEquals("2021-10-04T10:50:00+02:00", article.get("dateModified").asText());
    assertEquals(URL, article.get("mainEntityOfPage").asText());
    assertEquals("https://irev.fr/", article.get("publisher").get("url").asText());
  }

  @Test
  void eventDatesCarryTheParisOffsetOrAreDatesForAllDayEvents() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode timed =
        mapper.readTree(
            StructuredData.of(
                item(
                    "Nuit du changement d'heure",
                    NewsKind.EVENT,
                    new EventSchedule(
                        ZonedDateTime.of(2022, 3, 27, 0, 0, 0, 0, ZoneOffset.UTC),
                        ZonedDateTime.of(2022, 3, 27, 2, 0, 0, 0, ZoneOffset.UTC),
                        false),
                    new Place(null, null, "Lille")),
                URL,
                "https://irev.fr",
                "https://example.org/inscription"));
    assertEquals("2022-03-27T01:00:00+01:00", timed.get("startDate").asText());
    assertEquals("2022-03-27T04:00:00+02:00", timed.get("endDate").asText());
    assertEquals("Lille", timed.get("location").get("name").asText());
    assertEquals("https://example.org/inscription", timed.get("offers").get("url").asText());

    JsonNode allDay =
        mapper.readTree(
            StructuredData.of(
                item(
                    "Semaine",
                    NewsKind.EVENT,
                    new EventSchedule(
                        ZonedDateTime.of(2022, 6, 28, 0, 0, 0, 0, PARIS),
                        ZonedDateTime.of(2022, 7, 8, 0, 0, 0, 0, PARIS),
                        true),
                    null),
                URL,
                "https://irev.fr",
                null));
    assertEquals("2022-06-28", allDay.get("startDate").asText());
    assertEquals("2022-07-08", allDay.get("endDate").asText());
    assertNull(allDay.get("location"));
    assertNull(allDay.get("offers"));
  }
}
