package fr.irev.news.web;

import fr.irev.news.attachment.BinarySource;
import fr.irev.news.attachment.DamAsset;
import fr.irev.news.attachment.DamAssets;
import fr.irev.news.attachment.DamNodes;
import fr.irev.news.templating.ContentContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.jcr.RepositoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads of DAM assets: {@code GET} and {@code HEAD} on {@code /.irev-news/download/<asset
 * identifier>/<file name>} (mapping {@code /.irev-news/download/*} in {@code magnolia-module.xml}).
 *
 * <ul>
 *   <li>Only an {@code mgnl:asset} with a binary in workspace {@code dam}, read through the
 *       request's session (so Magnolia's access rights apply). The identifier is a lower-case UUID;
 *       the file name, percent-decoded as UTF-8, must be the asset's ({@code jcr:content/fileName})
 *       as {@link #path} writes it (NFC, control characters removed, {@code / \ %} as {@code _}).
 *       Anything else (malformed identifier, another workspace's node, a folder, {@code ..}, {@code
 *       %2F}, {@code %00}, bad percent-encoding, a different file name) gets 404 with the French
 *       page: never a redirect, so that a URL names exactly one file and nothing is cached under a
 *       second address.
 *   <li>Headers: {@code Content-Type} from the asset ({@code jcr:mimeType}, {@code
 *       application/octet-stream} when absent or malformed), {@code X-Content-Type-Options:
 *       nosniff} (WHATWG Fetch Standard: the browser never guesses another type), {@code
 *       Content-Disposition: attachment} with ASCII {@code filename} and UTF-8 {@code filename*}
 *       (RFC 6266, RFC 8187; {@link ContentDisposition}), {@code Content-Length}, {@code
 *       Last-Modified} ({@code jcr:lastModified}, else the asset's {@code mgnl:lastModified}), a
 *       strong {@code ETag}, {@code Accept-Ranges: bytes} (RFC 9110 §14.3), {@code Cache-Control:
 *       public, max-age=3600} (RFC 9111 §5.2.2).
 *   <li>Conditional requests (RFC 9110 §13): {@code If-None-Match}, {@code If-Modified-Since} →
 *       304; {@code If-Match}, {@code If-Unmodified-Since} → 412 ({@link Conditionals}).
 *   <li>Ranges (RFC 9110 §14): one range → 206 with {@code Content-Range}; unsatisfiable → 416 with
 *       {@code Content-Range: bytes *}{@code /<length>}; several ranges or an invalid header →
 *       ignored, 200 with the whole file ({@link ByteRanges}); {@code If-Range} that does not match
 *       → 200 with the whole file.
 *   <li>The body is streamed from the repository through a fixed buffer; a client that closes the
 *       connection is logged at DEBUG only.
 *   <li>No {@code ContentContext} (misconfigured servlet) → 503; repository failure → 503 with a
 *       WARN. Never a 500.
 * </ul>
 *
 * The request's {@code ContentContext} comes from {@link ContentContexts} (init parameter {@value
 * ContentContexts#PARAMETER}).
 */
public final class DownloadServlet extends AssetServlet {

  /** Path of the servlet's mapping in the web application, with a trailing slash. */
  public static final String PATH = "/.irev-news/download/";

  /** Cache lifetime of a download: one hour, in any cache. */
  static final String CACHE_CONTROL = "public, max-age=3600";

  /** Cache lifetime for a logged-in visitor: never stored by shared caches. */
  static final String PRIVATE_CACHE_CONTROL = "private, max-age=3600";

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(DownloadServlet.class);
  private static final String DEFAULT_TYPE = "application/octet-stream";

  /** {@code type/subtype} with optional parameters, RFC 9110 §8.3.1 token characters. */
  private static final Pattern MEDIA_TYPE =
      Pattern.compile(
          "[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+"
              + "(\\s*;\\s*[A-Za-z0-9!#$&^_.+-]+=(\"[\\x20\\x21\\x23-\\x5b\\x5d-\\x7e]*\"|[A-Za-z0-9!#$&^_.+-]+))*");

  /**
   * The address of an asset's download, to link to.
   *
   * @param identifier the asset's JCR identifier (lower-case UUID)
   * @param fileName the asset's file name ({@code DamAsset.fileName()})
   * @return {@code /.irev-news/download/<identifier>/<percent-encoded file name>} (the name as
   *     {@code AssetPaths.urlFileName} makes it safe for any container), relative to the web
   *     application (prefix it with the context path)
   */
  public static String path(String identifier, String fileName) {
    return PATH + identifier + "/" + AssetPaths.encodeSegment(AssetPaths.urlFileName(fileName));
  }

  @Override
  void serve(HttpServletRequest request, HttpServletResponse response, boolean body)
      throws IOException {
    Optional<ContentContext> context = contextOrUnavailable(request, response, body);
    if (context.isEmpty()) {
      return;
    }
    Optional<AssetPaths.Download> target = AssetPaths.download(AssetPaths.rawPathInfo(request));
    if (target.isEmpty()) {
      ErrorPage.send(response, 404, request.getContextPath(), body);
      return;
    }
    DamAsset asset;
    BinarySource source;
    try {
      DamAssets assets = new DamAssets(context.get().session(DamNodes.WORKSPACE));
      Optional<DamAsset> found = assets.find(target.get().identifier());
      if (found.isEmpty()
          || !AssetPaths.sameFileName(target.get().fileName(), found.get().fileName())) {
        ErrorPage.send(response, 404, request.getContextPath(), body);
        return;
      }
      asset = found.get();
      source = assets.source(asset);
    } catch (RepositoryException e) {
      LOG.warn("Download of DAM asset {} unavailable: {}", target.get().identifier(), e.toString());
      ErrorPage.send(response, 503, request.getContextPath(), body);
      return;
    }
    send(request, response, asset, source, body);
  }

  private static void send(
      HttpServletRequest request,
      HttpServletResponse response,
      DamAsset asset,
      BinarySource source,
      boolean body)
      throws IOException {
    long length = asset.size();
    long modified =
        asset.lastModified() == null ? -1 : asset.lastModified().toInstant().toEpochMilli();
    String etag = Conditionals.binaryTag(modified, length);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader(
        "Cache-Control", cacheControl(request, CACHE_CONTROL, PRIVATE_CACHE_CONTROL));
    response.setHeader("Accept-Ranges", "bytes");
    if (etag != null) {
      response.setHeader("ETag", etag);
    }
    if (modified >= 0) {
      response.setDateHeader("Last-Modified", modified);
    }
    Conditionals.Outcome outcome =
        Conditionals.evaluate(
            request.getHeader("If-Match"),
            request.getHeader("If-Unmodified-Since"),
            request.getHeader("If-None-Match"),
            request.getHeader("If-Modified-Since"),
            etag,
            modified);
    if (outcome == Conditionals.Outcome.NOT_MODIFIED) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    if (outcome == Conditionals.Outcome.PRECONDITION_FAILED) {
      ErrorPage.send(response, 412, request.getContextPath(), body);
      return;
    }
    ByteRanges.Decision range =
        Conditionals.rangeApplies(request.getHeader("If-Range"), etag, modified)
            ? ByteRanges.evaluate(request.getHeader("Range"), length)
            : ByteRanges.Decision.WHOLE;
    if (range.kind() == ByteRanges.Kind.UNSATISFIABLE) {
      response.setHeader("Content-Range", range.contentRange(length));
      ErrorPage.send(response, 416, request.getContextPath(), body);
      return;
    }
    long first = 0;
    long count = length;
    if (range.kind() == ByteRanges.Kind.PARTIAL) {
      response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
      response.setHeader("Content-Range", range.contentRange(length));
      first = range.first();
      count = range.length();
    } else {
      response.setStatus(HttpServletResponse.SC_OK);
    }
    response.setContentType(mediaType(asset.mimeType()));
    response.setHeader("Content-Disposition", ContentDisposition.attachment(asset.fileName()));
    response.setContentLengthLong(count);
    if (body) {
      stream(request, response, asset, source, first, count);
    }
  }

  private static void stream(
      HttpServletRequest request,
      HttpServletResponse response,
      DamAsset asset,
      BinarySource source,
      long first,
      long count)
      throws IOException {
    try (InputStream in = source.open()) {
      BodyCopier.copy(in, first, count, response.getOutputStream());
    } catch (BodyCopier.ClientGoneException e) {
      LOG.debug(
          "Download of DAM asset {} cancelled by the client: {}",
          asset.identifier(),
          e.getMessage());
    } catch (IOException e) {
      LOG.warn("Download of DAM asset {} failed: {}", asset.identifier(), e.toString());
      if (!response.isCommitted()) {
        response.reset();
        ErrorPage.send(response, 503, request.getContextPath(), true);
      }
    }
  }

  /**
   * The {@code Content-Type} to send for an asset's stored MIME type.
   *
   * @param mimeType {@code jcr:mimeType}, may be {@code null}
   * @return the type as stored (white space trimmed) when it is a valid media type (RFC 9110
   *     §8.3.1); else {@code application/octet-stream} (nothing stored can inject a header)
   */
  static String mediaType(String mimeType) {
    if (mimeType == null) {
      return DEFAULT_TYPE;
    }
    String type = mimeType.strip();
    return MEDIA_TYPE.matcher(type).matches() ? type : DEFAULT_TYPE;
  }
}
