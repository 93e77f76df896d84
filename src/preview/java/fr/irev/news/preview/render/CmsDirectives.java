package fr.irev.news.preview.render;

import fr.irev.news.preview.repository.MagnoliaNames;
import freemarker.core.Environment;
import freemarker.template.SimpleHash;
import freemarker.template.SimpleSequence;
import freemarker.template.TemplateDirectiveBody;
import freemarker.template.TemplateDirectiveModel;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import freemarker.template.utility.DeepUnwrap;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;

/**
 * The {@code cms} directives of Magnolia's public (not edit) mode:
 *
 * <ul>
 *   <li>{@code [@cms.page /]} prints nothing;
 *   <li>{@code [@cms.area name="main" /]} renders the current node's child {@code main}: with the
 *       area's own {@code templateScript} from {@code def.areas.main} when it has one (FTL gets
 *       {@code content} = the area, {@code components} = its components), else each {@code
 *       mgnl:component} child in order; a missing area node prints nothing;
 *   <li>{@code [@cms.component content=c /]} renders node {@code c} with its own {@code
 *       mgnl:template}.
 * </ul>
 *
 * <p>Other parameters ({@code contextAttributes}, {@code editable}…) are accepted and ignored.
 */
final class CmsDirectives {

  private CmsDirectives() {}

  /**
   * @return the {@code cms} hash bound to one request's rendering
   */
  static TemplateHashModel namespace(Rendering rendering) {
    SimpleHash cms = new SimpleHash((freemarker.template.ObjectWrapper) null);
    cms.put("page", (TemplateDirectiveModel) (env, params, loopVars, body) -> {});
    cms.put(
        "area",
        (TemplateDirectiveModel) (env, params, loopVars, body) -> area(rendering, env, params));
    cms.put(
        "component",
        (TemplateDirectiveModel)
            (env, params, loopVars, body) -> component(rendering, env, params, body));
    return cms;
  }

  private static void area(Rendering rendering, Environment env, Map<?, ?> params)
      throws TemplateModelException {
    if (!(params.get("name") instanceof TemplateScalarModel nameModel)) {
      throw new TemplateModelException("[@cms.area] needs name=\"…\"");
    }
    String name = nameModel.getAsString();
    Node parent = currentContent(env);
    try {
      if (parent == null || !parent.hasNode(name)) {
        return;
      }
      Node area = parent.getNode(name);
      List<Node> components = new ArrayList<>();
      for (NodeIterator it = area.getNodes(); it.hasNext(); ) {
        Node child = it.nextNode();
        if (child.isNodeType(MagnoliaNames.COMPONENT)) {
          components.add(child);
        }
      }
      Map<String, Object> areaDef = areaDefinition(env, name);
      Writer out = env.getOut();
      if (areaDef.get("templateScript") != null) {
        SimpleSequence list = new SimpleSequence(components.size(), null);
        for (Node component : components) {
          list.add(new ContentModel(component));
        }
        rendering.render(area, areaDef, Map.of("components", list), out);
      } else {
        for (Node component : components) {
          rendering.render(component, out);
        }
      }
    } catch (RepositoryException | RenderException e) {
      throw new TemplateModelException("[@cms.area name=\"" + name + "\"]: " + e.getMessage(), e);
    }
  }

  private static void component(
      Rendering rendering, Environment env, Map<?, ?> params, TemplateDirectiveBody body)
      throws TemplateModelException {
    Object content = params.get("content");
    Node node = content instanceof ContentModel model ? model.node() : null;
    if (node == null
        && content instanceof TemplateModel other
        && DeepUnwrap.unwrap(other) instanceof Node unwrapped) {
      node = unwrapped;
    }
    if (node == null) {
      throw new TemplateModelException("[@cms.component] needs content=<a content node>");
    }
    try {
      rendering.render(node, env.getOut());
    } catch (RenderException e) {
      throw new TemplateModelException("[@cms.component]: " + e.getMessage(), e);
    }
  }

  private static Node currentContent(Environment env) throws TemplateModelException {
    TemplateModel content = env.getVariable("content");
    return content instanceof ContentModel model ? model.node() : null;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> areaDefinition(Environment env, String name)
      throws TemplateModelException {
    TemplateModel def = env.getVariable("def");
    Object unwrapped = def == null ? null : DeepUnwrap.unwrap(def);
    if (unwrapped instanceof Map<?, ?> map
        && map.get("areas") instanceof Map<?, ?> areas
        && areas.get(name) instanceof Map<?, ?> area) {
      return (Map<String, Object>) area;
    }
    return Map.of();
  }
}
