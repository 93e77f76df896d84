package fr.irev.news.testing.pdf;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

/**
 * Writes the PDF files of the attachment tests into a directory: a normal document and the hostile
 * or broken files of the issue, built with PDFBox or written by hand ({@link HandWrittenPdfs}).
 * Nothing is downloaded. Each method writes a new file and returns its path.
 *
 * <p>Pages drawn here carry four coloured corner squares (red top left, green top right, blue
 * bottom left, black bottom right, 60 pt each, as seen without rotation) so that a test can tell
 * from a thumbnail that the whole page is shown and which way it is turned.
 */
public final class HostilePdfs {

  /** Title of {@link #normal()}. */
  public static final String TITLE = "Plaquette de la journée d'approfondissement";

  /** Side of the corner squares, in points. */
  public static final float CORNER = 60;

  private final Path dir;

  /**
   * @param dir an existing directory, e.g. a JUnit {@code @TempDir}
   */
  public HostilePdfs(Path dir) {
    this.dir = dir;
  }

  /** 4 A4 portrait pages, title {@link #TITLE}, {@code /Lang en-GB}, tagged, PDF 1.7. */
  public Path normal() throws IOException {
    try (PDDocument doc = pages(4, PDRectangle.A4)) {
      doc.getDocumentInformation().setTitle(TITLE);
      doc.getDocumentCatalog().setLanguage("en-GB");
      PDMarkInfo markInfo = new PDMarkInfo();
      markInfo.setMarked(true);
      doc.getDocumentCatalog().setMarkInfo(markInfo);
      doc.getDocumentCatalog().setStructureTreeRoot(new PDStructureTreeRoot());
      doc.setVersion(1.7f);
      return save(doc, "normal.pdf");
    }
  }

  /** One A4 portrait page with {@code /Rotate 90} (case C15): shown landscape. */
  public Path rotated() throws IOException {
    try (PDDocument doc = pages(1, PDRectangle.A4)) {
      doc.getPage(0).setRotation(90);
      return save(doc, "rotated.pdf");
    }
  }

  /**
   * One A4 page whose CropBox keeps the left half of the page (297.64 × 841.89 pt): the red and
   * blue squares stay, the green and black ones are cut off.
   */
  public Path cropped() throws IOException {
    try (PDDocument doc = pages(1, PDRectangle.A4)) {
      PDRectangle a4 = PDRectangle.A4;
      doc.getPage(0).setCropBox(new PDRectangle(0, 0, a4.getWidth() / 2, a4.getHeight()));
      return save(doc, "cropped.pdf");
    }
  }

  /** 2 pages, AES-256, user password {@code lecteur}: cannot be opened without it. */
  public Path userPassword() throws IOException {
    return encrypted("user-password.pdf", "lecteur");
  }

  /** 2 pages, AES-256, owner password only: opens without a password. */
  public Path ownerPasswordOnly() throws IOException {
    return encrypted("owner-password-only.pdf", "");
  }

  /** The first half of {@link #normal()}'s bytes. */
  public Path truncated() throws IOException {
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    try (PDDocument doc = pages(4, PDRectangle.A4)) {
      doc.save(whole);
    }
    byte[] bytes = whole.toByteArray();
    return Files.write(dir.resolve("truncated.pdf"), Arrays.copyOf(bytes, bytes.length / 2));
  }

  /** Zero bytes. */
  public Path empty() throws IOException {
    return Files.write(dir.resolve("empty.pdf"), new byte[0]);
  }

  /** An HTML error page saved under a {@code .pdf} name. */
  public Path htmlNamedPdf() throws IOException {
    String html =
        "<!DOCTYPE html>\n<html lang=\"fr\"><head><title>404 Not Found</title></head>"
            + "<body><h1>Page introuvable</h1></body></html>\n";
    return Files.write(dir.resolve("page.pdf"), html.getBytes(StandardCharsets.UTF_8));
  }

