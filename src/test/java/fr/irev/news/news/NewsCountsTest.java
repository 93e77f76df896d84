package fr.irev.news.news;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.taxonomy.TaxonomyNodes;
import fr.irev.news.testing.TestSite;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link NewsCounts} and {@link NewsRepository#tally} on a real Jackrabbit repository. */
class NewsCountsTest {

  private static final ZonedDateTime PUBLISHED =
      ZonedDateTime.of(2026, 11, 2, 10, 0, 0, 0, ZoneId.of("Europe/Paris"));

  private TestSite site;
  private Session session;

  @BeforeEach
  void open() throws Exception {
    site = TestSite.empty();
    session = site.session(NewsNodes.WORKSPACE);
    save("a", NewsKind.NEWS, List.of("t1"), List.of("nord", "lille"));
    save("b", NewsKind.EVENT, List.of("t1", "t2"), List.of("nord", "roubaix"));
    save("c", NewsKind.EVENT, List.of("t2"), List.of("somme"));
  }

  @AfterEach
  void close() throws Exception {
    site.close();
  }

  private void save(String name, NewsKind kind, List<String> thematics, List<String> territories)
      throws RepositoryException {
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
            kind == NewsKind.EVENT ? new EventSchedule(PUBLISHED.plusDays(3), null, false) : null,
            null,
            null,
            PUBLISHED,
            null,
            thematics,
            territories,
            List.of(),
            null));
  }

  @Test
  void aTallyCountsKindsAndOnlyTheRequestedTerms() throws Exception {
    NewsRepository.Tally nord =
        new NewsRepository(session)
            .tally(
                NewsFilter.ALL.withTerritory("nord"),
                Set.of("t1", "t2", "absent"),
                Set.of("lille", "roubaix", "somme"));

    assertEquals(2, nord.total());
    assertEquals(Map.of(NewsKind.NEWS, 1L, NewsKind.EVENT, 1L), nord.byKind());
    assertEquals(Map.of("t1", 2L, "t2", 1L), nord.byThematic());
    assertEquals(0, nord.thematic("absent"));
    assertEquals(Map.of("lille", 1L, "roubaix", 1L), nord.byTerritory());
    assertEquals(0, nord.territory("somme"));
  }

  @Test
  void countsAreKeptAndRecomputedInTheBackgroundWhenTheContentChanges() throws Exception {
    try (NewsCounts counts = new NewsCounts(site.repository()::login, 10)) {
      NewsFilter t2 = NewsFilter.ALL.withThematic("t2");
      NewsRepository.Tally notStarted = counts.tally(session, t2, Set.of(), Set.of("nord"));
      assertNotSame(notStarted, counts.tally(session, t2, Set.of(), Set.of("nord")));
      counts.start();

      NewsRepository.Tally first = counts.tally(session, t2, Set.of(), Set.of("nord"));
      assertSame(first, counts.tally(session, t2, Set.of(), Set.of("nord")));
      assertNotSame(first, counts.tally(session, t2, Set.of(), Set.of("somme")));
      assertEquals(2, first.total());
      assertEquals(1, first.territory("nord"));

      long revision = counts.revision();
      long refreshes = counts.refreshes();
      save("d", NewsKind.NEWS, List.of("t2"), List.of("nord"));
      awaitRevisionAfter(counts, revision);

      // served at once from memory, recomputed behind
      assertSame(first, counts.tally(session, t2, Set.of(), Set.of("nord")));
      awaitRefreshesAfter(counts, refreshes);
      NewsRepository.Tally after = counts.tally(session, t2, Set.of(), Set.of("nord"));
      assertEquals(3, after.total());
      assertEquals(2, after.territory("nord"));
      assertSame(after, counts.tally(session, t2, Set.of(), Set.of("nord")));
      assertEquals(refreshes + 1, counts.refreshes(), "one recomputation for many requests");

      revision = counts.revision();
      refreshes = counts.refreshes();
      site.session(TaxonomyNodes.TERRITORIES_WORKSPACE)
          .getRootNode()
          .addNode("nouveau", TaxonomyNodes.TERRITORY_TYPE);
      site.session(TaxonomyNodes.TERRITORIES_WORKSPACE).save();
      awaitRevisionAfter(counts, revision);
      assertSame(after, counts.tally(session, t2, Set.of(), Set.of("nord")));
      awaitRefreshesAfter(counts, refreshes);
      assertNotSame(after, counts.tally(session, t2, Set.of(), Set.of("nord")));

      counts.close();
      NewsRepository.Tally closed = counts.tally(session, t2, Set.of(), Set.of("nord"));
      assertNotSame(closed, counts.tally(session, t2, Set.of(), Set.of("nord")));
      assertEquals(3, closed.total());
    }
  }

  @Test
  void anEventWithoutStartDateIsInNoPeriod() throws Exception {
    javax.jcr.Node undated = session.getRootNode().addNode("sans-debut", NewsNodes.NODE_TYPE);
    undated.setProperty(NewsNodes.KIND, NewsKind.EVENT.code());
    undated.setProperty(NewsNodes.PUBLICATION_DATE, java.util.GregorianCalendar.from(PUBLISHED));
    undated.setProperty(
        NewsNodes.END_DATE, java.util.GregorianCalendar.from(PUBLISHED.plusYears(30)));
    session.save();
    NewsRepository repository = new NewsRepository(session);
    ZonedDateTime today = PUBLISHED.toLocalDate().atStartOfDay(PUBLISHED.getZone());
    for (NewsFilter.Period period :
        List.of(
            new NewsFilter.Period(NewsFilter.Period.Type.UPCOMING, today, null),
            new NewsFilter.Period(NewsFilter.Period.Type.PAST, today.plusYears(40), null),
            new NewsFilter.Period(
                NewsFilter.Period.Type.MONTH,
                today.plusYears(1),
                today.plusYears(1).plusMonths(1)))) {
      NewsFilter filter = new NewsFilter(null, null, null, period, null);
      List<String> listed = repository.list(filter, 0, 10).stream().map(NewsItem::urlName).toList();
      assertTrue(!listed.contains("sans-debut"), period + " " + listed);
      assertEquals(
          listed.size(),
          repository.tally(filter, Set.of(), Set.of()).total(),
          "count and list agree: " + period);
    }
  }

  @Test
  void termIdentifiersAreLookedUpOncePerNameUntilATaxonomyChanges() throws Exception {
    String territories = TaxonomyNodes.TERRITORIES_WORKSPACE;
    List<String> lookups = new java.util.ArrayList<>();
    try (NewsCounts counts = new NewsCounts(site.repository()::login, 10)) {
      NewsCounts.TermLookup nord =
          () -> {
            lookups.add("nord");
            return java.util.Optional.of("id-" + lookups.size());
          };
      assertEquals("id-1", counts.termIdentifier(territories, "nord", nord).orElseThrow());
      assertEquals("id-2", counts.termIdentifier(territories, "nord", nord).orElseThrow());
      counts.start();

      assertEquals("id-3", counts.termIdentifier(territories, "nord", nord).orElseThrow());
      assertEquals("id-3", counts.termIdentifier(territories, "nord", nord).orElseThrow());
      assertEquals(
          java.util.Optional.empty(),
          counts.termIdentifier(territories, "inconnu", java.util.Optional::empty));
      assertEquals(3, lookups.size(), "kept while nothing changes");

      long revision = counts.revision();
      Session taxonomy = site.session(territories);
      taxonomy.getRootNode().addNode("nouveau", TaxonomyNodes.TERRITORY_TYPE);
      taxonomy.save();
      awaitRevisionAfter(counts, revision);

      assertEquals("id-4", counts.termIdentifier(territories, "nord", nord).orElseThrow());
      assertEquals("id-4", counts.termIdentifier(territories, "nord", nord).orElseThrow());
      assertEquals(
          "id-5",
          counts.termIdentifier("another-workspace", "nord", nord).orElseThrow(),
          "not watched");
      counts.close();
      assertEquals("id-6", counts.termIdentifier(territories, "nord", nord).orElseThrow());
    }
  }

  @Test
  void aCountCacheStartsOnce() throws Exception {
    try (NewsCounts counts = new NewsCounts(site.repository()::login, 10)) {
      counts.start();
      assertThrows(IllegalStateException.class, counts::start);
    }
    assertThrows(
        IllegalArgumentException.class, () -> new NewsCounts(site.repository()::login, -1));
  }

  private static void awaitRefreshesAfter(NewsCounts counts, long refreshes)
      throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (counts.refreshes() == refreshes && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertTrue(counts.refreshes() > refreshes, "recomputed in the background");
  }

  private static void awaitRevisionAfter(NewsCounts counts, long revision)
      throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (counts.revision() == revision && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertTrue(counts.revision() > revision, "the change was observed");
  }
}
