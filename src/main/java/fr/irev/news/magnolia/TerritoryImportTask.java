package fr.irev.news.magnolia;

import fr.irev.news.taxonomy.TaxonomyNodes;
import fr.irev.news.taxonomy.TerritoryImport;
import info.magnolia.module.InstallContext;
import info.magnolia.module.delta.Task;
import info.magnolia.module.delta.TaskExecutionException;
import java.io.IOException;
import javax.jcr.RepositoryException;

/**
 * Install/update task: imports the territories file shipped in the module jar into workspace
 * {@value TaxonomyNodes#TERRITORIES_WORKSPACE} with {@link TerritoryImport} (idempotent, saves
 * every {@value TerritoryImport#DEFAULT_BATCH} nodes) and reports the counts in the install report.
 */
public final class TerritoryImportTask implements Task {

  @Override
  public String getName() {
    return "Territoires";
  }

  @Override
  public String getDescription() {
    return "Importe ou met à jour les territoires (région, départements, EPCI, communes) depuis "
        + "le fichier officiel livré avec le module.";
  }

  @Override
  public void execute(InstallContext installContext) throws TaskExecutionException {
    try {
      TerritoryImport.Result result =
          TerritoryImport.bundled(
              installContext.getJCRSession(TaxonomyNodes.TERRITORIES_WORKSPACE),
              TerritoryImport.DEFAULT_BATCH,
              TerritoryImportTask.class.getClassLoader());
      installContext.info(
          "Territoires\u00a0: "
              + result.created()
              + " créés, "
              + result.updated()
              + " mis à jour, "
              + result.unchanged()
              + " inchangés, "
              + result.obsolete()
              + " marqués obsolètes.");
    } catch (IOException | RepositoryException | IllegalArgumentException e) {
      throw new TaskExecutionException(
          "Import des territoires impossible\u00a0: " + e.getMessage(), e);
    }
  }
}
