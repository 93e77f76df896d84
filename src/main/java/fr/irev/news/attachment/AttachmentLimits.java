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
   * Thumbnail widths served are multiples of this step (in pixels), so that one asset version has
   * at most a few dozen cached thumbnails whatever widths are requested.
   */
  public static final int WIDTH_STEP = 40;

  /**
   * @return {@code width} brought within {@code minWidth..maxWidth}
   */
  public int clampWidth(int width) {
    return Math.max(minWidth, Math.min(maxWidth, width));
  }

  /**
   * The width to ask thumbnails for: the multiple of {@link #WIDTH_STEP} nearest to {@code width}
   * within the limits (the smallest or largest such multiple beyond them).
   *
   * @param width wanted width in pixels
   * @return an allowed width ({@link #isServedWidth(int)}), or {@link #clampWidth(int)} when no
   *     multiple of the step lies within the limits
   */
  public int servedWidth(int width) {
    int low = (minWidth + WIDTH_STEP - 1) / WIDTH_STEP * WIDTH_STEP;
    int high = maxWidth / WIDTH_STEP * WIDTH_STEP;
    if (low > high) {
      return clampWidth(width);
    }
    int rounded = Math.round(clampWidth(width) / (float) WIDTH_STEP) * WIDTH_STEP;
    return Math.max(low, Math.min(high, rounded));
  }

  /**
   * @return whether the thumbnail servlet serves this width: within the limits and a multiple of
   *     {@link #WIDTH_STEP}
   */
  public boolean isServedWidth(int width) {
    return width >= minWidth && width <= maxWidth && width % WIDTH_STEP == 0;
  }
}
