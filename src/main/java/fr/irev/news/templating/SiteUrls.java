package fr.irev.news.templating;

import fr.irev.news.web.DownloadServlet;
import fr.irev.news.web.FeedServlet;
import fr.irev.news.web.ThumbnailServlet;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;

/**
 * The site's addresses (docs/architecture.md, "URLs of the site"), with the context path. Public
 * for the feeds ({@code fr.irev.news.feed}), which link to the same pages.
 */
public final class SiteUrls {

  /** Path of the news list page. */
  static final String LIST_PATH = "/actualites";

  /** Path of a thematic's page: {@code /thematiques/<node name>}. */
  static final String THEMATIC_PAGE_PATH = "/thematiques/";

  /** Path of a territory's page: {@code /territoires/<node name>}. */
  static final String TERRITORY_PAGE_PATH = "/territoires/";

  /** Path of the light module's web resources (Magnolia's {@code /.resources/} servlet). */
  static final String RESOURCES_PATH = "/.resources/irev-news/webresources";

  /** Path of the page explaining how to bookmark a page (no JavaScript needed). */
  static final String BOOKMARK_HELP_PATH = "/favoris";

  /** GET parameter of the bookmark help page: the site path of the page to bookmark. */
  static final String RETURN_PARAMETER = "retour";

  /** GET parameter of the thematic filter. */
  static final String THEMATIC_PARAMETER = "thematique";

  /** GET parameter of the territory filter. */
  static final String TERRITORY_PARAMETER = "territoire";

  /** GET parameter of the page number. */
  static final String PAGE_PARAMETER = "page";

  private final ContentContext context;

  /**
   * @param context the request's content context (context path, site address)
   */
  public SiteUrls(ContentContext context) {
    this.context = context;
  }

  /**
   * @param path site path, e.g. {@code /actualites}
   * @return the path with the context path in front
   */
  public String path(String path) {
    return context.contextPath() + (path.startsWith("/") ? path : "/" + path);
  }

  /**
   * @param prefix {@link #THEMATIC_PAGE_PATH} or {@link #TERRITORY_PAGE_PATH}
   * @param name the term's node name
   * @return address of the term's page, with context path
   */
  public String termPage(String prefix, String name) {
    return path(prefix + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * @return address of the news list, with context path
   */
  public String list() {
    return path(LIST_PATH);
  }

  /**
   * @param urlName an item's URL name
   * @return address of its detail page, with context path
   */
  public String item(String urlName) {
    return path(LIST_PATH + "/" + urlName);
  }

  /**
   * @return address of the RSS feed ({@link FeedServlet#RSS_PATH}), with context path, no filter
   */
  String rss() {
    return path(FeedServlet.RSS_PATH);
  }

  /**
   * @return address of the events calendar ({@link FeedServlet#CALENDAR_PATH}), with context path,
   *     no filter
   */
  String calendar() {
    return path(FeedServlet.CALENDAR_PATH);
  }

  /**
   * @param urlName an event's URL name
   * @return address of its iCalendar file ({@link FeedServlet#eventPath}), with context path
   */
  String eventCalendar(String urlName) {
    return path(FeedServlet.eventPath(urlName));
  }

  /**
   * @param pagePath site path (with context path) of the page to bookmark, or {@code null}
   * @return the bookmark help page's address for that page (without page when {@code null})
   */
  String bookmarkHelp(String pagePath) {
    if (pagePath == null) {
      return path(BOOKMARK_HELP_PATH);
    }
    return path(BOOKMARK_HELP_PATH)
        + "?"
        + RETURN_PARAMETER
        + "="
        + URLEncoder.encode(pagePath, StandardCharsets.UTF_8);
  }

  /**
   * Accepts only a path of this site, so that the help page can never send a visitor elsewhere.
   *
   * @param raw value of a request parameter, may be {@code null}
   * @return the path, or {@code null} unless it starts with a single {@code /} and has at most 500
   *     characters, no backslash, no control character and no scheme
   */
  static String localPath(String raw) {
    if (raw == null || raw.length() > 500 || !raw.startsWith("/") || raw.startsWith("//")) {
      return null;
    }
    boolean unsafe =
        raw.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')
            || raw.toLowerCase(java.util.Locale.ROOT).contains("javascript:");
    return unsafe ? null : raw;
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
   * @param pathWithContext a path that starts with the context path, as the other methods give
   * @return {@code pathWithContext} made absolute on the site's address
   */
  public String absolute(String pathWithContext) {
    String site = context.siteUrl();
    String contextPath = context.contextPath();
    String origin =
        !contextPath.isEmpty() && site.endsWith(contextPath)
            ? site.substring(0, site.length() - contextPath.length())
            : site;
    return origin + pathWithContext;
  }
}
