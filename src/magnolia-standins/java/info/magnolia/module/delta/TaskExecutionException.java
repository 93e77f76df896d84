package info.magnolia.module.delta;

/**
 * Stand-in of Magnolia 6.4's {@code info.magnolia.module.delta.TaskExecutionException} (see
 * docs/magnolia-contract.md, "Java adapter API").
 */
public class TaskExecutionException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Magnolia 6.4: a failure shown to the person installing, with its cause. */
  public TaskExecutionException(String message, Throwable cause) {
    super(message, cause);
  }
}
