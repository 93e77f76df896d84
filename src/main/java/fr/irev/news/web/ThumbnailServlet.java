package fr.irev.news.web;

import fr.irev.news.attachment.AttachmentLimits;
import fr.irev.news.attachment.AttachmentServices;
import fr.irev.news.attachment.BinarySource;
import fr.irev.news.attachment.DamAsset;
import fr.irev.news.attachment.DamAssets;
import fr.irev.news.attachment.DamNodes;
import fr.irev.news.attachment.Thumbnail;
import fr.irev.news.templating.ContentContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.jcr.RepositoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thumbnails of PDF assets: {@code GET} and {@code HEAD} on {@code /.irev-news/thumbnail/<asset
 * identifier>/<width>.png} (mapping {@code /.irev-news/thumbnail/*} in {@code
 * magnolia-module.xml}).
 *
 * <ul>
 *   <li>The identifier is a lower-case UUID of an {@code mgnl:asset} with a binary in workspace
 *       {@code dam}; the width a decimal integer without leading zero, a multiple of {@link
 *       AttachmentLimits#WIDTH_STEP} within {@link AttachmentLimits#minWidth()}..{@link
 *       AttachmentLimits#maxWidth()} pixels. Anything else: 404 with the French page.
 *   <li>The image comes from {@code ThumbnailCache}, keyed by the asset identifier, its {@code
 *       jcr:lastModified} (as {@code DamAssets} reads it) and the width: a cached thumbnail is
 *       streamed from its file, with neither a new rendering nor a read of the PDF from the
 *       repository. Answer: 200, {@code Content-Type: image/png}, {@code Content-Length}, the
 *       cache's {@code ETag}, {@code Last-Modified} (the asset's date), {@code Cache-Control:
 *       public, max-age=86400} ({@code private} for a logged-in visitor; RFC 9111 §5.2.2); 304 on a
 *       matching {@code If-None-Match} or {@code If-Modified-Since} (RFC 9110 §13). An anonymous
 *       request for {@code …png?v=<version>} of a version verified in the repository within the
 *       last minute is served from the cache without opening a JCR session.
 *   <li>An asset that is not a PDF, or a PDF that cannot be rendered: the neutral {@link
 *       DocumentIcon} with 200 and {@code Cache-Control: public, max-age=300}, so that a fixed file
 *       shows up within minutes. Never a 500.
 *   <li>No {@code ContentContext} or no attachment services (misconfiguration) → 503; repository
 *       failure → 503 with a WARN.
 * </ul>
 */
public final class ThumbnailServlet extends AssetServlet {

  /** Path of the servlet's mapping in the web application, with a trailing slash. */
  public static final String PATH = "/.irev-news/thumbnail/";

  /** Cache lifetime of a thumbnail: one day. */
  static final String CACHE_CONTROL = "public, max-age=86400";

  /** Cache lifetime for a logged-in visitor: content read with their rights stays theirs. */
  static final String PRIVATE_CACHE_CONTROL = "private, max-age=86400";

  private final transient VerifiedVersions verified =
      new VerifiedVersions(System::currentTimeMillis);

  /** The query string the cards write: {@code v=<asset version in ms>}, nothing else. */
  private static final Pattern VERSION = Pattern.compile("v=([0-9]{1,18})");

  /** Cache lifetime of the fallback icon: five minutes. */
  static final String ICON_CACHE_CONTROL = "public, max-age=300";

  static final String PNG = "image/png";

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(ThumbnailServlet.class);

  private transient AttachmentServices services;

  /**
   * The address of an asset's thumbnail, to link to.
   *
   * @param identifier the asset's JCR identifier (lower-case UUID)
   * @param width width in pixels, within the configured limits
   * @return {@code /.irev-news/thumbnail/<identifier>/<width>.png}, relative to the web application
   */
  public static String path(String identifier, int width) {
    return PATH + identifier + "/" + width + ".png";
  }

  @Override
  public void init() {
    super.init();
    try {
      services = AttachmentServices.shared();
    } catch (RuntimeException | LinkageError e) {
      LOG.warn(
          "Servlet '{}': no thumbnail service, answers 503: {}", getServletName(), e.toString());
      services = null;
    }
  }

  @Override
  void serve(HttpServletRequest request, HttpServletResponse response, boolean body)
      throws IOException {
    Optional<ContentContext> context = contexts.of(request);
    if (context.isEmpty() || services == null) {
      ErrorPage.send(response, 503, request.getContextPath(), body);
      return;
    }
    Optional<AssetPaths.ThumbnailRequest> target =
        AssetPaths.thumbnail(AssetPaths.rawPathInfo(request));
    if (target.isEmpty() || !withinLimits(target.get().width(), services.limits())) {
      ErrorPage.send(response, 404, request.getContextPath(), body);
      return;
    }
    String identifier = target.get().identifier();
    if (sendVersioned(request, response, identifier, target.get().width(), body)) {
      return;
    }
    DamAsset asset;
    BinarySource source;
    try {
      DamAssets assets = new DamAssets(context.get().session(DamNodes.WORKSPACE));
      Optional<DamAsset> found = assets.find(identifier);
      if (found.isEmpty()) {
        ErrorPage.send(response, 404, request.getContextPath(), body);
        return;
      }
      asset = found.get();
      if (!asset.isPdf()) {
        sendIcon(request, response, body);
        return;
      }
      source = assets.source(asset); // fetched here, opened only when a rendering is needed
    } catch (RepositoryException e) {
      LOG.warn("Thumbnail of DAM asset {} unavailable: {}", identifier, e.toString());
      ErrorPage.send(response, 503, request.getContextPath(), body);
      return;
    }
    Instant modified = asset.lastModified() == null ? null : asset.lastModified().toInstant();
    int width = target.get().width();
    // a second attempt when the cached file went away between the lookup and the read (evicted)
    for (int attempt = 0; attempt < 2; attempt++) {
      Optional<Thumbnail> thumbnail = thumbnail(identifier, modified, width, source);
      if (thumbnail.isEmpty()) {
        break;
      }
      if (sendThumbnail(
          request,
          response,
          thumbnail.get(),
          modified,
          cacheControl(request, CACHE_CONTROL, PRIVATE_CACHE_CONTROL),
          body)) {
        if (modified != null && isAnonymous(request)) {
          verified.verified(identifier, modified.toEpochMilli());
        }
        return;
      }
    }
    sendIcon(request, response, body);
  }

  /**
   * The fast path for the addresses the cards write ({@code …/240.png?v=<asset version in ms>}):
   * for an anonymous request, when an anonymous request found that asset version in the repository
   * less than {@link VerifiedVersions#TTL_MILLIS} ms ago and that version and width is cached, it
   * is sent without opening a JCR session. Anything else (no or malformed {@code v}, not verified
   * lately, a logged-in visitor, not cached yet) goes through the repository, so a deleted or
   * restricted asset stops being served within that delay.
   *
   * @return whether the response was sent
   */
  private boolean sendVersioned(
      HttpServletRequest request,
      HttpServletResponse response,
      String identifier,
      int width,
      boolean body)
      throws IOException {
    Optional<Long> version = version(request.getQueryString());
    if (version.isEmpty()
        || !isAnonymous(request)
        || !verified.isVerified(identifier, version.get())) {
      return false;
    }
    Optional<Thumbnail> cached = services.thumbnails().cached(identifier, version.get(), width);
    return cached.isPresent()
        && sendThumbnail(
            request,
            response,
            cached.get(),
            Instant.ofEpochMilli(version.get()),
            CACHE_CONTROL,
            body);
  }

  /**
   * @param query the raw query string, may be {@code null}
   * @return the value of a single {@code v} parameter of 1 to 18 digits, else empty
   */
  static Optional<Long> version(String query) {
    if (query == null) {
      return Optional.empty();
    }
    Matcher matcher = VERSION.matcher(query);
    return matcher.matches() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
  }

  /**
   * @return the thumbnail, or empty when it cannot be made (the cache's failures included)
   */
  private Optional<Thumbnail> thumbnail(
      String identifier, Instant modified, int width, BinarySource source) {
    try {
      return services.thumbnails().get(identifier, modified, width, source);
    } catch (RuntimeException e) {
      LOG.warn("Thumbnail of DAM asset {} at {} px failed: {}", identifier, width, e.toString());
      return Optional.empty();
    }
  }

  /**
   * Sends a cached thumbnail file. {@code Last-Modified} is the asset's date (the image depends on
   * nothing else), else the cached file's.
   *
   * @param assetModified the asset's last modification, or {@code null} when unknown
   * @return {@code false} when the file is gone (nothing was sent), {@code true} otherwise
   */
  private static boolean sendThumbnail(
      HttpServletRequest request,
      HttpServletResponse response,
      Thumbnail thumbnail,
      Instant assetModified,
      String cacheControl,
      boolean body)
      throws IOException {
    String etag = Conditionals.quoted(thumbnail.etag());
    Instant date = assetModified != null ? assetModified : thumbnail.lastModified();
    long modified = date == null ? -1 : date.truncatedTo(ChronoUnit.SECONDS).toEpochMilli();
    SeekableByteChannel file;
    try {
      file = Files.newByteChannel(thumbnail.file());
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      LOG.warn("Cannot read thumbnail file {}: {}", thumbnail.file(), e.toString());
      return false;
    }
    try (InputStream in = Channels.newInputStream(file)) {
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setHeader("Cache-Control", cacheControl);
      if (etag != null) {
        response.setHeader("ETag", etag);
      }
      if (modified >= 0) {
        response.setDateHeader("Last-Modified", modified);
      }
      if (notModified(request, etag, modified)) {
        response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
        return true;
      }
      long length = file.size();
      response.setStatus(HttpServletResponse.SC_OK);
      response.setContentType(PNG);
      response.setContentLengthLong(length);
      if (body) {
        try {
          BodyCopier.copy(in, 0, length, response.getOutputStream());
        } catch (BodyCopier.ClientGoneException e) {
          LOG.debug("Thumbnail {} cancelled by the client: {}", thumbnail.file(), e.getMessage());
        } catch (IOException e) {
          LOG.warn("Thumbnail {} failed: {}", thumbnail.file(), e.toString());
          if (!response.isCommitted()) {
            response.reset();
            sendIcon(request, response, true);
          }
        }
      }
      return true;
    }
  }

  private static void sendIcon(
      HttpServletRequest request, HttpServletResponse response, boolean body) throws IOException {
    byte[] png = DocumentIcon.png();
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Cache-Control", ICON_CACHE_CONTROL);
    response.setHeader("ETag", DocumentIcon.etag());
    if (notModified(request, DocumentIcon.etag(), -1)) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(PNG);
    response.setContentLength(png.length);
    if (body) {
      try {
        response.getOutputStream().write(png);
      } catch (IOException e) {
        LOG.debug("Document icon cancelled by the client: {}", e.getMessage());
      }
    }
  }

  /** {@code If-None-Match} / {@code If-Modified-Since} only: a thumbnail has no ranges. */
  private static boolean notModified(HttpServletRequest request, String etag, long modified) {
    return Conditionals.evaluate(
            null,
            null,
            request.getHeader("If-None-Match"),
            request.getHeader("If-Modified-Since"),
            etag,
            modified)
        == Conditionals.Outcome.NOT_MODIFIED;
  }

  /**
   * @param width requested width in pixels
   * @param limits the configured limits
   * @return whether {@code minWidth ≤ width ≤ maxWidth} and {@code width} is a multiple of {@link
   *     AttachmentLimits#WIDTH_STEP} (bounds the cached files per asset)
   */
  static boolean withinLimits(int width, AttachmentLimits limits) {
    return limits.isServedWidth(width);
  }

  /**
   * @param mimeType an asset's MIME type, may be {@code null}
   * @return whether it names PDF ({@code application/pdf}, or the older {@code application/x-pdf}),
   *     parameters and case ignored
   */
  static boolean isPdf(String mimeType) {
    return DamAsset.isPdfType(mimeType);
  }
}
