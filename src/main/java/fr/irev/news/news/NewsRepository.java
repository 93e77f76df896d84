package fr.irev.news.news;

import fr.irev.news.jcr.JcrProperties;
import fr.irev.news.jcr.References;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
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
   * Most identifiers one filter puts into the query as bind variables; a larger set (a région or
   * département with its thousands of communes) is checked on each result instead, because Lucene
   * refuses queries of more than 1 024 clauses (Jackrabbit answers {@code TooManyClauses}).
   */
  static final int MAX_BOUND_IDS = 500;

  /**
   * Lists items newest first (by publication date; items without one come in the query's order).
   * Cost: one query; with a filter of more than {@value #MAX_BOUND_IDS} identifiers, every item
   * matching the other filter is read to count the matches (linear in those items).
   *
   * @param thematicIds when not empty, only items tagged with one of these thematics
   * @param territoryIds when not empty, only items tagged with one of these territories
   * @param offset number of items to skip, ≥ 0
   * @param limit page size, ≥ 1
   * @return the requested page and the total number of matching items
   * @throws IllegalArgumentException when {@code offset} or {@code limit} is out of range
   * @throws RepositoryException on repository failure
   */
  public NewsPage list(
      Collection<String> thematicIds, Collection<String> territoryIds, long offset, long limit)
      throws RepositoryException {
    if (offset < 0 || limit < 1) {
      throw new IllegalArgumentException("offset " + offset + ", limit " + limit);
    }
    Filter thematics = new Filter(NewsNodes.THEMATICS, "t", thematicIds);
    Filter territories = new Filter(NewsNodes.TERRITORIES, "r", territoryIds);
    Query query = query(thematics, territories);
    NodeIterator nodes = query.execute().getNodes();
    boolean checkEach = thematics.checkedOnResults() || territories.checkedOnResults();
    long total = checkEach ? -1 : nodes.getSize();
    List<NewsItem> items = new ArrayList<>();
    long position = 0;
    while (nodes.hasNext() && (items.size() < limit || total < 0)) {
      Node node = nodes.nextNode();
      if (checkEach && !(thematics.accepts(node) && territories.accepts(node))) {
        continue;
      }
      if (position++ >= offset && items.size() < limit) {
        items.add(NewsMapper.read(node));
      }
    }
    return new NewsPage(items, total < 0 ? position : total);
  }

  private Query query(Filter... filters) throws RepositoryException {
    StringBuilder sql = new StringBuilder("SELECT * FROM [" + NewsNodes.NODE_TYPE + "] AS n");
    List<String> conditions = new ArrayList<>();
    for (Filter filter : filters) {
      filter.condition().ifPresent(conditions::add);
    }
    if (!conditions.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", conditions));
    }
    sql.append(" ORDER BY n.[" + NewsNodes.PUBLICATION_DATE + "] DESC");
    Query query =
        session.getWorkspace().getQueryManager().createQuery(sql.toString(), Query.JCR_SQL2);
    ValueFactory values = session.getValueFactory();
    for (Filter filter : filters) {
      filter.bind(query, values);
    }
    return query;
  }

  /** "Tagged with one of these identifiers" on one multi-valued property. */
  private record Filter(String property, String prefix, Collection<String> ids) {

    Filter {
      ids = new LinkedHashSet<>(ids);
    }

    boolean checkedOnResults() {
      return ids.size() > MAX_BOUND_IDS;
    }

    Optional<String> condition() {
      if (ids.isEmpty() || checkedOnResults()) {
        return Optional.empty();
      }
      List<String> alternatives = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        alternatives.add("n.[" + property + "] = $" + prefix + i);
      }
      return Optional.of("(" + String.join(" OR ", alternatives) + ")");
    }

    void bind(Query query, ValueFactory values) throws RepositoryException {
      if (condition().isEmpty()) {
        return;
      }
      int i = 0;
      for (String id : ids) {
        query.bindValue(prefix + i++, values.createValue(id));
      }
    }

    boolean accepts(Node node) throws RepositoryException {
      if (ids.isEmpty()) {
        return true;
      }
      for (String tagged : JcrProperties.strings(node, property)) {
        if (ids.contains(tagged)) {
          return true;
        }
      }
      return false;
    }
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
