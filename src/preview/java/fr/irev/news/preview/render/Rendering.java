package fr.irev.news.preview.render;

import fr.irev.news.preview.lightmodule.LightModule;
import fr.irev.news.preview.lightmodule.TemplateDefinition;
import fr.irev.news.preview.repository.MagnoliaNames;
import freemarker.template.Configuration;
import freemarker.template.SimpleHash;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.jcr.Node;
import javax.jcr.RepositoryException;

/** One request's rendering: the shared FTL objects and the nesting of pages, areas, components. */
final class Rendering {

  private static final int MAX_DEPTH = 24;
  private static final Set<String> RENDER_TYPES = Set.of("freemarker", "site");

  private final Configuration freemarker;
  private final LightModule module;
  private final WebContext ctx;
  private final Map<String, Object> shared = new LinkedHashMap<>();
  private int depth;

  Rendering(Configuration freemarker, LightModule module, WebContext ctx) {
    this.freemarker = freemarker;
    this.module = module;
    this.ctx = ctx;
  }

  void share(String name, Object value) {
    shared.put(name, value);
  }

  /** Renders a node with the definition named by its {@code mgnl:template}. */
  void render(Node content, Writer out) throws RenderException {
    render(content, definitionOf(content), Map.of(), out);
  }

  /**
   * Renders a node with a definition's script; {@code extra} adds FTL variables (an area's {@code
   * components}).
   */
  void render(Node content, Map<String, Object> def, Map<String, Object> extra, Writer out)
      throws RenderException {
    String where = pathOf(content);
    Object script = def.get("templateScript");
    Object type = def.getOrDefault("renderType", "freemarker");
    if (script == null || !RENDER_TYPES.contains(String.valueOf(type))) {
      throw new RenderException("No Freemarker templateScript for " + where, null);
    }
    if (depth >= MAX_DEPTH) {
      throw new RenderException("Rendering nested too deep at " + where, null);
    }
    depth++;
    try {
      Template template = freemarker.getTemplate(script.toString(), ctx.getLocale());
      SimpleHash model = new SimpleHash(freemarker.getObjectWrapper());
      shared.forEach(model::put);
      model.put("content", new ContentModel(content));
      model.put("def", def);
      extra.forEach(model::put);
      template.process(model, out);
    } catch (TemplateException e) {
      throw new RenderException(
          "Template error in " + script + " for " + where + ": " + e.getMessageWithoutStackTop(),
          e);
    } catch (IOException e) {
      throw new RenderException("Cannot read template " + script + " for " + where, e);
    } finally {
      depth--;
    }
  }

  /**
   * @return the definition of a node's {@code mgnl:template}
   */
  Map<String, Object> definitionOf(Node content) throws RenderException {
    String id = null;
    try {
      if (content.hasProperty(MagnoliaNames.TEMPLATE)) {
        id = content.getProperty(MagnoliaNames.TEMPLATE).getString();
      }
    } catch (RepositoryException e) {
      throw new RenderException("Cannot read mgnl:template of " + pathOf(content), e);
    }
    String template = id;
    return module
        .template(id)
        .map(TemplateDefinition::properties)
        .orElseThrow(
            () ->
                new RenderException(
                    "Unknown template '" + template + "' for " + pathOf(content), null));
  }

  private static String pathOf(Node node) {
    try {
      return node.getPath();
    } catch (RepositoryException e) {
      return "(node)";
    }
  }
}
