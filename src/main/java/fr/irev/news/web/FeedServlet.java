package fr.irev.news.web;

import fr.irev.news.feed.NewsFeeds;
import fr.irev.news.feed.NewsFeeds.FeedDocument;
import fr.irev.news.news.UrlNames;
import fr.irev.news.templating.ContentContext;
import fr.irev.news.templating.ListingQuery;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import javax.jcr.RepositoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds and calendars: {@code GET} and {@code HEAD} on (mapping {@code /.irev-news/flux/*} in
 * {@code magnolia-module.xml}):
 *
 * <ul>
 *   <li>{@value #RSS_PATH}: RSS 2.0 of the {@value NewsFeeds#MAX_ITEMS} newest items ({@code
 *       application/rss+xml; charset=UTF-8});
 *   <li>{@value #CALENDAR_PATH}: the events as one subscribable iCalendar object ({@code
 *       text/calendar; charset=UTF-8; method=PUBLISH}, VTIMEZONE Europe/Paris);
 *   <li>{@code /.irev-news/flux/evenement/<urlName>.ics}: one event ("Ajouter à mon agenda"), as an
 *       attachment named after its title ({@link ContentDisposition}).
 * </ul>
 *
 * <p>The two feeds take the list page's filter parameters ({@link ListingQuery#PARAMETERS}: {@code
 * thematique}, {@code territoire}). As on the list page, a filter naming no known term, or a query
 * string the container cannot decode, is not applied: the feed is the unfiltered one (its
 * description says so), never an error, so that a subscription keeps working after a term is
 * renamed.
 *
 * <p>Headers: {@code Cache-Control: public, max-age=300} (private for a logged-in visitor, whose
 * rights may show more), a strong {@code ETag} (digest of the body, which holds no "now") and
 * {@code Last-Modified} (newest item), {@code X-Content-Type-Options: nosniff}. Conditional
 * requests as for downloads ({@link Conditionals}): 304, or 412 for a failed {@code If-Match}.
 * Unknown address or event → 404 French page; no content context or repository failure → 503 French
 * page; a month filter outside 1900–2999 is ignored like any unusable value. An unexpected failure
 * is logged (ERROR, with its stack trace) and answered with the French 500 page.
 */
public final class FeedServlet extends AssetServlet {

  /** Path of the servlet's mapping in the web application, with a trailing slash. */
  public static final String PATH = "/.irev-news/flux/";

  /** The RSS feed's address, without context path. */
  public static final String RSS_PATH = PATH + "actualites.rss";

  /** The events calendar's address, without context path. */
  public static final String CALENDAR_PATH = PATH + "agenda.ics";

  /** Cache lifetime of a feed for anonymous visitors: five minutes, in any cache. */
  static final String CACHE_CONTROL = "public, max-age=300";

  /** Cache lifetime for a logged-in visitor: never stored by shared caches. */
  static final String PRIVATE_CACHE_CONTROL = "private, max-age=300";

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(FeedServlet.class);
  private static final String EVENT_PREFIX = "/evenement/";
  private static final String ICS = ".ics";

  /**
   * @param urlName an event's URL name
   * @return its iCalendar file's address, without context path
   */
  public static String eventPath(String urlName) {
    return PATH + EVENT_PREFIX.substring(1) + urlName + ICS;
  }

  @Override
  void serve(HttpServletRequest request, HttpServletResponse response, boolean body)
      throws IOException {
    Optional<ContentContext> context = contextOrUnavailable(request, response, body);
    if (context.isEmpty()) {
      return;
    }
    String path = AssetPaths.rawPathInfo(request);
    NewsFeeds feeds = new NewsFeeds(context.get());
    Optional<FeedDocument> document;
    try {
      if ("/actualites.rss".equals(path)) {
        document = Optional.of(feeds.rss(parameters(request), request.getContextPath() + RSS_PATH));
      } else if ("/agenda.ics".equals(path)) {
        document = Optional.of(feeds.calendar(parameters(request)));
      } else {
        String urlName = eventName(path);
        document = urlName == null ? Optional.empty() : feeds.event(urlName);
      }
    } catch (RepositoryException e) {
      LOG.warn("Feed {} unavailable: {}", path, e.toString());
      ErrorPage.send(response, 503, request.getContextPath(), body);
      return;
    } catch (RuntimeException e) {
      LOG.error("Feed {} failed", path, e);
      ErrorPage.send(response, 500, request.getContextPath(), body);
      return;
    }
    if (document.isEmpty()) {
      ErrorPage.send(response, 404, request.getContextPath(), body);
      return;
    }
    send(request, response, document.get(), body);
  }

  private static void send(
      HttpServletRequest request, HttpServletResponse response, FeedDocument doc, boolean body)
      throws IOException {
    String etag = entityTag(doc.body());
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader(
        "Cache-Control", cacheControl(request, CACHE_CONTROL, PRIVATE_CACHE_CONTROL));
    response.setHeader("ETag", etag);
    if (doc.lastModified() >= 0) {
      response.setDateHeader("Last-Modified", doc.lastModified());
    }
    Conditionals.Outcome outcome =
        Conditionals.evaluate(
            request.getHeader("If-Match"),
            request.getHeader("If-Unmodified-Since"),
            request.getHeader("If-None-Match"),
            request.getHeader("If-Modified-Since"),
            etag,
            doc.lastModified());
    if (outcome == Conditionals.Outcome.NOT_MODIFIED) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    if (outcome == Conditionals.Outcome.PRECONDITION_FAILED) {
      ErrorPage.send(response, 412, request.getContextPath(), body);
      return;
    }
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(doc.mediaType());
    if (doc.fileName() != null) {
      response.setHeader("Content-Disposition", ContentDisposition.attachment(doc.fileName()));
    }
    response.setContentLength(doc.body().length);
    if (body) {
      response.getOutputStream().write(doc.body());
    }
  }

  /**
   * @param rawPath the path after the mapping, still percent-encoded; may be {@code null}
   * @return the URL name of {@code /evenement/<urlName>.ics}, or {@code null} for any other path (a
   *     name that is not a valid URL name included: no decoding, so {@code %2F} never matches)
   */
  static String eventName(String rawPath) {
    if (rawPath == null || !rawPath.startsWith(EVENT_PREFIX) || !rawPath.endsWith(ICS)) {
      return null;
    }
    String name = rawPath.substring(EVENT_PREFIX.length(), rawPath.length() - ICS.length());
    return UrlNames.isValid(name) ? name : null;
  }

  /**
   * The filter parameters of the request, read from the raw query string pair by pair ({@link
   * QueryParameters}): a malformed pair is skipped and the others still apply, as on the list page
   * (whatever the container would do with the whole query string).
   */
  static Function<String, String> parameters(HttpServletRequest request) {
    QueryParameters query = QueryParameters.parse(request.getQueryString());
    return query::first;
  }

  /**
   * @param body the representation
   * @return a strong entity tag: the first 128 bits of its SHA-256, in hex, quoted
   */
  static String entityTag(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
