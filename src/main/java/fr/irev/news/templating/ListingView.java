package fr.irev.news.templating;

import java.util.List;

/** One page of the news list, with its filter and pagination. */
public final class ListingView {
  private final List<NewsSummaryView> items;
  private final long page;
  private final long pageCount;
  private final long total;
  private final String previousUrl;
  private final String nextUrl;
  private final String filterLabel;
  private final String message;
  private final Feeds feeds;
  private final Facets facets;
  private final List<HiddenField> searchKept;
  private final String searchText;
  private final List<String> appliedFilters;

  /**
   * The feeds of the same filters.
   *
   * @param rssUrl RSS 2.0 address, with context path and the applied filters
   * @param calendarUrl iCalendar address, with context path and the applied filters
   */
  record Feeds(String rssUrl, String calendarUrl) {}

  /** A hidden field of the search form: a GET parameter to send again. */
  public static final class HiddenField {
    private final String name;
    private final String value;

    HiddenField(String name, String value) {
      this.name = name;
      this.value = value;
    }

    /**
     * @return the parameter's name, e.g. {@code territoire}
     */
    public String getName() {
      return name;
    }

    /**
     * @return its value (not encoded), e.g. {@code nord}
     */
    public String getValue() {
      return value;
    }
  }

  /**
   * Counts per facet.
   *
   * @param types news, events
   * @param periods upcoming, past, this month (without counts)
   * @param thematics thematic choices
   * @param territories territory choices
   */
  record Facets(
      List<FacetView> types,
      List<FacetView> periods,
      List<FacetView> thematics,
      List<FacetView> territories,
      String heading,
      List<FacetView> breadcrumb) {
    Facets {
      periods = List.copyOf(periods);
      breadcrumb = List.copyOf(breadcrumb);
      types = List.copyOf(types);
      thematics = List.copyOf(thematics);
      territories = List.copyOf(territories);
    }
  }

  ListingView(
      List<NewsSummaryView> items,
      long page,
      long pageCount,
      long total,
      String previousUrl,
      String nextUrl,
      String filterLabel,
      String message,
      Feeds feeds,
      Facets facets,
      List<HiddenField> searchKept,
      String searchText,
      List<String> appliedFilters) {
    this.items = List.copyOf(items);
    this.page = page;
    this.pageCount = pageCount;
    this.total = total;
    this.previousUrl = previousUrl;
    this.nextUrl = nextUrl;
    this.filterLabel = filterLabel;
    this.message = message;
    this.feeds = feeds;
    this.facets = facets;
    this.searchKept = List.copyOf(searchKept);
    this.searchText = searchText;
    this.appliedFilters = List.copyOf(appliedFilters);
  }

  /**
   * @return the GET parameters of the applied filters, e.g. {@code [thematique, type]}; an unknown
   *     term, a malformed value or an absent parameter is not there
   */
  public List<String> getAppliedFilters() {
    return appliedFilters;
  }

  /**
   * @return what the visitor typed in the search box, for showing it again: control characters
   *     removed, at most {@value ListingQuery#MAX_TEXT} characters; {@code ""} without search
   */
  public String getSearchText() {
    return searchText;
  }

  /**
   * @return the other applied filters (thematic, territory, type, period), as hidden fields of the
   *     search form
   */
  public List<HiddenField> getSearchKept() {
    return searchKept;
  }

  /**
   * @return items of this page, newest first
   */
  public List<NewsSummaryView> getItems() {
    return items;
  }

  /**
   * @return page number, from 1
   */
  public long getPage() {
    return page;
  }

  /**
   * @return number of pages, at least 1
   */
  public long getPageCount() {
    return pageCount;
  }

  /**
   * @return number of matching items
   */
  public long getTotal() {
    return total;
  }

  /**
   * @return address of the previous page, or {@code null} on the first
   */
  public String getPreviousUrl() {
    return previousUrl;
  }

  /**
   * @return address of the next page, or {@code null} on the last
   */
  public String getNextUrl() {
    return nextUrl;
  }

  /**
   * @return e.g. {@code Thématique : Discrimination}, or {@code null} without filter
   */
  public String getFilterLabel() {
    return filterLabel;
  }

  /**
   * @return a French notice about the request (unknown filter, page out of range), or null
   */
  public String getMessage() {
    return message;
  }

  /**
   * @return whether the page has no item
   */
  public boolean isEmpty() {
    return items.isEmpty();
  }

  /**
   * @return address of the RSS feed of the listed items (same filters, all pages), e.g. {@code
   *     /.irev-news/flux/actualites.rss?thematique=discrimination}
   */
  public String getRssUrl() {
    return feeds.rssUrl();
  }

  /**
   * @return address of the subscribable calendar of the listed events (same filters), e.g. {@code
   *     /.irev-news/flux/agenda.ics?thematique=discrimination}
   */
  public String getCalendarUrl() {
    return feeds.calendarUrl();
  }

  /**
   * @return the kind facet: news, events, each with its count under the other filters
   */
  public List<FacetView> getTypeFacets() {
    return facets.types();
  }

  /**
   * @return the period facet: upcoming events, past events, the current month; without counts
   *     ({@link FacetView#getCount()} is -1); the applied one links to the list without it
   */
  public List<FacetView> getPeriodFacets() {
    return facets.periods();
  }

  /**
   * @return the thematic facet: the top-level thematics, or the applied one's sub-thematics
   */
  public List<FacetView> getThematicFacets() {
    return facets.thematics();
  }

  /**
   * @return the territory facet: the applied territory's children, or the départements
   */
  public List<FacetView> getTerritoryFacets() {
    return facets.territories();
  }

  /**
   * @return the title of the one term filtering the list (a term's page, {@code /thematiques/…},
   *     {@code /territoires/…}), or {@code null}
   */
  public String getHeading() {
    return facets.heading();
  }

  /**
   * @return the ancestors of that term, top first, each linking to its own page (count 0); empty
   *     without heading
   */
  public List<FacetView> getBreadcrumb() {
    return facets.breadcrumb();
  }
}
