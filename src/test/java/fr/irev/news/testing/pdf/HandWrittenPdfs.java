package fr.irev.news.testing.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.Deflater;

/** The files of {@link HostilePdfs} that are written byte by byte ({@link RawPdf}). */
final class HandWrittenPdfs {

  private static final String A4 = "/MediaBox [0 0 595 842]";
  private static final byte[] BLUE_SQUARE = ascii("0 0 1 rg 0 0 60 60 re f\n");
  private static final byte[] FULL_PAGE_IMAGE = ascii("q 595 0 0 842 0 0 cm /Im0 Do Q\n");

  private HandWrittenPdfs() {}

  static Path pageTreeLoop(Path file) throws IOException {
    RawPdf pdf = new RawPdf(file, "1.7");
    pdf
        .object(1, "<< /Type /Catalog /Pages 2 0 R >>")
        .object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
        // the loop comes first: a naive descent to page 1 never ends
        .object(3, "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 4 0 R] /Count 1 >>")
        .object(4, "<< /Type /Page /Parent 3 0 R " + A4 + " /Contents 5 0 R >>")
        .stream(5, "", BLUE_SQUARE)
        .finish(xref -> "/Root 1 0 R");
    return file;
  }

  static Path xrefLoop(Path file) throws IOException {
    RawPdf pdf = onePage(file, "<< >>", BLUE_SQUARE);
    pdf.finish(xref -> "/Root 1 0 R /Prev " + xref);
    return file;
  }

  static Path decompressionBomb(Path file) throws IOException {
    int side = 40_000;
    ZeroBomb bomb = new ZeroBomb((long) side * side);
    RawPdf pdf = onePage(file, "<< /XObject << /Im0 5 0 R >> >>", FULL_PAGE_IMAGE);
    pdf.stream(
            5,
            "/Type /XObject /Subtype /Image /Width "
                + side
                + " /Height "
                + side
                + " /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode",
            bomb.length(),
            bomb::writeTo)
        .finish(xref -> "/Root 1 0 R");
    return file;
  }

  static Path contentBomb(Path file, long bytes) throws IOException {
    ZeroBomb bomb = new ZeroBomb(bytes);
    new RawPdf(file, "1.7")
            .object(1, "<< /Type /Catalog /Pages 2 0 R >>")
            .object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
            .object(3, "<< /Type /Page /Parent 2 0 R " + A4 + " /Contents 4 0 R >>")
            .stream(4, "/Filter /FlateDecode", bomb.length(), bomb::writeTo)
            .finish(xref -> "/Root 1 0 R");
    return file;
  }

  static Path flateImage(Path file, int width, int height) throws IOException {
    byte[] noise = new byte[3 * width * height];
    new Random(17).nextBytes(noise);
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    deflater.setInput(noise);
    deflater.finish();
    ByteArrayOutputStream deflated = new ByteArrayOutputStream(noise.length + 1024);
    byte[] buffer = new byte[1 << 16];
    while (!deflater.finished()) {
      deflated.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    onePage(file, "<< /XObject << /Im0 5 0 R >> >>", FULL_PAGE_IMAGE).stream(
            5,
            "/Type /XObject /Subtype /Image /Width "
                + width
                + " /Height "
                + height
                + " /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode",
            deflated.toByteArray())
        .finish(xref -> "/Root 1 0 R");
    return file;
  }

  static Path imageHeavy(
      Path file, int pages, int firstWidth, int firstHeight, int width, int height)
      throws IOException {
    byte[] noise = new byte[1 << 22];
    new Random(16).nextBytes(noise);
    RawPdf pdf = new RawPdf(file, "1.7");
    StringBuilder kids = new StringBuilder();
    for (int i = 0; i < pages; i++) {
      kids.append(3 + 3 * i).append(" 0 R ");
    }
    pdf.object(1, "<< /Type /Catalog /Pages 2 0 R >>")
        .object(2, "<< /Type /Pages /Kids [" + kids + "] /Count " + pages + " >>");
    for (int i = 0; i < pages; i++) {
      int page = 3 + 3 * i;
      int w = i == 0 ? firstWidth : width;
      int h = i == 0 ? firstHeight : height;
      pdf
          .object(
              page,
              "<< /Type /Page /Parent 2 0 R "
                  + A4
                  + " /Resources << /XObject << /Im0 "
                  + (page + 2)
                  + " 0 R >> >> /Contents "
                  + (page + 1)
                  + " 0 R >>")
          .stream(page + 1, "", FULL_PAGE_IMAGE);
      long length = 3L * w * h;
      int shift = i * 7919;
      pdf.stream(
          page + 2,
          "/Type /XObject /Subtype /Image /Width "
              + w
              + " /Height "
              + h
              + " /ColorSpace /DeviceRGB /BitsPerComponent 8",
          length,
          out -> repeat(noise, shift, length, out));
    }
    pdf.finish(xref -> "/Root 1 0 R");
    return file;
  }

  private static RawPdf onePage(Path file, String resources, byte[] content) throws IOException {
    return new RawPdf(file, "1.7")
            .object(1, "<< /Type /Catalog /Pages 2 0 R >>")
            .object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
            .object(
                3,
                "<< /Type /Page /Parent 2 0 R "
                    + A4
                    + " /Resources "
                    + resources
                    + " /Contents 4 0 R >>")
            .stream(4, "", content);
  }

  private static void repeat(byte[] block, int shift, long length, OutputStream out)
      throws IOException {
    long left = length;
    int from = Math.floorMod(shift, block.length);
    while (left > 0) {
      int n = (int) Math.min(left, block.length - from);
      out.write(block, from, n);
      left -= n;
      from = 0;
    }
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
