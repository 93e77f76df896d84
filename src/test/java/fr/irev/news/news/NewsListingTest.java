package fr.irev.news.news;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.testing.TestSite;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import javax.jcr.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link NewsRepository#list}'s date windows on a real Jackrabbit repository: every page of every
 * listing equals the same slice of the whole sorted selection (computed here from the written
 * items), and a first page reads a bounded number of nodes.
 */
class NewsListingTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  /** "Now" of the listings: items are spread far before and after it. */
  private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 30, 12, 0, 0, 0, PARIS);

  private static final ZonedDateTime TODAY = NOW.toLocalDate().atStartOfDay(PARIS);

  private static TestSite site;
  private static Session session;
  private static final List<NewsItem> WRITTEN = new ArrayList<>();

  @BeforeAll
  static void write() throws Exception {
    site = TestSite.empty();
    session = site.session(NewsNodes.WORKSPACE);
    Random random = new Random(20261130);
    Set<Long> used = new HashSet<>();
    for (int i = 0; i < 400; i++) {
      ZonedDateTime published = i % 20 == 7 ? null : distinct(random, used, spread(random, i));
      boolean event = i % 3 == 0;
      EventSchedule schedule = null;
      if (event) {
        // starts from two years before to two years after now; some last long enough to be
        // under way now
        ZonedDateTime start =
            distinct(
                random,
                used,
                NOW.plusMinutes(random.nextInt(4 * 365 * 24 * 60) - 2 * 365 * 24 * 60));
        ZonedDateTime end = i % 9 == 0 ? start.plusDays(random.nextInt(400)) : null;
        schedule = new EventSchedule(start, end, false);
      }
      NewsItem item =
          new NewsItem(
              null,
              "item-" + i,
              "Élément " + i,
              null,
              null,
              event ? NewsKind.EVENT : NewsKind.NEWS,
              schedule,
              null,
              null,
              published,
              null,
              List.of("t" + (i % 4)),
              List.of("r" + (i % 5), "r" + (i % 7)),
              List.of(),
              null);
      NewsWriter.save(session, "/", item);
      WRITTEN.add(item);
    }
  }

  /** Publication dates: most within a year of now, some decades away either side. */
  private static ZonedDateTime spread(Random random, int i) {
    long minutes =
        switch (i % 10) {
          case 0 -> -(long) random.nextInt(60 * 365 * 24) * 60; // up to 60 years ago
          case 1 -> (long) random.nextInt(30 * 365 * 24) * 60; // up to 30 years ahead
          case 2 -> -(long) random.nextInt(3 * 24 * 60); // the last three days
          default -> -(long) random.nextInt(365 * 24 * 60);
        };
    return NOW.plusMinutes(minutes);
  }

  private static ZonedDateTime distinct(Random random, Set<Long> used, ZonedDateTime date) {
    ZonedDateTime candidate = date;
    while (!used.add(candidate.toInstant().toEpochMilli())) {
      candidate = candidate.plusSeconds(1 + random.nextInt(60));
    }
    return candidate;
  }

  @AfterAll
  static void close() throws Exception {
    site.close();
  }

  @Test
  void everyPageOfTheWholeListingIsTheSortedSliceWithUndatedItemsLast() throws Exception {
    assertPagesMatch(NewsFilter.ALL, item -> true, newestFirst());
  }

  @Test
  void filteredListingsAreSlicesOfTheirSortedSelection() throws Exception {
    assertPagesMatch(
        NewsFilter.ALL.withThematic("t1"),
        item -> item.thematicIds().contains("t1"),
        newestFirst());
    assertPagesMatch(
        NewsFilter.ALL.withTerritory("r3"),
        item -> item.territoryIds().contains("r3"),
        newestFirst());
    assertPagesMatch(NewsFilter.ALL.withKind(NewsKind.EVENT), NewsItem::isEvent, newestFirst());
    assertPagesMatch(
        NewsFilter.ALL.withKind(NewsKind.NEWS), item -> !item.isEvent(), newestFirst());
  }

  @Test
  void upcomingEventsComeSoonestFirstWithThoseUnderWayFirst() throws Exception {
    NewsFilter upcoming =
        new NewsFilter(
            null,
            null,
            null,
            new NewsFilter.Period(NewsFilter.Period.Type.UPCOMING, TODAY, null),
            null);
    Predicate<NewsItem> notOver =
        item ->
            item.isEvent()
                && (!item.schedule().start().isBefore(TODAY)
                    || (item.schedule().end() != null && !item.schedule().end().isBefore(TODAY)));
    List<NewsItem> expected =
        WRITTEN.stream()
            .filter(notOver)
            .sorted(Comparator.comparing(item -> item.schedule().start().toInstant()))
            .toList();
    assertTrue(
        expected.stream().anyMatch(item -> item.schedule().start().isBefore(TODAY)),
        "some events are under way");
    assertPagesMatch(upcoming, expected);
  }

  @Test
  void pastEventsAndAMonthAreNewestFirst() throws Exception {
    NewsFilter past =
        new NewsFilter(
            null,
            null,
            null,
            new NewsFilter.Period(NewsFilter.Period.Type.PAST, TODAY, null),
            null);
    assertPagesMatch(
        past,
        item ->
            item.isEvent()
                && item.schedule().start().isBefore(TODAY)
                && (item.schedule().end() == null || item.schedule().end().isBefore(TODAY)),
        newestFirst());
    ZonedDateTime from = LocalDate.of(2026, 6, 1).atStartOfDay(PARIS);
    ZonedDateTime to = from.plusMonths(1);
    NewsFilter june =
        new NewsFilter(
            null, null, null, new NewsFilter.Period(NewsFilter.Period.Type.MONTH, from, to), null);
    assertPagesMatch(
        june,
        item ->
            item.isEvent()
                ? item.schedule().start().isBefore(to)
                    && (!item.schedule().start().isBefore(from)
                        || (item.schedule().end() != null && !item.schedule().end().isBefore(from)))
                : item.publicationDate() != null && in(item.publicationDate(), from, to),
        newestFirst());
  }

  @Test
  void aFirstPageReadsABoundedNumberOfNodes() throws Exception {
    NewsRepository.Listing first =
        new NewsRepository(session).read(NewsFilter.ALL, 0, 10, NOW.toInstant(), null);

    assertEquals(10, first.items().size());
    // 400 items match; the windows read a few dozen (the last three days hold ~40)
    assertTrue(first.matched() < 100, "matched " + first.matched());
  }

  @Test
  void withTheCountsAsHintAPageReadsOnlyItselfAndTheItemsBeforeIt() throws Exception {
    NewsRepository repository = new NewsRepository(session);
    NewsRepository.Tally counts = repository.tally(NewsFilter.ALL, Set.of(), Set.of());
    List<String> expected = WRITTEN.stream().sorted(newestFirst()).map(NewsItem::urlName).toList();

    NewsRepository.Listing first =
        repository.read(NewsFilter.ALL, 0, 10, NOW.toInstant(), counts.since(10));
    NewsRepository.Listing third =
        repository.read(NewsFilter.ALL, 20, 10, NOW.toInstant(), counts.since(30));

    assertEquals(expected.subList(0, 10), first.items().stream().map(NewsItem::urlName).toList());
    assertEquals(1, first.queries());
    assertEquals(10, first.matched());
    assertEquals(expected.subList(20, 30), third.items().stream().map(NewsItem::urlName).toList());
    assertEquals(30, third.matched());
    assertEquals(null, counts.since(NewsRepository.Tally.NEWEST_KEPT + 1), "beyond the kept dates");
  }

  @Test
  void aWrongHintCostsMoreWindowsNeverAWrongPage() throws Exception {
    NewsRepository repository = new NewsRepository(session);
    NewsRepository.Tally counts = repository.tally(NewsFilter.ALL, Set.of(), Set.of());
    List<String> expected = WRITTEN.stream().sorted(newestFirst()).map(NewsItem::urlName).toList();
    long far = NOW.plusYears(100).toInstant().toEpochMilli();
    for (Long hint : new Long[] {counts.since(3), far, Long.MIN_VALUE}) {
      NewsRepository.Listing page = repository.read(NewsFilter.ALL, 30, 10, NOW.toInstant(), hint);
      assertEquals(
          expected.subList(30, 40),
          page.items().stream().map(NewsItem::urlName).toList(),
          "hint " + hint);
    }
    // a small selection: every dated item is known, the page reaches the undated ones
    NewsFilter t3 = NewsFilter.ALL.withThematic("t3");
    NewsRepository.Tally few = repository.tally(t3, Set.of(), Set.of());
    assertEquals(few.dated(), few.newest().size());
    assertEquals(Long.MIN_VALUE, few.since(few.dated() + 1));
    assertEquals(
        few.total() - 10,
        repository.list(t3, 10, few.total(), few).size(),
        "the last page, undated items included");
  }

  @Test
  void offsetsAndLimitsAreChecked() {
    NewsRepository repository = new NewsRepository(session);
    for (long[] bad : new long[][] {{-1, 10}, {0, 0}, {0, -5}}) {
      try {
        repository.list(NewsFilter.ALL, bad[0], bad[1]);
        throw new AssertionError("accepted " + bad[0] + ", " + bad[1]);
      } catch (IllegalArgumentException expected) {
        // right
      } catch (javax.jcr.RepositoryException e) {
        throw new AssertionError(e);
      }
    }
  }

  private static boolean in(ZonedDateTime date, ZonedDateTime from, ZonedDateTime to) {
    return !date.isBefore(from) && date.isBefore(to);
  }

  private static Comparator<NewsItem> newestFirst() {
    return Comparator.comparing(
        (NewsItem item) ->
            item.publicationDate() == null ? null : item.publicationDate().toInstant(),
        Comparator.nullsLast(Comparator.<Instant>reverseOrder()));
  }

  private static void assertPagesMatch(
      NewsFilter filter, Predicate<NewsItem> selected, Comparator<NewsItem> order)
      throws Exception {
    assertPagesMatch(filter, WRITTEN.stream().filter(selected).sorted(order).toList());
  }

  /**
   * Every page (sizes 1, 7 and 50) is the slice of {@code expected}; items sharing a place in the
   * order (undated ones) are compared as sets.
   */
  private static void assertPagesMatch(NewsFilter filter, List<NewsItem> expected)
      throws Exception {
    assertTrue(expected.size() > 10, "enough items for " + filter + ": " + expected.size());
    NewsRepository repository = new NewsRepository(session);
    assertEquals(
        expected.size(),
        repository.tally(filter, Set.of(), Set.of()).total(),
        "count of " + filter);
    for (int limit : new int[] {1, 7, 50}) {
      List<String> all = new ArrayList<>();
      for (long offset = 0; offset <= expected.size(); offset += limit) {
        List<NewsItem> page = repository.list(filter, offset, limit, NOW.toInstant());
        assertEquals(
            Math.min(limit, expected.size() - offset), page.size(), filter + " at " + offset);
        page.forEach(item -> all.add(item.urlName()));
      }
      List<String> wanted = expected.stream().map(NewsItem::urlName).toList();
      int dated = (int) expected.stream().filter(item -> sortKey(filter, item) != null).count();
      assertEquals(wanted.subList(0, dated), all.subList(0, dated), filter + ", pages of " + limit);
      assertEquals(
          Set.copyOf(wanted.subList(dated, wanted.size())),
          Set.copyOf(all.subList(dated, all.size())),
          filter + ", undated, pages of " + limit);
    }
  }

  private static ZonedDateTime sortKey(NewsFilter filter, NewsItem item) {
    return filter.period() != null && filter.period().type() == NewsFilter.Period.Type.UPCOMING
        ? item.schedule().start()
        : item.publicationDate();
  }
}
