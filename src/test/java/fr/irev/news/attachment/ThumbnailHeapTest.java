package fr.irev.news.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import fr.irev.news.testing.pdf.HostilePdfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Case C16: a large image-heavy PDF, 20 thumbnail requests at once, a 128 MiB heap. Runs {@link
 * ThumbnailStress} in a child JVM, so that the small heap and an OutOfMemoryError concern it only.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class ThumbnailHeapTest {

  @TempDir Path tmp;

  /** 144 MB: page 1 a 3 500 × 2 500 RGB image (26 MB), 49 pages of 1 000 × 800 (2.4 MB). */
  @Test
  void largeImageHeavyPdf() throws Exception {
    Path pdf = new HostilePdfs(tmp).imageHeavy(50, 3500, 2500, 1000, 800);
    assertTrue(Files.size(pdf) > 100_000_000L, "file of " + Files.size(pdf) + " bytes");
    String output = stress(pdf);
    assertTrue(output.contains(" pages=50 "), output);
  }

  /** A 2 300 × 2 300 noise image decoded in memory by PDFBox (15.9 MB), just within budget. */
  @Test
  void imageDecodedInMemory() throws Exception {
    Path pdf = new HostilePdfs(tmp).flateImage(2300, 2300);
    String output = stress(pdf);
    assertTrue(output.contains(" pages=1 "), output);
  }

  /** Runs the 20 requests in a child JVM of 128 MiB: it must exit 0 within 120 s. */
  private String stress(Path pdf) throws IOException, InterruptedException {
    Path log = tmp.resolve("child.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx128m",
                    "-XX:+ExitOnOutOfMemoryError",
                    "-Djava.awt.headless=true",
                    "-cp",
                    System.getProperty("java.class.path"),
                    ThumbnailStress.class.getName(),
                    pdf.toString(),
                    tmp.resolve("cache").toString(),
                    tmp.resolve("scratch").toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!child.waitFor(120, TimeUnit.SECONDS)) {
      child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      fail("no answer within 120 s:\n" + Files.readString(log));
    }
    String output = Files.readString(log);
    System.out.println(output);
    assertEquals(0, child.exitValue(), "exit 3 is an OutOfMemoryError:\n" + output);
    assertTrue(output.contains("answered=" + ThumbnailStress.REQUESTS + " "), output);
    assertTrue(output.lines().noneMatch(l -> l.contains("] ERROR ")), output);
    try (Stream<Path> left = Files.list(tmp.resolve("scratch"))) {
      assertEquals(List.of(), left.toList(), "scratch copies deleted");
    }
    return output;
  }
}
