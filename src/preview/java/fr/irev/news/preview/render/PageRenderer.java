package fr.irev.news.preview.render;

import fr.irev.news.preview.lightmodule.LightModule;
import fr.irev.news.templating.ContentContext;
import freemarker.template.Configuration;
import java.io.Writer;
import java.util.Locale;
import java.util.function.Supplier;
import javax.jcr.Node;

/**
 * Renders a page (or any renderable node) with the Freemarker script of its {@code mgnl:template}
 * definition, as Magnolia's Freemarker renderer does. Thread-safe and long-lived: each call builds
 * the per-request FTL objects ({@code ctx}, {@code i18n}, {@code cms} and the configured context
 * attributes such as {@code irevfn}).
 */
public final class PageRenderer {

  private final Configuration freemarker;
  private final Supplier<LightModule> module;
  private final ContextAttributes attributes;

  /**
   * @param freemarker the configuration (see {@link FreemarkerFactory})
   * @param module the light module holding template definitions and messages (asked at each render,
   *     so it may be reloaded)
   * @param attributes the context attributes to expose
   */
  public PageRenderer(
      Configuration freemarker, Supplier<LightModule> module, ContextAttributes attributes) {
    this.freemarker = freemarker;
    this.module = module;
    this.attributes = attributes;
  }

  /**
   * Renders a node with its template. Output goes to {@code out} as it is produced: callers that
   * may need to answer with an error page buffer it.
   *
   * @param content the node to render, e.g. a {@code mgnl:page}; its session stays open meanwhile
   * @param ctx the request's {@code ctx} object
   * @param context the request's content context (sessions, site URL, status)
   * @param out where the HTML goes
   * @throws RenderException when the template is unknown or fails
   */
  public void render(Node content, WebContext ctx, ContentContext context, Writer out)
      throws RenderException {
    LightModule current = module.get();
    Rendering rendering = new Rendering(freemarker, current, ctx);
    rendering.share("ctx", ctx);
    rendering.share("i18n", new I18nModel(current.messages(Locale.FRENCH)));
    rendering.share("cms", CmsDirectives.namespace(rendering));
    attributes.create(context).forEach(rendering::share);
    rendering.render(content, out);
  }
}
