package fr.irev.news.attachment;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.irev.news.testing.LogCapture;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

/** The limits applied while drawing, on hand-made objects and pages. */
class RenderGuardTest {

  private static final long LATER = System.nanoTime() + TimeUnit.HOURS.toNanos(1);

  private final RenderGuard guard = new RenderGuard(1_000_000, 1_000_000, LATER);

  @Test
  void imagePixels() {
    assertDoesNotThrow(() -> guard.checkImage(image(1000, 1000, COSName.DEVICEGRAY, null)));
    assertTooLarge(() -> guard.checkImage(image(1001, 1000, COSName.DEVICEGRAY, null)));
    assertTooLarge(() -> guard.checkImage(image(-5, 1000, COSName.DEVICEGRAY, null)));
  }

  @Test
  void softMaskCountsToo() {
    COSStream image = image(10, 10, COSName.DEVICERGB, null);
    image.setItem(COSName.SMASK, image(2000, 2000, COSName.DEVICEGRAY, null));
    assertTooLarge(() -> guard.checkImage(image));
  }

  /** Decoded in memory: components × bits; JPEG and unfiltered images are not. */
  @Test
  void decodedBytes() {
    assertDoesNotThrow(() -> guard.checkImage(image(1000, 1000, COSName.DEVICEGRAY, flate())));
    assertTooLarge(() -> guard.checkImage(image(600, 600, COSName.DEVICERGB, flate())));
    assertDoesNotThrow(() -> guard.checkImage(image(600, 600, COSName.DEVICERGB, null)));
    assertDoesNotThrow(() -> guard.checkImage(image(600, 600, COSName.DEVICERGB, dct())));
    COSStream mask = image(1000, 1000, COSName.DEVICERGB, flate());
    mask.setItem(COSName.IMAGE_MASK, COSBoolean.TRUE);
    assertDoesNotThrow(() -> guard.checkImage(mask));
    COSStream profile = new COSStream();
    profile.setInt(COSName.N, 4);
    COSArray icc = new COSArray(List.of(COSName.ICCBASED, profile));
    assertTooLarge(() -> guard.checkImage(image(510, 510, icc, flate())));
    COSArray indexed = new COSArray(List.of(COSName.INDEXED, COSName.DEVICERGB));
    assertDoesNotThrow(() -> guard.checkImage(image(1000, 1000, indexed, flate())));
  }

  @Test
  void inlineImageParameters() {
    COSDictionary inline = new COSDictionary();
    inline.setInt(COSName.W, 50_000);
    inline.setInt(COSName.H, 50_000);
    assertTooLarge(() -> guard.checkInlineImage(inline));
    inline.setInt(COSName.W, 600);
    inline.setInt(COSName.H, 600);
    inline.setItem(COSName.getPDFName("CS"), COSName.getPDFName("RGB"));
    inline.setItem(COSName.getPDFName("F"), COSName.getPDFName("Fl"));
    assertTooLarge(() -> guard.checkInlineImage(inline));
    inline.setItem(COSName.getPDFName("F"), COSName.getPDFName("DCT"));
    assertDoesNotThrow(() -> guard.checkInlineImage(inline));
  }

  @Test
  void contentStreamInflatedSize() throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      PDStream contents = new PDStream(doc);
      try (OutputStream out = contents.createOutputStream(COSName.FLATE_DECODE)) {
        out.write(new byte[2_000_000]);
      }
      page.setContents(List.of(contents, contents));
      assertTooLarge(() -> guard.checkContents(page));
      assertDoesNotThrow(() -> new RenderGuard(1, 3_000_000, LATER).checkContents(page));
    }
  }

  /** The raster after PDFBox's subsampling must fit the budget. */
  @Test
  void rasterOfADrawnImage() throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      PDImageXObject image =
          LosslessFactory.createFromImage(
              doc, new BufferedImage(1200, 1700, BufferedImage.TYPE_BYTE_GRAY));
      try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
        content.drawImage(image, 0, 0, 595, 842);
      }
      // 1 200 × 1 700 drawn on 595 × 842 pixels: subsampled by 2, 600 × 850 × 4 bytes
      RenderGuard small = new RenderGuard(40_000_000, 2_000_000, LATER);
      PdfJobException refused =
          assertThrows(
              PdfJobException.class,
              () -> new GuardedPageDrawer.Renderer(doc, small).renderImage(0, 1f));
      assertEquals(PdfStatus.TOO_LARGE, refused.status());
      RenderGuard enough = new RenderGuard(40_000_000, 2_100_000, LATER);
      assertEquals(595, new GuardedPageDrawer.Renderer(doc, enough).renderImage(0, 1f).getWidth());
    }
  }

  /** What PDFBox logs as an error (a missing image, font) is skipped quietly. */
  @Test
  void missingResourcesAreSkippedWithoutErrorLogs() throws IOException {
    try (PDDocument doc = new PDDocument();
        LogCapture log = new LogCapture()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      byte[] content =
          "q /Missing Do Q BT /F9 12 Tf 10 10 Td (x) Tj ET 0 0 1 rg 0 0 60 60 re f"
              .getBytes(StandardCharsets.US_ASCII);
      page.setContents(new PDStream(doc, new ByteArrayInputStream(content)));
      BufferedImage image =
          new GuardedPageDrawer.Renderer(doc, new RenderGuard(1_000_000, 1_000_000, LATER))
              .renderImage(0, 0.5f);
      assertEquals(0x0000FF, image.getRGB(5, image.getHeight() - 5) & 0xFFFFFF);
      assertEquals(List.of(), log.errors());
    }
  }

  @Test
  void deadline() {
    RenderGuard late = new RenderGuard(1, 1, System.nanoTime() - 1);
    PdfJobException e =
        assertThrows(PdfJobException.class, () -> DeadlineRead.check(late.deadline()));
    assertEquals(PdfStatus.TIMEOUT, e.status());
  }

  private static COSStream image(int width, int height, COSBase colorSpace, COSBase filter) {
    COSStream image = new COSStream();
    image.setItem(COSName.SUBTYPE, COSName.IMAGE);
    image.setInt(COSName.WIDTH, width);
    image.setInt(COSName.HEIGHT, height);
    image.setInt(COSName.BITS_PER_COMPONENT, 8);
    image.setItem(COSName.COLORSPACE, colorSpace);
    if (filter != null) {
      image.setItem(COSName.FILTER, filter);
    }
    return image;
  }

  private static COSName flate() {
    return COSName.FLATE_DECODE;
  }

  private static COSArray dct() {
    return new COSArray(List.of(COSName.DCT_DECODE));
  }

  private static void assertTooLarge(org.junit.jupiter.api.function.Executable check) {
    PdfJobException e = assertThrows(PdfJobException.class, check);
    assertEquals(PdfStatus.TOO_LARGE, e.status());
  }
}
