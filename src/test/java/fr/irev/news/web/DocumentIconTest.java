package fr.irev.news.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The fallback icon of thumbnails. */
class DocumentIconTest {

  @Test
  void isASmallPngDrawnOnce() throws Exception {
    byte[] png = DocumentIcon.png();
    assertSame(png, DocumentIcon.png());
    assertTrue(png.length < 4_096, "size " + png.length);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertNotNull(image);
    assertEquals(DocumentIcon.WIDTH, image.getWidth());
    assertEquals(DocumentIcon.HEIGHT, image.getHeight());
    assertEquals(0, image.getRGB(0, 0) >>> 24, "transparent corner");
    assertEquals(0xff, image.getRGB(DocumentIcon.WIDTH / 2, DocumentIcon.HEIGHT - 20) >>> 24);
  }

  @Test
  void hasAStrongEntityTagOfItsBytes() {
    assertTrue(DocumentIcon.etag().matches("\"icon-[0-9a-f]{16}\""), DocumentIcon.etag());
    assertEquals(Conditionals.quoted(DocumentIcon.etag()), DocumentIcon.etag());
  }
}
