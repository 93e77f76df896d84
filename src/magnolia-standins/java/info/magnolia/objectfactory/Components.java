package info.magnolia.objectfactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * STAND-IN for Magnolia 6.4's {@code info.magnolia.objectfactory.Components}: the static access to
 * Magnolia's component provider, reduced to {@link #getComponent(Class)} (same signature). The
 * {@link #standInRegister(Class, Object)} method exists only here, for the adapter's tests.
 * Compiled only in the default build; never packaged.
 */
public final class Components {

  private static final Map<Class<?>, Object> COMPONENTS = new ConcurrentHashMap<>();

  private Components() {}

  /** Magnolia 6.4: the component of that type. */
  public static <T> T getComponent(Class<T> type) {
    Object component = COMPONENTS.get(type);
    if (component == null) {
      throw new IllegalStateException("No component registered for " + type.getName());
    }
    return type.cast(component);
  }

  /** Stand-in only (not in Magnolia): registers, or with {@code null} removes, a component. */
  public static <T> void standInRegister(Class<T> type, T component) {
    if (component == null) {
      COMPONENTS.remove(type);
    } else {
      COMPONENTS.put(type, component);
    }
  }
}
