package fr.irev.news.jcr;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.observation.Event;
import javax.jcr.observation.EventIterator;
import javax.jcr.observation.EventListener;
import javax.jcr.observation.ObservationManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JCR observation listeners told of every content change ({@link #CONTENT_CHANGES}, anywhere under
 * {@code /}, the watching session's own changes included) in the workspaces of the sessions given
 * to {@link #watch(Session)}; those sessions stay open for the listeners until {@link #close()}.
 * Not thread-safe: watch from one thread, then close.
 */
public final class WorkspaceWatch implements AutoCloseable {

  /** Every change of content: nodes added, removed or moved, properties added, changed, removed. */
  public static final int CONTENT_CHANGES =
      Event.NODE_ADDED
          | Event.NODE_REMOVED
          | Event.NODE_MOVED
          | Event.PROPERTY_ADDED
          | Event.PROPERTY_CHANGED
          | Event.PROPERTY_REMOVED;

  private static final Logger LOG = LoggerFactory.getLogger(WorkspaceWatch.class);

  private final List<EventListener> listeners;
  private final List<Session> sessions = new ArrayList<>();

  /**
   * The name of Jackrabbit's marker interface for listeners called in the saving thread, before
   * {@code Session.save()} returns (Jackrabbit 2 {@code
   * org.apache.jackrabbit.core.observation.SynchronousEventListener}; JCR itself only has
   * asynchronous listeners, JCR 2.0 §12.3).
   */
  static final String JACKRABBIT_SYNCHRONOUS =
      "org.apache.jackrabbit.core.observation.SynchronousEventListener";

  /**
   * A listener that Jackrabbit calls synchronously: in the thread that saves, after the changes are
   * stored and before {@code save()} returns, so that whoever reads after the save sees what the
   * listener did (a revision moved, a cache emptied). Jackrabbit recognises such listeners by its
   * marker interface, which the module does not compile against (Jackrabbit is Magnolia's, not a
   * dependency): when the interface can be loaded (by {@code listener}'s class loader, else this
   * class's, else the thread's), the result is a proxy implementing it that calls {@code listener};
   * otherwise {@code listener} itself, called asynchronously as JCR specifies. The listener must be
   * quick and must not throw: it delays every save.
   *
   * @param listener what to call with the events
   * @return a listener to register, never {@code null}
   */
  public static EventListener synchronous(EventListener listener) {
    Class<?> marker = marker(listener.getClass().getClassLoader());
    if (marker == null) {
      marker = marker(WorkspaceWatch.class.getClassLoader());
    }
    if (marker == null) {
      marker = marker(Thread.currentThread().getContextClassLoader());
    }
    if (marker == null) {
      return listener;
    }
    InvocationHandler calls =
        (proxy, method, arguments) ->
            switch (method.getName()) {
              case "onEvent" -> {
                listener.onEvent((EventIterator) arguments[0]);
                yield null;
              }
              case "equals" -> proxy == arguments[0];
              case "hashCode" -> System.identityHashCode(proxy);
              case "toString" -> "synchronous " + listener;
              default -> throw new UnsupportedOperationException(method.getName());
            };
    return (EventListener)
        Proxy.newProxyInstance(
            marker.getClassLoader(), new Class<?>[] {EventListener.class, marker}, calls);
  }

  /**
   * @return whether {@link #synchronous} can make listeners synchronous here (Jackrabbit's marker
   *     interface is visible to this class's or the thread's class loader)
   */
  public static boolean synchronousAvailable() {
    return marker(WorkspaceWatch.class.getClassLoader()) != null
        || marker(Thread.currentThread().getContextClassLoader()) != null;
  }

  private static Class<?> marker(ClassLoader loader) {
    if (loader == null) {
      return null;
    }
    try {
      Class<?> marker = Class.forName(JACKRABBIT_SYNCHRONOUS, false, loader);
      return marker.isInterface() && EventListener.class.isAssignableFrom(marker) ? marker : null;
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  /**
   * @param listeners what to tell of the changes, each registered in every watched workspace
   */
  public WorkspaceWatch(EventListener... listeners) {
    this.listeners = List.of(listeners);
  }

  /**
   * Registers the listeners in the session's workspace. The session is kept (and logged out by
   * {@link #close()}) even when a registration fails.
   *
   * @param session an open session, now owned by this watch
   * @throws RepositoryException when a listener cannot be registered
   */
  public void watch(Session session) throws RepositoryException {
    sessions.add(session);
    ObservationManager observation = session.getWorkspace().getObservationManager();
    for (EventListener listener : listeners) {
      observation.addEventListener(listener, CONTENT_CHANGES, "/", true, null, null, false);
    }
  }

  /**
   * @return {@code true} when no workspace is watched (before the first {@link #watch(Session)},
   *     after {@link #close()})
   */
  public boolean isEmpty() {
    return sessions.isEmpty();
  }

  /**
   * @return the names of the watched workspaces
   */
  public Set<String> workspaces() {
    return sessions.stream().map(s -> s.getWorkspace().getName()).collect(Collectors.toSet());
  }

  /** Removes the listeners and logs the sessions out; a removal that fails is logged (debug). */
  @Override
  public void close() {
    for (Session session : sessions) {
      try {
        if (session.isLive()) {
          ObservationManager observation = session.getWorkspace().getObservationManager();
          for (EventListener listener : listeners) {
            observation.removeEventListener(listener);
          }
        }
      } catch (RepositoryException | RuntimeException e) {
        LOG.debug("Listener of {} not removed: {}", session.getWorkspace().getName(), e.toString());
      } finally {
        session.logout();
      }
    }
    sessions.clear();
  }
}
