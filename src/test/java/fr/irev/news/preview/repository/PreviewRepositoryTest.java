package fr.irev.news.preview.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.jcr.ItemExistsException;
import javax.jcr.NoSuchWorkspaceException;
import javax.jcr.Node;
import javax.jcr.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewRepositoryTest {

  private static final String PAGE_ID = "7f3c2a10-5b7e-4c1d-9a2b-0e1f2a3b4c5d";

  private static InputStream fixture() {
    return PreviewRepositoryTest.class.getResourceAsStream("/preview/repository/tiny-page.xml");
  }

  @Test
  void inMemoryImportsSystemViewKeepingIdentifiersAndDeletesItsFolderOnClose() throws Exception {
    Path home;
    try (PreviewRepository repo = PreviewRepository.inMemory()) {
      home = repo.home();
      repo.ensureWorkspace("website");
      repo.ensureWorkspace("website");
      try (InputStream xml = fixture()) {
        repo.importSystemView("website", "/", xml);
      }
      Session session = repo.login("website");
      try {
        Node page = session.getNodeByIdentifier(PAGE_ID);
        assertEquals("/hello", page.getPath());
        assertTrue(page.isNodeType("mgnl:content"));
        assertEquals("Journée d’approfondissement", page.getProperty("title").getString());
        assertEquals(2, page.getProperty("tags").getValues().length);
        Node component = page.getNode("main/0");
        assertTrue(component.isNodeType("mgnl:component"));
        assertTrue(component.getParent().isNodeType("mgnl:area"));
        assertEquals(MagnoliaNames.IREV_URI, session.getNamespaceURI(MagnoliaNames.IREV_PREFIX));
      } finally {
        session.logout();
      }
      try (InputStream again = fixture()) {
        assertThrows(ItemExistsException.class, () -> repo.importSystemView("website", "/", again));
      }
    }
    assertFalse(Files.exists(home));
  }

  @Test
  void persistentRepositoryKeepsContentAndNodeTypesAcrossRestart(@TempDir Path dir)
      throws Exception {
    String cnd =
        "<irev = 'https://irev.fr/jcr/irev-news/1.0'>\n"
            + "<mgnl = 'http://www.magnolia.info/jcr/mgnl'>\n"
            + "[irev:thing] > mgnl:content\n";
    try (PreviewRepository repo = PreviewRepository.persistent(dir.resolve("data"))) {
      repo.registerNodeTypes(new StringReader(cnd));
      repo.ensureWorkspace("website");
      try (InputStream xml = fixture()) {
        repo.importSystemView("website", "/", xml);
      }
      Session session = repo.login("website");
      try {
        session.getRootNode().addNode("thing", "irev:thing");
        session.save();
      } finally {
        session.logout();
      }
    }
    try (PreviewRepository repo = PreviewRepository.persistent(dir.resolve("data"))) {
      repo.registerNodeTypes(new StringReader(cnd));
      Session session = repo.login("website");
      try {
        assertEquals("/hello", session.getNodeByIdentifier(PAGE_ID).getPath());
        assertEquals("Bonjour", session.getNode("/hello/main/0").getProperty("text").getString());
        assertTrue(session.getNode("/thing").isNodeType("irev:thing"));
      } finally {
        session.logout();
      }
    }
    assertTrue(Files.isDirectory(dir.resolve("data")));
  }

  @Test
  void unknownWorkspaceAndBadNamesAreRefused() throws Exception {
    try (PreviewRepository repo = PreviewRepository.inMemory()) {
      assertThrows(NoSuchWorkspaceException.class, () -> repo.login("nope"));
      assertThrows(IllegalArgumentException.class, () -> repo.ensureWorkspace("../evil"));
      assertThrows(IllegalArgumentException.class, () -> repo.ensureWorkspace(""));
    }
  }
}
