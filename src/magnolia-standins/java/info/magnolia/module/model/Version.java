package info.magnolia.module.model;

/**
 * Stand-in of Magnolia 6.4's {@code info.magnolia.module.model.Version} (only the type, the
 * argument of {@code getDefaultUpdateTasks}; see docs/magnolia-contract.md, "Java adapter API").
 */
public class Version {

  private Version() {}
}
