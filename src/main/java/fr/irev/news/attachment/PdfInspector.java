package fr.irev.news.attachment;

import java.time.Duration;
import java.util.regex.Pattern;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Reads what a download link and a card say about a PDF (page count, title, language, version,
 * encryption, tagging) with PDFBox, from a scratch copy of the binary, never the whole file in
 * memory, within {@link AttachmentLimits#inspectTimeout()} and at most {@link
 * AttachmentLimits#maxConcurrentRenders()} files at once. Thread-safe.
 */
public final class PdfInspector {

  private static final int MAX_TITLE = 300;
  private static final COSName MARKED = COSName.getPDFName("Marked");
  private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8}){0,8}");

  private final PdfJobs jobs;
  private final Duration timeout;

  /**
   * @param limits the time limit, the number of workers and the scratch directory
   */
  public PdfInspector(AttachmentLimits limits) {
    this.timeout = limits.inspectTimeout();
    this.jobs =
        new PdfJobs(
            "inspection",
            limits.maxConcurrentRenders(),
            limits.inspectTimeout(),
            limits.scratchDir());
  }

  /**
   * Never throws for a bad file; logs at most one WARN per call (time limit, no free worker,
   * unreadable binary), content problems at DEBUG.
   *
   * @param source the binary
   * @param sizeBytes its size in bytes as stored, or a negative value when unknown: 0 answers
   *     {@link PdfStatus#EMPTY} and a size over {@link AttachmentLimits#MAX_FILE_BYTES} answers
   *     {@link PdfStatus#TOO_LARGE} without reading
   * @return what was read, or {@link PdfInfo#failed(PdfStatus)} with the reason
   */
  public PdfInfo inspect(BinarySource source, long sizeBytes) {
    return examine(source, sizeBytes).value();
  }

  /**
   * As {@link #inspect}, saying also whether the answer may be remembered.
   *
   * @return an outcome whose value is never {@code null} (a failed info when not OK)
   */
  Outcome<PdfInfo> examine(BinarySource source, long sizeBytes) {
    if (sizeBytes == 0) {
      return new Outcome<>(PdfStatus.EMPTY, PdfInfo.failed(PdfStatus.EMPTY), false);
    }
    if (sizeBytes > AttachmentLimits.MAX_FILE_BYTES) {
      return new Outcome<>(PdfStatus.TOO_LARGE, PdfInfo.failed(PdfStatus.TOO_LARGE), false);
    }
    Outcome<PdfInfo> outcome = jobs.run(source, PdfInspector::describe);
    return outcome.value() != null
        ? outcome
        : new Outcome<>(
            outcome.status(), PdfInfo.failed(outcome.status()), outcome.transientFailure());
  }

  /** The time limit of one inspection. */
  Duration timeout() {
    return timeout;
  }

  private static PdfInfo describe(PDDocument document, long deadline) {
    COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
    PageTree tree = PageTree.walk(catalog, deadline);
    String title = clean(document.getDocumentInformation().getTitle());
    if (title == null && !document.isEncrypted()) {
      title = clean(XmpTitle.of(catalog));
    }
    String language = catalog.getString(COSName.LANG);
    language = language == null ? null : language.strip();
    COSBase markInfo = catalog.getDictionaryObject(COSName.MARK_INFO);
    boolean tagged =
        markInfo instanceof COSDictionary marks
            && marks.getDictionaryObject(MARKED) == COSBoolean.TRUE;
    return new PdfInfo(
        PdfStatus.OK,
        tree.pageCount(),
        title,
        language != null && LANGUAGE.matcher(language).matches() ? language : null,
        version(document, catalog),
        document.isEncrypted(),
        tagged,
        ratio(tree.firstPage()));
  }

  /**
   * The later of the header's version and the catalog's {@code /Version} (PDF 1.4 and later), read
   * here because PDFBox logs an error for a malformed catalog version.
   */
  private static String version(PDDocument document, COSDictionary catalog) {
    float version = document.getDocument().getVersion();
    String declared = catalog.getNameAsString(COSName.VERSION);
    if (version >= 1.4f && declared != null && declared.matches("\\d\\.\\d")) {
      version = Math.max(version, Float.parseFloat(declared));
    }
    return version > 0 ? Float.toString(version) : null;
  }

  /**
   * @return height ÷ width of the first page as displayed (CropBox turned by /Rotate), or {@code
   *     null} when it has no finite area
   */
  static Double ratio(COSDictionary firstPage) {
    if (firstPage == null) {
      return null;
    }
    PDPage page = new PDPage(firstPage);
    PDRectangle crop = page.getCropBox();
    boolean turned = Math.floorMod(page.getRotation(), 180) == 90;
    double width = turned ? crop.getHeight() : crop.getWidth();
    double height = turned ? crop.getWidth() : crop.getHeight();
    double ratio = height / width;
    return width > 0 && height > 0 && Double.isFinite(ratio) ? ratio : null;
  }

  /** Control characters to spaces, spaces collapsed, at most {@value #MAX_TITLE} characters. */
  static String clean(String text) {
    if (text == null) {
      return null;
    }
    String cleaned = text.replaceAll("[\\p{Cntrl}\\s\\uFEFF]+", " ").strip();
    if (cleaned.length() > MAX_TITLE) {
      int end = MAX_TITLE - 1;
      if (Character.isLowSurrogate(cleaned.charAt(end))) {
        end--;
      }
      cleaned = cleaned.substring(0, end).strip() + "…";
    }
    return cleaned.isEmpty() ? null : cleaned;
  }
}
