package fr.irev.news.taxonomy;

import fr.irev.news.jcr.JcrProperties;
import fr.irev.news.jcr.References;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import javax.jcr.ItemNotFoundException;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * The scope of an item's tags: each tagged term plus every term containing it (its parents in the
 * tree and, for territories, the identifiers of {@link TaxonomyNodes#ANCESTORS}: an EPCI spanning
 * two départements counts for both). Stored on news items so that a filter by any term is one
 * equality condition. Caches terms for the life of the instance: one instance per write or
 * backfill. The sessions are the caller's.
 */
public final class TermScopes {

  private final Session thematics;
  private final Session territories;
  private final Map<String, Set<String>> cache = new HashMap<>();

  /**
   * @param thematics session on {@value TaxonomyNodes#THEMATICS_WORKSPACE}
   * @param territories session on {@value TaxonomyNodes#TERRITORIES_WORKSPACE}
   */
  public TermScopes(Session thematics, Session territories) {
    this.thematics = thematics;
    this.territories = territories;
  }

  /**
   * @param ids identifiers of thematics an item is tagged with
   * @return those identifiers and the identifiers of all their ancestor thematics; an unknown
   *     identifier is kept as is
   * @throws RepositoryException on repository failure
   */
  public Set<String> thematicScope(Collection<String> ids) throws RepositoryException {
    return scope(thematics, TaxonomyNodes.THEMATIC_TYPE, ids);
  }

  /**
   * @param ids identifiers of territories an item is tagged with
   * @return those identifiers and the identifiers of every containing territory
   * @throws RepositoryException on repository failure
   */
  public Set<String> territoryScope(Collection<String> ids) throws RepositoryException {
    return scope(territories, TaxonomyNodes.TERRITORY_TYPE, ids);
  }

  private Set<String> scope(Session session, String type, Collection<String> ids)
      throws RepositoryException {
    Set<String> scope = new LinkedHashSet<>();
    for (String id : ids) {
      Set<String> cached = cache.get(type + ':' + id);
      scope.addAll(cached != null ? cached : compute(session, type, id));
    }
    return scope;
  }

  private Set<String> compute(Session session, String type, String id) throws RepositoryException {
    Set<String> scope = new LinkedHashSet<>();
    scope.add(id);
    Node node;
    try {
      // A tag that is not a well-formed identifier (hand-edited content) is kept as is: Jackrabbit
      // would answer a plain RepositoryException ("invalid identifier") and fail a whole backfill.
      if (References.identifier(id).isEmpty()) {
        throw new ItemNotFoundException("not an identifier");
      }
      node = session.getNodeByIdentifier(id);
    } catch (ItemNotFoundException | IllegalArgumentException e) {
      cache.put(type + ':' + id, scope);
      return scope;
    }
    if (node.isNodeType(type)) {
      scope.addAll(JcrProperties.strings(node, TaxonomyNodes.ANCESTORS));
      while (node.getDepth() > 1) {
        node = node.getParent();
        if (!node.isNodeType(type)) {
          break;
        }
        scope.add(node.getIdentifier());
      }
    }
    cache.put(type + ':' + id, scope);
    return scope;
  }
}
