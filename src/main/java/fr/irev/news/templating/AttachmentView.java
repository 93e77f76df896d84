package fr.irev.news.templating;

import fr.irev.news.attachment.PdfInfo;
import fr.irev.news.attachment.PdfStatus;
import java.util.Locale;

/**
 * A downloadable file card: what the file is before it is downloaded (title, format, size, pages,
 * language, first-page thumbnail). Labels are French, with no-break spaces inside sizes.
 */
public final class AttachmentView {

  /** Width of the thumbnail when the template does not set one, in CSS pixels. */
  public static final int DEFAULT_THUMBNAIL_WIDTH = 240;

  private static final String NBSP = "\u00a0";

  private final String title;
  private final String description;
  private final String fileName;
  private final String format;
  private final long sizeBytes;
  private final String sizeLabel;
  private final String downloadUrl;
  private final String bookmarkUrl;
  private final int footnote;
  private final PdfInfo pdf;
  private final String thumbnailUrl;
  private final int thumbnailWidth;

  AttachmentView(
      FileFacts file, String downloadUrl, String bookmarkUrl, int footnote, Thumb thumb) {
    this.title = file.title();
    this.description = file.description();
    this.fileName = file.fileName();
    this.format = file.format();
    this.sizeBytes = file.sizeBytes();
    this.sizeLabel = file.sizeLabel();
    this.pdf = file.pdf();
    this.downloadUrl = downloadUrl;
    this.bookmarkUrl = bookmarkUrl;
    this.footnote = footnote;
    this.thumbnailUrl = thumb.url();
    this.thumbnailWidth = thumb.width();
  }

  /** What is known of the file itself; {@code pdf} is {@code null} for other formats. */
  record FileFacts(
      String title,
      String description,
      String fileName,
      String format,
      long sizeBytes,
      String sizeLabel,
      PdfInfo pdf) {}

  /** Thumbnail address ({@code null} when none can be shown) and width in CSS pixels. */
  record Thumb(String url, int width) {}

  /**
   * @return the staff's title, else the PDF's own title, else the asset's title or file name
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
   * @return number of pages, or {@code null} when unknown or not a PDF
   */
  public Integer getPageCount() {
    return pdf == null ? null : pdf.pageCount();
  }

  /**
   * @return {@code 36 pages}, {@code 1 page}, {@code nombre de pages inconnu} for a PDF that could
   *     not be read; {@code null} for other formats
   */
  public String getPagesLabel() {
    if (pdf == null) {
      return null;
    }
    Integer pages = pdf.pageCount();
    if (pages == null || pdf.status() != PdfStatus.OK) {
      return "nombre de pages inconnu";
    }
    return pages + NBSP + (pages > 1 ? "pages" : "page");
  }

  /**
   * @return e.g. {@code PDF – 256,80 Ko – 36 pages}
   */
  public String getMetaLabel() {
    String pages = getPagesLabel();
    return format + " – " + sizeLabel + (pages == null ? "" : " – " + pages);
  }

  /**
   * @return the PDF's declared language (BCP 47, e.g. {@code en-GB}), or {@code null}
   */
  public String getLanguage() {
    return pdf == null ? null : pdf.language();
  }

  /**
   * @return e.g. {@code Document en anglais} when the PDF declares a language other than French
   *     (the site's); {@code null} otherwise
   */
  public String getLanguageLabel() {
    String language = getLanguage();
    if (language == null) {
      return null;
    }
    Locale locale = Locale.forLanguageTag(language);
    if (locale.getLanguage().isEmpty() || locale.getLanguage().equals("fr")) {
      return null;
    }
    String name = locale.getDisplayLanguage(Locale.FRENCH);
    return name.isEmpty() || name.equalsIgnoreCase(locale.getLanguage())
        ? "Document en langue «" + NBSP + language + NBSP + "»"
        : "Document en " + name;
  }

  /**
   * @return a French warning for a PDF that visitors may not be able to open (password, damaged,
   *     not a PDF, empty), or {@code null}
   */
  public String getWarning() {
    if (pdf == null) {
      return null;
    }
    return switch (pdf.status()) {
      case PASSWORD_PROTECTED -> "Ce document est protégé par un mot de passe.";
      case NOT_PDF, DAMAGED -> "Ce fichier ne semble pas être un document PDF valide.";
      case EMPTY -> "Ce fichier est vide.";
      default -> null;
    };
  }

  /**
   * @return address of the download (with context path)
   */
  public String getDownloadUrl() {
    return downloadUrl;
  }

  /**
   * Text of the download link, naming format, size and page count (RGAA 4.1 criterion 6.1, links to
   * files): {@code Télécharger « titre » (PDF, 256,80 Ko, 36 pages)}.
   *
   * @return the link text
   */
  public String getDownloadLabel() {
    String pages = getPagesLabel();
    return "Télécharger «"
        + NBSP
        + title
        + NBSP
        + "» ("
        + format
        + ", "
        + sizeLabel
        + (pages == null ? "" : ", " + pages)
        + ")";
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

  /**
   * @return address of the first-page thumbnail (PNG), or {@code null}: show a neutral icon
   */
  public String getThumbnailUrl() {
    return thumbnailUrl;
  }

  /**
   * @return width of the thumbnail in CSS pixels
   */
  public int getThumbnailWidth() {
    return thumbnailWidth;
  }

  /**
   * @return height of the thumbnail in CSS pixels from the first page's proportions (so that the
   *     page does not move while the image loads), or {@code null} when unknown
   */
  public Integer getThumbnailHeight() {
    Double ratio = pdf == null ? null : pdf.firstPageRatio();
    return ratio == null ? null : (int) Math.max(1, Math.floor(thumbnailWidth * ratio));
  }

  /**
   * @return the thumbnail's text alternative: what the image is
   */
  public String getThumbnailAlt() {
    return "Aperçu de la première page du document «" + NBSP + title + NBSP + "»";
  }
}
