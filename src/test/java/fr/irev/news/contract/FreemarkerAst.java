package fr.irev.news.contract;

import freemarker.core.TemplateElement;
import freemarker.core.TemplateObject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Read access to a parsed FreeMarker template's tree. FreeMarker keeps its node parameters
 * package-private ({@code TemplateObject.getParameterCount/Value/Role}, the API its own {@code
 * Template.getRootTreeNode()} debugging support is built on); we call them by reflection, which
 * works on the class path. Node kinds are recognised by their simple class names (Identifier, Dot,
 * DynamicKeyName, MethodCall, UnifiedCall, LibraryLoad, Include, Macro, StringLiteral and the
 * BuiltIn subclasses), stable across FreeMarker 2.3.x.
 */
final class FreemarkerAst {

  private static final Method COUNT = method("getParameterCount");
  private static final Method VALUE = method("getParameterValue", int.class);
  private static final Method ROLE = method("getParameterRole", int.class);

  /** A node with the node it hangs from and the role it plays there ("child" for elements). */
  record Ref(TemplateObject node, TemplateObject parent, String role) {}

  /** A parameter of a node: its role (e.g. "callee", "argument value") and its value. */
  record Param(String role, Object value) {}

  private FreemarkerAst() {}

  private static Method method(String name, Class<?>... types) {
    try {
      Method m = TemplateObject.class.getDeclaredMethod(name, types);
      m.setAccessible(true);
      return m;
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException(
          "FreeMarker's TemplateObject."
              + name
              + " is not accessible: the FTL contract checker needs FreeMarker 2.3.x",
          e);
    }
  }

  private static Object invoke(Method m, TemplateObject node, Object... args) {
    try {
      return m.invoke(node, args);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  static List<Param> params(TemplateObject node) {
    int count = (Integer) invoke(COUNT, node);
    List<Param> params = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      params.add(new Param(String.valueOf(invoke(ROLE, node, i)), invoke(VALUE, node, i)));
    }
    return params;
  }

  /** The first parameter with this role, or null. */
  static Object param(TemplateObject node, String role) {
    for (Param p : params(node)) {
      if (p.role().equals(role)) {
        return p.value();
      }
    }
    return null;
  }

  static long count(TemplateObject node, String role) {
    return params(node).stream().filter(p -> p.role().equals(role)).count();
  }

  static String kind(Object node) {
    return node.getClass().getSimpleName();
  }

  static boolean isBuiltIn(Object node) {
    for (Class<?> c = node.getClass(); c != null; c = c.getSuperclass()) {
      if (c.getSimpleName().equals("BuiltIn")) {
        return true;
      }
    }
    return false;
  }

  /** Every node of the tree (elements and expressions), depth first, each once. */
  static List<Ref> nodes(TemplateElement root) {
    List<Ref> out = new ArrayList<>();
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    collect(root, null, "root", out, seen);
    return out;
  }

  private static void collect(
      TemplateObject node, TemplateObject parent, String role, List<Ref> out, Set<Object> seen) {
    if (!seen.add(node)) {
      return;
    }
    out.add(new Ref(node, parent, role));
    for (Param p : params(node)) {
      if (p.value() instanceof TemplateObject child) {
        collect(child, node, p.role(), out, seen);
      }
    }
    if (node instanceof TemplateElement element) {
      for (int i = 0; i < element.getChildCount(); i++) {
        collect((TemplateObject) element.getChildAt(i), node, "child", out, seen);
      }
    }
  }

  /** The value of a plain string literal ("…" or '…' without interpolation), else null. */
  static String literal(Object node) {
    if (!(node instanceof TemplateObject to) || !kind(node).equals("StringLiteral")) {
      return null;
    }
    String form = to.getCanonicalForm();
    if (form.length() < 2 || form.contains("${") || form.contains("#{") || form.contains("[=")) {
      return null;
    }
    String body = form.substring(1, form.length() - 1);
    return body.replace("\\\"", "\"").replace("\\'", "'").replace("\\\\", "\\");
  }

  static String where(String file, TemplateObject node) {
    return file + ":" + node.getBeginLine() + ":" + node.getBeginColumn();
  }
}
