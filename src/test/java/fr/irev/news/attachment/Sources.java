package fr.irev.news.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** Binary sources for tests: a file, counting how many times it was opened. */
final class Sources {

  private Sources() {}

  /** Reads a file and counts the opens. */
  static final class Counting implements BinarySource {
    private final Path file;
    private final AtomicInteger opens = new AtomicInteger();

    Counting(Path file) {
      this.file = file;
    }

    @Override
    public InputStream open() throws IOException {
      opens.incrementAndGet();
      return Files.newInputStream(file);
    }

    int opens() {
      return opens.get();
    }
  }

  static Counting of(Path file) {
    return new Counting(file);
  }

  /** A source that cannot be read. */
  static BinarySource failing() {
    return () -> {
      throw new IOException("repository unavailable");
    };
  }

  /** A source that must not be read. */
  static BinarySource untouchable() {
    return () -> {
      throw new AssertionError("the binary should not have been read");
    };
  }
}
