package info.magnolia.module;

/**
 * Stand-in of Magnolia 6.4's {@code info.magnolia.module.ModuleLifecycle} (only what the adapter
 * uses; see docs/magnolia-contract.md, "Java adapter API"): the module class named by the
 * descriptor's {@code <class>} element.
 */
public interface ModuleLifecycle {

  /** Magnolia 6.4: called when the module starts (system startup, or a restart of the module). */
  void start(ModuleLifecycleContext moduleLifecycleContext);

  /** Magnolia 6.4: called when the module stops (system shutdown, or a restart of the module). */
  void stop(ModuleLifecycleContext moduleLifecycleContext);
}
