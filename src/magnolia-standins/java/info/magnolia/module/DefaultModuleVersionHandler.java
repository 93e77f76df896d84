package info.magnolia.module;

import info.magnolia.module.delta.Task;
import info.magnolia.module.model.Version;
import java.util.ArrayList;
import java.util.List;

/**
 * Stand-in of Magnolia 6.4's {@code info.magnolia.module.DefaultModuleVersionHandler} (only what
 * the adapter uses; see docs/magnolia-contract.md, "Java adapter API"). In Magnolia the handler
 * also bootstraps the module's files on install; here both hooks return an empty list.
 */
public class DefaultModuleVersionHandler {

  /** Magnolia 6.4: tasks run after the default ones when the module is installed. */
  protected List<Task> getExtraInstallTasks(InstallContext installContext) {
    return new ArrayList<>();
  }

  /** Magnolia 6.4 (declared in {@code AbstractModuleVersionHandler}): tasks of every update. */
  protected List<Task> getDefaultUpdateTasks(Version forVersion) {
    return new ArrayList<>();
  }
}
