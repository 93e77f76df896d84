package fr.irev.news.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;

/**
 * A binary copied to a temporary file of the scratch directory, so that PDFBox reads a file with
 * random access instead of holding the bytes in memory. The checks that need no parser are made on
 * the way: empty, not a PDF, too large, truncated.
 *
 * @param file the copy, or {@code null} when {@code status} is set
 * @param status why the file is not worth parsing, or {@code null} when it is
 */
record ScratchCopy(Path file, PdfStatus status) {

  /** Readers look for the header in the first 1 024 bytes and for the end marker in the last. */
  private static final int WINDOW = 1024;

  private static final byte[] HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] END = "%%EOF".getBytes(StandardCharsets.US_ASCII);

  /**
   * Copies {@code source} into a new file of {@code dir} (created when missing), or stops early:
   * {@link PdfStatus#EMPTY} (no byte), {@link PdfStatus#NOT_PDF} (no {@code %PDF-} in the first 1
   * 024 bytes), {@link PdfStatus#TOO_LARGE} (over {@link AttachmentLimits#MAX_FILE_BYTES}), {@link
   * PdfStatus#DAMAGED} (no {@code %%EOF} in the last 1 024 bytes: truncated). No file is left
   * behind in those cases.
   *
   * @throws IOException when the source or the scratch directory fails
   */
  static ScratchCopy of(BinarySource source, Path dir) throws IOException {
    try (InputStream in = source.open()) {
      if (in == null) {
        throw new IOException("no stream");
      }
      byte[] head = in.readNBytes(WINDOW);
      if (head.length == 0) {
        return new ScratchCopy(null, PdfStatus.EMPTY);
      }
      if (indexOf(head, head.length, HEADER) < 0) {
        return new ScratchCopy(null, PdfStatus.NOT_PDF);
      }
      Files.createDirectories(dir);
      Path file = Files.createTempFile(dir, "pdf-", ".tmp");
      boolean kept = false;
      try {
        PdfStatus status = copy(head, in, file);
        kept = status == null;
        return new ScratchCopy(kept ? file : null, status);
      } finally {
        if (!kept) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  /**
   * Deletes the copies a stopped JVM left in {@code dir}: files named like the copies made here and
   * not modified for {@code age}. Never throws; a missing directory is fine.
   *
   * @return the number of files deleted
   */
  static int deleteStale(Path dir, Duration age) {
    int deleted = 0;
    Instant before = Instant.now().minus(age);
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "pdf-*.tmp")) {
      for (Path file : files) {
        if (Files.getLastModifiedTime(file).toInstant().isBefore(before)
            && Files.deleteIfExists(file)) {
          deleted++;
        }
      }
    } catch (IOException e) {
      // nothing to clean, or not now: the next start tries again
    }
    return deleted;
  }

  /** Deletes the copy; never throws. */
  void delete() {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        file.toFile().deleteOnExit();
      }
    }
  }

  private static PdfStatus copy(byte[] head, InputStream in, Path file) throws IOException {
    long size = head.length;
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(head);
      byte[] buffer = new byte[64 * 1024];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        size += n;
        if (size > AttachmentLimits.MAX_FILE_BYTES) {
          return PdfStatus.TOO_LARGE;
        }
        out.write(buffer, 0, n);
      }
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      int length = (int) Math.min(WINDOW, size);
      ByteBuffer tail = ByteBuffer.allocate(length);
      channel.position(size - length);
      while (tail.hasRemaining() && channel.read(tail) >= 0) {
        // fill the buffer
      }
      return indexOf(tail.array(), tail.position(), END) < 0 ? PdfStatus.DAMAGED : null;
    }
  }

  private static int indexOf(byte[] data, int length, byte[] pattern) {
    outer:
    for (int i = 0; i + pattern.length <= length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
