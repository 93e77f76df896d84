package fr.irev.news.magnolia;

import fr.irev.news.news.NewsCounts;
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
 * app up to date, and a {@link NewsCounts} keeps the listing's counts until the content changes.
 * Nothing to configure.
 *
 * <p>If the watcher cannot start, the module still starts (WARN in the log): listings then miss
 * content-app edits until the next module update's backfill. If the count cache cannot start, the
 * listing counts on every request (WARN).
 */
public class IrevNewsModule implements ModuleLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(IrevNewsModule.class);

  private final NewsScopeWatcher.SessionOpener sessions;
  private NewsScopeWatcher watcher;
  private NewsCounts counts;

  /** The running module's count cache, for {@link MagnoliaContentContext}; {@code null} if none. */
  private static volatile NewsCounts running;

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

  /** Starts the watcher and the count cache (once: a module restart keeps the running ones). */
  @Override
  public synchronized void start(ModuleLifecycleContext moduleLifecycleContext) {
    startCounts();
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

  private void startCounts() {
    if (counts != null) {
      return;
    }
    NewsCounts started = new NewsCounts(sessions, NewsCounts.DEFAULT_MAX_ENTRIES);
    try {
      started.start();
      counts = started;
      running = started;
    } catch (RepositoryException | RuntimeException e) {
      LOG.warn("Listing count cache not started: lists count on every request ({})", e.toString());
    }
  }

  /** Stops the watcher and the count cache, if running. */
  @Override
  public synchronized void stop(ModuleLifecycleContext moduleLifecycleContext) {
    if (watcher != null) {
      watcher.close();
      watcher = null;
    }
    if (counts != null) {
      if (running == counts) {
        running = null;
      }
      counts.close();
      counts = null;
    }
  }

  /**
   * @return the count cache of the running module, or {@code null} when none runs
   */
  static NewsCounts runningCounts() {
    return running;
  }

  /**
   * @return this module's count cache, or {@code null} when stopped or failed to start
   */
  synchronized NewsCounts counts() {
    return counts;
  }

  /**
   * @return the running watcher, or {@code null} when stopped or failed to start
   */
  synchronized NewsScopeWatcher watcher() {
    return watcher;
  }
}
