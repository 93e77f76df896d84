package fr.irev.news.browser;

import fr.irev.news.format.FrenchDates;
import fr.irev.news.news.NewsItem;
import fr.irev.news.news.NewsKind;
import fr.irev.news.news.NewsNodes;
import fr.irev.news.news.NewsWriter;
import fr.irev.news.registration.RegistrationSettingsMapper.RegistrationFields;
import fr.irev.news.site.registration.RegistrationSite;
import fr.irev.news.taxonomy.TaxonomyNodes;
import fr.irev.news.taxonomy.TermRepository;
import fr.irev.news.taxonomy.TermScopes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javax.jcr.Session;

/**
 * What the browser journeys add to the shared site besides the sample content, and what they read
 * from its repository: a news item of Lille tagged "Lutte contre les discriminations" (so that
 * filtering the thematic's list by the département "Nord" keeps one item, and drops the sample
 * events tagged with the whole région), and events with the built-in form. {@link #close()} removes
 * the items added, so that the other browser test classes sharing the site see the sample content
 * (registrations stay in their workspace).
 */
final class JourneyContent implements AutoCloseable {

  /** URL name of the news item of Lille. */
  static final String LILLE = "lille-forum-des-acteurs-contre-les-discriminations";

  /** Its title, with its French no-break space. */
  static final String LILLE_TITLE = "Lille\u00a0: forum des acteurs contre les discriminations";

  private final BrowserSite site;
  private final Deque<String> identifiers = new ArrayDeque<>();

  /**
   * @param site the shared site to add to
   */
  JourneyContent(BrowserSite site) {
    this.site = site;
  }

  /**
   * Adds the news item of Lille (published 1 October 2026, between the two sample events), then
   * waits until the list's counts show it under "Nord" (counts are recomputed in the background).
   *
   * @throws AssertionError when the counts do not show it within 15 s
   */
  void addLilleNews() throws Exception {
    var repository = site.server().repository();
    Session news = repository.login(NewsNodes.WORKSPACE);
    Session thematics = repository.login(TaxonomyNodes.THEMATICS_WORKSPACE);
    Session territories = repository.login(TaxonomyNodes.TERRITORIES_WORKSPACE);
    try {
      String thematic =
          TermRepository.thematics(thematics)
              .findByName("lutte-contre-les-discriminations")
              .orElseThrow()
              .identifier();
      String lille =
          territories
              .getNode("/hauts-de-france/nord/metropole-europeenne-de-lille/lille")
              .getIdentifier();
      ZonedDateTime published = ZonedDateTime.of(2026, 10, 1, 10, 0, 0, 0, FrenchDates.PARIS);
      identifiers.push(
          NewsWriter.save(
                  news,
                  "/",
                  new NewsItem(
                      null,
                      LILLE,
                      LILLE_TITLE,
                      "Les acteurs lillois de la politique de la ville partagent leurs actions.",
                      "<p>Compte rendu du forum.</p>",
                      NewsKind.NEWS,
                      null,
                      null,
                      null,
                      published,
                      null,
                      List.of(thematic),
                      List.of(lille),
                      List.of(),
                      null),
                  new TermScopes(thematics, territories))
              .getIdentifier());
    } finally {
      news.logout();
      thematics.logout();
      territories.logout();
    }
    awaitPage(
        "/actualites?thematique=discrimination",
        ">Nord</a> <span class=\"irev-facets__count\">(1)");
  }

  /**
   * Adds an open event with the built-in form, 09:00–17:00 on 12 June 2031, titled "Journée d’étude
   * « Quartiers & discriminations » – session {@code urlName}" ({@link RegistrationSite}).
   *
   * @return its identifier
   */
  String addEvent(
      String urlName, int capacity, int waitingList, int maxSeats, RegistrationFields fields)
      throws Exception {
    String id =
        RegistrationSite.addEvent(site.server(), urlName, capacity, waitingList, maxSeats, fields);
    identifiers.push(id);
    return id;
  }

  private void awaitPage(String path, String fragment) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest request = HttpRequest.newBuilder(URI.create(site.url(path))).GET().build();
    long deadline = System.currentTimeMillis() + 15_000;
    while (System.currentTimeMillis() < deadline) {
      if (http.send(request, HttpResponse.BodyHandlers.ofString()).body().contains(fragment)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the list " + path + " never showed " + fragment);
  }

  /** Removes the items added, newest first. */
  @Override
  public void close() throws Exception {
    Session news = site.server().repository().login(NewsNodes.WORKSPACE);
    try {
      while (!identifiers.isEmpty()) {
        news.getNodeByIdentifier(identifiers.pop()).remove();
      }
      news.save();
    } finally {
      news.logout();
    }
  }
}
