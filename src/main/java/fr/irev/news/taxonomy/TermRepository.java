package fr.irev.news.taxonomy;

import static fr.irev.news.jcr.JcrProperties.string;

import fr.irev.news.jcr.References;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.query.Query;

/**
 * Reads the terms of one taxonomy workspace. Queries are JCR-SQL2 with bind variables. The session
 * is the caller's: not logged out here.
 */
public final class TermRepository {

  private final Session session;
  private final String nodeType;

  /**
   * @param session session on {@link TaxonomyNodes#THEMATICS_WORKSPACE} or {@link
   *     TaxonomyNodes#TERRITORIES_WORKSPACE}
   * @param nodeType {@link TaxonomyNodes#THEMATIC_TYPE} or {@link TaxonomyNodes#TERRITORY_TYPE}
   */
  public TermRepository(Session session, String nodeType) {
    this.session = session;
    this.nodeType = nodeType;
  }

  /**
   * @return a repository of the thematics on the given session
   */
  public static TermRepository thematics(Session session) {
    return new TermRepository(session, TaxonomyNodes.THEMATIC_TYPE);
  }

  /**
   * @return a repository of the territories on the given session
   */
  public static TermRepository territories(Session session) {
    return new TermRepository(session, TaxonomyNodes.TERRITORY_TYPE);
  }

  /**
   * @param identifier JCR identifier (or absolute path, as some link fields store), may be {@code
   *     null} or malformed
   * @return the term, or empty when absent or of another type
   * @throws RepositoryException on repository failure
   */
  public Optional<Term> findById(String identifier) throws RepositoryException {
    Optional<Node> node = nodeById(identifier);
    return node.isPresent() ? Optional.of(read(node.get())) : Optional.empty();
  }

  /**
   * @param name term node name, as Magnolia's app created it (apostrophes allowed, field case C13);
   *     may be {@code null} or malformed
   * @return a term with this node name (the first the query returns: unspecified among terms of the
   *     same name in different branches), or empty
   * @throws RepositoryException on repository failure
   */
  public Optional<Term> findByName(String name) throws RepositoryException {
    if (!References.isLocalName(name)) {
      return Optional.empty();
    }
    Optional<Node> node = References.findByLocalName(session, nodeType, name);
    return node.isPresent() ? Optional.of(read(node.get())) : Optional.empty();
  }

  /**
   * @return the ancestors of a term that are terms of this taxonomy, root first; empty for a root
   * @throws RepositoryException on repository failure
   */
  public List<Term> ancestors(Term term) throws RepositoryException {
    List<Term> ancestors = new ArrayList<>();
    Node node = session.getNodeByIdentifier(term.identifier());
    while (node.getDepth() > 1) {
      node = node.getParent();
      if (!node.isNodeType(nodeType)) {
        break;
      }
      ancestors.add(0, read(node));
    }
    return ancestors;
  }

  /**
   * The identifiers to look for when filtering by a term: the term itself and all its descendants
   * (an item tagged "Lille" is found under "Nord"), then, for territories, every territory whose
   * {@link TaxonomyNodes#ANCESTORS} names the term (a commune of an EPCI seated in another
   * département, an EPCI spanning the département). Cost: linear in the subtree, plus one JCR-SQL2
   * query with a bind variable for territories.
   *
   * @return identifiers, the term's own first, then its subtree in document order
   * @throws RepositoryException on repository failure
   */
  public Set<String> selfAndDescendantIds(Term term) throws RepositoryException {
    Set<String> ids = new LinkedHashSet<>();
    collect(session.getNodeByIdentifier(term.identifier()), ids);
    if (TaxonomyNodes.TERRITORY_TYPE.equals(nodeType)) {
      Query query =
          session
              .getWorkspace()
              .getQueryManager()
              .createQuery(
                  "SELECT * FROM ["
                      + nodeType
                      + "] AS t WHERE t.["
                      + TaxonomyNodes.ANCESTORS
                      + "] = $ancestor",
                  Query.JCR_SQL2);
      query.bindValue("ancestor", session.getValueFactory().createValue(term.identifier()));
      for (NodeIterator it = query.execute().getNodes(); it.hasNext(); ) {
        ids.add(it.nextNode().getIdentifier());
      }
    }
    return ids;
  }

  /**
   * @param term a term, or {@code null} for the top of the taxonomy
   * @param max most terms returned
   * @return the term's child terms (or the root terms) in document order, at most {@code max}
   * @throws RepositoryException on repository failure
   */
  public List<Term> children(Term term, int max) throws RepositoryException {
    Node parent =
        term == null ? session.getRootNode() : session.getNodeByIdentifier(term.identifier());
    List<Term> children = new ArrayList<>();
    for (NodeIterator it = parent.getNodes(); it.hasNext() && children.size() < max; ) {
      Node child = it.nextNode();
      if (child.isNodeType(nodeType)) {
        children.add(read(child));
      }
    }
    return children;
  }

  private void collect(Node node, Set<String> ids) throws RepositoryException {
    ids.add(node.getIdentifier());
    NodeIterator children = node.getNodes();
    while (children.hasNext()) {
      Node child = children.nextNode();
      if (child.isNodeType(nodeType)) {
        collect(child, ids);
      }
    }
  }

  private Optional<Node> nodeById(String reference) throws RepositoryException {
    return References.resolve(session, reference, nodeType);
  }

  private static Term read(Node node) throws RepositoryException {
    String title = string(node, TaxonomyNodes.TITLE);
    return new Term(
        node.getIdentifier(),
        node.getName(),
        title == null ? node.getName() : title,
        node.getPath(),
        string(node, TaxonomyNodes.CODE),
        TerritoryLevel.fromCode(string(node, TaxonomyNodes.LEVEL)).orElse(null),
        string(node, TaxonomyNodes.CAPTION));
  }
}
