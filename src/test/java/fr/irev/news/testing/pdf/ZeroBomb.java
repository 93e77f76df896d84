package fr.irev.news.testing.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * A zlib stream of {@code size} zero bytes, made of one deflated block of 1 000 000 zeros repeated
 * (a full flush resets the compressor, so every block after the first is the same bytes), an empty
 * final block and the Adler-32 of the whole, computed without inflating it.
 */
final class ZeroBomb {
  private static final int CHUNK = 1_000_000;
  private final long chunks;
  private final byte[] first;
  private final byte[] next;

  ZeroBomb(long size) {
    if (size % CHUNK != 0) {
      throw new IllegalArgumentException("size must be a multiple of " + CHUNK);
    }
    chunks = size / CHUNK;
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    first = flush(deflater);
    next = flush(deflater);
    if (!Arrays.equals(next, flush(deflater))) {
      throw new IllegalStateException("deflated blocks differ");
    }
    deflater.end();
  }

  long length() {
    return first.length + (chunks - 1) * next.length + 2 + 4;
  }

  void writeTo(OutputStream out) throws IOException {
    out.write(first);
    for (long i = 1; i < chunks; i++) {
      out.write(next);
    }
    out.write(new byte[] {0x03, 0x00}); // final, fixed Huffman, end of block at once
    long adler = ((chunks * CHUNK) % 65521) << 16 | 1; // a stays 1, b grows by 1 per zero byte
    for (int shift = 24; shift >= 0; shift -= 8) {
      out.write((int) (adler >>> shift) & 0xFF);
    }
  }

  private static byte[] flush(Deflater deflater) {
    deflater.setInput(new byte[CHUNK]);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    int n;
    do {
      n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
      out.write(buffer, 0, n);
    } while (n == buffer.length || !deflater.needsInput());
    return out.toByteArray();
  }
}
