package fr.irev.news.attachment;

import java.io.IOException;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadView;

/**
 * The file PDFBox parses, failing every read once the job's deadline has passed: a file that keeps
 * the parser or a decoder reading stops soon after the caller has given up, instead of holding its
 * worker. Used by one thread at a time, like the reader it wraps.
 */
final class DeadlineRead implements RandomAccessRead {

  private final RandomAccessRead file;
  private final long deadline;

  /**
   * @param deadline {@link System#nanoTime()} after which reads fail
   */
  DeadlineRead(RandomAccessRead file, long deadline) {
    this.file = file;
    this.deadline = deadline;
  }

  /**
   * @throws PdfJobException (status TIMEOUT) once the deadline has passed
   */
  static void check(long deadline) {
    if (System.nanoTime() - deadline > 0) {
      throw new PdfJobException(PdfStatus.TIMEOUT, "deadline passed");
    }
  }

  @Override
  public int read() throws IOException {
    check(deadline);
    return file.read();
  }

  @Override
  public int read(byte[] b, int offset, int length) throws IOException {
    check(deadline);
    return file.read(b, offset, length);
  }

  @Override
  public long getPosition() throws IOException {
    return file.getPosition();
  }

  @Override
  public void seek(long position) throws IOException {
    check(deadline);
    file.seek(position);
  }

  @Override
  public long length() throws IOException {
    return file.length();
  }

  @Override
  public boolean isClosed() {
    return file.isClosed();
  }

  @Override
  public boolean isEOF() throws IOException {
    return file.isEOF();
  }

  @Override
  public RandomAccessReadView createView(long start, long length) throws IOException {
    check(deadline);
    return new RandomAccessReadView(this, start, length);
  }

  @Override
  public void close() throws IOException {
    if (!file.isClosed()) {
      file.close();
    }
  }
}
