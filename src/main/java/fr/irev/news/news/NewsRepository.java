package fr.irev.news.news;

import fr.irev.news.jcr.References;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Comparator;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TimeZone;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Property;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;
import javax.jcr.ValueFactory;
import javax.jcr.query.Query;

/**
 * Queries on workspace {@value NewsNodes#WORKSPACE}. Every query is JCR-SQL2 with bind variables
 * (never string concatenation of user input). The session is the caller's: not logged out here.
 */
public final class NewsRepository {

  /** Span of the first window of {@link #list}: the newest days looked at. */
  static final Duration FIRST_WINDOW = Duration.ofDays(3);

  /** Most windows of {@link #list}; the last one has no start (every dated item). */
  static final int MAX_WINDOWS = 12;

  /** Most a window grows from one to the next (factor). */
  private static final long MAX_GROWTH = 16;

  /** Longest window (about 300 years, in ms): beyond it, every dated item. */
  private static final long MAX_SPAN_MS = Duration.ofDays(366L * 300).toMillis();

  private final Session session;

  /**
   * @param session a session on workspace {@value NewsNodes#WORKSPACE}
   */
  public NewsRepository(Session session) {
    this.session = session;
  }

  /**
   * Finds an item by its URL name, in any folder.
   *
   * @param urlName candidate URL name, may be {@code null} or malformed
   * @return the item, or empty when the name is invalid or no item has it
   * @throws RepositoryException on repository failure
   */
  public Optional<NewsItem> findByUrlName(String urlName) throws RepositoryException {
    if (!UrlNames.isValid(urlName)) {
      return Optional.empty();
    }
    Optional<Node> node = References.findByLocalName(session, NewsNodes.NODE_TYPE, urlName);
    return node.isPresent() ? Optional.of(NewsMapper.read(node.get())) : Optional.empty();
  }

  /**
   * Finds an item by its JCR identifier.
   *
   * @param identifier identifier (or absolute path, as some link fields store), may be {@code null}
   *     or malformed
   * @return the item, or empty when absent or when the node is not a news item
   * @throws RepositoryException on repository failure
   */
  public Optional<NewsItem> findById(String identifier) throws RepositoryException {
    Optional<Node> node = References.resolve(session, identifier, NewsNodes.NODE_TYPE);
    return node.isPresent() ? Optional.of(NewsMapper.read(node.get())) : Optional.empty();
  }

  /**
   * Lists the items a filter selects, "now" being the current instant.
   *
   * @see #list(NewsFilter, long, long, Instant)
   */
  public List<NewsItem> list(NewsFilter filter, long offset, long limit)
      throws RepositoryException {
    return list(filter, offset, limit, Instant.now());
  }

  /**
   * Lists the items a filter selects: upcoming events by start date, soonest first (events under
   * way first); anything else newest first by publication date, then the items without one.
   *
   * <p>Cost: Jackrabbit's JCR-SQL2 engine loads every node a query matches before it sorts them
   * (the sort is not done by its Lucene index), so the newest items are looked for in a
   * <em>window</em>: the items published since a date, first {@link #FIRST_WINDOW} before {@code
   * now}, then further back, each window sized from how many items the previous one held, until it
   * holds the page. Each window is one index-backed query with bind variables (the filter's
   * conditions and {@code publicationDate >= $since}: an open range, which Jackrabbit's index
   * answers from the newest terms only). The nodes read grow with {@code offset + limit}, not with
   * the number of matching items. Upcoming events are one query: they start from today on, so there
   * are few of them whatever the size of the archive.
   *
   * @param filter what to select
   * @param offset number of items to skip, ≥ 0
   * @param limit page size, ≥ 1
   * @param now the end of the first window (items published after it are in every window)
   * @return the items of the page, in order; empty past the last item
   * @throws IllegalArgumentException when {@code offset} or {@code limit} is out of range
   * @throws RepositoryException on repository failure
   */
  public List<NewsItem> list(NewsFilter filter, long offset, long limit, Instant now)
      throws RepositoryException {
    return read(filter, offset, limit, now, null).items();
  }

