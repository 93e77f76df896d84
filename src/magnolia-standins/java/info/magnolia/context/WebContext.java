package info.magnolia.context;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * STAND-IN for Magnolia 6.4's {@code info.magnolia.context.WebContext} (Jakarta Servlet since 6.4),
 * reduced to the members the adapter uses. Compiled only in the default build; never packaged.
 */
public interface WebContext extends Context {

  /** Magnolia 6.4: the current request. */
  HttpServletRequest getRequest();

  /** Magnolia 6.4: the current response. */
  HttpServletResponse getResponse();

  /** Magnolia 6.4: the web application's context path. */
  String getContextPath();
}
