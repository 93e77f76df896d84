package fr.irev.news.browser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Full-page PNG screenshots of the current page at the widths of a phone, a tablet and a desktop
 * ({@link #WIDTHS}, CSS px at device scale factor 1), written as {@code <pageType>-<width>.png}
 * into the folder named by the system property {@code irev-news.screenshotDir} (the build sets
 * {@code ${irev.build.dir}/screenshots}; {@code target/screenshots} otherwise). Each file is
 * checked after writing: a PNG whose width is the requested one; and the page must not scroll
 * sideways at that width (no horizontal overflow).
 */
final class Screenshots {

  /** Widths of the screenshots, CSS px. */
  static final List<Integer> WIDTHS = List.of(375, 768, 1280);

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private final Browser browser;
  private final Path folder;

  private Screenshots(Browser browser, Path folder) {
    this.browser = browser;
    this.folder = folder;
  }

  /**
   * @return screenshots of this browser into the configured folder (created when missing)
   */
  static Screenshots of(Browser browser) throws IOException {
    Path folder = Path.of(System.getProperty("irev-news.screenshotDir", "target/screenshots"));
    return new Screenshots(browser, Files.createDirectories(folder));
  }

  /**
   * @return screenshots that take nothing (for a second run of the same journey)
   */
  static Screenshots none() {
    return new Screenshots(null, null);
  }

  /**
   * @return the folder, or {@code null} for {@link #none()}
   */
  Path folder() {
    return folder;
  }

  /**
   * Writes the current page at each width, then restores the browser's default size.
   *
   * @param pageType the file name prefix, e.g. {@code detail-seed}
   * @return the files written, one per width (empty for {@link #none()})
   */
  List<Path> take(String pageType) throws IOException {
    if (browser == null) {
      return List.of();
    }
    List<Path> written = new ArrayList<>();
    List<String> overflows = new ArrayList<>();
    try {
      for (int width : WIDTHS) {
        browser.resize(width, Browser.HEIGHT);
        settle();
        long scrollWidth =
            ((Number)
                    browser.driver().executeScript("return document.documentElement.scrollWidth;"))
                .longValue();
        if (scrollWidth > width) {
          overflows.add(width + " px wide: the page is " + scrollWidth + " px wide");
        }
        Path file = folder.resolve(pageType + "-" + width + ".png");
        Files.write(file, capture(width));
        check(file, width);
        written.add(file);
      }
    } finally {
      browser.resize(Browser.WIDTH, Browser.HEIGHT);
    }
    assertEquals(List.of(), overflows, pageType + ": horizontal scrolling");
    return written;
  }

  /** Lets the page lay itself out again after a resize (two animation frames). */
  private void settle() {
    browser
        .driver()
        .executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + "requestAnimationFrame(function () { requestAnimationFrame(done); });");
  }

  @SuppressWarnings("unchecked")
  private byte[] capture(int width) {
    Map<String, Object> metrics =
        browser.driver().executeCdpCommand("Page.getLayoutMetrics", Map.of());
    Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
    long height = (long) Math.ceil(((Number) content.get("height")).doubleValue());
    Map<String, Object> shot =
        browser
            .driver()
            .executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                    "format",
                    "png",
                    "captureBeyondViewport",
                    true,
                    "clip",
                    Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
    return Base64.getDecoder().decode((String) shot.get("data"));
  }

  /** Checks a written file: PNG signature, IHDR first, the requested width. */
  static void check(Path file, int width) throws IOException {
    assertTrue(Files.isRegularFile(file), file + " written");
    byte[] bytes = Files.readAllBytes(file);
    assertTrue(bytes.length > 24, file + " holds a PNG header");
    assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, 8), file + " is a PNG");
    assertEquals("IHDR", new String(bytes, 12, 4, java.nio.charset.StandardCharsets.US_ASCII));
    assertEquals(width, ByteBuffer.wrap(bytes, 16, 4).getInt(), file + " width");
  }
}