  /**
   * As {@link #list(NewsFilter, long, long, Instant)} with "now" the current instant, the first
   * window taken from the filter's counts: with {@link Tally#since}, one query usually reads just
   * the page's items (and the items before it). Counts that are out of date (content changed since)
   * only cost more windows, never a wrong page.
   *
   * @param counts the counts of the same filter ({@link #tally}), or {@code null}
   */
  public List<NewsItem> list(NewsFilter filter, long offset, long limit, Tally counts)
      throws RepositoryException {
    return read(
            filter,
            offset,
            limit,
            Instant.now(),
            counts == null ? null : counts.since(offset + limit))
        .items();
  }

  /**
   * {@link #list(NewsFilter, long, long, Instant)}, with what it cost.
   *
   * @param hint start of the first window (epoch ms), {@link Long#MIN_VALUE} for every dated item,
   *     {@code null} for {@link #FIRST_WINDOW} before {@code now}
   */
  Listing read(NewsFilter filter, long offset, long limit, Instant now, Long hint)
      throws RepositoryException {
    if (offset < 0 || limit < 1 || offset > Long.MAX_VALUE - limit) {
      throw new IllegalArgumentException("offset " + offset + ", limit " + limit);
    }
    NewsFilter.Period period = filter.period();
    if (period != null && period.type() == NewsFilter.Period.Type.UPCOMING) {
      Page page = new Page(offset, limit);
      page.add(sorted(filter, NewsNodes.START_DATE, true, null).execute().getNodes());
      return new Listing(page.items(), page.seen(), 1);
    }
    long wanted = offset + limit;
    long span = FIRST_WINDOW.toMillis();
    long matched = 0;
    for (int window = 1; ; window++) {
      boolean hinted = window == 1 && hint != null;
      boolean last =
          window >= MAX_WINDOWS || span >= MAX_SPAN_MS || (hinted && hint == Long.MIN_VALUE);
      Long since = last ? null : hinted ? hint : now.toEpochMilli() - span;
      Page page = new Page(offset, limit);
      page.add(sorted(filter, NewsNodes.PUBLICATION_DATE, false, since).execute().getNodes());
      matched += page.seen();
      if (page.full()) {
        return new Listing(page.items(), matched, window);
      }
      if (last) {
        long dated = page.seen();
        page.add(undated(filter).execute().getNodes());
        return new Listing(page.items(), matched + page.seen() - dated, window + 1);
      }
      span = Math.max(span, now.toEpochMilli() - since);
      span = Math.min(MAX_SPAN_MS, span * growth(page.seen(), wanted));
    }
  }

  /**
   * What {@link #read} found.
   *
   * @param items the page
   * @param matched nodes the queries matched, over all windows (Jackrabbit loads each one)
   * @param queries queries run
   */
  record Listing(List<NewsItem> items, long matched, int queries) {}

  /**
   * How much the next window grows: enough for the wanted items at the density found (a quarter
   * more), at least twice, at most {@value #MAX_GROWTH} times.
   */
  private static long growth(long found, long wanted) {
    if (found == 0) {
      return 8;
    }
    long factor = (wanted * 5 + found * 4 - 1) / (found * 4);
    return Math.max(2, Math.min(MAX_GROWTH, factor));
  }

  /**
   * @param filter what to select
   * @return identifier → path of every item the filter selects, in no particular order (one query
   *     without ordering; each matching node is read)
   * @throws RepositoryException on repository failure
   */
  public Map<String, String> paths(NewsFilter filter) throws RepositoryException {
    Map<String, String> paths = new LinkedHashMap<>();
    NodeIterator nodes = filtered(filter).query(session, "").execute().getNodes();
    while (nodes.hasNext()) {
      Node node = nodes.nextNode();
      paths.put(node.getIdentifier(), node.getPath());
    }
    return paths;
  }

