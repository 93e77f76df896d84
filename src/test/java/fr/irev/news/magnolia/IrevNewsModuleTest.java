package fr.irev.news.magnolia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.news.NewsCounts;
import fr.irev.news.news.NewsScopeWatcher;
import fr.irev.news.preview.bootstrap.ModuleDescriptorParser;
import fr.irev.news.testing.LogCapture;
import fr.irev.news.testing.TestSite;
import info.magnolia.module.ModuleLifecycle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.jcr.RepositoryException;
import org.junit.jupiter.api.Test;

/** The module class: declared in the descriptor, starts and stops the scope watcher and counts. */
class IrevNewsModuleTest {

  @Test
  void descriptorNamesTheModuleClassBeforeTheVersionHandler() throws Exception {
    String xml = Files.readString(Path.of("magnolia-module.xml"));
    Matcher declared = Pattern.compile("<class>([^<]+)</class>").matcher(xml);
    assertTrue(declared.find());
    assertEquals(IrevNewsModule.class.getName(), declared.group(1));
    assertTrue(declared.start() > xml.indexOf("</description>"));
    assertTrue(declared.start() < xml.indexOf("<versionHandler>"));
    assertTrue(ModuleLifecycle.class.isAssignableFrom(Class.forName(declared.group(1))));
    assertNotNull(IrevNewsModule.class.getConstructor()); // Magnolia instantiates it
    ModuleDescriptorParser.parse(Path.of("magnolia-module.xml")); // still readable
  }

  @Test
  void startRunsOneWatcherAndOneCountCacheAndStopClosesThem() throws Exception {
    try (TestSite site = TestSite.empty()) {
      IrevNewsModule module = new IrevNewsModule(site.repository()::login);
      module.start(null);
      NewsScopeWatcher watcher = module.watcher();
      NewsCounts counts = module.counts();
      assertNotNull(watcher);
      assertNotNull(counts);
      assertSame(counts, IrevNewsModule.runningCounts(), "what MagnoliaContentContext reads");
      module.start(null); // a module restart keeps them
      assertSame(watcher, module.watcher());
      assertSame(counts, module.counts());
      module.stop(null);
      assertNull(module.watcher());
      assertNull(module.counts());
      assertNull(IrevNewsModule.runningCounts());
      module.stop(null);
    }
  }

  @Test
  void aWatcherThatCannotStartLeavesTheModuleRunning() throws Exception {
    try (LogCapture log = new LogCapture()) {
      IrevNewsModule module =
          new IrevNewsModule(
              workspace -> {
                throw new RepositoryException("dépôt indisponible");
              });
      module.start(null);
      assertNull(module.watcher());
      assertTrue(log.text().contains("News scope watcher not started"), log.text());
      assertNull(module.counts());
      assertNull(IrevNewsModule.runningCounts(), "lists count on every request");
      assertTrue(log.text().contains("Listing count cache not started"), log.text());
      module.stop(null);
    }
  }
}
