package fr.irev.news.preview.render;

import fr.irev.news.templating.ContentContext;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Freemarker renderer's context attributes, read as Magnolia does from {@code
 * config:/modules/rendering/renderers/freemarker/contextAttributes/<x>} (and the {@code site}
 * renderer's): property {@code name} is the FTL variable, {@code componentClass} the class
 * instantiated for each request.
 *
 * <p>Class mapping (the one place where the preview stands in for the Magnolia adapter): {@code
 * fr.irev.news.magnolia.MagnoliaNewsFunctions} — which gets its JCR sessions through Magnolia's
 * context — is replaced by {@code fr.irev.news.templating.NewsFunctions} built with the preview's
 * {@link ContentContext}. Any other class is built with a public constructor taking a {@link
 * ContentContext} when it has one, else with its public no-argument constructor. A class that
 * cannot be built is logged and left out (the FTL then fails on the missing variable).
 */
public final class ContextAttributes {

  /** Adapter class named in the Magnolia configuration. */
  public static final String MAGNOLIA_FUNCTIONS = "fr.irev.news.magnolia.MagnoliaNewsFunctions";

  /** Class the preview builds instead. */
  public static final String NEWS_FUNCTIONS = "fr.irev.news.templating.NewsFunctions";

  private static final Logger LOG = LoggerFactory.getLogger(ContextAttributes.class);
  private static final List<String> RENDERERS =
      List.of(
          "/modules/rendering/renderers/freemarker/contextAttributes",
          "/modules/rendering/renderers/site/contextAttributes");

  private final Map<String, Constructor<?>> constructors;

  private ContextAttributes(Map<String, Constructor<?>> constructors) {
    this.constructors = constructors;
  }

  /**
   * @return no attributes
   */
  public static ContextAttributes none() {
    return new ContextAttributes(Map.of());
  }

  /**
   * Reads the configured attributes; a missing configuration gives none.
   *
   * @param config a session on the {@code config} workspace
   * @param classes where to load the classes from
   * @return the attributes, by FTL name
   * @throws RepositoryException when the configuration cannot be read
   */
  public static ContextAttributes read(Session config, ClassLoader classes)
      throws RepositoryException {
    Map<String, Constructor<?>> found = new LinkedHashMap<>();
    for (String path : RENDERERS) {
      if (!config.nodeExists(path)) {
        continue;
      }
      for (NodeIterator it = config.getNode(path).getNodes(); it.hasNext(); ) {
        Node node = it.nextNode();
        String name = string(node, "name", node.getName());
        String className = string(node, "componentClass", null);
        if (className == null || found.containsKey(name)) {
          continue;
        }
        Constructor<?> constructor = constructor(className, classes);
        if (constructor != null) {
          found.put(name, constructor);
          LOG.info("Context attribute '{}': {}", name, constructor.getDeclaringClass().getName());
        }
      }
    }
    return new ContextAttributes(found);
  }

  /**
   * @return the FTL names of the attributes, in configuration order
   */
  public List<String> names() {
    return List.copyOf(constructors.keySet());
  }

  /**
   * @param context the request's content context
   * @return a new instance of each attribute for one request, by FTL name; an attribute whose
   *     constructor fails is logged and left out
   */
  public Map<String, Object> create(ContentContext context) {
    Map<String, Object> objects = new LinkedHashMap<>();
    constructors.forEach(
        (name, constructor) -> {
          try {
            objects.put(
                name,
                constructor.getParameterCount() == 1
                    ? constructor.newInstance(context)
                    : constructor.newInstance());
          } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            LOG.warn("Cannot create context attribute '{}': {}", name, String.valueOf(cause));
          }
        });
    return objects;
  }

  private static Constructor<?> constructor(String className, ClassLoader classes) {
    String actual = MAGNOLIA_FUNCTIONS.equals(className) ? NEWS_FUNCTIONS : className;
    try {
      Class<?> type = Class.forName(actual, false, classes);
      try {
        return type.getConstructor(ContentContext.class);
      } catch (NoSuchMethodException e) {
        return type.getConstructor();
      }
    } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
      LOG.warn(
          "Context attribute class '{}' unusable in the preview: {}", actual, String.valueOf(e));
      return null;
    }
  }

  private static String string(Node node, String property, String fallback)
      throws RepositoryException {
    return node.hasProperty(property) ? node.getProperty(property).getString() : fallback;
  }
}
