package fr.irev.news.attachment;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one set of attachment services a webapp shares between its servlets and its templating
 * functions, so that the limits (workers, time) and the caches hold for the whole webapp. Building
 * a set deletes the scratch copies a stopped JVM left behind (older than an hour).
 */
public final class AttachmentServices {

  /** System property naming the thumbnail cache directory. */
  public static final String CACHE_DIR_PROPERTY = "irev-news.cacheDir";

  private static final Logger LOG = LoggerFactory.getLogger(AttachmentServices.class);

  private final AttachmentLimits limits;
  private final PdfInfoCache pdfInfo;
  private final ThumbnailCache thumbnails;

  private AttachmentServices(AttachmentLimits limits, Path cacheDir) {
    ScratchCopy.deleteStale(limits.scratchDir(), Duration.ofHours(1));
    this.limits = limits;
    this.pdfInfo = new PdfInfoCache(new PdfInspector(limits));
    this.thumbnails = new ThumbnailCache(cacheDir, new ThumbnailRenderer(limits));
  }

  /** Built on first use. */
  private static final class Shared {
    static final AttachmentServices INSTANCE = build();

    private static AttachmentServices build() {
      AttachmentLimits limits = AttachmentLimits.defaults();
      Path cacheDir = limits.scratchDir().resolve("thumbnails");
      String configured = System.getProperty(CACHE_DIR_PROPERTY);
      if (configured != null && !configured.isBlank()) {
        try {
          cacheDir = Path.of(configured.strip());
        } catch (InvalidPathException e) {
          LOG.warn("{} is not a path, {} used instead", CACHE_DIR_PROPERTY, cacheDir);
        }
      }
      return new AttachmentServices(limits, cacheDir);
    }
  }

  /**
   * @return the webapp's services, built on first call with {@link AttachmentLimits#defaults()} and
   *     the thumbnail cache in the directory named by the system property {@value
   *     #CACHE_DIR_PROPERTY}, else in {@code thumbnails} under the scratch directory
   */
  public static AttachmentServices shared() {
    return Shared.INSTANCE;
  }

  /**
   * A separate set, for tests.
   *
   * @param limits the limits
   * @param cacheDir the thumbnail cache directory, created when first needed
   * @return new services that share nothing with {@link #shared()}
   */
  public static AttachmentServices create(AttachmentLimits limits, Path cacheDir) {
    return new AttachmentServices(
        Objects.requireNonNull(limits, "limits"), Objects.requireNonNull(cacheDir, "cacheDir"));
  }

  /** Page count, title, language and the rest, cached per asset version. */
  public PdfInfoCache pdfInfo() {
    return pdfInfo;
  }

  /** Thumbnails of page 1, cached on disk per asset version and width. */
  public ThumbnailCache thumbnails() {
    return thumbnails;
  }

  /** The limits every service applies. */
  public AttachmentLimits limits() {
    return limits;
  }
}
