package info.magnolia.context;

import javax.jcr.LoginException;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * STAND-IN for Magnolia 6.4's {@code info.magnolia.context.Context}, reduced to the members the
 * adapter uses, with the same signatures. Compiled only in the default build; never packaged.
 */
public interface Context {

  /** Magnolia 6.4: {@code Session getJCRSession(String workspaceName)}. */
  Session getJCRSession(String workspaceName) throws LoginException, RepositoryException;

  /** Magnolia 6.4: {@code User getUser()}, the context's user. */
  default info.magnolia.cms.security.User getUser() {
    throw new UnsupportedOperationException("stand-in: no user");
  }
}
