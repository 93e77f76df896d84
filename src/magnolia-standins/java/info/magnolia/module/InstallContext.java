package info.magnolia.module;

import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * Stand-in of Magnolia 6.4's {@code info.magnolia.module.InstallContext} (only what the adapter
 * uses; see docs/magnolia-contract.md, "Java adapter API").
 */
public interface InstallContext {

  /** Magnolia 6.4: a message shown in the install/update report. */
  void info(String message);

  /** Magnolia 6.4: the install's session on a workspace (saved by Magnolia after the tasks). */
  Session getJCRSession(String workspaceName) throws RepositoryException;
}
