package fr.irev.news.bootstrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.irev.news.attachment.DamAsset;
import fr.irev.news.attachment.DamAssets;
import fr.irev.news.testing.TestSite;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.jcr.Session;
import org.junit.jupiter.api.Test;

/** The module's bootstrap and sample files, imported into a real repository. */
class SampleContentTest {

  static final String BROCHURE = "jcr:f167e1b0-6149-5e1a-91af-4d859c8a3f33";

  @Test
  void brochureStandInIsTheSharedPdfByteForByte() throws Exception {
    Path shared = Path.of("../shared/data/pdfs/libtasn1-manual.pdf");
    assumeTrue(
        Files.isRegularFile(shared), "../shared is absent: comparison with the original skipped");
    try (TestSite site = TestSite.withSampleContent()) {
      Session dam = site.session("dam");
      DamAsset asset = new DamAssets(dam).find(BROCHURE).orElseThrow();
      byte[] stored;
      try (InputStream in =
          dam.getNodeByIdentifier(asset.identifier())
              .getNode("jcr:content")
              .getProperty("jcr:data")
              .getBinary()
              .getStream()) {
        stored = in.readAllBytes();
      }
      assertArrayEquals(Files.readAllBytes(shared), stored);
    }
  }

  @Test
  void brochureAssetHasItsDamMetadata() throws Exception {
    try (TestSite site = TestSite.withSampleContent()) {
      DamAsset asset = new DamAssets(site.session("dam")).find(BROCHURE).orElseThrow();

      assertEquals(262_961, asset.size());
      assertEquals("application/pdf", asset.mimeType());
      assertEquals("irev-plaquette-journee-approfondissement-ptlcd-nov-2021.pdf", asset.fileName());
      assertEquals("2021-10-04T10:45+02:00[Europe/Paris]", asset.lastModified().toString());
    }
  }
}
