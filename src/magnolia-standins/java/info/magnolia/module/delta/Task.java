package info.magnolia.module.delta;

import info.magnolia.module.InstallContext;

/**
 * Stand-in of Magnolia 6.4's {@code info.magnolia.module.delta.Task} (see
 * docs/magnolia-contract.md, "Java adapter API").
 */
public interface Task {

  /** Magnolia 6.4: short name shown in the install report. */
  String getName();

  /** Magnolia 6.4: what the task does, shown in the install report. */
  String getDescription();

  /** Magnolia 6.4: runs the task; an exception cancels the module's install or update. */
  void execute(InstallContext installContext) throws TaskExecutionException;
}
