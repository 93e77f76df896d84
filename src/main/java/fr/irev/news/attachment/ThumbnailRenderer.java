package fr.irev.news.attachment;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;

/**
 * Renders page 1 of a PDF as a PNG thumbnail with PDFBox, from a scratch copy of the binary, within
 * {@link AttachmentLimits#renderTimeout()}, at most {@link AttachmentLimits#maxConcurrentRenders()}
 * at once (a semaphore; a caller waits for a permit within its time limit). Thread-safe.
 *
 * <p>Memory stays bounded: the page is refused before drawing when the thumbnail would exceed
 * {@link AttachmentLimits#maxRenderPixels()}, when an image exceeds {@link
 * AttachmentLimits#maxImagePixels()}, or when an image or a content stream that PDFBox decodes in
 * memory would take more than a quarter of the heap shared by the concurrent renders ({@code
 * maxMemory / (4 × maxConcurrentRenders)} bytes). Large images are subsampled.
 */
public final class ThumbnailRenderer {

  private final AttachmentLimits limits;
  private final PdfJobs jobs;
  private final long maxDecodedBytes;

  /**
   * @param limits time limit, workers, pixel limits, widths, scratch directory
   */
  public ThumbnailRenderer(AttachmentLimits limits) {
    this.limits = limits;
    this.jobs =
        new PdfJobs(
            "rendering",
            limits.maxConcurrentRenders(),
            limits.renderTimeout(),
            limits.scratchDir());
    this.maxDecodedBytes = Runtime.getRuntime().maxMemory() / (4L * limits.maxConcurrentRenders());
  }

  /**
   * The first page as a PNG {@code width} pixels wide (clamped to {@link
   * AttachmentLimits#minWidth()}..{@link AttachmentLimits#maxWidth()}) and as high as the page's
   * aspect ratio gives (at least 1 pixel): the page as displayed, that is its CropBox turned by its
   * {@code /Rotate}, on a white background. Never throws for a bad file; logs at most one WARN per
   * call.
   *
   * @return the PNG bytes, or empty when the file cannot be rendered within the limits (not a PDF,
   *     empty, damaged, password-protected, too large, too slow, no worker free in time)
   */
  public Optional<byte[]> renderFirstPage(BinarySource source, int width) {
    return Optional.ofNullable(render(source, width).value());
  }

  /** As {@link #renderFirstPage}, saying also why not and whether that may be remembered. */
  Outcome<byte[]> render(BinarySource source, int width) {
    int clamped = limits.clampWidth(width);
    return jobs.run(source, (document, deadline) -> draw(document, clamped, deadline));
  }

  /** The limits this renderer applies. */
  AttachmentLimits limits() {
    return limits;
  }

  private byte[] draw(PDDocument document, int width, long deadline) throws IOException {
    PageTree tree = PageTree.walk(document.getDocumentCatalog().getCOSObject(), deadline);
    PDPage page = document.getPage(0);
    if (page.getCOSObject() != tree.firstPage()) {
      throw new PdfJobException(PdfStatus.DAMAGED, "page counts of the page tree are wrong");
    }
    PDRectangle crop = page.getCropBox();
    boolean turned = Math.floorMod(page.getRotation(), 180) == 90;
    float shownWidth = turned ? crop.getHeight() : crop.getWidth();
    float shownHeight = turned ? crop.getWidth() : crop.getHeight();
    if (!(shownWidth > 0 && shownHeight > 0)
        || Float.isInfinite(shownWidth)
        || Float.isInfinite(shownHeight)) {
      throw new PdfJobException(PdfStatus.DAMAGED, "page without area");
    }
    // PDFBox sizes the image floor(points × scale), in float: the smallest scale giving the width
    float scale = width / shownWidth;
    while (Math.floor(shownWidth * scale) < width && Float.isFinite(scale)) {
      scale = Math.nextUp(scale);
    }
    double height = Math.max(1, Math.floor(shownHeight * scale));
    if (width * height > limits.maxRenderPixels() || !(scale > 0) || Float.isInfinite(scale)) {
      throw new PdfJobException(PdfStatus.TOO_LARGE, "thumbnail over the pixel limit");
    }
    RenderGuard guard = new RenderGuard(limits.maxImagePixels(), maxDecodedBytes, deadline);
    guard.checkContents(page);
    BufferedImage image =
        new GuardedPageDrawer.Renderer(document, guard).renderImage(0, scale, ImageType.RGB);
    ByteArrayOutputStream png = new ByteArrayOutputStream(64 * 1024);
    if (!ImageIO.write(image, "png", png)) {
      throw new IOException("no PNG writer");
    }
    return png.toByteArray();
  }
}
