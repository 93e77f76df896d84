package fr.irev.news.magnolia;

import fr.irev.news.news.NewsScopeWatcher;
import info.magnolia.module.ModuleLifecycle;
import info.magnolia.module.ModuleLifecycleContext;
import info.magnolia.objectfactory.Components;
import info.magnolia.repository.RepositoryManager;
import javax.jcr.RepositoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The module class (descriptor element {@code <class>}): while the module runs, a {@link
 * NewsScopeWatcher} on system sessions keeps the term scopes of news items edited in the content
 * app up to date. Nothing to configure.
 *
 * <p>If the watcher cannot start, the module still starts (WARN in the log): listings then miss
 * content-app edits until the next module update's backfill.
 */
public class IrevNewsModule implements ModuleLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(IrevNewsModule.class);

  private final NewsScopeWatcher.SessionOpener sessions;
  private NewsScopeWatcher watcher;

  /** Magnolia's constructor: system sessions from the {@code RepositoryManager}. */
  public IrevNewsModule() {
    this(workspace -> Components.getComponent(RepositoryManager.class).getSystemSession(workspace));
  }

  /**
   * @param sessions where the watcher's sessions come from
   */
  IrevNewsModule(NewsScopeWatcher.SessionOpener sessions) {
    this.sessions = sessions;
  }

  /** Starts the watcher (once: a module restart keeps the running one). */
  @Override
  public synchronized void start(ModuleLifecycleContext moduleLifecycleContext) {
    if (watcher != null) {
      return;
    }
    NewsScopeWatcher started = new NewsScopeWatcher(sessions);
    try {
      started.start();
      watcher = started;
    } catch (RepositoryException | RuntimeException e) {
      LOG.warn(
          "News scope watcher not started: items edited in the content app get their term scope"
              + " at the next module update ({})",
          e.toString());
    }
  }

  /** Stops the watcher, if running. */
  @Override
  public synchronized void stop(ModuleLifecycleContext moduleLifecycleContext) {
    if (watcher != null) {
      watcher.close();
      watcher = null;
    }
  }

  /**
   * @return the running watcher, or {@code null} when stopped or failed to start
   */
  synchronized NewsScopeWatcher watcher() {
    return watcher;
  }
}
