package fr.irev.news.preview.web;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The HTTP methods a servlet accepts, as the {@code Allow} header of a 405 answer lists them.
 * {@code TRACE} and {@code TRACK} are never accepted: {@code TRACE} echoes the request's headers,
 * cookies and credentials included, back to whoever sent it.
 */
public final class HttpMethods {

  /** Implemented by the preview's own servlets to say exactly which methods they accept. */
  public interface Declared {
    /**
     * @return the accepted methods, e.g. {@code GET} and {@code HEAD}
     */
    Set<String> allowedMethods();
  }

  /** The order methods are listed in. */
  private static final List<String> ORDER =
      List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

  /** What pages, DAM binaries and web resources accept. */
  public static final Set<String> GET_HEAD = ordered(List.of("GET", "HEAD"));

  /**
   * What a servlet that dispatches methods itself (it overrides {@code service}) is taken to
   * accept: the usual methods, never {@code TRACE}.
   */
  static final Set<String> USUAL =
      ordered(List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"));

  private HttpMethods() {}

  /**
   * @param method a request method
   * @return {@code true} for {@code TRACE} and {@code TRACK}, in any case
   */
  public static boolean neverAllowed(String method) {
    String upper = method == null ? "" : method.toUpperCase(Locale.ROOT);
    return "TRACE".equals(upper) || "TRACK".equals(upper);
  }

  /**
   * The methods a servlet accepts: what it {@linkplain Declared declares}; for an {@link
   * HttpServlet}, those whose {@code doXxx} it overrides, as {@code HttpServlet.doOptions} finds
   * them ({@code HEAD} with {@code doGet}, {@code OPTIONS} always), without {@code TRACE}.
   *
   * @param servlet a servlet
   * @return the methods, or {@code null} when the servlet dispatches methods itself (it overrides
   *     {@code service}, or is not an {@code HttpServlet}) so they cannot be known
   */
  public static Set<String> of(Servlet servlet) {
    if (servlet instanceof Declared declared) {
      return ordered(declared.allowedMethods());
    }
    if (!(servlet instanceof HttpServlet)) {
      return null;
    }
    Set<String> found = new LinkedHashSet<>();
    for (Class<?> type = servlet.getClass();
        type != null && type != HttpServlet.class;
        type = type.getSuperclass()) {
      for (Method method : type.getDeclaredMethods()) {
        if (isService(method)) {
          return null;
        }
        if (isHandler(method)) {
          found.add(method.getName().substring(2).toUpperCase(Locale.ROOT));
        }
      }
    }
    if (found.contains("GET")) {
      found.add("HEAD");
    }
    found.add("OPTIONS");
    found.remove("TRACE");
    if (!dispatchedByHttpServlet("doPatch")) {
      found.remove("PATCH");
    }
    return ordered(found);
  }

  /**
   * @param methods accepted methods
   * @return the {@code Allow} header value, e.g. {@code GET, HEAD}
   */
  public static String allowHeader(Set<String> methods) {
    return String.join(", ", ordered(methods));
  }

  /**
   * @param allow an {@code Allow} header value
   * @return the value without {@code TRACE} and {@code TRACK}
   */
  static String withoutRefused(String allow) {
    if (allow == null) {
      return null;
    }
    return Arrays.stream(allow.split(","))
        .map(String::trim)
        .filter(m -> !m.isEmpty() && !neverAllowed(m))
        .collect(Collectors.joining(", "));
  }

  private static boolean isService(Method method) {
    Class<?>[] types = method.getParameterTypes();
    return "service".equals(method.getName())
        && types.length == 2
        && (types[0] == HttpServletRequest.class || types[0] == ServletRequest.class)
        && (types[1] == HttpServletResponse.class || types[1] == ServletResponse.class);
  }

  private static boolean isHandler(Method method) {
    Class<?>[] types = method.getParameterTypes();
    String name = method.getName();
    return name.length() > 2
        && name.startsWith("do")
        && ORDER.contains(name.substring(2).toUpperCase(Locale.ROOT))
        && types.length == 2
        && types[0] == HttpServletRequest.class
        && types[1] == HttpServletResponse.class;
  }

  private static boolean dispatchedByHttpServlet(String handler) {
    try {
      HttpServlet.class.getDeclaredMethod(
          handler, HttpServletRequest.class, HttpServletResponse.class);
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static Set<String> ordered(Collection<String> methods) {
    Set<String> result = new LinkedHashSet<>();
    ORDER.stream().filter(methods::contains).forEach(result::add);
    methods.stream().filter(m -> !neverAllowed(m)).sorted().forEach(result::add);
    return Collections.unmodifiableSet(result);
  }
}
