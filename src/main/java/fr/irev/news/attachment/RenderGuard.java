package fr.irev.news.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.InflaterInputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * The checks that keep one page rendering within memory, made from the PDF objects before PDFBox
 * decodes anything. PDFBox decodes a filtered stream entirely into memory (an image, a content
 * stream), so a small Flate stream can become gigabytes: the size of every image is checked against
 * the pixel limit and, for images decoded in memory, against a byte budget; the page's content
 * streams are inflated once, counting, up to that budget.
 *
 * @param maxImagePixels largest image, width × height in pixels
 * @param maxDecodedBytes most bytes one decoded stream may take in memory
 * @param deadline {@link System#nanoTime()} after which rendering stops
 */
record RenderGuard(long maxImagePixels, long maxDecodedBytes, long deadline) {

  /** Most bytes a content stream may inflate to, whatever the budget (128 MiB). */
  static final long MAX_CONTENT_BYTES = 128L << 20;

  private static final COSName BPC = COSName.getPDFName("BPC");
  private static final COSName BITS = COSName.getPDFName("BitsPerComponent");
  private static final COSName CS = COSName.getPDFName("CS");
  private static final COSName COLOR_SPACE = COSName.getPDFName("ColorSpace");
  private static final COSName IM = COSName.getPDFName("IM");
  private static final COSName IMAGE_MASK = COSName.getPDFName("ImageMask");
  private static final COSName F = COSName.getPDFName("F");

  /**
   * Checks an image XObject and its masks.
   *
   * @throws PdfJobException (TOO_LARGE) when over a limit
   */
  void checkImage(COSStream image) {
    checkImage(image, COSName.WIDTH, COSName.HEIGHT, BITS, COLOR_SPACE, IMAGE_MASK, COSName.FILTER);
    for (COSName mask : new COSName[] {COSName.SMASK, COSName.MASK}) {
      if (resolve(image.getDictionaryObject(mask)) instanceof COSStream stream) {
        checkImage(stream, COSName.WIDTH, COSName.HEIGHT, BITS, COLOR_SPACE, IMAGE_MASK, null);
      }
    }
  }

  /**
   * Checks the parameters of an inline image ({@code BI … ID}).
   *
   * @throws PdfJobException (TOO_LARGE) when over a limit
   */
  void checkInlineImage(COSDictionary parameters) {
    COSName width = parameters.containsKey(COSName.W) ? COSName.W : COSName.WIDTH;
    COSName height = parameters.containsKey(COSName.H) ? COSName.H : COSName.HEIGHT;
    checkImage(
        parameters, width, height, BPC, CS, IM, parameters.containsKey(F) ? F : COSName.FILTER);
  }

  /**
   * Inflates each Flate content stream of {@code page}, counting, up to {@link #maxDecodedBytes} or
   * {@link #MAX_CONTENT_BYTES}, whichever is smaller (inflating runs at about 500 MB/s).
   *
   * @throws PdfJobException (TOO_LARGE) when one inflates to more
   */
  void checkContents(PDPage page) throws IOException {
    COSBase contents = resolve(page.getCOSObject().getDictionaryObject(COSName.CONTENTS));
    if (contents instanceof COSStream stream) {
      checkInflatedSize(stream);
    } else if (contents instanceof COSArray array) {
      for (int i = 0; i < array.size(); i++) {
        if (resolve(array.get(i)) instanceof COSStream stream) {
          checkInflatedSize(stream);
        }
      }
    }
  }

  private void checkImage(
      COSDictionary image,
      COSName widthKey,
      COSName heightKey,
      COSName bitsKey,
      COSName colorSpaceKey,
      COSName maskKey,
      COSName filterKey) {
    long pixels = (long) image.getInt(widthKey, 1) * image.getInt(heightKey, 1);
    if (pixels > maxImagePixels || pixels < 0) {
      throw new PdfJobException(PdfStatus.TOO_LARGE, "image of " + pixels + " pixels");
    }
    if (filterKey == null || !decodedInMemory(image.getDictionaryObject(filterKey))) {
      return;
    }
    boolean mask = image.getDictionaryObject(maskKey) == COSBoolean.TRUE;
    int bits = mask ? 1 : Math.max(1, Math.min(16, image.getInt(bitsKey, 8)));
    int components = mask ? 1 : components(resolve(image.getDictionaryObject(colorSpaceKey)));
    long bytes = (pixels * components * bits + 7) / 8;
    if (bytes > maxDecodedBytes) {
      throw new PdfJobException(PdfStatus.TOO_LARGE, "image of " + bytes + " decoded bytes");
    }
  }

  private void checkInflatedSize(COSStream stream) throws IOException {
    COSBase filter = resolve(stream.getFilters());
    if (filter instanceof COSArray array && array.size() == 1) {
      filter = resolve(array.get(0));
    }
    if (!COSName.FLATE_DECODE.equals(filter) && !COSName.FL.equals(filter)) {
      return;
    }
    long total = 0;
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = new InflaterInputStream(stream.createRawInputStream())) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        total += n;
        if (total > Math.min(maxDecodedBytes, MAX_CONTENT_BYTES)) {
          throw new PdfJobException(PdfStatus.TOO_LARGE, "content stream over the budget");
        }
        DeadlineRead.check(deadline);
      }
    } catch (java.util.zip.ZipException e) {
      // corrupt data: PDFBox keeps what inflates and the page renders as far as it goes
    }
  }

  /** JPEG images are decoded with subsampling; unfiltered ones are read from the file. */
  private static boolean decodedInMemory(COSBase filters) {
    COSBase last = resolve(filters);
    if (last instanceof COSArray array) {
      last = array.size() == 0 ? null : resolve(array.get(array.size() - 1));
    }
    return last != null
        && !COSName.DCT_DECODE.equals(last)
        && !COSName.getPDFName("DCT").equals(last);
  }

  private static int components(COSBase colorSpace) {
    COSBase family = colorSpace instanceof COSArray array && array.size() > 0 ? array.get(0) : null;
    String name =
        colorSpace instanceof COSName direct
            ? direct.getName()
            : resolve(family) instanceof COSName first ? first.getName() : "";
    return switch (name) {
      case "DeviceGray", "G", "CalGray", "Indexed", "I", "Separation", "Pattern" -> 1;
      case "DeviceRGB", "RGB", "CalRGB", "Lab" -> 3;
      case "ICCBased" -> iccComponents((COSArray) colorSpace);
      case "DeviceN" ->
          ((COSArray) colorSpace).size() > 1
                  && resolve(((COSArray) colorSpace).get(1)) instanceof COSArray names
              ? Math.max(1, names.size())
              : 4;
      default -> 4;
    };
  }

  private static int iccComponents(COSArray colorSpace) {
    return colorSpace.size() > 1 && resolve(colorSpace.get(1)) instanceof COSStream profile
        ? Math.max(1, Math.min(32, profile.getInt(COSName.N, 4)))
        : 4;
  }

  private static COSBase resolve(COSBase value) {
    return value instanceof COSObject reference ? reference.getObject() : value;
  }
}
