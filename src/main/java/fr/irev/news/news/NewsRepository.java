package fr.irev.news.news;

import fr.irev.news.jcr.References;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
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
   * Lists the items a filter selects: upcoming events by start date, soonest first; anything else
   * newest first (by publication date; items without one come in the query's order). Cost: one
   * index-backed JCR-SQL2 query (each filter part is a condition with bind variables: a term at any
   * level is one equality on a scope property, see {@link NewsScopes}); only the page's items are
   * read.
   *
   * @param filter what to select
   * @param offset number of items to skip, ≥ 0
   * @param limit page size, ≥ 1
   * @return the requested page and the total number of matching items
   * @throws IllegalArgumentException when {@code offset} or {@code limit} is out of range
   * @throws RepositoryException on repository failure
   */
  public NewsPage list(NewsFilter filter, long offset, long limit) throws RepositoryException {
    if (offset < 0 || limit < 1) {
      throw new IllegalArgumentException("offset " + offset + ", limit " + limit);
    }
    NodeIterator nodes = query(filter, true).execute().getNodes();
    long total = nodes.getSize();
    List<NewsItem> items = new ArrayList<>();
    long position = 0;
    if (total >= 0 && offset > 0) {
      nodes.skip(Math.min(offset, total));
      position = Math.min(offset, total);
    }
    while (nodes.hasNext() && (items.size() < limit || total < 0)) {
      Node node = nodes.nextNode();
      if (position++ >= offset && items.size() < limit) {
        items.add(NewsMapper.read(node));
      }
    }
    return new NewsPage(items, total < 0 ? position : total);
  }

  /**
   * @param filter what to count
   * @return number of items the filter selects (one query, no item read)
   * @throws RepositoryException on repository failure
   */
  public long count(NewsFilter filter) throws RepositoryException {
    NodeIterator nodes = query(filter, false).execute().getNodes();
    long size = nodes.getSize();
    if (size >= 0) {
      return size;
    }
    long count = 0;
    for (; nodes.hasNext(); nodes.next()) {
      count++;
    }
    return count;
  }

  private Query query(NewsFilter filter, boolean ordered) throws RepositoryException {
    ValueFactory values = session.getValueFactory();
    Map<String, Value> binds = new LinkedHashMap<>();
    List<String> conditions = new ArrayList<>();
    if (filter.thematicId() != null) {
      conditions.add("n.[" + NewsNodes.THEMATIC_SCOPE + "] = $thematic");
      binds.put("thematic", values.createValue(filter.thematicId()));
    }
    if (filter.territoryId() != null) {
      conditions.add("n.[" + NewsNodes.TERRITORY_SCOPE + "] = $territory");
      binds.put("territory", values.createValue(filter.territoryId()));
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
      binds.put("from", values.createValue(calendar(period.from())));
      switch (period.type()) {
        case UPCOMING ->
            conditions.add(kind + " AND (" + start + " >= $from OR " + end + " >= $from)");
        case PAST ->
            conditions.add(kind + " AND " + start + " < $from AND NOT " + end + " >= $from");
        case MONTH -> {
          // NOT inside OR is not evaluated as such by Jackrabbit: news are "kind = news" here
          binds.put("to", values.createValue(calendar(period.to())));
          binds.put("news", values.createValue(NewsKind.NEWS.code()));
          String published = "n.[" + NewsNodes.PUBLICATION_DATE + "]";
          conditions.add(
              "("
                  + kind
                  + " AND "
                  + start
                  + " >= $from AND "
                  + start
                  + " < $to) OR (n.["
                  + NewsNodes.KIND
                  + "] = $news AND "
                  + published
                  + " >= $from AND "
                  + published
                  + " < $to)");
        }
      }
    }
    if (conditions.stream().anyMatch(c -> c.contains("$event"))) {
      binds.put("event", values.createValue(NewsKind.EVENT.code()));
    }
    if (filter.text() != null) {
      List<String> any = new ArrayList<>();
      for (String property : List.of(NewsNodes.TITLE, NewsNodes.TEASER, NewsNodes.BODY)) {
        any.add("CONTAINS(n.[" + property + "], $text)");
      }
      conditions.add("(" + String.join(" OR ", any) + ")");
      binds.put("text", values.createValue(filter.text()));
    }
    StringBuilder sql = new StringBuilder("SELECT * FROM [" + NewsNodes.NODE_TYPE + "] AS n");
    if (!conditions.isEmpty()) {
      sql.append(" WHERE (").append(String.join(") AND (", conditions)).append(')');
    }
    if (ordered) {
      sql.append(
          period != null && period.type() == NewsFilter.Period.Type.UPCOMING
              ? " ORDER BY " + start + " ASC"
              : " ORDER BY n.[" + NewsNodes.PUBLICATION_DATE + "] DESC");
    }
    Query query =
        session.getWorkspace().getQueryManager().createQuery(sql.toString(), Query.JCR_SQL2);
    for (Map.Entry<String, Value> bind : binds.entrySet()) {
      query.bindValue(bind.getKey(), bind.getValue());
    }
    return query;
  }

  private static Calendar calendar(ZonedDateTime instant) {
    Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone(instant.getZone()));
    calendar.setTimeInMillis(instant.toInstant().toEpochMilli());
    return calendar;
  }

  /**
   * A page of a listing.
   *
   * @param items items of the page, in order
   * @param total number of matching items over all pages
   */
  public record NewsPage(List<NewsItem> items, long total) {
    public NewsPage {
      items = List.copyOf(items);
    }
  }
}