  /** 500 A4 pages. */
  public Path manyPages() throws IOException {
    try (PDDocument doc = pages(500, PDRectangle.A4)) {
      return save(doc, "500-pages.pdf");
    }
  }

  /**
   * One page of 200 × 200 inches (MediaBox 14 400 pt square, the largest the specification allows)
   * with {@code /UserUnit 75000}: physically about 15 000 km wide.
   */
  public Path hugePage() throws IOException {
    try (PDDocument doc = pages(1, new PDRectangle(14_400, 14_400))) {
      doc.getPage(0).setUserUnit(75_000);
      return save(doc, "huge-page.pdf");
    }
  }

  /** A page tree that loops: an intermediate node lists its parent among its kids. */
  public Path pageTreeLoop() throws IOException {
    return HandWrittenPdfs.pageTreeLoop(dir.resolve("page-tree-loop.pdf"));
  }

  /** A cross-reference table whose trailer's {@code /Prev} points at itself. */
  public Path xrefLoop() throws IOException {
    return HandWrittenPdfs.xrefLoop(dir.resolve("xref-loop.pdf"));
  }

  /**
   * One page showing a 40 000 × 40 000 grey image whose Flate data (about 1.6 MB) inflates to 1.6
   * GB of zeros.
   */
  public Path decompressionBomb() throws IOException {
    return HandWrittenPdfs.decompressionBomb(dir.resolve("bomb.pdf"));
  }

  /**
   * One page whose Flate content stream (about 1 KB per MB) inflates to {@code bytes} zero bytes
   * (white space for a PDF parser).
   *
   * @param bytes a multiple of 1 000 000
   */
  public Path contentBomb(long bytes) throws IOException {
    return HandWrittenPdfs.contentBomb(dir.resolve("content-bomb.pdf"), bytes);
  }

  /**
   * One A4 page filled by a Flate-compressed RGB noise image of {@code width × height} pixels,
   * which PDFBox decodes in memory (3 bytes a pixel).
   */
  public Path flateImage(int width, int height) throws IOException {
    return HandWrittenPdfs.flateImage(dir.resolve("flate-image.pdf"), width, height);
  }

  /**
   * A large image-heavy file (case C16): {@code pages} A4 pages, each filled by an unfiltered RGB
   * noise image; page 1's image is {@code firstWidth × firstHeight} pixels, the others {@code width
   * × height}. Written as it goes: memory use does not depend on the file size.
   */
  public Path imageHeavy(int pages, int firstWidth, int firstHeight, int width, int height)
      throws IOException {
    return HandWrittenPdfs.imageHeavy(
        dir.resolve("image-heavy.pdf"), pages, firstWidth, firstHeight, width, height);
  }

  private Path encrypted(String name, String userPassword) throws IOException {
    try (PDDocument doc = pages(2, PDRectangle.A4)) {
      StandardProtectionPolicy policy =
          new StandardProtectionPolicy("proprietaire", userPassword, new AccessPermission());
      policy.setEncryptionKeyLength(256);
      doc.protect(policy);
      return save(doc, name);
    }
  }

  private Path save(PDDocument doc, String name) throws IOException {
    Path file = dir.resolve(name);
    doc.save(file.toFile());
    return file;
  }

  private static PDDocument pages(int count, PDRectangle size) throws IOException {
    PDDocument doc = new PDDocument();
    for (int i = 0; i < count; i++) {
      PDPage page = new PDPage(size);
      doc.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
        float w = size.getWidth();
        float h = size.getHeight();
        square(content, Color.RED, 0, h - CORNER);
        square(content, Color.GREEN, w - CORNER, h - CORNER);
        square(content, Color.BLUE, 0, 0);
        square(content, Color.BLACK, w - CORNER, 0);
      }
    }
    return doc;
  }

  private static void square(PDPageContentStream content, Color color, float x, float y)
      throws IOException {
    content.setNonStrokingColor(color);
    content.addRect(x, y, CORNER, CORNER);
    content.fill();
  }
}
