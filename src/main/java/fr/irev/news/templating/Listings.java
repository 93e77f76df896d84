package fr.irev.news.templating;

import fr.irev.news.format.FrenchDates;
import fr.irev.news.news.NewsCounts;
import fr.irev.news.news.NewsFilter;
import fr.irev.news.news.NewsItem;
import fr.irev.news.news.NewsKind;
import fr.irev.news.news.NewsNodes;
import fr.irev.news.news.NewsRepository;
import fr.irev.news.taxonomy.TaxonomyNodes;
import fr.irev.news.taxonomy.Term;
import fr.irev.news.taxonomy.TermRepository;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.jcr.RepositoryException;

/**
 * The news list: parses the raw GET parameters ({@link ListingQuery}), queries, paginates, counts
 * the facets.
 */
final class Listings {

  /** Items per page. */
  static final int PAGE_SIZE = 10;

  /** Most choices of a term facet. */
  static final int MAX_FACET_TERMS = 100;

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
    return page(pageParam, parameters::get);
  }

  ListingView page(String pageParam, Function<String, String> parameters)
      throws RepositoryException {
    ListingQuery filters = ListingQuery.parse(context, parameters);
    List<String> notices = new ArrayList<>(filters.notices());
    long page = parsePage(pageParam, notices);
    Choices choices = choices(filters);
    NewsFilter filter = filters.filter();
    NewsRepository.Tally counts = tally(filter, choices);
    NewsRepository.Tally kinds =
        filter.kind() == null ? counts : tally(filter.withKind(null), Choices.NONE);
    long pageCount = Math.max(1, (counts.total() + PAGE_SIZE - 1) / PAGE_SIZE);
    if (page > pageCount) {
      notices.add("La page " + page + " n'existe pas\u00a0: voici la dernière page.");
      page = pageCount;
    }
    List<NewsSummaryView> items = new ArrayList<>();
    for (NewsItem item : filters.list(context, (page - 1) * PAGE_SIZE, PAGE_SIZE, counts)) {
      items.add(views.summary(item));
    }
    String query = filters.query();
    return new ListingView(
        items,
        page,
        pageCount,
        counts.total(),
        page > 1 ? pageUrl(page - 1, query) : null,
        page < pageCount ? pageUrl(page + 1, query) : null,
        filters.labels().isEmpty() ? null : String.join("\u00a0; ", filters.labels()),
        notices.isEmpty() ? null : String.join(" ", notices),
        new ListingView.Feeds(
            urls.rss() + filters.queryString(), urls.calendar() + filters.queryString()),
        facets(filters, choices, counts, kinds),
        search(filters),
        typed(parameters.apply(ListingQuery.TEXT_PARAMETER)),
        List.copyOf(filters.applied().keySet()));
  }

  /** The search box's raw value, without control characters (C0, DEL, C1), not too long. */
  static String typed(String raw) {
    if (raw == null) {
      return "";
    }
    String text = raw.replaceAll("[\\p{Cc}]", "");
    return text.length() > ListingQuery.MAX_TEXT ? text.substring(0, ListingQuery.MAX_TEXT) : text;
  }

  /** The search form keeps the other applied filters: a search narrows the list shown. */
  private static List<ListingView.HiddenField> search(ListingQuery filters) {
    List<ListingView.HiddenField> kept = new ArrayList<>();
    for (Map.Entry<String, String> filter : filters.applied().entrySet()) {
      if (!filter.getKey().equals(ListingQuery.TEXT_PARAMETER)) {
        kept.add(new ListingView.HiddenField(filter.getKey(), filter.getValue()));
      }
    }
    return kept;
  }

  /**
   * The terms offered by the facets. Thematics: the top-level ones, or the children of the applied
   * one; territories: the children of the applied one, or of the top-level ones (the départements).
   */
  private Choices choices(ListingQuery filters) throws RepositoryException {
    Term thematic = filters.thematic();
    List<Term> thematics =
        context.kept(
            TaxonomyNodes.THEMATICS_WORKSPACE,
            new FacetTerms(thematic == null ? null : thematic.identifier()),
            () -> List.copyOf(thematicTerms().children(thematic, MAX_FACET_TERMS)));
    Term territory = filters.territory();
    List<Term> territories =
        context.kept(
            TaxonomyNodes.TERRITORIES_WORKSPACE,
            new FacetTerms(territory == null ? null : territory.identifier()),
            () -> territoryChoices(territory));
    return new Choices(thematics, territories);
  }

  /** The children of the applied territory, or those of the top-level ones (the départements). */
  private List<Term> territoryChoices(Term applied) throws RepositoryException {
    TermRepository territoryTerms = territoryTerms();
    List<Term> territories = new ArrayList<>();
    if (applied != null) {
      territories.addAll(territoryTerms.children(applied, MAX_FACET_TERMS));
    } else {
      for (Term root : territoryTerms.children(null, MAX_FACET_TERMS)) {
        territories.addAll(territoryTerms.children(root, MAX_FACET_TERMS));
      }
    }
    return List.copyOf(territories.subList(0, Math.min(MAX_FACET_TERMS, territories.size())));
  }

  /**
   * Counts of a filter and of the facet choices within it, in one pass over its items ({@link
   * NewsRepository#tally}), kept by the webapp's {@link NewsCounts} when there is one. A choice
   * narrows the applied filter of its kind (a child term, or a term where none is applied), so its
   * count is the number of the filter's items whose scope holds it.
   */
  private NewsRepository.Tally tally(NewsFilter filter, Choices choices)
      throws RepositoryException {
    Set<String> thematicIds = ids(choices.thematics());
    Set<String> territoryIds = ids(choices.territories());
    NewsCounts cache = context.newsCounts();
    return cache != null
        ? cache.tally(() -> context.session(NewsNodes.WORKSPACE), filter, thematicIds, territoryIds)
        : new NewsRepository(context.session(NewsNodes.WORKSPACE))
            .tally(filter, thematicIds, territoryIds);
  }

  private static Set<String> ids(List<Term> terms) {
    Set<String> ids = new HashSet<>();
    for (Term term : terms) {
      ids.add(term.identifier());
    }
    return ids;
  }

  private ListingView.Facets facets(
      ListingQuery filters,
      Choices choices,
      NewsRepository.Tally counts,
      NewsRepository.Tally kinds)
      throws RepositoryException {
    NewsFilter filter = filters.filter();
    List<FacetView> types = new ArrayList<>();
    for (NewsKind kind : NewsKind.values()) {
      String value = kind == NewsKind.EVENT ? ListingQuery.EVENTS : ListingQuery.NEWS;
      boolean selected = kind == filter.kind();
      types.add(
          new FacetView(
              kind == NewsKind.EVENT ? "Événements" : "Actualités",
              toggle(filters, ListingQuery.TYPE_PARAMETER, value, selected),
              kinds.kind(kind),
              selected));
    }
    List<FacetView> periods = new ArrayList<>();
    String period = filters.applied().get(ListingQuery.PERIOD_PARAMETER);
    YearMonth month = YearMonth.now(FrenchDates.PARIS);
    Map<String, String> periodChoices = new LinkedHashMap<>();
    periodChoices.put(ListingQuery.UPCOMING, "Événements à venir");
    periodChoices.put(ListingQuery.PAST, "Événements passés");
    periodChoices.put(
        month.toString(), month.format(DateTimeFormatter.ofPattern("MMMM uuuu", Locale.FRENCH)));
    for (Map.Entry<String, String> choice : periodChoices.entrySet()) {
      boolean selected = choice.getKey().equals(period);
      Map<String, String> change = new HashMap<>();
      change.put(ListingQuery.PERIOD_PARAMETER, selected ? null : choice.getKey());
      if (!selected
          && filter.kind() == NewsKind.NEWS
          && !choice.getKey().equals(month.toString())) {
        change.put(ListingQuery.TYPE_PARAMETER, null); // upcoming and past are events only
      }
      periods.add(
          new FacetView(
              capitalized(choice.getValue()), listUrl(filters.query(change)), -1, selected));
    }
    List<FacetView> thematics = new ArrayList<>();
    for (Term term : choices.thematics()) {
      thematics.add(
          new FacetView(
              term.title(),
              listUrl(filters.query(Map.of(SiteUrls.THEMATIC_PARAMETER, term.name()))),
              counts.thematic(term.identifier()),
              false));
    }
    List<FacetView> territories = new ArrayList<>();
    for (Term term : choices.territories()) {
      territories.add(
          new FacetView(
              term.title(),
              listUrl(filters.query(Map.of(SiteUrls.TERRITORY_PARAMETER, term.name()))),
              counts.territory(term.identifier()),
              false));
    }
    String heading = null;
    List<FacetView> breadcrumb = new ArrayList<>();
    if ((filters.thematic() == null) != (filters.territory() == null)) {
      boolean thematic = filters.thematic() != null;
      Term term = thematic ? filters.thematic() : filters.territory();
      heading = term.title();
      List<Term> ancestors =
          context.kept(
              thematic ? TaxonomyNodes.THEMATICS_WORKSPACE : TaxonomyNodes.TERRITORIES_WORKSPACE,
              new Ancestors(term.identifier()),
              () -> List.copyOf((thematic ? thematicTerms() : territoryTerms()).ancestors(term)));
      for (Term ancestor : ancestors) {
        breadcrumb.add(
            new FacetView(
                ancestor.title(),
                urls.termPage(
                    thematic ? SiteUrls.THEMATIC_PAGE_PATH : SiteUrls.TERRITORY_PAGE_PATH,
                    ancestor.name()),
                0,
                false));
      }
    }
    return new ListingView.Facets(types, periods, thematics, territories, heading, breadcrumb);
  }

  private static String capitalized(String text) {
    return text.substring(0, 1).toUpperCase(Locale.FRENCH) + text.substring(1);
  }

  /** The list with a choice applied, or, when it is the applied one, without it. */
  private String toggle(ListingQuery filters, String parameter, String value, boolean selected) {
    Map<String, String> change = new HashMap<>();
    change.put(parameter, selected ? null : value);
    return listUrl(filters.query(change));
  }

  private TermRepository thematicTerms() throws RepositoryException {
    return TermRepository.thematics(context.session(TaxonomyNodes.THEMATICS_WORKSPACE));
  }

  private TermRepository territoryTerms() throws RepositoryException {
    return TermRepository.territories(context.session(TaxonomyNodes.TERRITORIES_WORKSPACE));
  }

  /** Key of the terms a facet offers under an applied term ({@code null}: none applied). */
  private record FacetTerms(String appliedIdentifier) {}

  /** Key of a term's ancestors. */
  private record Ancestors(String identifier) {}

  /** The terms of the two term facets. */
  private record Choices(List<Term> thematics, List<Term> territories) {
    static final Choices NONE = new Choices(List.of(), List.of());
  }

  private String listUrl(String query) {
    return urls.list() + (query.isEmpty() ? "" : "?" + query.substring(1));
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
