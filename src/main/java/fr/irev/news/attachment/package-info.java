/**
 * DAM assets and their PDF files: what a card and a download link say about a PDF, and the
 * thumbnail of its first page.
 *
 * <pre>
 * DamAsset, DamAssets, DamNodes   the asset as the DAM stores it (JCR)
 * BinarySource                    opens a binary (a JCR Binary, a file) as a stream
 * AttachmentServices              the one set a webapp shares: limits, PdfInfoCache, ThumbnailCache
 * AttachmentLimits                time limits, workers, pixel limits, widths, scratch directory
 * PdfInspector → PdfInfo          page count, title, language, version, encryption, tagging
 * PdfStatus                       why a file could not be read (password, not a PDF, damaged, ...)
 * PdfInfoCache                    inspections in memory, per asset version (LRU, 1 000)
 * ThumbnailRenderer               page 1 as a PNG of a given width
 * ThumbnailCache → Thumbnail      PNG files on disk per asset version and width, with an ETag
 * package-private:
 *   PdfJobs          a PDFBox job per file: permits, scratch copy, worker thread, time limit
 *   ScratchCopy      the binary copied to a temporary file; empty / not PDF / truncated checks
 *   DeadlineRead     the file PDFBox reads, failing every read after the deadline
 *   PageTree         the page tree walked once, loops detected
 *   XmpTitle         dc:title of small unfiltered XMP metadata
 *   RenderGuard, GuardedPageDrawer   image, content-stream and raster limits while drawing
 *   Outcome, PdfJobException, SingleFlight, ExpiringMap   plumbing
 * </pre>
 *
 * <p>Nothing here loads a whole file in memory: PDFBox reads a scratch copy with random access, and
 * the images and content streams it would decode in memory are checked first. A bad file never
 * throws: it gets a {@link fr.irev.news.attachment.PdfStatus} and no thumbnail, and logs at most
 * one WARN per request (PDFBox itself may log errors for some damaged files: give the {@code
 * org.apache.pdfbox} logger a threshold above ERROR where that matters).
 */
package fr.irev.news.attachment;
