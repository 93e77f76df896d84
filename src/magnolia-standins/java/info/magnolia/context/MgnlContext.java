package info.magnolia.context;

import javax.jcr.LoginException;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * STAND-IN for Magnolia 6.4's {@code info.magnolia.context.MgnlContext}: the static access to the
 * current thread's context, reduced to the members the adapter and its tests use, with the same
 * signatures. Compiled only in the default build; never packaged.
 */
public final class MgnlContext {

  private static final ThreadLocal<Context> CURRENT = new ThreadLocal<>();

  private MgnlContext() {}

  /** Magnolia 6.4: the current thread's context. */
  public static Context getInstance() {
    Context context = CURRENT.get();
    if (context == null) {
      throw new IllegalStateException("MgnlContext is not set for this thread.");
    }
    return context;
  }

  /** Magnolia 6.4: sets (or with {@code null} removes) the current thread's context. */
  public static void setInstance(Context context) {
    if (context == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(context);
    }
  }

  /** Magnolia 6.4: whether the current context is a web context. */
  public static boolean isWebContext() {
    return CURRENT.get() instanceof WebContext;
  }

  /** Magnolia 6.4: the current web context, or {@code null} outside a web request. */
  public static WebContext getWebContextOrNull() {
    Context context = CURRENT.get();
    return context instanceof WebContext ? (WebContext) context : null;
  }

  /** Magnolia 6.4: the user of the current context. */
  public static info.magnolia.cms.security.User getUser() {
    return getInstance().getUser();
  }

  /** Magnolia 6.4: the current context's session on a workspace. */
  public static Session getJCRSession(String workspaceName)
      throws LoginException, RepositoryException {
    return getInstance().getJCRSession(workspaceName);
  }
}
