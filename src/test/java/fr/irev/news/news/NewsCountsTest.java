package fr.irev.news.news;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.attachment.DamNodes;
import fr.irev.news.taxonomy.TaxonomyNodes;
import fr.irev.news.testing.TestSite;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
  void readsAreKeptUntilTheirOwnWorkspaceChangesAndNeverServedStaleAfterASave() throws Exception {
    String territories = TaxonomyNodes.TERRITORIES_WORKSPACE;
    List<String> reads = new ArrayList<>();
    NewsCounts.Read<Optional<String>> nord =
        () -> {
          reads.add("nord");
          return Optional.of("read " + reads.size());
        };
    record Key(String name) {}
    try (NewsCounts counts = new NewsCounts(site.repository()::login, 10)) {
      assertEquals("read 1", counts.kept(territories, new Key("nord"), nord).orElseThrow());
      assertEquals("read 2", counts.kept(territories, new Key("nord"), nord).orElseThrow());
      counts.start();

      assertEquals("read 3", counts.kept(territories, new Key("nord"), nord).orElseThrow());
      assertEquals("read 3", counts.kept(territories, new Key("nord"), nord).orElseThrow());
      assertEquals(Optional.empty(), counts.kept(territories, new Key("inconnu"), Optional::empty));
      assertEquals(3, reads.size(), "kept while nothing changes");

      // another workspace changes: the territory read stays
      save("d", NewsKind.NEWS, List.of("t2"), List.of("nord"));
      assertEquals("read 3", counts.kept(territories, new Key("nord"), nord).orElseThrow());

      // its own workspace changes: read again by the very next call, no waiting (the listener
      // is synchronous on Jackrabbit)
      Session taxonomy = site.session(territories);
      taxonomy.getRootNode().addNode("nouveau", TaxonomyNodes.TERRITORY_TYPE);
      taxonomy.save();
      assertEquals("read 4", counts.kept(territories, new Key("nord"), nord).orElseThrow());
      assertEquals("read 4", counts.kept(territories, new Key("nord"), nord).orElseThrow());

      assertEquals(
          "read 5",
          counts.kept("another-workspace", new Key("nord"), nord).orElseThrow(),
          "not watched: read every time");
      assertThrows(
          NullPointerException.class, () -> counts.kept(territories, new Key("null"), () -> null));
      counts.close();
      assertEquals("read 6", counts.kept(territories, new Key("nord"), nord).orElseThrow());
    }
  }

  @Test
  void aDamChangeMovesTheDamReadsButNotTheCounts() throws Exception {
    Session dam = site.session(DamNodes.WORKSPACE);
    List<String> reads = new ArrayList<>();
    record Asset(String link) {}
    try (NewsCounts counts = new NewsCounts(site.repository()::login, 10)) {
      counts.start();
      NewsCounts.Read<String> read =
          () -> {
            reads.add("jcr:1");
            return "asset read " + reads.size();
          };
      assertEquals("asset read 1", counts.kept(DamNodes.WORKSPACE, new Asset("jcr:1"), read));
      assertEquals("asset read 1", counts.kept(DamNodes.WORKSPACE, new Asset("jcr:1"), read));
      long revision = counts.revision();

      dam.getRootNode().addNode("fichier", "nt:unstructured");
      dam.save();

      assertEquals("asset read 2", counts.kept(DamNodes.WORKSPACE, new Asset("jcr:1"), read));
      assertEquals(2, reads.size());
      assertEquals(revision, counts.revision(), "the counts do not depend on the DAM");
    }
  }

  @Test
  void aDamThatCannotBeOpenedLeavesTheOtherReadsKept() throws Exception {
    NewsScopeWatcher.SessionOpener noDam =
        workspace -> {
          if (workspace.equals(DamNodes.WORKSPACE)) {
            throw new RepositoryException("access denied to " + workspace);
          }
          return site.repository().login(workspace);
        };
    record Key(String name) {}
    List<String> reads = new ArrayList<>();
    NewsCounts.Read<String> read =
        () -> {
          reads.add("read");
          return "read " + reads.size();
        };
    try (NewsCounts counts = new NewsCounts(noDam, 10)) {
      counts.start();
      assertEquals("read 1", counts.kept(NewsNodes.WORKSPACE, new Key("a"), read));
      assertEquals("read 1", counts.kept(NewsNodes.WORKSPACE, new Key("a"), read));
      assertEquals("read 2", counts.kept(DamNodes.WORKSPACE, new Key("a"), read));
      assertEquals("read 3", counts.kept(DamNodes.WORKSPACE, new Key("a"), read), "not kept");
    }
  }

  @Test
  void keptReadsStayWithinTheirMemoryBudget() throws Exception {
    String news = NewsNodes.WORKSPACE;
    record Body(int number) {}
    List<Integer> reads = new ArrayList<>();
    // 100 000 bytes: room for one body of 30 000 characters (60 040 bytes), not two
    try (NewsCounts counts = new NewsCounts(site.repository()::login, 10, 100_000)) {
      counts.start();
      NewsCounts.Read<String> first =
          () -> {
            reads.add(1);
            return "é".repeat(30_000);
          };
      NewsCounts.Read<String> second =
          () -> {
            reads.add(2);
            return "è".repeat(30_000);
          };
      counts.kept(news, new Body(1), first);
      counts.kept(news, new Body(1), first);
      assertEquals(List.of(1), reads, "kept while it fits");
      counts.kept(news, new Body(2), second);
      counts.kept(news, new Body(1), first);
      counts.kept(news, new Body(2), second);
      assertTrue(reads.size() >= 3, "the two are never kept together: " + reads);
    }
    assertThrows(
        IllegalArgumentException.class, () -> new NewsCounts(site.repository()::login, 1, -1));
  }

  @Test
  void theWeightOfAKeptValueCountsItsCharactersAndItsParts() {
    assertEquals(0, NewsCounts.weight(null, 0));
    assertEquals(40 + 2 * 5, NewsCounts.weight("Lille", 0));
    assertEquals(16 + 40 + 2 * 5, NewsCounts.weight(Optional.of("Lille"), 0));
    assertEquals(40 + 8 * 2 + 2 * (40 + 2), NewsCounts.weight(List.of("a", "b"), 0));
    record Term(String name, int level) {}
    assertEquals(16 + 8 + 40 + 2 * 4 + 8 + 24, NewsCounts.weight(new Term("nord", 2), 0));
    assertEquals(24, NewsCounts.weight(PUBLISHED, 0));
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
