package fr.irev.news.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.testing.LogCapture;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Thumbnails of page 1: geometry (case C15), hostile files, real PDFs. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ThumbnailRendererTest {

  @TempDir static Path tmp;
  static Map<String, Path> files;
  static ThumbnailRenderer renderer;

  @BeforeAll
  static void files() throws IOException {
    files = Fixtures.all(tmp.resolve("pdf"));
    renderer = new ThumbnailRenderer(AttachmentLimits.defaults().withScratchDir(tmp.resolve("s")));
  }

  @Test
  void portraitPageAtTheWidthAsked() throws IOException {
    BufferedImage image = render("normal", 400);
    assertEquals(400, image.getWidth());
    assertEquals(400 * 841.89 / 595.28, image.getHeight(), 1.0);
    assertCorners(image, Color.RED, Color.GREEN, Color.BLUE, Color.BLACK);
  }

  /** C15: an A4 portrait page with /Rotate 90 is shown landscape, whole, turned clockwise. */
  @Test
  void rotatedPageIsLandscapeAndWhole() throws IOException {
    BufferedImage image = render("rotated", 400);
    assertEquals(400, image.getWidth());
    assertTrue(image.getWidth() > image.getHeight());
    assertEquals(297.0 / 210.0, (double) image.getWidth() / image.getHeight(), 0.01);
    // top left of the page goes to the top right; every corner square is there
    assertCorners(image, Color.BLUE, Color.RED, Color.BLACK, Color.GREEN);
  }

  @Test
  void cropBoxDecidesWhatIsShown() throws IOException {
    BufferedImage image = render("cropped", 200);
    assertEquals(200, image.getWidth());
    assertEquals(200 * 841.89 / 297.64, image.getHeight(), 1.0);
    assertCorners(image, Color.RED, Color.WHITE, Color.BLUE, Color.WHITE);
  }

  @ParameterizedTest(name = "{0} px → {1} px")
  @CsvSource({"1, 64", "63, 64", "64, 64", "1200, 1200", "5000, 1200", "-3, 64"})
  void widthIsClamped(int asked, int given) throws IOException {
    assertEquals(given, render("normal", asked).getWidth());
  }

  @Test
  void hugePageGivesTheWidthAsked() throws IOException {
    BufferedImage image = render("hugePage", 300);
    assertEquals(300, image.getWidth());
    assertEquals(300, image.getHeight());
  }

  @Test
  void manyPagesAndOwnerPasswordRender() throws IOException {
    assertEquals(200, render("manyPages", 200).getWidth());
    assertEquals(200, render("ownerPasswordOnly", 200).getWidth());
    assertEquals(200, render("xrefLoop", 200).getWidth());
  }

  /** A ribbon 10 × 5 000 pt: 64 × 32 000 px fits in 4 M pixels, 1 200 × 600 000 does not. */
  @Test
  void pageTooTallForThePixelLimitIsRefused() throws IOException {
    Path file = tmp.resolve("ribbon.pdf");
    try (PDDocument doc = new PDDocument()) {
      doc.addPage(new PDPage(new PDRectangle(10, 5000)));
      doc.save(file.toFile());
    }
    assertEquals(PdfStatus.TOO_LARGE, renderer.render(Sources.of(file), 1200).status());
    byte[] png = renderer.renderFirstPage(Sources.of(file), 64).orElseThrow();
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertEquals(64, image.getWidth());
    assertEquals(32_000, image.getHeight(), 1);
  }

  /** Each hostile file answers promptly, without an exception or an error log. */
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "userPassword, PASSWORD_PROTECTED",
    "truncated, DAMAGED",
    "empty, EMPTY",
    "htmlNamedPdf, NOT_PDF",
    "pageTreeLoop, DAMAGED",
    "decompressionBomb, TOO_LARGE",
    "contentBomb, TOO_LARGE"
  })
  void hostileFilesGiveNoThumbnail(String name, PdfStatus status) {
    try (LogCapture log = new LogCapture()) {
      long start = System.nanoTime();
      Outcome<byte[]> outcome = renderer.render(Sources.of(files.get(name)), 400);
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertEquals(status, outcome.status(), name);
      assertEquals(null, outcome.value());
      assertTrue(millis < 5000, name + " took " + millis + " ms");
      assertTrue(renderer.renderFirstPage(Sources.of(files.get(name)), 400).isEmpty());
      assertEquals(List.of(), log.errors());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"libtasn1-manual.pdf", "shared-mime-info-spec.pdf", "amc-manuel-fr.pdf"})
  void realDocuments(String name) throws IOException {
    Path file = Fixtures.shared(name);
    byte[] png = renderer.renderFirstPage(Sources.of(file), 300).orElseThrow();
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertEquals(300, image.getWidth());
    assertTrue(image.getHeight() > 300);
  }

  private static BufferedImage render(String name, int width) throws IOException {
    byte[] png = renderer.renderFirstPage(Sources.of(files.get(name)), width).orElseThrow();
    return ImageIO.read(new ByteArrayInputStream(png));
  }

  /** Samples each corner 6 pixels in from the edges. */
  private static void assertCorners(
      BufferedImage image, Color topLeft, Color topRight, Color bottomLeft, Color bottomRight) {
    int right = image.getWidth() - 7;
    int bottom = image.getHeight() - 7;
    assertColor(topLeft, image, 6, 6, "top left");
    assertColor(topRight, image, right, 6, "top right");
    assertColor(bottomLeft, image, 6, bottom, "bottom left");
    assertColor(bottomRight, image, right, bottom, "bottom right");
  }

  private static void assertColor(Color expected, BufferedImage image, int x, int y, String where) {
    Color actual = new Color(image.getRGB(x, y));
    int distance =
        Math.abs(actual.getRed() - expected.getRed())
            + Math.abs(actual.getGreen() - expected.getGreen())
            + Math.abs(actual.getBlue() - expected.getBlue());
    assertTrue(distance < 60, where + ": expected " + expected + ", got " + actual);
  }
}
