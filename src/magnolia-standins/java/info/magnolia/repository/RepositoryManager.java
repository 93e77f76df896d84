package info.magnolia.repository;

import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * Stand-in of Magnolia 6.4's {@code info.magnolia.repository.RepositoryManager} (only what the
 * adapter uses; see docs/magnolia-contract.md, "Java adapter API").
 */
public interface RepositoryManager {

  /** Magnolia 6.4: a new session with system rights on a workspace; the caller logs it out. */
  Session getSystemSession(String workspaceName) throws RepositoryException;
}
