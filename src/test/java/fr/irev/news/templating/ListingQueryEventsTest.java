package fr.irev.news.templating;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.irev.news.news.EventSchedule;
import fr.irev.news.news.NewsItem;
import fr.irev.news.news.NewsKind;
import fr.irev.news.news.NewsNodes;
import fr.irev.news.news.NewsWriter;
import fr.irev.news.testing.TestSite;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import javax.jcr.Session;
import org.junit.jupiter.api.Test;

/**
 * The calendar feed's selection ({@link ListingQuery#listEvents}) on a real repository: its limit
 * counts events, however many news items were published after them.
 */
class ListingQueryEventsTest {

  private static final ZonedDateTime START =
      ZonedDateTime.of(2026, 1, 5, 9, 0, 0, 0, ZoneId.of("Europe/Paris"));

  @Test
  void theLimitCountsEventsNotNewsPublishedAfterThem() throws Exception {
    try (TestSite site = TestSite.empty()) {
      Session news = site.session(NewsNodes.WORKSPACE);
      save(news, "evenement-ancien", NewsKind.EVENT, START);
      save(news, "evenement-recent", NewsKind.EVENT, START.plusDays(1));
      for (int i = 0; i < 5; i++) {
        save(news, "actualite-" + i, NewsKind.NEWS, START.plusDays(10 + i));
      }
      ListingQuery all = ListingQuery.parse(site, Map.<String, String>of()::get);

      assertEquals(
          List.of("evenement-recent", "evenement-ancien"),
          all.listEvents(site, 0, 2).stream().map(NewsItem::urlName).toList());
      assertEquals(
          List.of(),
          ListingQuery.parse(site, Map.of("type", "actualite")::get).listEvents(site, 0, 2));
    }
  }

  private static void save(Session session, String name, NewsKind kind, ZonedDateTime published)
      throws Exception {
    NewsWriter.save(
        session,
        "/",
        new NewsItem(
            null,
            name,
            name,
            null,
            null,
            kind,
            kind == NewsKind.EVENT ? new EventSchedule(published.plusDays(30), null, false) : null,
            null,
            null,
            published,
            null,
            List.of(),
            List.of(),
            List.of(),
            null));
  }
}
