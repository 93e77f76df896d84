package fr.irev.news.preview.render;

import freemarker.ext.util.WrapperTemplateModel;
import freemarker.template.AdapterTemplateModel;
import freemarker.template.SimpleCollection;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateCollectionModel;
import freemarker.template.TemplateHashModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.util.ArrayList;
import java.util.List;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Property;
import javax.jcr.PropertyIterator;
import javax.jcr.PropertyType;
import javax.jcr.RepositoryException;

/**
 * A JCR node as FTL sees it, like Magnolia's {@code ContentMap}: {@code content.title} is the
 * property, {@code content.main} the child node, and the special keys {@code @name}, {@code @path},
 * {@code @id} (also {@code @uuid}), {@code @handle}, {@code @depth} and {@code @nodeType}. Missing
 * keys are {@code null} (FTL's {@code !} default applies). When passed to a Java method, it unwraps
 * to the {@link Node}.
 */
public final class ContentModel
    implements TemplateHashModelEx, AdapterTemplateModel, WrapperTemplateModel {

  private final Node node;

  /**
   * @param node the node; it must stay usable (its session open) while templates run
   */
  public ContentModel(Node node) {
    this.node = node;
  }

  /**
   * @return the wrapped node
   */
  public Node node() {
    return node;
  }

  @Override
  public TemplateModel get(String key) throws TemplateModelException {
    if (key == null || key.isEmpty()) {
      return null;
    }
    try {
      if (key.startsWith("@")) {
        return special(key);
      }
      if (node.hasProperty(key)) {
        return JcrValues.toModel(node.getProperty(key));
      }
      if (node.hasNode(key)) {
        return new ContentModel(node.getNode(key));
      }
      return null;
    } catch (RepositoryException | IllegalArgumentException e) {
      return null;
    }
  }

  private TemplateModel special(String key) throws RepositoryException {
    return switch (key) {
      case "@name" -> new SimpleScalar(node.getName());
      case "@path", "@handle" -> new SimpleScalar(node.getPath());
      case "@id", "@uuid" -> new SimpleScalar(node.getIdentifier());
      case "@depth" -> new freemarker.template.SimpleNumber(node.getDepth());
      case "@nodeType" -> new SimpleScalar(node.getPrimaryNodeType().getName());
      default -> null;
    };
  }

  @Override
  public boolean isEmpty() {
    return false;
  }

  @Override
  public int size() throws TemplateModelException {
    return keyList().size();
  }

  @Override
  public TemplateCollectionModel keys() throws TemplateModelException {
    return new SimpleCollection(keyList(), null);
  }

  @Override
  public TemplateCollectionModel values() throws TemplateModelException {
    List<TemplateModel> values = new ArrayList<>();
    for (String key : keyList()) {
      values.add(get(key));
    }
    return new SimpleCollection(values, null);
  }

  private List<String> keyList() throws TemplateModelException {
    List<String> keys = new ArrayList<>();
    try {
      for (PropertyIterator it = node.getProperties(); it.hasNext(); ) {
        Property property = it.nextProperty();
        if (property.getType() != PropertyType.BINARY) {
          keys.add(property.getName());
        }
      }
      for (NodeIterator it = node.getNodes(); it.hasNext(); ) {
        String name = it.nextNode().getName();
        if (!keys.contains(name)) {
          keys.add(name);
        }
      }
    } catch (RepositoryException e) {
      throw new TemplateModelException("Cannot list node " + this + ": " + e.getMessage(), e);
    }
    return keys;
  }

  @Override
  public Object getAdaptedObject(Class<?> hint) {
    return node;
  }

  @Override
  public Object getWrappedObject() {
    return node;
  }

  @Override
  public String toString() {
    try {
      return node.getPath();
    } catch (RepositoryException e) {
      return "node";
    }
  }
}
