package fr.irev.news.templating;

import fr.irev.news.web.DownloadServlet;
import fr.irev.news.web.ThumbnailServlet;
import java.time.ZonedDateTime;

/** The site's addresses (docs/architecture.md, "URLs of the site"), with the context path. */
final class SiteUrls {

  /** Path of the news list page. */
  static final String LIST_PATH = "/actualites";

  /** Path of the light module's web resources (Magnolia's {@code /.resources/} servlet). */
  static final String RESOURCES_PATH = "/.resources/irev-news/webresources";

  /** GET parameter of the thematic filter. */
  static final String THEMATIC_PARAMETER = "thematique";

  /** GET parameter of the territory filter. */
  static final String TERRITORY_PARAMETER = "territoire";

  /** GET parameter of the page number. */
  static final String PAGE_PARAMETER = "page";

  private final ContentContext context;

  SiteUrls(ContentContext context) {
    this.context = context;
  }

  String path(String path) {
    return context.contextPath() + (path.startsWith("/") ? path : "/" + path);
  }

  String list() {
    return path(LIST_PATH);
  }

  String item(String urlName) {
    return path(LIST_PATH + "/" + urlName);
  }

  /** The module's download address ({@link DownloadServlet#path}), with the context path. */
  String download(String identifier, String fileName) {
    return path(DownloadServlet.path(identifier, fileName));
  }

  /**
   * The module's thumbnail address ({@link ThumbnailServlet#path}), with the context path and the
   * asset's version as a query, so that browsers and shared caches fetch a new image when the asset
   * changes.
   */
  String thumbnail(String identifier, int width, ZonedDateTime version) {
    String url = path(ThumbnailServlet.path(identifier, width));
    return version == null ? url : url + "?v=" + version.toInstant().toEpochMilli();
  }

  /**
   * @return {@code pathWithContext} made absolute on the site's address
   */
  String absolute(String pathWithContext) {
    String site = context.siteUrl();
    String contextPath = context.contextPath();
    String origin =
        !contextPath.isEmpty() && site.endsWith(contextPath)
            ? site.substring(0, site.length() - contextPath.length())
            : site;
    return origin + pathWithContext;
  }
}
