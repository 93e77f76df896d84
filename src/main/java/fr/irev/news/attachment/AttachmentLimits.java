package fr.irev.news.attachment;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Limits of PDF inspection and thumbnail rendering.
 *
 * @param inspectTimeout longest wait for one inspection, worker included; positive
 * @param renderTimeout longest wait for one thumbnail, worker included; positive
 * @param maxConcurrentRenders workers of the renderer, and of the inspector (each has its own); at
 *     least 1
 * @param maxImagePixels largest image (width × height, in pixels) a rendered page may draw; a
 *     larger one makes the page unrenderable; positive
 * @param minWidth smallest thumbnail width in pixels; positive
 * @param maxWidth largest thumbnail width in pixels; at least {@code minWidth}
 * @param maxRenderPixels largest thumbnail (width × height, in pixels); positive
 * @param scratchDir directory for the temporary copies of the files being read (created when
 *     needed; each copy deleted after use)
 */
public record AttachmentLimits(
    Duration inspectTimeout,
    Duration renderTimeout,
    int maxConcurrentRenders,
    long maxImagePixels,
    int minWidth,
    int maxWidth,
    long maxRenderPixels,
    Path scratchDir) {

  /** Largest file read, in bytes (1 GiB): a larger one is {@link PdfStatus#TOO_LARGE}. */
  public static final long MAX_FILE_BYTES = 1L << 30;

  /** Most page tree nodes (pages and intermediate nodes) walked before giving up. */
  public static final int MAX_PAGE_TREE_NODES = 100_000;

  /**
   * @throws IllegalArgumentException when a value is out of its range
   * @throws NullPointerException when a duration or the directory is {@code null}
   */
  public AttachmentLimits {
    if (inspectTimeout.isNegative()
        || inspectTimeout.isZero()
        || renderTimeout.isNegative()
        || renderTimeout.isZero()) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
    if (maxConcurrentRenders < 1
        || maxImagePixels < 1
        || minWidth < 1
        || maxWidth < minWidth
        || maxRenderPixels < 1) {
      throw new IllegalArgumentException("limits out of range");
    }
    if (scratchDir == null) {
      throw new NullPointerException("scratchDir");
    }
  }

  /**
   * @return inspection 5 s, rendering 10 s, 2 workers each, images up to 40 000 000 pixels,
   *     thumbnails 64 to 1 200 pixels wide and up to 4 000 000 pixels, scratch directory {@code
   *     <java.io.tmpdir>/irev-news}
   */
  public static AttachmentLimits defaults() {
    return new AttachmentLimits(
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        2,
        40_000_000L,
        64,
        1200,
        4_000_000L,
        Path.of(System.getProperty("java.io.tmpdir"), "irev-news"));
  }

  /**
   * @return a copy with another scratch directory
   */
  public AttachmentLimits withScratchDir(Path dir) {
    return new AttachmentLimits(
        inspectTimeout,
        renderTimeout,
        maxConcurrentRenders,
        maxImagePixels,
        minWidth,
        maxWidth,
        maxRenderPixels,
        dir);
  }

  /**
   * @return {@code width} brought within {@code minWidth..maxWidth}
   */
  public int clampWidth(int width) {
    return Math.max(minWidth, Math.min(maxWidth, width));
  }
}
