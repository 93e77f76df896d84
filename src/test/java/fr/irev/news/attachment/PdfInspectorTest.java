package fr.irev.news.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.testing.LogCapture;
import fr.irev.news.testing.pdf.HostilePdfs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Inspection of a normal PDF, of the hostile files of the issue and of the shared real PDFs. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PdfInspectorTest {

  @TempDir static Path tmp;
  static Map<String, Path> files;
  static PdfInspector inspector;

  @BeforeAll
  static void files() throws IOException {
    files = Fixtures.all(tmp.resolve("pdf"));
    inspector = new PdfInspector(AttachmentLimits.defaults().withScratchDir(tmp.resolve("s")));
  }

  @Test
  void normalDocument() {
    PdfInfo info = inspect("normal");
    assertEquals(
        new PdfInfo(
            PdfStatus.OK,
            4,
            HostilePdfs.TITLE,
            "en-GB",
            "1.7",
            false,
            true,
            (double) PDRectangle.A4.getHeight() / PDRectangle.A4.getWidth()),
        info);
    assertTrue(info.isRenderable());
  }

  /** Every file answers promptly with its status, never an exception nor an error log. */
  @ParameterizedTest(name = "{0} → {1}, {2} pages")
  @CsvSource({
    "rotated, OK, 1",
    "cropped, OK, 1",
    "userPassword, PASSWORD_PROTECTED, ",
    "ownerPasswordOnly, OK, 2",
    "truncated, DAMAGED, ",
    "empty, EMPTY, ",
    "htmlNamedPdf, NOT_PDF, ",
    "pageTreeLoop, DAMAGED, ",
    // PDFBox follows the chain once and stops at the loop; every object is there
    "xrefLoop, OK, 1",
    "manyPages, OK, 500",
    "hugePage, OK, 1",
    // inspection decodes no image
    "decompressionBomb, OK, 1",
    "contentBomb, OK, 1"
  })
  void hostileFiles(String name, PdfStatus status, Integer pages) {
    try (LogCapture log = new LogCapture()) {
      long start = System.nanoTime();
      PdfInfo info = inspect(name);
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertEquals(status, info.status(), name);
      assertEquals(pages, info.pageCount(), name);
      assertTrue(millis < 3000, name + " took " + millis + " ms");
      assertEquals(java.util.List.of(), log.errors());
    }
  }

  @Test
  void encryption() {
    PdfInfo user = inspect("userPassword");
    assertTrue(user.encrypted());
    assertFalse(user.isRenderable());
    assertNull(user.title());
    PdfInfo owner = inspect("ownerPasswordOnly");
    assertTrue(owner.encrypted());
    assertTrue(owner.isRenderable());
  }

  @Test
  void emptyAndOversizedAnsweredFromTheSizeAlone() {
    assertEquals(PdfStatus.EMPTY, inspector.inspect(Sources.untouchable(), 0).status());
    assertEquals(
        PdfStatus.TOO_LARGE,
        inspector.inspect(Sources.untouchable(), AttachmentLimits.MAX_FILE_BYTES + 1).status());
  }

  @Test
  void unreadableBinaryIsDamagedAndNotRemembered() {
    Outcome<PdfInfo> outcome = inspector.examine(Sources.failing(), 1000);
    assertEquals(PdfStatus.DAMAGED, outcome.status());
    assertEquals(PdfInfo.failed(PdfStatus.DAMAGED), outcome.value());
    assertTrue(outcome.transientFailure());
  }

  @Test
  void slowFileTimesOut() {
    PdfInspector hurried =
        new PdfInspector(
            new AttachmentLimits(
                Duration.ofMillis(200),
                Duration.ofSeconds(1),
                1,
                1000,
                64,
                64,
                1000,
                tmp.resolve("s")));
    Path normal = files.get("normal");
    BinarySource slow =
        () -> {
          try {
            Thread.sleep(400);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return java.nio.file.Files.newInputStream(normal);
        };
    long start = System.nanoTime();
    assertEquals(PdfStatus.TIMEOUT, hurried.inspect(slow, -1).status());
    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2));
  }

  @Test
  void titleFromXmpWhenTheInformationHasNone() throws IOException {
    Path file = tmp.resolve("xmp.pdf");
    String xmp =
        "<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?>"
            + "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF"
            + " xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
            + "<rdf:Description rdf:about='' xmlns:dc='http://purl.org/dc/elements/1.1/'>"
            + "<dc:title><rdf:Alt><rdf:li xml:lang='fr-FR'>Programme</rdf:li>"
            + "<rdf:li xml:lang='x-default'>Programme de la journée\n  d'étude</rdf:li>"
            + "</rdf:Alt></dc:title></rdf:Description></rdf:RDF></x:xmpmeta>"
            + "<?xpacket end='w'?>";
    try (PDDocument doc = new PDDocument()) {
      doc.addPage(new PDPage());
      PDMetadata metadata =
          new PDMetadata(doc, new ByteArrayInputStream(xmp.getBytes(StandardCharsets.UTF_8)));
      doc.getDocumentCatalog().setMetadata(metadata);
      doc.save(file.toFile());
    }
    assertEquals(
        "Programme de la journée d'étude", inspector.inspect(Sources.of(file), -1).title());
  }

  @ParameterizedTest(name = "catalog /Version {0} → {1}")
  @CsvSource({"2.0, 2.0", "1.4, 1.7", "garbage, 1.7"})
  void versionIsTheLaterOfHeaderAndCatalog(String declared, String expected) throws IOException {
    Path file = tmp.resolve("version.pdf");
    try (PDDocument doc = new PDDocument()) {
      doc.addPage(new PDPage());
      doc.getDocument().setVersion(1.7f); // the header
      doc.getDocumentCatalog().getCOSObject().setName(COSName.VERSION, declared);
      doc.save(file.toFile());
    }
    try (LogCapture log = new LogCapture()) {
      assertEquals(expected, inspector.inspect(Sources.of(file), -1).version());
      assertEquals(java.util.List.of(), log.errors());
    }
  }

  @Test
  void titlesAreCleaned() {
    assertNull(PdfInspector.clean(" \t\u0000 "));
    assertEquals(
        "Un titre sur deux lignes", PdfInspector.clean("Un titre\r\nsur  deux lignes\u0000"));
    String cleaned = PdfInspector.clean("x".repeat(299) + "\uD83D\uDE00 fin");
    assertEquals("x".repeat(299) + "…", cleaned);
    // never half a surrogate pair
    assertEquals("x".repeat(298) + "…", PdfInspector.clean("x".repeat(298) + "\uD83D\uDE00 fin"));
  }

  /** The real PDFs of ../shared/data/pdfs (skipped when ../shared is absent). */
  @ParameterizedTest(name = "{0}: {1} pages")
  @CsvSource({
    "libtasn1-manual.pdf, 36, 1.5, ",
    "shared-mime-info-spec.pdf, 17, 1.5, ",
    "amc-manuel-fr.pdf, 95, 1.5, Auto Multiple Choice"
  })
  void realDocuments(String name, int pages, String version, String title) {
    Path file = Fixtures.shared(name);
    PdfInfo info = inspector.inspect(Sources.of(file), -1);
    assertEquals(PdfStatus.OK, info.status());
    assertEquals(pages, info.pageCount());
    assertEquals(version, info.version());
    assertEquals(title, info.title());
    assertFalse(info.encrypted());
    // none declares /Lang; were one to, the French manual would say French
    if (name.endsWith("-fr.pdf") && info.language() != null) {
      assertTrue(info.language().startsWith("fr"), info.language());
    }
  }

  private static PdfInfo inspect(String name) {
    return inspector.inspect(Sources.of(files.get(name)), -1);
  }
}
