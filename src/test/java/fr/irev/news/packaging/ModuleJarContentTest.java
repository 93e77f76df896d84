package fr.irev.news.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the build puts in the module's class output (the jar's content): the descriptor where
 * Magnolia looks for it, the node types and bootstrap files, and no preview code or stand-in.
 */
class ModuleJarContentTest {

  private static Path mainOutput() throws Exception {
    URL core = ModuleJarContentTest.class.getResource("/fr/irev/news/news/NewsItem.class");
    assertNotNull(core);
    return Path.of(core.toURI()).getParent().getParent().getParent().getParent().getParent();
  }

  @Test
  void descriptorIsShippedUnderTheModuleName() throws Exception {
    Path shipped = mainOutput().resolve("META-INF/magnolia/irev-news.xml");
    assertTrue(Files.isRegularFile(shipped), shipped.toString());
    assertArrayEquals(
        Files.readAllBytes(Path.of("magnolia-module.xml")), Files.readAllBytes(shipped));
    try (InputStream cnd =
        getClass().getResourceAsStream("/mgnl-nodetypes/irev-news-nodetypes.cnd")) {
      assertNotNull(cnd);
    }
  }

  @Test
  void noPreviewCodeNoStandInAndNoJettyInTheModuleOutput() throws Exception {
    Path output = mainOutput();
    assertFalse(Files.exists(output.resolve("fr/irev/news/preview")));
    try (Stream<Path> files = Files.walk(output)) {
      assertTrue(
          files
              .map(p -> output.relativize(p).toString().replace('\\', '/'))
              .noneMatch(p -> p.contains("jetty") || p.startsWith("fr/irev/news/preview")),
          "preview or Jetty files in the module output");
    }
  }
}
