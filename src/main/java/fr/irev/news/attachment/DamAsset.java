package fr.irev.news.attachment;

import java.time.ZonedDateTime;

/**
 * What the module needs to know of a DAM asset without reading its binary.
 *
 * @param identifier JCR identifier of the {@code mgnl:asset} node
 * @param title the asset's own title, or {@code null}
 * @param fileName file name for downloads, never {@code null} (the node name when none stored)
 * @param mimeType MIME type, e.g. {@code application/pdf}; {@code application/octet-stream} when
 *     absent
 * @param size size of the stored binary in bytes (read from the binary itself)
 * @param lastModified last modification of the binary ({@code jcr:lastModified}, else the asset's
 *     {@code mgnl:lastModified}), Europe/Paris, or {@code null} when neither is stored
 */
public record DamAsset(
    String identifier,
    String title,
    String fileName,
    String mimeType,
    long size,
    ZonedDateTime lastModified) {}
