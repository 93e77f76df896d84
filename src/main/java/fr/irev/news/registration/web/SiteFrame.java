package fr.irev.news.registration.web;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * The site's frame around the pages the module's servlets write themselves (registration answers,
 * cancellation): the same skip link, banner with the site's name and the "Actualités" navigation,
 * {@code main} landmark and footer as the {@code page} macro of {@code templates/macros/news.ftl},
 * built with jsoup's element API so that every text is escaped by construction. The French wording
 * is the one of the French message bundle ({@code irev-news.skip}, {@code irev-news.site.name},
 * {@code irev-news.nav.label}, {@code irev-news.nav.news}, {@code irev-news.footer.text}).
 */
public final class SiteFrame {

  /** Path of the news list, relative to the context path. */
  public static final String LIST_PATH = "/actualites";

  /** Name of the site, in the banner and after each page title. */
  static final String SITE_NAME = "IREV";

  /** The footer's sentence. */
  static final String FOOTER = "IREV – Institut régional de la ville, Hauts-de-France";

  private SiteFrame() {}

  /**
   * A new French page in the site's frame.
   *
   * @param title the page title, without the site's name (added after an en dash)
   * @param contextPath the web application's context path ({@code ""} at the root)
   * @return a document with {@code lang="fr"}, UTF-8, {@code noindex}, the module's stylesheet, the
   *     skip link, the banner, an empty {@code main} ({@link #main}) and the footer
   */
  public static Document page(String title, String contextPath) {
    Document doc = Document.createShell("");
    doc.outputSettings().charset("UTF-8").escapeMode(Entities.EscapeMode.base);
    doc.child(0).attr("lang", "fr");
    Element head = doc.head();
    head.appendElement("meta").attr("charset", "utf-8");
    head.appendElement("meta")
        .attr("name", "viewport")
        .attr("content", "width=device-width, initial-scale=1");
    head.appendElement("meta").attr("name", "robots").attr("content", "noindex");
    head.appendElement("title").text(title + " – " + SITE_NAME);
    head.appendElement("link")
        .attr("rel", "stylesheet")
        .attr("href", contextPath + "/.resources/irev-news/webresources/css/irev-news.css");
    Element body = doc.body().addClass("irev");
    body.appendElement("a").addClass("irev-skip").attr("href", "#contenu").text("Aller au contenu");
    Element banner =
        body.appendElement("header")
            .addClass("irev-banner")
            .appendElement("div")
            .addClass("irev-container irev-banner__inner");
    banner
        .appendElement("a")
        .addClass("irev-banner__site")
        .attr("href", contextPath + "/")
        .text(SITE_NAME);
    banner
        .appendElement("nav")
        .addClass("irev-nav")
        .attr("aria-label", "Navigation principale")
        .appendElement("ul")
        .addClass("irev-nav__list")
        .appendElement("li")
        .appendElement("a")
        .attr("href", contextPath + LIST_PATH)
        .text("Actualités");
    body.appendElement("main")
        .id("contenu")
        .addClass("irev-container irev-main")
        .attr("tabindex", "-1");
    body.appendElement("footer")
        .addClass("irev-footer")
        .appendElement("div")
        .addClass("irev-container")
        .appendElement("p")
        .text(FOOTER);
    return doc;
  }

  /**
   * @param doc a page of {@link #page}
   * @return its {@code main} element, where the caller appends the content
   */
  public static Element main(Document doc) {
    return doc.getElementById("contenu");
  }
}
