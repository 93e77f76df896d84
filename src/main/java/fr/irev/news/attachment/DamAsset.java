package fr.irev.news.attachment;

import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * What the module needs to know of a DAM asset without reading its binary.
 *
 * @param identifier JCR identifier of the {@code mgnl:asset} node
 * @param title the asset's own title, or {@code null}
 * @param fileName file name for downloads, never {@code null} (the node name when none stored)
 * @param mimeType MIME type, e.g. {@code application/pdf}; {@code application/octet-stream} when
 *     absent
 * @param size size of the stored binary in bytes (read from the binary itself), or -1 when the
 *     repository cannot tell
 * @param lastModified last modification of the binary ({@code jcr:lastModified}, else the asset's
 *     {@code mgnl:lastModified}), Europe/Paris, or {@code null} when neither is stored
 */
public record DamAsset(
    String identifier,
    String title,
    String fileName,
    String mimeType,
    long size,
    ZonedDateTime lastModified) {

  /**
   * The one test of "is it a PDF" shared by the card and the thumbnail servlet.
   *
   * @return whether the MIME type names PDF or, when the type is missing or generic, the file name
   *     ends with {@code .pdf}
   */
  public boolean isPdf() {
    return isPdfType(mimeType) || fileName.toLowerCase(Locale.ROOT).endsWith(".pdf");
  }

  /**
   * @param mimeType a MIME type, may be {@code null}
   * @return whether it names PDF ({@code application/pdf}, or the older {@code application/x-pdf}),
   *     parameters and case ignored
   */
  public static boolean isPdfType(String mimeType) {
    if (mimeType == null) {
      return false;
    }
    int semicolon = mimeType.indexOf(';');
    String type =
        (semicolon < 0 ? mimeType : mimeType.substring(0, semicolon))
            .strip()
            .toLowerCase(Locale.ROOT);
    return type.equals("application/pdf") || type.equals("application/x-pdf");
  }
}
