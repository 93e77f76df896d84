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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * The filters of a listing, read from the GET parameters the list page and the feeds share: {@code
 * thematique}, {@code territoire} (term node names, any level), {@code type} ({@code actualite} or
 * {@code evenement}), {@code periode} ({@code a-venir}, {@code passes} or a month {@code AAAA-MM})
 * and {@code q} (full-text words). One place parses them, so that a filter reaches the list page,
 * the RSS feed and the calendar alike.
 *
 * <p>Like the list page, a filter that names nothing known (unknown term, malformed value) is not
 * applied and gives a French notice ({@link #notices()}): a shared or old link still shows
 * something, never an error.
 */
public final class ListingQuery {

  /** GET parameter of the kind filter: {@value #NEWS} or {@value #EVENTS}. */
  public static final String TYPE_PARAMETER = "type";

  /** GET parameter of the period filter. */
  public static final String PERIOD_PARAMETER = "periode";

  /** GET parameter of the full-text filter. */
  public static final String TEXT_PARAMETER = "q";

  static final String NEWS = "actualite";
  static final String EVENTS = "evenement";
  static final String UPCOMING = "a-venir";
  static final String PAST = "passes";

  /** Longest full-text value considered, in characters; the rest is ignored. */
  static final int MAX_TEXT = 200;

  /** Most words of a full-text filter. */
  static final int MAX_WORDS = 10;

  /** First year a month filter may name. */
  static final int MIN_YEAR = 1900;

  /**
   * Last year a month filter may name (Jackrabbit's index cannot compare dates much further: a year
   * from 3190 on made its date range fail).
   */
  static final int MAX_YEAR = 2999;

  /** The GET parameters read, in the order {@link #query()} writes them back. */
  public static final List<String> PARAMETERS =
      List.of(
          SiteUrls.THEMATIC_PARAMETER,
          SiteUrls.TERRITORY_PARAMETER,
          TYPE_PARAMETER,
          PERIOD_PARAMETER,
          TEXT_PARAMETER);

  private static final Pattern MONTH = Pattern.compile("([0-9]{4})-(0[1-9]|1[0-2])");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private final NewsFilter filter;
  private final Term thematic;
  private final Term territory;
  private final Map<String, String> applied;
  private final List<String> labels;
  private final List<String> notices;

  private ListingQuery(
      NewsFilter filter,
      Term thematic,
      Term territory,
      Map<String, String> applied,
      List<String> labels,
      List<String> notices) {
    this.filter = filter;
    this.thematic = thematic;
    this.territory = territory;
    this.applied = applied;
    this.labels = List.copyOf(labels);
    this.notices = List.copyOf(notices);
  }

  /**
   * Reads the filters of a request, "now" being the current instant.
   *
   * @see #parse(ContentContext, Function, Instant)
   */
  public static ListingQuery parse(ContentContext context, Function<String, String> parameters)
      throws RepositoryException {
    return parse(context, parameters, Instant.now());
  }

  /**
   * Reads the filters of a request.
   *
   * @param context the request's content (taxonomy workspaces)
   * @param parameters a GET parameter's raw value by name; returns {@code null} (or blank) when
   *     absent
   * @param now the current instant: upcoming and past events are relative to its day in
   *     Europe/Paris
   * @return the filters, never {@code null}; the unfiltered listing when no parameter is usable
   * @throws RepositoryException on repository failure
   */
  public static ListingQuery parse(
      ContentContext context, Function<String, String> parameters, Instant now)
      throws RepositoryException {
    List<String> notices = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    Map<String, String> applied = new LinkedHashMap<>();
    Term thematic =
        term(
            byName(context, TaxonomyNodes.THEMATICS_WORKSPACE, TermRepository::thematics),
            parameters.apply(SiteUrls.THEMATIC_PARAMETER),
            SiteUrls.THEMATIC_PARAMETER,
            "Thématique",
            "Thématique inconnue\u00a0: le filtre n'est pas appliqué.",
            notices,
            labels,
            applied);
    Term territory =
        term(
            byName(context, TaxonomyNodes.TERRITORIES_WORKSPACE, TermRepository::territories),
            parameters.apply(SiteUrls.TERRITORY_PARAMETER),
            SiteUrls.TERRITORY_PARAMETER,
            "Territoire",
            "Territoire inconnu\u00a0: le filtre n'est pas appliqué.",
            notices,
            labels,
            applied);
    NewsKind kind = null;
    String type = trimmed(parameters.apply(TYPE_PARAMETER));
    if (NEWS.equals(type)) {
      kind = NewsKind.NEWS;
      labels.add("Type\u00a0: actualités");
      applied.put(TYPE_PARAMETER, type);
    } else if (EVENTS.equals(type)) {
      kind = NewsKind.EVENT;
      labels.add("Type\u00a0: événements");
      applied.put(TYPE_PARAMETER, type);
    } else if (type != null) {
      notices.add("Type inconnu\u00a0: le filtre n'est pas appliqué.");
    }
    NewsFilter.Period period = null;
    String rawPeriod = trimmed(parameters.apply(PERIOD_PARAMETER));
    ZonedDateTime today =
        LocalDate.ofInstant(now, FrenchDates.PARIS).atStartOfDay(FrenchDates.PARIS);
    Matcher month = rawPeriod == null ? null : MONTH.matcher(rawPeriod);
    if (UPCOMING.equals(rawPeriod)) {
      period = new NewsFilter.Period(NewsFilter.Period.Type.UPCOMING, today, null);
      labels.add("Période\u00a0: à venir");
    } else if (PAST.equals(rawPeriod)) {
      period = new NewsFilter.Period(NewsFilter.Period.Type.PAST, today, null);
      labels.add("Période\u00a0: passés");
    } else if (month != null
        && month.matches()
        && Integer.parseInt(month.group(1)) >= MIN_YEAR
        && Integer.parseInt(month.group(1)) <= MAX_YEAR) {
      YearMonth yearMonth =
          YearMonth.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2)));
      period =
          new NewsFilter.Period(
              NewsFilter.Period.Type.MONTH,
              yearMonth.atDay(1).atStartOfDay(FrenchDates.PARIS),
              yearMonth.plusMonths(1).atDay(1).atStartOfDay(FrenchDates.PARIS));
      labels.add(
          "Période\u00a0: "
              + yearMonth.format(DateTimeFormatter.ofPattern("MMMM uuuu", Locale.FRENCH)));
    } else if (rawPeriod != null) {
      notices.add("Période inconnue\u00a0: le filtre n'est pas appliqué.");
    }
    if (period != null) {
      applied.put(PERIOD_PARAMETER, rawPeriod);
    }
    String rawText = trimmed(parameters.apply(TEXT_PARAMETER));
    String text = rawText == null ? null : words(rawText);
    if (text != null) {
      labels.add("Recherche\u00a0: «\u00a0" + text + "\u00a0»");
      applied.put(TEXT_PARAMETER, text);
    } else if (rawText != null) {
      notices.add("Recherche sans mot\u00a0: le filtre n'est pas appliqué.");
    }
    NewsFilter filter =
        new NewsFilter(
            thematic == null ? null : thematic.identifier(),
            territory == null ? null : territory.identifier(),
            kind,
            period,
            text);
    return new ListingQuery(filter, thematic, territory, applied, labels, notices);
  }

  /**
   * The words of a full-text value, as plain lower-case terms separated by spaces: quotes,
   * wildcards, minus signs and the operator {@code OR} lose their meaning (they are searched as
   * text, or dropped when they are not letters or digits).
   *
   * @return the words, or {@code null} when there is none
   */
  static String words(String raw) {
    String composed = Normalizer.normalize(raw, Normalizer.Form.NFC);
    String text = composed.length() > MAX_TEXT ? composed.substring(0, MAX_TEXT) : composed;
    List<String> words = new ArrayList<>();
    Matcher matcher = WORD.matcher(text);
    while (matcher.find() && words.size() < MAX_WORDS) {
      words.add(matcher.group().toLowerCase(Locale.ROOT));
    }
    return words.isEmpty() ? null : String.join(" ", words);
  }

  private static String trimmed(String raw) {
    return raw == null || raw.isBlank() ? null : raw.trim();
  }

  /**
   * One page of the matching items ({@link NewsRepository#list}).
   *
   * @param context the request's content (news workspace)
   * @param offset items to skip, ≥ 0
   * @param limit page size, ≥ 1
   * @return the items of the page, in order
   * @throws RepositoryException on repository failure
   */
  public List<NewsItem> list(ContentContext context, long offset, long limit)
      throws RepositoryException {
    return page(context, filter, offset, limit, null);
  }

  /**
   * The events among the matching items, newest first: the filter with the kind "event" (none when
   * the filter asks for news only).
   *
   * @param context the request's content (news workspace)
   * @param offset events to skip, ≥ 0
   * @param limit most events, ≥ 1
   * @return the events, in order
   * @throws RepositoryException on repository failure
   */
  public List<NewsItem> listEvents(ContentContext context, long offset, long limit)
      throws RepositoryException {
    if (filter.kind() == NewsKind.NEWS) {
      return List.of();
    }
    return page(context, filter.withKind(NewsKind.EVENT), offset, limit, null);
  }

  /**
   * As {@link #list(ContentContext, long, long)}, the first query sized from the filter's counts
   * ({@link NewsRepository#list(NewsFilter, long, long, NewsRepository.Tally)}).
   *
   * @param counts the counts of {@link #filter()}
   */
  public List<NewsItem> list(
      ContentContext context, long offset, long limit, NewsRepository.Tally counts)
      throws RepositoryException {
    return page(context, filter, offset, limit, counts);
  }

  /**
   * A page of items, kept until the news workspace changes ({@link ContentContext#kept}); the
   * counts, when given, only size the first query (the items are the same).
   */
  private static List<NewsItem> page(
      ContentContext context,
      NewsFilter filter,
      long offset,
      long limit,
      NewsRepository.Tally counts)
      throws RepositoryException {
    return context.kept(
        NewsNodes.WORKSPACE,
        new Page(filter, offset, limit),
        () -> {
          NewsRepository repository = new NewsRepository(context.session(NewsNodes.WORKSPACE));
          return List.copyOf(
              counts == null
                  ? repository.list(filter, offset, limit)
                  : repository.list(filter, offset, limit, counts));
        });
  }

  /**
   * @return the repository filter
   */
  public NewsFilter filter() {
    return filter;
  }

  /**
   * @return the thematic filter's term, or {@code null}
   */
  public Term thematic() {
    return thematic;
  }

  /**
   * @return the territory filter's term, or {@code null}
   */
  public Term territory() {
    return territory;
  }

  /**
   * @return the applied filters as query parameters, each {@code &name=value} (URL-encoded), e.g.
   *     {@code &thematique=discrimination}; {@code ""} without filter
   */
  public String query() {
    return query(Map.of());
  }

  /**
   * @param changes parameters to set instead of the applied ones; a {@code null} value removes the
   *     parameter
   * @return as {@link #query()}, with the changes
   */
  String query(Map<String, String> changes) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : PARAMETERS) {
      String value = changes.containsKey(name) ? changes.get(name) : applied.get(name);
      if (value != null) {
        values.put(name, value);
      }
    }
    StringBuilder query = new StringBuilder();
    for (Map.Entry<String, String> value : values.entrySet()) {
      query
          .append('&')
          .append(value.getKey())
          .append('=')
          .append(URLEncoder.encode(value.getValue(), StandardCharsets.UTF_8));
    }
    return query.toString();
  }

  /**
   * @return {@link #query()} as a whole query string: {@code ?thematique=…}, or {@code ""}
   */
  public String queryString() {
    String query = query();
    return query.isEmpty() ? "" : "?" + query.substring(1);
  }

  /**
   * @return the applied filters by parameter name, in {@link #PARAMETERS} order (values not
   *     encoded; the full-text one reduced to its words)
   */
  public Map<String, String> applied() {
    Map<String, String> ordered = new LinkedHashMap<>();
    for (String name : PARAMETERS) {
      if (applied.containsKey(name)) {
        ordered.put(name, applied.get(name));
      }
    }
    return ordered;
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

  private static Term term(
      TermByName terms,
      String raw,
      String parameter,
      String what,
      String unknown,
      List<String> notices,
      List<String> labels,
      Map<String, String> applied)
      throws RepositoryException {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    Optional<Term> term = terms.find(raw.trim());
    if (term.isEmpty()) {
      notices.add(unknown);
      return null;
    }
    labels.add(what + "\u00a0: " + term.get().label());
    applied.put(parameter, term.get().name());
    return term.get();
  }

  /**
   * Finds terms by node name with the request's session; the query runs once per name and revision
   * of the taxonomy when the webapp keeps a {@link NewsCounts} ({@link ContentContext#kept}).
   */
  private static TermByName byName(
      ContentContext context, String workspace, Function<Session, TermRepository> taxonomy) {
    return name ->
        context.kept(
            workspace,
            new TermByNameKey(name),
            () -> taxonomy.apply(context.session(workspace)).findByName(name));
  }

  @FunctionalInterface
  private interface TermByName {
    Optional<Term> find(String name) throws RepositoryException;
  }

  /** Key of a term found by node name. */
  private record TermByNameKey(String name) {}

  /**
   * Key of a page of items: the list's result depends on the filter alone (its periods carry their
   * own dates), not on the time of the request, so it is kept until the news workspace changes.
   */
  private record Page(NewsFilter filter, long offset, long limit) {}
}
