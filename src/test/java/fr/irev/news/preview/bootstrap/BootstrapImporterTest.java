package fr.irev.news.preview.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.preview.repository.PreviewRepository;
import fr.irev.news.preview.support.Fixtures;
import fr.irev.news.testing.LogCapture;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.jcr.NoSuchWorkspaceException;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootstrapImporterTest {

  private static ModuleDescriptor fixtureModule() throws IOException {
    return ModuleDescriptorParser.parse(Fixtures.site().resolve("magnolia-module.xml"));
  }

  @Test
  void importsEveryFileOnFirstStartOnlyAndKeepsEditsAcrossRestart(@TempDir Path dir)
      throws Exception {
    ModuleDescriptor module = fixtureModule();
    try (PreviewRepository repo = PreviewRepository.persistent(dir)) {
      assertEquals(6, new BootstrapImporter(repo, Fixtures.resources()).install(module));
      Session config = repo.login("config");
      try {
        String attr = "/modules/rendering/renderers/freemarker/contextAttributes/testfn";
        assertEquals("testfn", config.getNode(attr).getProperty("name").getString());
        assertTrue(config.getNode("/modules/rendering").isNodeType("mgnl:content"));
        assertEquals(
            "0.1.0", config.getNode("/modules/irev-news").getProperty("version").getString());
      } finally {
        config.logout();
      }
      Session news = repo.login("irev-news");
      try {
        assertTrue(news.getNode("/journee-approfondissement").isNodeType("irev:newsItem"));
        news.getNode("/journee-approfondissement").setProperty("title", "Modifié");
        news.save();
      } finally {
        news.logout();
      }
      Session thematics = repo.login("irev-thematics");
      try {
        assertEquals(
            "/discrimination/lutte-contre-les-discriminations",
            thematics.getNodeByIdentifier("0a5e3f10-2222-4c1d-9a2b-0e1f2a3b4c03").getPath());
      } finally {
        thematics.logout();
      }
    }
    try (PreviewRepository repo = PreviewRepository.persistent(dir)) {
      assertEquals(0, new BootstrapImporter(repo, Fixtures.resources()).install(module));
      Session news = repo.login("irev-news");
      try {
        assertEquals(
            "Modifié", news.getNode("/journee-approfondissement").getProperty("title").getString());
      } finally {
        news.logout();
      }
    }
  }

  @Test
  void readsBootstrapFilesFromAJarAndSavesNothingWhenOneFails(@TempDir Path dir) throws Exception {
    Path jar = dir.resolve("module.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      put(out, "mgnl-bootstrap/m/", null);
      put(out, "mgnl-bootstrap/m/website.a.xml", page("a"));
      put(out, "mgnl-bootstrap/m/website.a.b.xml", page("b"));
      put(out, "mgnl-bootstrap/m/website.a.b.c.xml", "<sv:node broken");
    }
    ModuleDescriptor module = new ModuleDescriptor("m", "1", List.of(), List.of(), List.of());
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
        PreviewRepository repo = PreviewRepository.inMemory()) {
      RepositoryException e =
          assertThrows(
              RepositoryException.class, () -> new BootstrapImporter(repo, loader).install(module));
      assertTrue(e.getMessage().contains("website.a.b.c.xml"), e.getMessage());
      Session website = repo.login("website");
      try {
        assertFalse(website.nodeExists("/a"));
      } finally {
        website.logout();
      }
    }
  }

  @Test
  void skipsFilesOfMagnoliaSecurityWorkspacesWithOneInfoLine(@TempDir Path dir) throws Exception {
    Path jar = dir.resolve("module.jar");
    String role =
        "<sv:node sv:name=\"staff\" xmlns:sv=\"http://www.jcp.org/jcr/sv/1.0\">"
            + "<sv:property sv:name=\"jcr:primaryType\" sv:type=\"Name\"><sv:value>mgnl:role"
            + "</sv:value></sv:property></sv:node>";
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      put(out, "mgnl-bootstrap/m/", null);
      put(out, "mgnl-bootstrap/m/website.a.xml", page("a"));
      put(out, "mgnl-bootstrap/m/userroles.staff.xml", role);
      put(out, "mgnl-bootstrap/m/usergroups.editors.xml", role.replace("staff", "editors"));
      put(out, "mgnl-bootstrap-samples/m/", null);
      put(out, "mgnl-bootstrap-samples/m/users.admin.jean.xml", role.replace("staff", "jean"));
    }
    ModuleDescriptor module = new ModuleDescriptor("m", "1", List.of(), List.of(), List.of());
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
        PreviewRepository repo = PreviewRepository.inMemory();
        LogCapture log = new LogCapture()) {
      assertEquals(1, new BootstrapImporter(repo, loader).install(module));

      Session website = repo.login("website");
      try {
        assertTrue(website.nodeExists("/a"));
      } finally {
        website.logout();
      }
      for (String workspace : List.of("userroles", "usergroups", "users")) {
        assertThrows(NoSuchWorkspaceException.class, () -> repo.login(workspace), workspace);
      }
      List<String> skipped =
          log.lines().stream().filter(l -> l.contains("security workspaces skipped")).toList();
      assertEquals(1, skipped.size(), log.text());
      assertTrue(skipped.get(0).contains(" INFO "), skipped.get(0));
      assertTrue(
          skipped
              .get(0)
              .contains("[usergroups.editors.xml, userroles.staff.xml, users.admin.jean.xml]"),
          skipped.get(0));
      assertEquals(List.of(), log.errors());
    }
  }

  @Test
  void theModuleBootstrapsItsStaffRoleWhichThePreviewSkips() throws Exception {
    ModuleDescriptor module =
        ModuleDescriptorParser.parse(Path.of("magnolia-module.xml").toAbsolutePath());
    try (PreviewRepository repo = PreviewRepository.inMemory();
        LogCapture log = new LogCapture()) {
      new BootstrapImporter(repo, BootstrapImporterTest.class.getClassLoader()).install(module);
      assertTrue(
          log.lines().stream()
              .anyMatch(
                  l ->
                      l.contains("security workspaces skipped")
                          && l.contains("userroles.irev-news-staff.xml")),
          log.text());
    }
  }

  @Test
  void fileNamesGiveWorkspaceAndParentPath() {
    BootstrapFile file =
        BootstrapFile.parse(
                "config.modules.rendering.renderers.freemarker.contextAttributes.irevfn.xml", null)
            .orElseThrow();
    assertEquals("config", file.workspace());
    assertEquals("/modules/rendering/renderers/freemarker/contextAttributes", file.parentPath());
    assertEquals("irevfn", file.nodeName());
    BootstrapFile top =
        BootstrapFile.parse("irev-news.discriminations-et-egalite.xml", null).orElseThrow();
    assertEquals("irev-news", top.workspace());
    assertEquals("/", top.parentPath());
    assertTrue(BootstrapFile.parse("README.xml", null).isEmpty());
    assertTrue(BootstrapFile.parse("a..b.xml", null).isEmpty());
  }

  private static String page(String name) {
    return "<sv:node sv:name=\""
        + name
        + "\" xmlns:sv=\"http://www.jcp.org/jcr/sv/1.0\">"
        + "<sv:property sv:name=\"jcr:primaryType\" sv:type=\"Name\"><sv:value>mgnl:page</sv:value>"
        + "</sv:property></sv:node>";
  }

  private static void put(JarOutputStream out, String name, String text) throws IOException {
    out.putNextEntry(new JarEntry(name));
    if (text != null) {
      OutputStream body = out;
      body.write(text.getBytes(StandardCharsets.UTF_8));
    }
    out.closeEntry();
  }
}
