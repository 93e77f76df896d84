package fr.irev.news.attachment;

/**
 * Stops a PDF job with a status: the page tree loops, an image is over the limits, the deadline has
 * passed. Unchecked so that PDFBox, which recovers from many {@code IOException}s, lets it through.
 */
final class PdfJobException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final PdfStatus status;

  PdfJobException(PdfStatus status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  PdfStatus status() {
    return status;
  }
}
