package fr.irev.news.news;

import fr.irev.news.jcr.References;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.ValueFactory;
import javax.jcr.query.Query;
import javax.jcr.query.QueryResult;

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
   * Lists items newest first (by publication date).
   *
   * @param thematicIds when not empty, only items tagged with one of these thematics
   * @param territoryIds when not empty, only items tagged with one of these territories
   * @param offset number of items to skip, ≥ 0
   * @param limit page size, ≥ 1
   * @return the requested page and the total number of matching items
   * @throws RepositoryException on repository failure
   */
  public NewsPage list(
      Collection<String> thematicIds, Collection<String> territoryIds, long offset, long limit)
      throws RepositoryException {
    if (offset < 0 || limit < 1) {
      throw new IllegalArgumentException("offset " + offset + ", limit " + limit);
    }
    StringBuilder sql = new StringBuilder("SELECT * FROM [" + NewsNodes.NODE_TYPE + "] AS n");
    List<String> binds = new ArrayList<>();
    List<String> conditions = new ArrayList<>();
    anyOf(NewsNodes.THEMATICS, "t", thematicIds, conditions, binds);
    anyOf(NewsNodes.TERRITORIES, "r", territoryIds, conditions, binds);
    if (!conditions.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", conditions));
    }
    sql.append(" ORDER BY n.[" + NewsNodes.PUBLICATION_DATE + "] DESC");
    Query query =
        session.getWorkspace().getQueryManager().createQuery(sql.toString(), Query.JCR_SQL2);
    ValueFactory values = session.getValueFactory();
    List<String> all = new ArrayList<>();
    all.addAll(thematicIds);
    all.addAll(territoryIds);
    for (int i = 0; i < binds.size(); i++) {
      query.bindValue(binds.get(i), values.createValue(all.get(i)));
    }
    QueryResult result = query.execute();
    NodeIterator nodes = result.getNodes();
    long total = nodes.getSize();
    List<NewsItem> items = new ArrayList<>();
    long position = 0;
    while (nodes.hasNext() && items.size() < limit) {
      Node node = nodes.nextNode();
      if (position++ >= offset) {
        items.add(NewsMapper.read(node));
      }
    }
    if (total < 0) {
      total = position;
      while (nodes.hasNext()) {
        nodes.nextNode();
        total++;
      }
    }
    return new NewsPage(items, total);
  }

  private static void anyOf(
      String property,
      String prefix,
      Collection<String> ids,
      List<String> conditions,
      List<String> binds) {
    if (ids.isEmpty()) {
      return;
    }
    List<String> alternatives = new ArrayList<>();
    int i = 0;
    for (String ignored : ids) {
      String bind = prefix + i++;
      binds.add(bind);
      alternatives.add("n.[" + property + "] = $" + bind);
    }
    conditions.add("(" + String.join(" OR ", alternatives) + ")");
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
