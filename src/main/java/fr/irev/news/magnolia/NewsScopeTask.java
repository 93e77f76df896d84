package fr.irev.news.magnolia;

import fr.irev.news.news.NewsNodes;
import fr.irev.news.news.NewsScopes;
import fr.irev.news.taxonomy.TaxonomyNodes;
import fr.irev.news.taxonomy.TermScopes;
import info.magnolia.module.InstallContext;
import info.magnolia.module.delta.Task;
import info.magnolia.module.delta.TaskExecutionException;
import javax.jcr.RepositoryException;

/**
 * Install/update task, after the territory import: recomputes the derived term scopes of every news
 * item ({@link NewsScopes#backfill}), so that listing filters find items bootstrapped, imported, or
 * edited in the content app since the last update.
 */
public final class NewsScopeTask implements Task {

  /** Changed items per save. */
  static final int BATCH = 500;

  @Override
  public String getName() {
    return "Portée des étiquettes";
  }

  @Override
  public String getDescription() {
    return "Recalcule, pour chaque actualité, ses thématiques et territoires avec leurs ancêtres "
        + "(propriétés thematicScope et territoryScope, utilisées par les filtres des listes).";
  }

  @Override
  public void execute(InstallContext installContext) throws TaskExecutionException {
    try {
      int changed =
          NewsScopes.backfill(
              installContext.getJCRSession(NewsNodes.WORKSPACE),
              new TermScopes(
                  installContext.getJCRSession(TaxonomyNodes.THEMATICS_WORKSPACE),
                  installContext.getJCRSession(TaxonomyNodes.TERRITORIES_WORKSPACE)),
              BATCH);
      installContext.info("Portée des étiquettes\u00a0: " + changed + " actualités mises à jour.");
    } catch (RepositoryException e) {
      throw new TaskExecutionException(
          "Calcul de la portée des étiquettes impossible\u00a0: " + e.getMessage(), e);
    }
  }
}
