package fr.irev.news.registration.web;

import fr.irev.news.taxonomy.TaxonomyNodes;
import fr.irev.news.taxonomy.TerritoryLevel;
import java.text.Collator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.query.Query;

/**
 * The communes of the territory list, suggested by the registration form's commune field ({@code
 * <datalist>}: the visitor may still type another name).
 */
public final class CommuneNames {

  /**
   * Most suggestions written into a page: beyond that the list would weigh on every event page (the
   * full regional list of 3 782 communes needs a search-as-you-type field instead).
   */
  public static final int MAX = 400;

  private CommuneNames() {}

  /**
   * @param territories a session on the territories workspace
   * @return the communes' titles in French alphabetical order; empty when there are more than
   *     {@value #MAX}
   * @throws RepositoryException on repository failure
   */
  public static List<String> of(Session territories) throws RepositoryException {
    Query query =
        territories
            .getWorkspace()
            .getQueryManager()
            .createQuery(
                "SELECT * FROM ["
                    + TaxonomyNodes.TERRITORY_TYPE
                    + "] AS t WHERE t.["
                    + TaxonomyNodes.LEVEL
                    + "] = $level",
                Query.JCR_SQL2);
    query.bindValue(
        "level", territories.getValueFactory().createValue(TerritoryLevel.COMMUNE.code()));
    query.setLimit(MAX + 1L);
    List<String> names = new ArrayList<>();
    for (NodeIterator it = query.execute().getNodes(); it.hasNext(); ) {
      Node node = it.nextNode();
      names.add(
          node.hasProperty(TaxonomyNodes.TITLE)
              ? node.getProperty(TaxonomyNodes.TITLE).getString()
              : node.getName());
    }
    if (names.size() > MAX) {
      return List.of();
    }
    names.sort(Collator.getInstance(Locale.FRENCH));
    return names;
  }
}
