package info.magnolia.module;

/**
 * Stand-in of Magnolia 6.4's {@code info.magnolia.module.ModuleLifecycleContext}: only passed to
 * {@link ModuleLifecycle}; the adapter calls none of its methods (see docs/magnolia-contract.md,
 * "Java adapter API").
 */
public interface ModuleLifecycleContext {}
