package fr.irev.news.templating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.news.NewsCounts;
import fr.irev.news.taxonomy.TaxonomyNodes;
import fr.irev.news.testing.TestSite;
import java.util.List;
import java.util.Map;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.junit.jupiter.api.Test;

/**
 * The list filters' terms found by name through the webapp's {@link NewsCounts}: the same term as
 * without it, and a renamed term is found under its new name only, once the change is observed.
 */
class ListingQueryTermNamesTest {

  @Test
  void aRenamedTermIsFoundUnderItsNewNameOnly() throws Exception {
    try (TestSite site = TestSite.empty();
        NewsCounts counts = new NewsCounts(site.repository()::login, 10)) {
      Session territories = site.session(TaxonomyNodes.TERRITORIES_WORKSPACE);
      territories.getRootNode().addNode("nord", TaxonomyNodes.TERRITORY_TYPE);
      territories.save();
      counts.start();
      String withoutCounts = territory(site, "nord").identifier();
      site.useNewsCounts(counts);
      ContentContext context = site;

      String id = territory(context, "nord").identifier();
      assertEquals(id, territory(context, "nord").identifier());
      assertEquals(id, withoutCounts, "the same term as without the counts");

      long revision = counts.revision();
      territories.move("/nord", "/departement-du-nord");
      territories.save();
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (counts.revision() == revision && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertTrue(counts.revision() > revision, "the change was observed");

      ListingQuery old = ListingQuery.parse(context, Map.of("territoire", "nord")::get);
      assertNull(old.territory());
      assertEquals(1, old.notices().size());
      assertEquals(id, territory(context, "departement-du-nord").identifier());
    }
  }

  private static fr.irev.news.taxonomy.Term territory(ContentContext context, String name)
      throws RepositoryException {
    ListingQuery query = ListingQuery.parse(context, Map.of("territoire", name)::get);
    assertEquals(List.of(), query.notices());
    return query.territory();
  }
}
