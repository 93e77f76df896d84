package fr.irev.news.web;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Copies a response body through one fixed buffer: a file is never held in memory, whatever its
 * size. Tells apart a failure to read the source (a server problem) from a failure to write to the
 * client (the client closed the connection: a download cancelled, a PDF reader that got the range
 * it needed), which is not an error.
 */
final class BodyCopier {

  /** Buffer size in bytes. */
  static final int BUFFER_SIZE = 16 * 1024;

  /** Writing to the client failed: it went away. Not an error of the server. */
  static final class ClientGoneException extends IOException {
    private static final long serialVersionUID = 1L;

    ClientGoneException(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  private BodyCopier() {}

  /**
   * @param in the source, positioned at its start; not closed here
   * @param skip number of bytes to skip first, ≥ 0
   * @param count number of bytes to copy after them, ≥ 0
   * @param out the response body; flushed at the end, not closed
   * @throws ClientGoneException when writing or flushing fails
   * @throws EOFException when the source ends before {@code skip + count} bytes
   * @throws IOException when reading the source fails
   */
  static void copy(InputStream in, long skip, long count, OutputStream out) throws IOException {
    skipFully(in, skip);
    byte[] buffer = new byte[BUFFER_SIZE];
    long remaining = count;
    while (remaining > 0) {
      int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
      if (read < 0) {
        throw new EOFException("source ended " + remaining + " bytes early");
      }
      write(out, buffer, read);
      remaining -= read;
    }
    try {
      out.flush();
    } catch (IOException e) {
      throw new ClientGoneException(e);
    }
  }

  private static void write(OutputStream out, byte[] buffer, int length)
      throws ClientGoneException {
    try {
      out.write(buffer, 0, length);
    } catch (IOException e) {
      throw new ClientGoneException(e);
    }
  }

  private static void skipFully(InputStream in, long skip) throws IOException {
    long remaining = skip;
    while (remaining > 0) {
      long skipped = in.skip(remaining);
      if (skipped <= 0) {
        // skip() may legitimately return 0: read one byte to tell a pause from the end
        if (in.read() < 0) {
          throw new EOFException("source ended " + remaining + " bytes before the range");
        }
        skipped = 1;
      }
      remaining -= skipped;
    }
  }
}