  /**
   * Counts a filter's items by kind and by the terms of their scopes, in one pass (one query
   * without ordering; each matching node is read once).
   *
   * @param filter what to count
   * @param thematicIds thematic identifiers to count (items whose {@link NewsNodes#THEMATIC_SCOPE}
   *     holds each one); others are not counted
   * @param territoryIds territory identifiers to count, likewise on {@link
   *     NewsNodes#TERRITORY_SCOPE}
   * @return the counts; a requested identifier no item holds counts 0
   * @throws RepositoryException on repository failure
   */
  public Tally tally(NewsFilter filter, Set<String> thematicIds, Set<String> territoryIds)
      throws RepositoryException {
    Map<NewsKind, Long> byKind = new HashMap<>();
    Map<String, Long> byThematic = new HashMap<>();
    Map<String, Long> byTerritory = new HashMap<>();
    long total = 0;
    long dated = 0;
    PriorityQueue<Long> newest = new PriorityQueue<>();
    NodeIterator nodes = filtered(filter).query(session, "").execute().getNodes();
    while (nodes.hasNext()) {
      Node node = nodes.nextNode();
      total++;
      if (node.hasProperty(NewsNodes.PUBLICATION_DATE)) {
        dated++;
        newest.add(node.getProperty(NewsNodes.PUBLICATION_DATE).getDate().getTimeInMillis());
        if (newest.size() > Tally.NEWEST_KEPT) {
          newest.poll();
        }
      }
      NewsKind kind =
          node.hasProperty(NewsNodes.KIND)
              ? NewsKind.fromCode(node.getProperty(NewsNodes.KIND).getString())
              : NewsKind.fromCode(null);
      byKind.merge(kind, 1L, Long::sum);
      countScope(node, NewsNodes.THEMATIC_SCOPE, thematicIds, byThematic);
      countScope(node, NewsNodes.TERRITORY_SCOPE, territoryIds, byTerritory);
    }
    List<Long> descending = new ArrayList<>(newest);
    descending.sort(Comparator.reverseOrder());
    return new Tally(total, byKind, byThematic, byTerritory, dated, descending);
  }

  private static void countScope(
      Node node, String property, Set<String> wanted, Map<String, Long> counts)
      throws RepositoryException {
    if (wanted.isEmpty() || !node.hasProperty(property)) {
      return;
    }
    Property scope = node.getProperty(property);
    if (!scope.isMultiple()) {
      String id = scope.getString();
      if (wanted.contains(id)) {
        counts.merge(id, 1L, Long::sum);
      }
      return;
    }
    for (Value value : scope.getValues()) {
      String id = value.getString();
      if (wanted.contains(id)) {
        counts.merge(id, 1L, Long::sum);
      }
    }
  }

  /**
   * The items of a filter that have {@code key}, sorted by it; with {@code since}, only those whose
   * {@code key} is at or after it.
   */
  private Query sorted(NewsFilter filter, String key, boolean ascending, Long since)
      throws RepositoryException {
    Conditions conditions = filtered(filter);
    String field = "n.[" + key + "]";
    if (since != null) {
      conditions.add(field + " >= $since", "since", date(since));
    } else {
      conditions.add(field + " IS NOT NULL");
    }
    return conditions.query(session, " ORDER BY " + field + (ascending ? " ASC" : " DESC"));
  }

  /** The items without publication date. */
  private Query undated(NewsFilter filter) throws RepositoryException {
    Conditions conditions = filtered(filter);
    conditions.add("NOT n.[" + NewsNodes.PUBLICATION_DATE + "] IS NOT NULL");
    return conditions.query(session, "");
  }

  private Value date(long epochMillis) throws RepositoryException {
    Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    calendar.setTimeInMillis(epochMillis);
    return session.getValueFactory().createValue(calendar);
  }

