package fr.irev.news.attachment;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the bytes of a binary (a JCR {@code Binary}, a file); each call opens a new stream, which
 * the caller closes. The attachment classes read a source once per inspection or rendering, on the
 * calling thread.
 */
@FunctionalInterface
public interface BinarySource {

  /**
   * @return a new stream positioned at the first byte, never {@code null}
   * @throws IOException when the binary cannot be read (missing, repository failure)
   */
  InputStream open() throws IOException;
}
