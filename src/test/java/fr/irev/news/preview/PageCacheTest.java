package fr.irev.news.preview;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.news.NewsCounts;
import fr.irev.news.news.NewsNodes;
import fr.irev.news.preview.web.PageCache;
import fr.irev.news.registration.RegistrationNodes;
import fr.irev.news.testing.SeedFacts;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.jcr.Session;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The page cache ({@code --page-cache}) of the real site over real HTTP: one server with it, one
 * without (the reference renders), both in memory with the sample content and the same public URL,
 * so that a page's bytes are the same on both.
 */
class PageCacheTest {

  private static final String DETAIL = "/actualites/" + SeedFacts.SEED;
  private static final String OTHER_DETAIL = "/actualites/" + SeedFacts.NEXT_SESSION;
  private static final String COPY = "page-cache-copie";

  private static PreviewServer cached;
  private static PreviewServer plain;
  private static PageCache cache;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  static void start() throws Exception {
    PreviewOptions options =
        PreviewOptions.defaults().withPort(0).withInMemory().withPublicUrl("http://localhost:8080");
    cached = PreviewServer.start(options.withPageCache(true));
    plain = PreviewServer.start(options);
    cache = cached.pageCache().orElseThrow();
  }

  @AfterAll
  static void stop() {
    if (cached != null) {
      cached.close();
    }
    if (plain != null) {
      plain.close();
    }
  }

  @BeforeEach
  void empty() {
    cache.flush();
  }

  @Test
  void optionIsOffByDefault() {
    assertFalse(PreviewOptions.defaults().pageCache());
    assertTrue(PreviewOptions.defaults().withPageCache(true).pageCache());
    assertTrue(plain.pageCache().isEmpty());
  }

  @Test
  void secondGetOfTheSeedPageIsServedFromMemoryWithTheSameAnswer() throws Exception {
    withoutOtherFlushes(
        () -> {
          long hits = cache.hits();
          long misses = cache.misses();

          HttpResponse<byte[]> first = get(cached, DETAIL);
          HttpResponse<byte[]> second = get(cached, DETAIL);

          assertEquals(200, first.statusCode());
          assertEquals(200, second.statusCode());
          assertArrayEquals(first.body(), second.body());
          assertArrayEquals(get(plain, DETAIL).body(), second.body());
          for (String name : List.of("Content-Type", "Cache-Control", "Content-Length")) {
            assertEquals(header(first, name), header(second, name), name);
          }
          assertEquals("text/html;charset=UTF-8", header(second, "Content-Type"));
          assertEquals("public, max-age=60", header(second, "Cache-Control"));
          assertEquals(Integer.toString(first.body().length), header(second, "Content-Length"));
          assertEquals("nosniff", header(second, "X-Content-Type-Options"));
          assertEquals(misses + 1, cache.misses());
          assertEquals(hits + 1, cache.hits());
          assertEquals(1, cache.size());
        });
  }

  @Test
  void aTitleSavedInTheNewsWorkspaceShowsOnTheVeryNextGet() throws Exception {
    withoutOtherFlushes(
        () -> {
          String title = title();
          String heading = h1(get(cached, DETAIL));
          assertEquals(1, cache.size());
          long generation = cache.generation();
          try {
            long afterSave = setTitle(title + " cache-modifie");
            assertTrue(afterSave > generation, "emptied before save() returned");
            assertEquals(0, cache.size());
            assertEquals(heading + " cache-modifie", h1(get(cached, DETAIL)));
            assertEquals(heading + " cache-modifie", h1(get(cached, DETAIL)));
          } finally {
            setTitle(title);
          }
          assertEquals(heading, h1(get(cached, DETAIL)));
        });
  }

  @Test
  void twoDetailPagesNeverGetEachOthersBody() throws Exception {
    withoutOtherFlushes(
        () -> {
          long hits = cache.hits();
          for (int round = 0; round < 2; round++) {
            HttpResponse<byte[]> seed = get(cached, DETAIL);
            HttpResponse<byte[]> next = get(cached, OTHER_DETAIL);
            assertArrayEquals(get(plain, DETAIL).body(), seed.body());
            assertArrayEquals(get(plain, OTHER_DETAIL).body(), next.body());
            assertEquals(SeedFacts.NEXT_SESSION_TITLE, h1(next));
            assertNotEquals(h1(seed), h1(next));
          }
          assertEquals(hits + 2, cache.hits());
          assertEquals(2, cache.size());
        });
  }

