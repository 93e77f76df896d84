package fr.irev.news.templating;

import fr.irev.news.news.NewsItem;
import fr.irev.news.news.NewsNodes;
import fr.irev.news.news.NewsRepository;
import fr.irev.news.taxonomy.TaxonomyNodes;
import fr.irev.news.taxonomy.Term;
import fr.irev.news.taxonomy.TermRepository;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.jcr.RepositoryException;

/** The news list: parses the raw GET parameters, queries, paginates. */
final class Listings {

  /** Items per page. */
  static final int PAGE_SIZE = 10;

  private final ContentContext context;
  private final NewsViews views;
  private final SiteUrls urls;

  Listings(ContentContext context, NewsViews views) {
    this.context = context;
    this.views = views;
    this.urls = new SiteUrls(context);
  }

  ListingView page(String pageParam, String thematicParam, String territoryParam)
      throws RepositoryException {
    List<String> notices = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    Filter thematic =
        filter(
            TermRepository.thematics(context.session(TaxonomyNodes.THEMATICS_WORKSPACE)),
            thematicParam,
            SiteUrls.THEMATIC_PARAMETER,
            "Thématique",
            "Thématique inconnue\u00a0: le filtre n'est pas appliqué.",
            notices,
            labels);
    Filter territory =
        filter(
            TermRepository.territories(context.session(TaxonomyNodes.TERRITORIES_WORKSPACE)),
            territoryParam,
            SiteUrls.TERRITORY_PARAMETER,
            "Territoire",
            "Territoire inconnu\u00a0: le filtre n'est pas appliqué.",
            notices,
            labels);
    long page = parsePage(pageParam, notices);
    NewsRepository repository = new NewsRepository(context.session(NewsNodes.WORKSPACE));
    NewsRepository.NewsPage result =
        repository.list(thematic.ids(), territory.ids(), (page - 1) * PAGE_SIZE, PAGE_SIZE);
    long pageCount = Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
    if (page > pageCount) {
      notices.add("La page " + page + " n'existe pas\u00a0: voici la dernière page.");
      page = pageCount;
      result = repository.list(thematic.ids(), territory.ids(), (page - 1) * PAGE_SIZE, PAGE_SIZE);
    }
    List<NewsSummaryView> items = new ArrayList<>();
    for (NewsItem item : result.items()) {
      items.add(views.summary(item));
    }
    String query = thematic.query() + territory.query();
    return new ListingView(
        items,
        page,
        pageCount,
        result.total(),
        page > 1 ? pageUrl(page - 1, query) : null,
        page < pageCount ? pageUrl(page + 1, query) : null,
        labels.isEmpty() ? null : String.join(" ; ", labels),
        notices.isEmpty() ? null : String.join(" ", notices));
  }

  private String pageUrl(long page, String query) {
    return urls.list() + "?" + SiteUrls.PAGE_PARAMETER + "=" + page + query;
  }

  /** Page numbers from 1; anything else is reported and gives page 1. */
  static long parsePage(String raw, List<String> notices) {
    if (raw == null || raw.isBlank()) {
      return 1;
    }
    try {
      long page = Long.parseLong(raw.trim());
      if (page >= 1 && page <= Integer.MAX_VALUE) {
        return page;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    notices.add("Numéro de page invalide\u00a0: voici la première page.");
    return 1;
  }

  private Filter filter(
      TermRepository terms,
      String raw,
      String parameter,
      String what,
      String unknown,
      List<String> notices,
      List<String> labels)
      throws RepositoryException {
    if (raw == null || raw.isBlank()) {
      return Filter.NONE;
    }
    Optional<Term> term = terms.findByName(raw.trim());
    if (term.isEmpty()) {
      notices.add(unknown);
      return Filter.NONE;
    }
    labels.add(what + "\u00a0: " + term.get().title());
    return new Filter(
        terms.selfAndDescendantIds(term.get()),
        "&" + parameter + "=" + URLEncoder.encode(term.get().name(), StandardCharsets.UTF_8));
  }

  private record Filter(Set<String> ids, String query) {
    static final Filter NONE = new Filter(Set.of(), "");
  }
}
