package fr.irev.news.preview.bootstrap;

import fr.irev.news.news.NewsNodes;
import fr.irev.news.news.NewsScopes;
import fr.irev.news.taxonomy.TaxonomyNodes;
import fr.irev.news.taxonomy.TermScopes;
import fr.irev.news.taxonomy.TerritoryImport;
import java.io.IOException;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The preview's stand-in for the module's version handler (descriptor element {@code
 * versionHandler}): runs the extra install tasks of the handler the descriptor names, on the
 * install's unsaved sessions, after the bootstrap files.
 *
 * <p>Class mapping: {@value #IREV_NEWS} (Magnolia's {@code DefaultModuleVersionHandler} plus {@code
 * TerritoryImportTask} and {@code NewsScopeTask}) → {@link TerritoryImport#bundled} then {@link
 * NewsScopes#backfill} with no intermediate save, so the preview's install stays all or nothing.
 * Any other handler is reported and skipped.
 */
final class VersionHandlers {

  /** The module's version handler. */
  static final String IREV_NEWS = "fr.irev.news.magnolia.IrevNewsVersionHandler";

  private static final Logger LOG = LoggerFactory.getLogger(VersionHandlers.class);

  /** Gives the install's session on a workspace. */
  interface Sessions {
    Session get(String workspace) throws RepositoryException;
  }

  private VersionHandlers() {}

  /**
   * @param module the descriptor
   * @param resources class loader holding the module's files
   * @param sessions the install's sessions, saved by the caller
   * @throws IOException when a task's file is missing or unreadable
   * @throws RepositoryException when a task fails
   */
  static void runExtraInstallTasks(
      ModuleDescriptor module, ClassLoader resources, Sessions sessions)
      throws IOException, RepositoryException {
    String handler = module.versionHandler();
    if (handler.isEmpty()) {
      return;
    }
    if (!IREV_NEWS.equals(handler)) {
      LOG.warn("Version handler '{}' is unknown to the preview: its tasks are skipped", handler);
      return;
    }
    try {
      TerritoryImport.bundled(sessions.get(TaxonomyNodes.TERRITORIES_WORKSPACE), 0, resources);
      NewsScopes.backfill(
          sessions.get(NewsNodes.WORKSPACE),
          new TermScopes(
              sessions.get(TaxonomyNodes.THEMATICS_WORKSPACE),
              sessions.get(TaxonomyNodes.TERRITORIES_WORKSPACE)),
          0);
    } catch (IllegalArgumentException e) {
      throw new IOException("Invalid territories file: " + e.getMessage(), e);
    }
  }
}