  @Test
  void differentQueryStringsNeverGetEachOthersBody() throws Exception {
    withoutOtherFlushes(
        () -> {
          List<String> lists =
              List.of(
                  "/actualites",
                  "/actualites?thematique=lutte-contre-les-discriminations",
                  "/actualites?thematique=lutte-contre-les-discriminations&territoire=hauts-de-france",
                  "/actualites?page=2",
                  "/thematiques/lutte-contre-les-discriminations");
          long hits = cache.hits();
          List<byte[]> bodies = new ArrayList<>();
          for (String list : lists) {
            bodies.add(get(plain, list).body());
          }
          for (int round = 0; round < 2; round++) {
            for (int i = 0; i < lists.size(); i++) {
              HttpResponse<byte[]> response = get(cached, lists.get(i));
              assertEquals(200, response.statusCode(), lists.get(i));
              assertArrayEquals(bodies.get(i), response.body(), lists.get(i));
            }
          }
          assertFalse(Arrays.equals(bodies.get(0), bodies.get(1)));
          assertEquals(hits + lists.size(), cache.hits());
          assertEquals(lists.size(), cache.size());
        });
  }

  @Test
  void errorPagesRedirectsAndOtherServletsAreNeverKept() throws Exception {
    withoutOtherFlushes(
        () -> {
          long hits = cache.hits();
          long misses = cache.misses();
          for (int round = 0; round < 2; round++) {
            assertEquals(404, get(cached, "/actualites/aucune-actualite-de-ce-nom").statusCode());
            assertEquals(404, get(cached, "/aucune-page").statusCode());
            assertEquals(301, get(cached, "/actualites/").statusCode());
            assertEquals(302, get(cached, "/").statusCode());
            assertEquals(
                200,
                get(cached, "/.resources/irev-news/webresources/css/irev-news.css").statusCode());
            get(cached, "/.irev-news/flux/actualites");
            get(cached, "/dam/aucun-fichier");
          }
          assertEquals(hits, cache.hits());
          assertEquals(misses + 4, cache.misses()); // the two 404 pages, twice each
          assertEquals(0, cache.size());
        });
  }

  @Test
  void headIsAnsweredFromTheCacheToo() throws Exception {
    withoutOtherFlushes(
        () -> {
          long hits = cache.hits();
          long misses = cache.misses();

          HttpResponse<byte[]> head = head(DETAIL);
          HttpResponse<byte[]> get = get(cached, DETAIL);
          HttpResponse<byte[]> headAgain = head(DETAIL);

          assertEquals(200, head.statusCode());
          assertEquals(0, head.body().length);
          assertEquals(Integer.toString(get.body().length), header(head, "Content-Length"));
          assertEquals(header(head, "Content-Length"), header(headAgain, "Content-Length"));
          assertEquals("public, max-age=60", header(headAgain, "Cache-Control"));
          assertEquals(0, headAgain.body().length);
          assertEquals(misses + 1, cache.misses());
          assertEquals(hits + 2, cache.hits());
        });
  }

  @Test
  void noStalePageIsKeptWhileTheTitleKeepsChanging() throws Exception {
    String title = title();
    String heading = h1(get(cached, DETAIL));
    AtomicBoolean reading = new AtomicBoolean(true);
    ExecutorService readers = Executors.newFixedThreadPool(4);
    List<Future<Integer>> results = new ArrayList<>();
    String last = "";
    try {
      for (int i = 0; i < 4; i++) {
        results.add(
            readers.submit(
                () -> {
                  int answers = 0;
                  while (reading.get()) {
                    assertEquals(200, get(cached, DETAIL).statusCode());
                    answers++;
                  }
                  return answers;
                }));
      }
      for (int change = 1; change <= 40; change++) {
        last = " cache-v" + change;
        setTitle(title + last);
        assertEquals(heading + last, h1(get(cached, DETAIL)), "right after change " + change);
      }
      assertEquals(heading + last, h1(get(cached, DETAIL)));
    } finally {
      reading.set(false);
      readers.shutdown();
      assertTrue(readers.awaitTermination(30, TimeUnit.SECONDS));
      setTitle(title);
    }
    for (Future<Integer> result : results) {
      assertTrue(result.get() > 0);
    }
    assertEquals(heading, h1(get(cached, DETAIL)));
  }

