package fr.irev.news.magnolia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.taxonomy.TaxonomyNodes;
import fr.irev.news.testing.TestSite;
import info.magnolia.module.InstallContext;
import info.magnolia.module.delta.Task;
import java.util.ArrayList;
import java.util.List;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.junit.jupiter.api.Test;

/** The version handler's territory task, run against the stand-ins on a real repository. */
class IrevNewsVersionHandlerTest {

  @Test
  void installAndEveryUpdateImportTheTerritories() throws Exception {
    IrevNewsVersionHandler handler = new IrevNewsVersionHandler();
    List<String> messages = new ArrayList<>();
    try (TestSite site = TestSite.empty()) {
      InstallContext context =
          new InstallContext() {
            @Override
            public void info(String message) {
              messages.add(message);
            }

            @Override
            public Session getJCRSession(String workspaceName) throws RepositoryException {
              return site.session(workspaceName);
            }
          };
      List<Task> install = handler.getExtraInstallTasks(context);
      List<Task> update = handler.getDefaultUpdateTasks(null);
      assertInstanceOf(TerritoryImportTask.class, install.get(install.size() - 2));
      assertInstanceOf(TerritoryImportTask.class, update.get(update.size() - 2));
      assertInstanceOf(NewsScopeTask.class, install.get(install.size() - 1));
      assertInstanceOf(NewsScopeTask.class, update.get(update.size() - 1));

      install.get(install.size() - 2).execute(context);
      install.get(install.size() - 1).execute(context);
      update.get(update.size() - 2).execute(context);
      update.get(update.size() - 1).execute(context);

      assertEquals(
          List.of(
              "Territoires\u00a0: 3880 créés, 0 mis à jour, 0 inchangés, 0 marqués obsolètes.",
              "Portée des étiquettes\u00a0: 0 actualités mises à jour.",
              "Territoires\u00a0: 0 créés, 0 mis à jour, 3880 inchangés, 0 marqués obsolètes.",
              "Portée des étiquettes\u00a0: 0 actualités mises à jour."),
          messages);
      assertTrue(
          site.session(TaxonomyNodes.TERRITORIES_WORKSPACE).nodeExists("/hauts-de-france/nord"));
    }
  }
}
