package fr.irev.news.preview.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.preview.repository.PreviewRepository;
import fr.irev.news.templating.ContentContext;
import java.util.List;
import java.util.Map;
import javax.jcr.Node;
import javax.jcr.Session;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

class ContextAttributesTest {

  @Test
  void magnoliaAdapterClassIsPlayedByNewsFunctionsAndUnusableClassesAreLeftOut() throws Exception {
    try (PreviewRepository repo = PreviewRepository.inMemory()) {
      repo.ensureWorkspace("config");
      Session config = repo.login("config");
      try {
        Node attributes =
            config
                .getRootNode()
                .addNode("modules", "mgnl:content")
                .addNode("rendering", "mgnl:content")
                .addNode("renderers", "mgnl:content")
                .addNode("freemarker", "mgnl:content")
                .addNode("contextAttributes", "mgnl:content");
        attribute(attributes, "irevfn", ContextAttributes.MAGNOLIA_FUNCTIONS);
        attribute(attributes, "testfn", TestFunctions.class.getName());
        attribute(attributes, "nofn", "fr.irev.news.DoesNotExist");
        attribute(attributes, "plain", StringBuilder.class.getName());
        config.save();
        ContextAttributes read =
            ContextAttributes.read(config, ContextAttributesTest.class.getClassLoader());
        assertEquals(List.of("irevfn", "testfn", "plain"), read.names());
        Map<String, Object> objects = read.create(Mockito.mock(ContentContext.class));
        assertEquals(ContextAttributes.NEWS_FUNCTIONS, objects.get("irevfn").getClass().getName());
        assertTrue(objects.get("testfn") instanceof TestFunctions);
        assertTrue(objects.get("plain") instanceof StringBuilder);
      } finally {
        config.logout();
      }
    }
    assertTrue(ContextAttributes.none().names().isEmpty());
  }

  private static void attribute(Node parent, String name, String className) throws Exception {
    Node node = parent.addNode(name, "mgnl:contentNode");
    node.setProperty("name", name);
    node.setProperty("componentClass", className);
  }
}