  @Test
  void aSaveInTheRegistrationsWorkspaceKeepsThePagesASaveInTheNewsWorkspaceEmptiesThem()
      throws Exception {
    withoutOtherFlushes(
        () -> {
          byte[] page = get(cached, DETAIL).body();
          long generation = cache.generation();
          Session registrations = cached.repository().login(RegistrationNodes.WORKSPACE);
          try {
            registrations.getRootNode().addNode("page-cache-test", "nt:unstructured");
            registrations.save();
            assertEquals(generation, cache.generation(), "not emptied by the save");
            registrations.getNode("/page-cache-test").remove();
            registrations.save();
          } finally {
            registrations.logout();
          }
          long hits = cache.hits();
          assertArrayEquals(page, get(cached, DETAIL).body());
          assertEquals(hits + 1, cache.hits());
          assertEquals(1, cache.size());
          assertEquals(generation, cache.generation());
        });
    String title = title();
    try {
      assertEquals(1, cache.size());
      setTitle(title + " cache-autre");
      assertEquals(0, cache.size());
    } finally {
      setTitle(title);
    }
  }

  @Test
  void aListKeptWhileItsCountsWereStaleIsEmptiedWhenTheyAreRecomputed() throws Exception {
    String list = "/actualites?type=evenement"; // a filter no other test of this class counts
    NewsCounts counts = cached.newsCounts();
    HttpResponse<byte[]> before = get(cached, list);
    assertEquals(listed(before), eventCount(before), "fresh counts");
    Session news = cached.repository().login(NewsNodes.WORKSPACE);
    try {
      long revision = counts.revision();
      long flushes = cache.flushesAfterSave();
      news.getWorkspace().copy("/" + SeedFacts.SEED, "/" + COPY); // a new item, the seed's tags
      await(
          () -> counts.revision() > revision && cache.flushesAfterSave() > flushes,
          "the copy seen by the counts and the cache");
      // served with the old counts (stale while revalidating) and kept; then recounted
      awaitRecount(list);
      HttpResponse<byte[]> after = get(cached, list);
      long hits = cache.hits();
      HttpResponse<byte[]> again = get(cached, list);
      assertEquals(hits + 1, cache.hits(), "kept");
      assertEquals(listed(before) + 1, listed(again));
      assertEquals(listed(again), eventCount(again), "recomputed counts: " + eventCount(after));
    } finally {
      news.getNode("/" + COPY).remove();
      save(news);
      news.logout();
      awaitRecount(list);
    }
    HttpResponse<byte[]> restored = get(cached, list);
    assertEquals(listed(before), eventCount(restored));
  }

  /** Gets a list until a background recount of its counts has ended. */
  private static void awaitRecount(String list) throws Exception {
    NewsCounts counts = cached.newsCounts();
    long refreshes = counts.refreshes();
    get(cached, list);
    await(
        () -> counts.refreshes() > refreshes && counts.pendingRefreshes() == 0,
        "the recount of " + list);
  }

  @Test
  void aPageServedFromMemoryTellsItsAge() throws Exception {
    withoutOtherFlushes(
        () -> {
          long start = System.nanoTime();
          HttpResponse<byte[]> first = get(cached, DETAIL);
          Thread.sleep(1_100);
          HttpResponse<byte[]> second = get(cached, DETAIL);
          long elapsed = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
          assertEquals(null, header(first, "Age"), "a render has no age");
          long age = Long.parseLong(header(second, "Age"));
          assertTrue(age >= 1 && age <= elapsed, age + " s, " + elapsed + " s elapsed");
          assertEquals("public, max-age=60", header(second, "Cache-Control"));
        });
  }

