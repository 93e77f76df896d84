package fr.irev.news.templating;

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
import java.util.function.Function;
import javax.jcr.RepositoryException;

/**
 * The filters of a listing, read from the GET parameters the list page and the feeds share ({@code
 * thematique}, {@code territoire}: term node names). One place parses them, so that a new filter
 * (kind, period, full text…) is added here once and reaches the list page, the RSS feed and the
 * calendar alike: parse it in {@link #parse}, pass it on in {@link #list}, write it back in {@link
 * #query}.
 *
 * <p>Like the list page, a filter that names nothing known (unknown term, malformed value) is not
 * applied and gives a French notice ({@link #notices()}): a shared or old link still shows
 * something, never an error.
 */
public final class ListingQuery {

  /** The GET parameters read, in the order {@link #query()} writes them back. */
  public static final List<String> PARAMETERS =
      List.of(SiteUrls.THEMATIC_PARAMETER, SiteUrls.TERRITORY_PARAMETER);

  private final TermFilter thematic;
  private final TermFilter territory;
  private final List<String> labels;
  private final List<String> notices;

  private ListingQuery(
      TermFilter thematic, TermFilter territory, List<String> labels, List<String> notices) {
    this.thematic = thematic;
    this.territory = territory;
    this.labels = List.copyOf(labels);
    this.notices = List.copyOf(notices);
  }

  /**
   * Reads the filters of a request.
   *
   * @param context the request's content (taxonomy workspaces)
   * @param parameters a GET parameter's raw value by name; returns {@code null} (or blank) when
   *     absent
   * @return the filters, never {@code null}; the unfiltered listing when no parameter is usable
   * @throws RepositoryException on repository failure
   */
  public static ListingQuery parse(ContentContext context, Function<String, String> parameters)
      throws RepositoryException {
    List<String> notices = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    TermFilter thematic =
        TermFilter.of(
            TermRepository.thematics(context.session(TaxonomyNodes.THEMATICS_WORKSPACE)),
            parameters.apply(SiteUrls.THEMATIC_PARAMETER),
            SiteUrls.THEMATIC_PARAMETER,
            "Thématique",
            "Thématique inconnue\u00a0: le filtre n'est pas appliqué.",
            notices,
            labels);
    TermFilter territory =
        TermFilter.of(
            TermRepository.territories(context.session(TaxonomyNodes.TERRITORIES_WORKSPACE)),
            parameters.apply(SiteUrls.TERRITORY_PARAMETER),
            SiteUrls.TERRITORY_PARAMETER,
            "Territoire",
            "Territoire inconnu\u00a0: le filtre n'est pas appliqué.",
            notices,
            labels);
    return new ListingQuery(thematic, territory, labels, notices);
  }

  /**
   * One page of the matching items, newest publication first ({@link NewsRepository#list}).
   *
   * @param context the request's content (news workspace)
   * @param offset items to skip, ≥ 0
   * @param limit page size, ≥ 1
   * @return the page and the number of matching items
   * @throws RepositoryException on repository failure
   */
  public NewsRepository.NewsPage list(ContentContext context, long offset, long limit)
      throws RepositoryException {
    return new NewsRepository(context.session(NewsNodes.WORKSPACE))
        .list(thematic.ids(), territory.ids(), offset, limit);
  }

  /**
   * @return the applied filters as query parameters, each {@code &name=value} (URL-encoded), e.g.
   *     {@code &thematique=discrimination}; {@code ""} without filter
   */
  public String query() {
    return thematic.query() + territory.query();
  }

  /**
   * @return {@link #query()} as a whole query string: {@code ?thematique=…}, or {@code ""}
   */
  public String queryString() {
    String query = query();
    return query.isEmpty() ? "" : "?" + query.substring(1);
  }

  /**
   * @return e.g. {@code Thématique : Discrimination}, one per applied filter
   */
  public List<String> labels() {
    return labels;
  }

  /**
   * @return French notices about filters that were not applied
   */
  public List<String> notices() {
    return notices;
  }

  /** "Tagged with this term or one of its descendants", and how to write it back. */
  private record TermFilter(Set<String> ids, String query) {
    static final TermFilter NONE = new TermFilter(Set.of(), "");

    static TermFilter of(
        TermRepository terms,
        String raw,
        String parameter,
        String what,
        String unknown,
        List<String> notices,
        List<String> labels)
        throws RepositoryException {
      if (raw == null || raw.isBlank()) {
        return NONE;
      }
      Optional<Term> term = terms.findByName(raw.trim());
      if (term.isEmpty()) {
        notices.add(unknown);
        return NONE;
      }
      labels.add(what + "\u00a0: " + term.get().title());
      return new TermFilter(
          terms.selfAndDescendantIds(term.get()),
          "&" + parameter + "=" + URLEncoder.encode(term.get().name(), StandardCharsets.UTF_8));
    }
  }
}