  /** The conditions of a filter, with their bind values. */
  private Conditions filtered(NewsFilter filter) throws RepositoryException {
    ValueFactory values = session.getValueFactory();
    Conditions conditions = new Conditions();
    if (filter.thematicId() != null) {
      conditions.add(
          "n.[" + NewsNodes.THEMATIC_SCOPE + "] = $thematic",
          "thematic",
          values.createValue(filter.thematicId()));
    }
    if (filter.territoryId() != null) {
      conditions.add(
          "n.[" + NewsNodes.TERRITORY_SCOPE + "] = $territory",
          "territory",
          values.createValue(filter.territoryId()));
    }
    String kind = "n.[" + NewsNodes.KIND + "] = $event";
    if (filter.kind() == NewsKind.EVENT) {
      conditions.add(kind);
    } else if (filter.kind() == NewsKind.NEWS) {
      conditions.add("NOT " + kind);
    }
    NewsFilter.Period period = filter.period();
    String start = "n.[" + NewsNodes.START_DATE + "]";
    String end = "n.[" + NewsNodes.END_DATE + "]";
    if (period != null) {
      conditions.bind("from", values.createValue(calendar(period.from())));
      // every event branch requires a start (an event without one has no schedule; the upcoming
      // list sorts on it): an existence test, not a range. "Not over" is written with ranges
      // open upwards only: Jackrabbit's index answers an open lower bound ("x < $from") by
      // reading every older term of the property, so "over" is "NOT (not over)".
      String scheduled = kind + " AND " + start + " IS NOT NULL";
      String notOver = "(" + start + " >= $from OR " + end + " >= $from)";
      switch (period.type()) {
        case UPCOMING -> conditions.add(scheduled + " AND " + notOver);
        case PAST -> conditions.add(scheduled + " AND NOT " + notOver);
        case MONTH -> {
          // NOT inside OR is not evaluated as such by Jackrabbit: news are "kind = news" here.
          // A month is [from, to): what is at or after from (events: not over by from), minus
          // what is at or after to.
          conditions.bind("to", values.createValue(calendar(period.to())));
          conditions.bind("news", values.createValue(NewsKind.NEWS.code()));
          String published = "n.[" + NewsNodes.PUBLICATION_DATE + "]";
          conditions.add(
              "("
                  + scheduled
                  + " AND "
                  + notOver
                  + ") OR (n.["
                  + NewsNodes.KIND
                  + "] = $news AND "
                  + published
                  + " >= $from)");
          conditions.add(
              "NOT (("
                  + kind
                  + " AND "
                  + start
                  + " >= $to) OR (n.["
                  + NewsNodes.KIND
                  + "] = $news AND "
                  + published
                  + " >= $to))");
        }
      }
    }
    if (conditions.uses("$event")) {
      conditions.bind("event", values.createValue(NewsKind.EVENT.code()));
    }
    if (filter.text() != null) {
      List<String> any = new ArrayList<>();
      for (String property : List.of(NewsNodes.TITLE, NewsNodes.TEASER, NewsNodes.BODY)) {
        any.add("CONTAINS(n.[" + property + "], $text)");
      }
      conditions.add(
          "(" + String.join(" OR ", any) + ")", "text", values.createValue(filter.text()));
    }
    return conditions;
  }

