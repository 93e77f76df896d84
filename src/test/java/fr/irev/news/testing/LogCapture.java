package fr.irev.news.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Captures what the test logger (slf4j-simple, which writes to the current {@code System.err})
 * prints while open, still passing it through. Not for parallel tests.
 */
public final class LogCapture implements AutoCloseable {

  private static final Pattern ERROR = Pattern.compile("\\] (ERROR|FATAL) ");

  private final PrintStream original = System.err;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  /** Starts capturing. */
  public LogCapture() {
    OutputStream tee =
        new OutputStream() {
          @Override
          public void write(int b) {
            captured.write(b);
            original.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            captured.write(b, off, len);
            original.write(b, off, len);
          }
        };
    System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
  }

  /** The lines logged above WARN so far. */
  public synchronized List<String> errors() {
    return captured
        .toString(StandardCharsets.UTF_8)
        .lines()
        .filter(l -> ERROR.matcher(l).find())
        .toList();
  }

  /** All lines so far. */
  public synchronized List<String> lines() {
    return captured.toString(StandardCharsets.UTF_8).lines().toList();
  }

  /** All text so far. */
  public synchronized String text() {
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    System.setErr(original);
  }
}
