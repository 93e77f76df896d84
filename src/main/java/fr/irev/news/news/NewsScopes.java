package fr.irev.news.news;

import fr.irev.news.jcr.JcrProperties;
import fr.irev.news.taxonomy.TermScopes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * Keeps the derived properties {@link NewsNodes#THEMATIC_SCOPE} and {@link
 * NewsNodes#TERRITORY_SCOPE} of news items: the tagged terms plus all their ancestors, so that a
 * listing filter by a term of any level is a single equality condition on an indexed property (no
 * list of thousands of descendant identifiers, no reading of items).
 *
 * <p>Written by {@link NewsWriter} on every save, by {@link NewsScopeWatcher} for items whose tags
 * are written through plain JCR (Magnolia's content app), and for every item by {@link #backfill}
 * (module install/update, preview start); see docs/architecture.md, "Listings".
 */
public final class NewsScopes {

  private NewsScopes() {}

  /**
   * Sets the scope properties of one item from its tags (not saved).
   *
   * @param node an item
   * @param scopes the taxonomies; {@code null} writes the tagged terms only
   * @return whether a property changed
   * @throws RepositoryException on repository failure
   */
  public static boolean write(Node node, TermScopes scopes) throws RepositoryException {
    List<String> thematics = JcrProperties.strings(node, NewsNodes.THEMATICS);
    List<String> territories = JcrProperties.strings(node, NewsNodes.TERRITORIES);
    Set<String> thematicScope =
        scopes == null ? new LinkedHashSet<>(thematics) : scopes.thematicScope(thematics);
    Set<String> territoryScope =
        scopes == null ? new LinkedHashSet<>(territories) : scopes.territoryScope(territories);
    boolean changed = set(node, NewsNodes.THEMATIC_SCOPE, thematicScope);
    return set(node, NewsNodes.TERRITORY_SCOPE, territoryScope) || changed;
  }

  private static boolean set(Node node, String property, Set<String> values)
      throws RepositoryException {
    List<String> wanted = new ArrayList<>(values);
    if (JcrProperties.strings(node, property).equals(wanted)
        && (wanted.isEmpty() || node.getProperty(property).isMultiple())) {
      return false;
    }
    if (wanted.isEmpty() && node.hasProperty(property)) {
      node.getProperty(property).remove();
    } else if (!wanted.isEmpty()) {
      node.setProperty(property, wanted.toArray(String[]::new));
    }
    return true;
  }

  /**
   * Recomputes the scope of every item of the workspace (a walk of the tree, so that it also sees
   * the unsaved items of an install), saving every {@code batch} changed items. A one-off
   * maintenance pass (install, update), not a listing: linear in the items.
   *
   * @param news session on {@value NewsNodes#WORKSPACE}
   * @param scopes the taxonomies
   * @param batch changed items per save, ≥ 1; 0 leaves saving to the caller
   * @return number of items whose scope changed
   * @throws RepositoryException on repository failure
   */
  public static int backfill(Session news, TermScopes scopes, int batch)
      throws RepositoryException {
    int[] changed = {0};
    walk(news.getRootNode(), scopes, batch, changed);
    if (batch > 0 && news.hasPendingChanges()) {
      news.save();
    }
    return changed[0];
  }

  private static void walk(Node node, TermScopes scopes, int batch, int[] changed)
      throws RepositoryException {
    for (NodeIterator children = node.getNodes(); children.hasNext(); ) {
      Node child = children.nextNode();
      if (child.isNodeType(NewsNodes.NODE_TYPE)) {
        if (write(child, scopes)) {
          changed[0]++;
          if (batch > 0 && changed[0] % batch == 0) {
            child.getSession().save();
          }
        }
      } else if (child.isNodeType("mgnl:folder")) {
        walk(child, scopes, batch, changed);
      }
    }
  }
}
