package fr.irev.news.templating;

import fr.irev.news.news.NewsItem;
import fr.irev.news.news.NewsRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.jcr.RepositoryException;

/** The news list: parses the raw GET parameters ({@link ListingQuery}), queries, paginates. */
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
    Map<String, String> parameters = new HashMap<>();
    parameters.put(SiteUrls.THEMATIC_PARAMETER, thematicParam);
    parameters.put(SiteUrls.TERRITORY_PARAMETER, territoryParam);
    ListingQuery filters = ListingQuery.parse(context, parameters::get);
    List<String> notices = new ArrayList<>(filters.notices());
    long page = parsePage(pageParam, notices);
    NewsRepository.NewsPage result = filters.list(context, (page - 1) * PAGE_SIZE, PAGE_SIZE);
    long pageCount = Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
    if (page > pageCount) {
      notices.add("La page " + page + " n'existe pas\u00a0: voici la dernière page.");
      page = pageCount;
      result = filters.list(context, (page - 1) * PAGE_SIZE, PAGE_SIZE);
    }
    List<NewsSummaryView> items = new ArrayList<>();
    for (NewsItem item : result.items()) {
      items.add(views.summary(item));
    }
    String query = filters.query();
    return new ListingView(
        items,
        page,
        pageCount,
        result.total(),
        page > 1 ? pageUrl(page - 1, query) : null,
        page < pageCount ? pageUrl(page + 1, query) : null,
        filters.labels().isEmpty() ? null : String.join(" ; ", filters.labels()),
        notices.isEmpty() ? null : String.join(" ", notices),
        new ListingView.Feeds(
            urls.rss() + filters.queryString(), urls.calendar() + filters.queryString()));
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
}
