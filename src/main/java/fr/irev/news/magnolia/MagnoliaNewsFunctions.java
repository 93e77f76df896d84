package fr.irev.news.magnolia;

import fr.irev.news.templating.NewsFunctions;

/**
 * The {@code irevfn} templating functions as Magnolia instantiates them: the class named by the
 * {@code componentClass} of the Freemarker renderer's context attribute (bootstrap file {@code
 * config.modules.rendering.renderers.freemarker.contextAttributes.irevfn.xml}). Needs a public
 * no-argument constructor.
 */
public class MagnoliaNewsFunctions extends NewsFunctions {

  /** Binds the functions to Magnolia's current context. */
  public MagnoliaNewsFunctions() {
    super(new MagnoliaContentContext());
  }
}