  private static Calendar calendar(ZonedDateTime instant) {
    Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone(instant.getZone()));
    calendar.setTimeInMillis(instant.toInstant().toEpochMilli());
    return calendar;
  }

  /** JCR-SQL2 conditions (AND) on selector {@code n} and the values of their bind variables. */
  private static final class Conditions {
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Value> binds = new LinkedHashMap<>();

    void add(String condition) {
      conditions.add(condition);
    }

    void add(String condition, String variable, Value value) {
      conditions.add(condition);
      binds.put(variable, value);
    }

    void bind(String variable, Value value) {
      binds.put(variable, value);
    }

    boolean uses(String variable) {
      return conditions.stream().anyMatch(c -> c.contains(variable));
    }

    Query query(Session session, String orderBy) throws RepositoryException {
      StringBuilder sql = new StringBuilder("SELECT * FROM [" + NewsNodes.NODE_TYPE + "] AS n");
      if (!conditions.isEmpty()) {
        sql.append(" WHERE (").append(String.join(") AND (", conditions)).append(')');
      }
      sql.append(orderBy);
      Query query =
          session.getWorkspace().getQueryManager().createQuery(sql.toString(), Query.JCR_SQL2);
      for (Map.Entry<String, Value> bind : binds.entrySet()) {
        query.bindValue(bind.getKey(), bind.getValue());
      }
      return query;
    }
  }

  /** The items of a page, gathered from consecutive sorted results. */
  private static final class Page {
    private final long offset;
    private final long limit;
    private final List<NewsItem> items = new ArrayList<>();
    private long seen;

    Page(long offset, long limit) {
      this.offset = offset;
      this.limit = limit;
    }

    /** Takes what the page needs from the next result; returns the result's size. */
    long add(NodeIterator nodes) throws RepositoryException {
      long size = nodes.getSize();
      if (size >= 0 && seen + size <= offset) {
        seen += size;
        return size;
      }
      long counted = 0;
      if (seen < offset && size >= 0) {
        long skip = offset - seen;
        nodes.skip(skip);
        seen += skip;
        counted = skip;
      }
      while (seen < offset && nodes.hasNext()) {
        nodes.nextNode(); // size unknown: one by one, never past the end
        seen++;
        counted++;
      }
      while (nodes.hasNext() && !full()) {
        items.add(NewsMapper.read(nodes.nextNode()));
        seen++;
        counted++;
      }
      if (size >= 0) {
        seen += size - counted;
        return size;
      }
      while (nodes.hasNext()) {
        nodes.nextNode();
        seen++;
        counted++;
      }
      return counted;
    }

    boolean full() {
      return items.size() >= limit;
    }

    long seen() {
      return seen;
    }

    List<NewsItem> items() {
      return items;
    }
  }

  /**
   * Counts of a filter's items.
   *
   * @param total number of items the filter selects
   * @param byKind items per kind (a kind without item is absent)
   * @param byThematic items per requested thematic identifier (absent: 0)
   * @param byTerritory items per requested territory identifier (absent: 0)
   * @param dated items with a publication date
   * @param newest publication dates (epoch ms) of the newest {@value #NEWEST_KEPT} dated items at
   *     most, newest first
   */
  public record Tally(
      long total,
      Map<NewsKind, Long> byKind,
      Map<String, Long> byThematic,
      Map<String, Long> byTerritory,
      long dated,
      List<Long> newest) {

    /** Publication dates kept by a tally: the first 20 pages of 10. */
    public static final int NEWEST_KEPT = 200;

    public Tally {
      byKind = Map.copyOf(byKind);
      byThematic = Map.copyOf(byThematic);
      byTerritory = Map.copyOf(byTerritory);
      newest = List.copyOf(newest);
    }

    /**
     * Where the window holding the newest {@code wanted} items starts.
     *
     * @param wanted {@code offset + limit} of a page, ≥ 1
     * @return the publication date (epoch ms) of the {@code wanted}-th newest item; {@link
     *     Long#MIN_VALUE} when fewer items than that are dated (the page needs all of them, and the
     *     undated ones); {@code null} when not known (beyond the dates kept)
     */
    public Long since(long wanted) {
      if (wanted <= newest.size()) {
        return newest.get((int) wanted - 1);
      }
      return dated <= newest.size() ? Long.MIN_VALUE : null;
    }

    /** Items of a kind. */
    public long kind(NewsKind kind) {
      return byKind.getOrDefault(kind, 0L);
    }

    /** Items whose thematic scope holds the identifier. */
    public long thematic(String id) {
      return byThematic.getOrDefault(id, 0L);
    }

    /** Items whose territory scope holds the identifier. */
    public long territory(String id) {
      return byTerritory.getOrDefault(id, 0L);
    }
  }
}
