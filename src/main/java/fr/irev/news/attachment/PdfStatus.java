package fr.irev.news.attachment;

/** What came of reading a PDF file. Only {@link #OK} carries page count, title and the rest. */
public enum PdfStatus {
  /** Read: the other fields of {@link PdfInfo} are known (some may still be absent). */
  OK,
  /** Encrypted with a user password: nothing can be read without it. */
  PASSWORD_PROTECTED,
  /** Not a PDF: no {@code %PDF-} header in the first 1 024 bytes (e.g. an HTML page). */
  NOT_PDF,
  /** Zero bytes. */
  EMPTY,
  /**
   * Broken: truncated (no {@code %%EOF} in the last 1 024 bytes), a page tree that loops or has no
   * page, unreadable objects, or a binary that could not be read.
   */
  DAMAGED,
  /**
   * Beyond the limits: a file over {@link AttachmentLimits#MAX_FILE_BYTES}, a page tree over {@link
   * AttachmentLimits#MAX_PAGE_TREE_NODES} nodes, an image or a rendering over the pixel limits of
   * {@link AttachmentLimits}.
   */
  TOO_LARGE,
  /** Not read within the time limit, or no worker was free within it. */
  TIMEOUT
}
