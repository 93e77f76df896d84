package fr.irev.news.templating;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.irev.news.news.NewsCounts;
import fr.irev.news.news.NewsItem;
import fr.irev.news.news.NewsNodes;
import fr.irev.news.news.NewsRepository;
import fr.irev.news.registration.RegistrationEvent;
import fr.irev.news.testing.SeedFacts;
import fr.irev.news.testing.TestSite;
import javax.jcr.Node;
import javax.jcr.Session;
import org.junit.jupiter.api.Test;

/** Reads the pages keep ({@link ContentContext#kept}) on the sample content, real Jackrabbit. */
class KeptReadsTest {

  /**
   * A page reads its item, an editor saves a new title, then the same page asks for the item's
   * registration: what is kept under the new revision holds the new title, not the page's copy from
   * before the save (which would be served until the next change).
   */
  @Test
  void aRegistrationKeptAfterASaveHoldsTheItemAsSaved() throws Exception {
    try (TestSite site = TestSite.withSampleContent();
        NewsCounts counts = new NewsCounts(site.repository()::login, 10)) {
      counts.start();
      site.useNewsCounts(counts);
      ContentContext context = site;
      NewsItem before =
          new NewsRepository(site.session(NewsNodes.WORKSPACE))
              .findByUrlName(SeedFacts.NEXT_SESSION)
              .orElseThrow();

      Session editor = site.repository().login(NewsNodes.WORKSPACE);
      try {
        Node node = editor.getNodeByIdentifier(before.identifier());
        node.setProperty(NewsNodes.TITLE, "Nouveau titre");
        editor.save();
      } finally {
        editor.logout();
      }

      NewsViews views = new NewsViews(context, fr.irev.news.attachment.AttachmentServices.shared());
      RegistrationEvent event = views.registrationEvent(before).orElseThrow();
      assertEquals("Nouveau titre", event.item().title());
      assertEquals(
          "Nouveau titre", views.registrationEvent(before).orElseThrow().item().title(), "kept");
    }
  }
}
