package fr.irev.news.attachment;

/**
 * What the inspector read of a PDF file. When {@code status} is not {@link PdfStatus#OK}, every
 * other field is absent ({@code null} or {@code false}), except {@code encrypted}, which is {@code
 * true} for {@link PdfStatus#PASSWORD_PROTECTED}.
 *
 * @param status never {@code null}
 * @param pageCount number of pages (leaves of the page tree, not the declared {@code /Count}), or
 *     {@code null} when unknown
 * @param title the document title (document information, else XMP {@code dc:title}), control
 *     characters removed, at most 300 characters, or {@code null} when absent or blank
 * @param language the catalog's {@code /Lang} as declared (a BCP 47 tag, e.g. {@code en-GB}), or
 *     {@code null} when absent or not a language tag
 * @param version PDF version, e.g. {@code 1.7} (the later of the header and the catalog's {@code
 *     /Version}), or {@code null} when unknown
 * @param encrypted the file is encrypted (with an owner password only when {@code status} is OK)
 * @param tagged the catalog declares {@code /MarkInfo << /Marked true >>}
 * @param firstPageRatio height ÷ width of the first page as displayed (its CropBox turned by its
 *     {@code /Rotate}; about 1.414 for A4 portrait), or {@code null} when unknown
 */
public record PdfInfo(
    PdfStatus status,
    Integer pageCount,
    String title,
    String language,
    String version,
    boolean encrypted,
    boolean tagged,
    Double firstPageRatio) {

  /**
   * @throws NullPointerException when {@code status} is {@code null}
   */
  public PdfInfo {
    if (status == null) {
      throw new NullPointerException("status");
    }
  }

  /**
   * @return whether a thumbnail can be asked for: status OK and at least one page
   */
  public boolean isRenderable() {
    return status == PdfStatus.OK && pageCount != null && pageCount > 0;
  }

  /**
   * @param status why the file could not be read; {@link PdfStatus#OK} is accepted and gives an OK
   *     info with nothing known
   * @return an info with that status and every other field absent ({@code encrypted} is {@code
   *     true} for {@link PdfStatus#PASSWORD_PROTECTED})
   * @throws NullPointerException when {@code status} is {@code null}
   */
  public static PdfInfo failed(PdfStatus status) {
    return new PdfInfo(
        status, null, null, null, null, status == PdfStatus.PASSWORD_PROTECTED, false, null);
  }
}
