package fr.irev.news.attachment;

import java.awt.geom.AffineTransform;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.contentstream.operator.MissingOperandException;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.MissingImageReaderException;
import org.apache.pdfbox.pdmodel.MissingResourceException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PDFBox's page drawer with the {@link RenderGuard} checks before each image is built, a check of
 * its raster before it is drawn, and a deadline check before each operator (page, forms, patterns,
 * annotations alike). What PDFBox would log as an error for a broken page (a missing font or image,
 * no image reader for JPEG 2000) is skipped quietly: a thumbnail shows what it can, and a bad file
 * logs no error.
 */
final class GuardedPageDrawer extends PageDrawer {

  private static final Logger LOG = LoggerFactory.getLogger(GuardedPageDrawer.class);

  private final RenderGuard guard;

  private GuardedPageDrawer(PageDrawerParameters parameters, RenderGuard guard) throws IOException {
    super(parameters);
    this.guard = guard;
  }

  @Override
  protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
    DeadlineRead.check(guard.deadline());
    String name = operator.getName();
    if ("Do".equals(name) && !operands.isEmpty() && operands.get(0) instanceof COSName xobject) {
      COSStream image = image(getResources(), xobject);
      if (image != null) {
        guard.checkImage(image);
      }
    } else if ("BI".equals(name) && operator.getImageParameters() != null) {
      guard.checkInlineImage(operator.getImageParameters());
    }
    super.processOperator(operator, operands);
  }

  /**
   * Refuses an image whose decoded raster, after PDFBox's subsampling, would take more than the
   * byte budget (4 bytes a pixel).
   */
  @Override
  public void drawImage(PDImage image) throws IOException {
    AffineTransform at =
        getGraphicsState().getCurrentTransformationMatrix().createAffineTransform();
    long subsampling = Math.max(1, getSubsampling(image, at));
    long width = (image.getWidth() + subsampling - 1) / subsampling;
    long height = (image.getHeight() + subsampling - 1) / subsampling;
    if (4 * width * height > guard.maxDecodedBytes()) {
      throw new PdfJobException(PdfStatus.TOO_LARGE, "image raster over the budget");
    }
    super.drawImage(image);
  }

  @Override
  protected void operatorException(Operator operator, List<COSBase> operands, IOException e)
      throws IOException {
    if (e instanceof MissingOperandException
        || e instanceof MissingResourceException
        || e instanceof MissingImageReaderException) {
      LOG.debug("Operator {} skipped: {}", operator.getName(), e.getMessage());
      return;
    }
    super.operatorException(operator, operands, e);
  }

  private static COSStream image(PDResources resources, COSName name) {
    if (resources == null) {
      return null;
    }
    COSBase xobjects = resolve(resources.getCOSObject().getDictionaryObject(COSName.XOBJECT));
    if (!(xobjects instanceof COSDictionary dictionary)) {
      return null;
    }
    return resolve(dictionary.getDictionaryObject(name)) instanceof COSStream stream
            && COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))
        ? stream
        : null;
  }

  private static COSBase resolve(COSBase value) {
    return value instanceof COSObject reference ? reference.getObject() : value;
  }

  /** A renderer whose pages are drawn by a {@link GuardedPageDrawer}; subsampling allowed. */
  static final class Renderer extends PDFRenderer {
    private final RenderGuard guard;

    Renderer(PDDocument document, RenderGuard guard) {
      super(document);
      this.guard = guard;
      setSubsamplingAllowed(true);
    }

    @Override
    protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
      GuardedPageDrawer drawer = new GuardedPageDrawer(parameters, guard);
      drawer.setAnnotationFilter(getAnnotationsFilter());
      return drawer;
    }
  }
}
