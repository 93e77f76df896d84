package fr.irev.news.testing.pdf;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * Writes a PDF file object by object, straight to disk, for structures PDFBox will not produce
 * (loops, bombs) and for files too large to build in memory. Objects are numbered from 1 by the
 * caller; numbers never written become free entries of the cross-reference table.
 */
final class RawPdf implements Closeable {

  /** Writes exactly the announced number of bytes of a stream's data. */
  @FunctionalInterface
  interface StreamData {
    void writeTo(OutputStream out) throws IOException;
  }

  private final OutputStream out;
  private final TreeMap<Integer, Long> offsets = new TreeMap<>();
  private long position;

  /**
   * @param file the file to create or overwrite
   * @param version header version, e.g. {@code 1.7}
   */
  RawPdf(Path file, String version) throws IOException {
    out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    ascii("%PDF-" + version + "\n");
    bytes(new byte[] {'%', (byte) 0xE2, (byte) 0xE3, (byte) 0xCF, (byte) 0xD3, '\n'});
  }

  /** Writes {@code number 0 obj body endobj}. */
  RawPdf object(int number, String body) throws IOException {
    offsets.put(number, position);
    ascii(number + " 0 obj\n" + body + "\nendobj\n");
    return this;
  }

  /**
   * Writes a stream object.
   *
   * @param dictionary entries of the stream dictionary without {@code /Length} and without the
   *     enclosing {@code << >>}
   * @param length exact number of bytes {@code data} writes
   */
  RawPdf stream(int number, String dictionary, long length, StreamData data) throws IOException {
    offsets.put(number, position);
    ascii(number + " 0 obj\n<< " + dictionary + " /Length " + length + " >>\nstream\n");
    CountingStream counting = new CountingStream(out);
    data.writeTo(counting);
    if (counting.count != length) {
      throw new IllegalStateException("stream " + number + ": " + counting.count + " != " + length);
    }
    position += length;
    ascii("\nendstream\nendobj\n");
    return this;
  }

  /** Writes a stream object whose data is {@code data}. */
  RawPdf stream(int number, String dictionary, byte[] data) throws IOException {
    return stream(number, dictionary, data.length, o -> o.write(data));
  }

  /**
   * Writes the cross-reference table, the trailer and {@code %%EOF}, then closes the file.
   *
   * @param trailer extra trailer entries (at least {@code /Root n 0 R}) given the offset of this
   *     cross-reference table, so that a trailer can point {@code /Prev} at itself
   */
  void finish(LongFunction<String> trailer) throws IOException {
    long xref = position;
    int size = offsets.isEmpty() ? 1 : offsets.lastKey() + 1;
    StringBuilder table = new StringBuilder("xref\n0 " + size + "\n0000000000 65535 f\r\n");
    for (int i = 1; i < size; i++) {
      Long offset = offsets.get(i);
      table.append(
          offset == null ? "0000000000 65535 f\r\n" : String.format("%010d 00000 n\r\n", offset));
    }
    ascii(table.toString());
    ascii("trailer\n<< /Size " + size + " " + trailer.apply(xref) + " >>\n");
    ascii("startxref\n" + xref + "\n%%EOF\n");
    close();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  private void ascii(String text) throws IOException {
    bytes(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  private void bytes(byte[] data) throws IOException {
    out.write(data);
    position += data.length;
  }

  /** Counts what a stream's data writer writes, without closing the file. */
  private static final class CountingStream extends OutputStream {
    private final OutputStream target;
    private long count;

    CountingStream(OutputStream target) {
      this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
      target.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      target.write(b, off, len);
      count += len;
    }
  }
}
