package fr.irev.news.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Streaming a body through a fixed buffer. */
class BodyCopierTest {

  private static byte[] bytes(int length) {
    byte[] data = new byte[length];
    for (int i = 0; i < length; i++) {
      data[i] = (byte) (i * 31);
    }
    return data;
  }

  @Test
  void copiesARangeOfALargeSource() throws IOException {
    byte[] data = bytes(3 * BodyCopier.BUFFER_SIZE + 123);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BodyCopier.copy(new ByteArrayInputStream(data), 1000, 40_000, out);
    assertArrayEquals(Arrays.copyOfRange(data, 1000, 41_000), out.toByteArray());
  }

  @Test
  void skipsEvenWhenTheSourceSkipsNothing() throws IOException {
    byte[] data = bytes(100);
    InputStream stubborn =
        new FilterInputStream(new ByteArrayInputStream(data)) {
          @Override
          public long skip(long n) {
            return 0;
          }
        };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BodyCopier.copy(stubborn, 90, 10, out);
    assertArrayEquals(Arrays.copyOfRange(data, 90, 100), out.toByteArray());
  }

  @Test
  void aShortSourceIsAReadError() {
    assertThrows(
        EOFException.class,
        () ->
            BodyCopier.copy(
                new ByteArrayInputStream(bytes(10)), 0, 11, OutputStream.nullOutputStream()));
    assertThrows(
        EOFException.class,
        () ->
            BodyCopier.copy(
                new ByteArrayInputStream(bytes(10)), 11, 0, OutputStream.nullOutputStream()));
  }

  @Test
  void aFailingClientIsToldApartFromAFailingSource() {
    OutputStream gone =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("Broken pipe");
          }
        };
    assertThrows(
        BodyCopier.ClientGoneException.class,
        () -> BodyCopier.copy(new ByteArrayInputStream(bytes(10)), 0, 10, gone));
    InputStream failing =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("disk");
          }
        };
    IOException e =
        assertThrows(
            IOException.class,
            () -> BodyCopier.copy(failing, 0, 10, OutputStream.nullOutputStream()));
    assertFalse(e instanceof BodyCopier.ClientGoneException);
  }
}
