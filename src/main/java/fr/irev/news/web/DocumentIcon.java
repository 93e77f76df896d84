package fr.irev.news.web;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.imageio.ImageIO;

/**
 * The neutral document icon served in place of a thumbnail that cannot be made (not a PDF, a PDF
 * that does not render): a grey page with a folded corner and three lines, on a transparent
 * background, {@value #WIDTH} × {@value #HEIGHT} pixels, PNG. Drawn once with Java2D (no font, no
 * display needed) on first use and kept in memory (about 1 KB).
 */
final class DocumentIcon {

  /** Width in pixels. */
  static final int WIDTH = 96;

  /** Height in pixels (about the proportions of an A4 page). */
  static final int HEIGHT = 128;

  private DocumentIcon() {}

  /**
   * @return the PNG bytes; the same array every time: callers must not modify it
   */
  static byte[] png() {
    return Holder.PNG;
  }

  /**
   * @return a strong entity tag of the PNG bytes, e.g. {@code "icon-3f2a…"} (16 hex digits)
   */
  static String etag() {
    return Holder.ETAG;
  }

  /** Lazy, thread-safe initialisation (class holder idiom). */
  private static final class Holder {
    static final byte[] PNG = draw();
    static final String ETAG = "\"icon-" + sha256(PNG).substring(0, 16) + "\"";
  }

  static byte[] draw() {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      double left = 10;
      double top = 6;
      double right = WIDTH - 10;
      double bottom = HEIGHT - 6;
      double fold = 22;
      Path2D page = new Path2D.Double();
      page.moveTo(left, top);
      page.lineTo(right - fold, top);
      page.lineTo(right, top + fold);
      page.lineTo(right, bottom);
      page.lineTo(left, bottom);
      page.closePath();
      g.setColor(new Color(0xF4, 0xF4, 0xF4));
      g.fill(page);
      Path2D corner = new Path2D.Double();
      corner.moveTo(right - fold, top);
      corner.lineTo(right - fold, top + fold);
      corner.lineTo(right, top + fold);
      corner.closePath();
      g.setColor(new Color(0xD6, 0xD6, 0xD6));
      g.fill(corner);
      g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.setColor(new Color(0x75, 0x75, 0x75));
      g.draw(page);
      g.draw(corner);
      g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.setColor(new Color(0xB5, 0xB5, 0xB5));
      for (int line = 0; line < 3; line++) {
        int y = (int) (top + fold + 22 + line * 18);
        int end = line == 2 ? (int) (right - 34) : (int) (right - 16);
        g.drawLine((int) left + 14, y, end, y);
      }
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream(2048);
    try {
      if (!ImageIO.write(image, "png", png)) {
        throw new IllegalStateException("No PNG writer in this Java runtime");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return png.toByteArray();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }
}
