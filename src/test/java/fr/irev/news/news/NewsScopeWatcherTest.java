package fr.irev.news.news;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.jcr.JcrProperties;
import fr.irev.news.preview.PreviewOptions;
import fr.irev.news.preview.PreviewServer;
import fr.irev.news.preview.repository.PreviewRepository;
import fr.irev.news.taxonomy.TaxonomyNodes;
import fr.irev.news.testing.LogCapture;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Calendar;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link NewsScopeWatcher} on the preview server's real Jackrabbit: items written through plain
 * JCR, as Magnolia's content app does (no {@link NewsWriter}), get their term scopes within
 * seconds, and the list page's territory filter finds them over HTTP.
 */
class NewsScopeWatcherTest {

  private static final Duration DEADLINE = Duration.ofSeconds(10);
  private static final String LILLE = "/hauts-de-france/nord/metropole-europeenne-de-lille/lille";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static PreviewServer server;

  @BeforeAll
  static void start() throws Exception {
    server = PreviewServer.start(PreviewOptions.defaults().withPort(0).withInMemory());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void contentAppWritesGetTheirScopeOnceWithoutLoopingAndTheListFindsThem() throws Exception {
    NewsScopeWatcher watcher = server.scopeWatcher();
    long before = watcher.recomputations();
    Session territories = server.repository().login(TaxonomyNodes.TERRITORIES_WORKSPACE);
    Session news = server.repository().login(NewsNodes.WORKSPACE);
    try {
      Node lille = territories.getNode(LILLE);
      List<String> lilleScope =
          List.of(
              lille.getIdentifier(),
              lille.getParent().getIdentifier(),
              territories.getNode("/hauts-de-france/nord").getIdentifier(),
              territories.getNode("/hauts-de-france").getIdentifier());
      Node amiens = territories.getNode(path(territories, "amiens"));
      String somme = territories.getNode(path(territories, "somme")).getIdentifier();

      Node item = news.getRootNode().addNode("saisie-application", NewsNodes.NODE_TYPE);
      item.setProperty(NewsNodes.TITLE, "Saisie dans l’application de contenu");
      item.setProperty(NewsNodes.KIND, NewsKind.NEWS.code());
      Calendar yesterday = Calendar.getInstance();
      yesterday.add(Calendar.DAY_OF_MONTH, -1);
      item.setProperty(NewsNodes.PUBLICATION_DATE, yesterday);
      item.setProperty(NewsNodes.TERRITORIES, new String[] {lille.getIdentifier()});
      news.save();

      awaitTrue(() -> scope(news, item).containsAll(lilleScope));
      assertEquals(Set.copyOf(lilleScope), Set.copyOf(scope(news, item)));
      assertTrue(listed("territoire=nord"), "listed under its département");
      assertTrue(listed("territoire=hauts-de-france"));
      assertFalse(listed("territoire=somme"));

      item.setProperty(NewsNodes.TERRITORIES, new String[] {amiens.getIdentifier()});
      news.save();
      awaitTrue(() -> scope(news, item).contains(somme));
      assertFalse(scope(news, item).contains(lilleScope.get(2)), "Nord is gone");
      assertTrue(listed("territoire=somme"));
      assertFalse(listed("territoire=nord"));

      // events are delivered in order: once this sentinel is done, any event of the watcher's
      // own saves above would have been handled too
      Node sentinel = news.getRootNode().addNode("sentinelle", NewsNodes.NODE_TYPE);
      sentinel.setProperty(NewsNodes.TERRITORIES, new String[] {lille.getIdentifier()});
      news.save();
      awaitTrue(() -> scope(news, sentinel).containsAll(lilleScope));
      assertEquals(3, watcher.recomputations() - before, "one per save, none for its own saves");

      item.setProperty(NewsNodes.TITLE, "Titre corrigé");
      news.save(); // not a tag: no recomputation
      sentinel.setProperty(NewsNodes.TERRITORIES, new String[] {amiens.getIdentifier()});
      news.save();
      awaitTrue(() -> scope(news, sentinel).contains(somme));
      assertEquals(4, watcher.recomputations() - before);
    } finally {
      news.logout();
      territories.logout();
    }
  }

  @Test
  void aThematicMovedInItsTreeRecomputesTheItemsTaggedWithItOrItsChildren() throws Exception {
    Session thematics = server.repository().login(TaxonomyNodes.THEMATICS_WORKSPACE);
    Session news = server.repository().login(NewsNodes.WORKSPACE);
    try {
      Node exclusion = thematics.getNode("/cohesion-sociale/lutte-contre-l-exclusion");
      String cohesion = exclusion.getParent().getIdentifier();
      String sante = thematics.getNode("/sante").getIdentifier();
      Node item = news.getRootNode().addNode("deplacement-de-theme", NewsNodes.NODE_TYPE);
      item.setProperty(NewsNodes.THEMATICS, new String[] {exclusion.getIdentifier()});
      news.save();
      awaitTrue(() -> thematicScope(news, item).contains(cohesion));

      thematics.move(exclusion.getPath(), "/sante/lutte-contre-l-exclusion");
      thematics.save();

      awaitTrue(() -> thematicScope(news, item).contains(sante));
      assertEquals(Set.of(exclusion.getIdentifier(), sante), Set.copyOf(thematicScope(news, item)));
    } finally {
      thematics.move(
          "/sante/lutte-contre-l-exclusion", "/cohesion-sociale/lutte-contre-l-exclusion");
      thematics.save();
      news.logout();
      thematics.logout();
    }
  }

  private static List<String> thematicScope(Session news, Node item) throws RepositoryException {
    news.refresh(true);
    return JcrProperties.strings(item, NewsNodes.THEMATIC_SCOPE);
  }

  @Test
  void failuresAreLoggedWithThePathAndLaterEditsStillWork() throws Exception {
    PreviewRepository repository = server.repository();
    Session news = repository.login(NewsNodes.WORKSPACE);
    Session territories = repository.login(TaxonomyNodes.TERRITORIES_WORKSPACE);
    try (LogCapture log = new LogCapture()) {
      AtomicBoolean broken = new AtomicBoolean(true);
      NewsScopeWatcher watcher =
          new NewsScopeWatcher(
              workspace -> {
                if (broken.get() && workspace.equals(TaxonomyNodes.TERRITORIES_WORKSPACE)) {
                  throw new RepositoryException("taxonomie indisponible");
                }
                return repository.login(workspace);
              });
      watcher.start();
      String lille = territories.getNode(LILLE).getIdentifier();
      Node item = news.getRootNode().addNode("en-panne", NewsNodes.NODE_TYPE);
      try {
        item.setProperty(NewsNodes.TERRITORIES, new String[] {lille});
        news.save();
        awaitTrue(() -> log.text().contains("/en-panne"));
        String warning =
            log.lines().stream().filter(l -> l.contains("/en-panne")).findFirst().orElseThrow();
        assertTrue(warning.contains("WARN"), warning);
        assertTrue(warning.contains("taxonomie indisponible"), warning);

        broken.set(false);
        item.setProperty(NewsNodes.TERRITORIES, new String[] {lille, lille});
        news.save();
        awaitTrue(() -> watcher.recomputations() == 2);
        awaitTrue(() -> scope(news, item).size() == 4);
        assertEquals(
            1, log.lines().stream().filter(l -> l.contains("/en-panne")).count(), log.text());
      } finally {
        watcher.close();
      }
      long done = watcher.recomputations();
      String unknown = UUID.randomUUID().toString();
      item.setProperty(NewsNodes.TERRITORIES, new String[] {unknown});
      news.save();
      // the preview's own watcher still runs: once it has seen the change, ours would have too
      awaitTrue(() -> scope(news, item).equals(List.of(unknown)));
      assertEquals(done, watcher.recomputations(), "closed: no listener left");
      assertThrows(IllegalStateException.class, watcher::start);
      watcher.close(); // idempotent
    } finally {
      news.logout();
      territories.logout();
    }
  }

  private static String path(Session territories, String name) throws RepositoryException {
    return fr.irev.news.taxonomy.TermRepository.territories(territories)
        .findByName(name)
        .orElseThrow()
        .path();
  }

  private static List<String> scope(Session news, Node item) throws RepositoryException {
    news.refresh(true);
    return JcrProperties.strings(item, NewsNodes.TERRITORY_SCOPE);
  }

  private static boolean listed(String query) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(server.baseUri().resolve("/actualites?" + query)).GET().build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, response.statusCode(), query);
    return Jsoup.parse(response.body())
        .select("ul.irev-list > li article h2 a")
        .eachAttr("href")
        .stream()
        .anyMatch(href -> href.endsWith("/saisie-application"));
  }

  /** Polls until true, failing after {@link #DEADLINE}. */
  private static void awaitTrue(Callable<Boolean> condition) throws Exception {
    Instant deadline = Instant.now().plus(DEADLINE);
    while (!condition.call()) {
      assertTrue(Instant.now().isBefore(deadline), "not true within " + DEADLINE);
      Thread.sleep(20);
    }
  }
}
