package fr.irev.news.preview.render;

import fr.irev.news.templating.ContentContext;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/** Context attribute of the test fixture ({@code testfn}), built per request with its context. */
public class TestFunctions {

  private final ContentContext context;

  /**
   * @param context the request's content context
   */
  public TestFunctions(ContentContext context) {
    this.context = context;
  }

  /**
   * @return a greeting
   */
  public String hello(String name) {
    return "Bonjour " + name;
  }

  /**
   * @return the site URL
   */
  public String siteUrl() {
    return context.siteUrl();
  }

  /**
   * @return the title of news item {@code name}, or {@code null} (and status 404) when there is
   *     none
   */
  public String itemTitle(String name) throws RepositoryException {
    Session news = context.session("irev-news");
    if (name.matches("[a-z0-9][a-z0-9-]*") && news.nodeExists("/" + name)) {
      return news.getNode("/" + name).getProperty("title").getString();
    }
    context.setStatus(404);
    return null;
  }
}
