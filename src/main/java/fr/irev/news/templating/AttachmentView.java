package fr.irev.news.templating;

/** A downloadable file card: what it is before it is downloaded. */
public final class AttachmentView {
  private final String title;
  private final String description;
  private final String fileName;
  private final String format;
  private final long sizeBytes;
  private final String sizeLabel;
  private final String downloadUrl;
  private final String bookmarkUrl;
  private final int footnote;

  AttachmentView(
      String title,
      String description,
      String fileName,
      String format,
      long sizeBytes,
      String sizeLabel,
      String downloadUrl,
      String bookmarkUrl,
      int footnote) {
    this.title = title;
    this.description = description;
    this.fileName = fileName;
    this.format = format;
    this.sizeBytes = sizeBytes;
    this.sizeLabel = sizeLabel;
    this.downloadUrl = downloadUrl;
    this.bookmarkUrl = bookmarkUrl;
    this.footnote = footnote;
  }

  /**
   * @return the staff's title, else the asset's title, else the file name
   */
  public String getTitle() {
    return title;
  }

  /**
   * @return short description, or {@code null}
   */
  public String getDescription() {
    return description;
  }

  /**
   * @return file name of the download
   */
  public String getFileName() {
    return fileName;
  }

  /**
   * @return format label, e.g. {@code PDF}
   */
  public String getFormat() {
    return format;
  }

  /**
   * @return size of the stored binary in bytes
   */
  public long getSizeBytes() {
    return sizeBytes;
  }

  /**
   * @return size in French, e.g. {@code 256,80 Ko} (no-break space)
   */
  public String getSizeLabel() {
    return sizeLabel;
  }

  /**
   * @return address of the binary (with context path)
   */
  public String getDownloadUrl() {
    return downloadUrl;
  }

  /**
   * Text of the download link, naming format and size (RGAA 4.1 criterion 6.1, links to files):
   * {@code Télécharger « titre » (PDF, 256,80 Ko)}.
   *
   * @return the link text
   */
  public String getDownloadLabel() {
    return "Télécharger «\u00a0" + title + "\u00a0» (" + format + ", " + sizeLabel + ")";
  }

  /**
   * @return permanent address of the page holding the file, for the "Favoris" link
   */
  public String getBookmarkUrl() {
    return bookmarkUrl;
  }

  /**
   * @return footnote number of the download link in the printed page
   */
  public int getFootnote() {
    return footnote;
  }
}
