package fr.irev.news.attachment;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A cached thumbnail file (PNG). The file may be deleted at any time after it is returned (a newer
 * version of the asset, a cleanup): readers handle its absence.
 *
 * @param file the PNG file
 * @param etag a quoted strong ETag, e.g. {@code "3f2a…"}, the same for the same asset version and
 *     width, across calls and restarts
 * @param sizeBytes the file's size in bytes
 * @param lastModified when the file was written, in whole seconds (HTTP date precision)
 */
public record Thumbnail(Path file, String etag, long sizeBytes, Instant lastModified) {}