  @Test
  void aPageWeighsItsBodyItsKeyInUtf16AndAnOverhead() {
    PageCache.Page page = new PageCache.Page(new byte[1_000], "text/html", "public", 0);
    int weight = PageCache.weight("/a?", page);
    assertEquals(1_000 + 3 * 2 + PageCache.ENTRY_OVERHEAD_BYTES, weight);
    try (PageCache small = new PageCache(2L * weight - 1, Duration.ofMinutes(1))) {
      assertTrue(small.put("/a?", page, small.generation()));
      assertTrue(small.put("/b?", page, small.generation()));
      assertEquals(1, small.size(), "two pages weigh more than the bound");
    }
    try (PageCache room = new PageCache(2L * weight, Duration.ofMinutes(1))) {
      room.put("/a?", page, room.generation());
      room.put("/b?", page, room.generation());
      assertEquals(2, room.size());
    }
  }

  private static int listed(HttpResponse<byte[]> list) {
    return parse(list).select(".irev-list__item").size();
  }

  /** The count of the selected type facet ({@code type=evenement}). */
  private static int eventCount(HttpResponse<byte[]> list) {
    org.jsoup.nodes.Element count =
        parse(list).selectFirst(".irev-facets__list li:has(a[aria-current]) .irev-facets__count");
    assertTrue(count != null, "a count for the selected type");
    return Integer.parseInt(count.text().replaceAll("[()]", ""));
  }

  private static org.jsoup.nodes.Document parse(HttpResponse<byte[]> response) {
    return Jsoup.parse(new String(response.body(), StandardCharsets.UTF_8));
  }

  private static HttpResponse<byte[]> get(PreviewServer server, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(server.baseUri().resolve(path.substring(1))).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static HttpResponse<byte[]> head(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(cached.baseUri().resolve(path.substring(1)))
            .method("HEAD", HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  private static String h1(HttpResponse<byte[]> response) {
    return Jsoup.parse(new String(response.body(), StandardCharsets.UTF_8))
        .selectFirst("h1")
        .wholeText()
        .replaceAll("[ \\t\\r\\n]+", " ")
        .trim();
  }

  private static String title() throws Exception {
    Session news = cached.repository().login(NewsNodes.WORKSPACE);
    try {
      return news.getNode("/" + SeedFacts.SEED).getProperty(NewsNodes.TITLE).getString();
    } finally {
      news.logout();
    }
  }

  /**
   * Saves the seed's title on the cached server, see {@link #save}.
   *
   * @return the cache's generation right after {@code save()} returned
   */
  private static long setTitle(String title) throws Exception {
    Session news = cached.repository().login(NewsNodes.WORKSPACE);
    try {
      news.getNode("/" + SeedFacts.SEED).setProperty(NewsNodes.TITLE, title);
      return save(news);
    } finally {
      news.logout();
    }
  }

  /**
   * Saves a session of a watched workspace, then waits for the asynchronous listener's flush of a
   * save done since (the save's own, unless a background write came just before: {@link
   * #withoutOtherFlushes} covers that), so that the next counts start from a quiet cache.
   *
   * @return the cache's generation right after {@code save()} returned
   */
  private static long save(Session session) throws Exception {
    long flushes = cache.flushesAfterSave();
    session.save();
    long afterSave = cache.generation();
    await(() -> cache.flushesAfterSave() > flushes, "the save's asynchronous flush");
    return afterSave;
  }

  /** A check that may throw. */
  @FunctionalInterface
  private interface Scenario {
    void run() throws Exception;
  }

  /** A condition that may throw. */
  @FunctionalInterface
  private interface Condition {
    boolean holds() throws Exception;
  }

  private static void await(Condition condition, String what) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.holds()) {
      assertTrue(System.nanoTime() < deadline, "within 10 s: " + what);
      Thread.sleep(5);
    }
  }

  /**
   * Runs a scenario asserting exact counts on an emptied cache; again (3 runs at most) when it
   * failed while something else emptied the cache meanwhile (a background write or recount): the
   * counts were then not the scenario's own. A failure on an undisturbed cache is reported at once.
   */
  private static void withoutOtherFlushes(Scenario scenario) throws Exception {
    for (int run = 1; ; run++) {
      cache.flush();
      long generation = cache.generation();
      try {
        scenario.run();
        return;
      } catch (AssertionError e) {
        if (cache.generation() == generation || run == 3) {
          throw e;
        }
      }
    }
  }
}
