package fr.irev.news.attachment;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.irev.news.testing.pdf.HostilePdfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The test files of the attachment tests. */
final class Fixtures {

  /** The real PDFs every developer has at {@code ../shared}, read-only. */
  private static final Path SHARED_PDFS = Path.of("..", "shared", "data", "pdfs");

  private Fixtures() {}

  /**
   * Writes every {@link HostilePdfs} case but the image-heavy one (content bomb: 1.6 GB of zeros).
   *
   * @return files by {@link HostilePdfs} method name
   */
  static Map<String, Path> all(Path dir) throws IOException {
    Files.createDirectories(dir);
    HostilePdfs pdfs = new HostilePdfs(dir);
    Map<String, Path> files = new LinkedHashMap<>();
    files.put("normal", pdfs.normal());
    files.put("rotated", pdfs.rotated());
    files.put("cropped", pdfs.cropped());
    files.put("userPassword", pdfs.userPassword());
    files.put("ownerPasswordOnly", pdfs.ownerPasswordOnly());
    files.put("truncated", pdfs.truncated());
    files.put("empty", pdfs.empty());
    files.put("htmlNamedPdf", pdfs.htmlNamedPdf());
    files.put("pageTreeLoop", pdfs.pageTreeLoop());
    files.put("xrefLoop", pdfs.xrefLoop());
    files.put("manyPages", pdfs.manyPages());
    files.put("hugePage", pdfs.hugePage());
    files.put("decompressionBomb", pdfs.decompressionBomb());
    files.put("contentBomb", pdfs.contentBomb(1_600_000_000L));
    return files;
  }

  /**
   * @return a PDF of {@code ../shared/data/pdfs}; the test is skipped when it is absent
   */
  static Path shared(String name) {
    Path file = SHARED_PDFS.resolve(name);
    assumeTrue(
        Files.isRegularFile(file),
        "../shared is absent (" + file.toAbsolutePath() + "): real-PDF test skipped");
    return file;
  }
}
