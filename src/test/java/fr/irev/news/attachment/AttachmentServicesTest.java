package fr.irev.news.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.testing.pdf.HostilePdfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared services and the limits. */
class AttachmentServicesTest {

  @TempDir Path tmp;

  @Test
  void sharedIsOneSetWithTheDefaultLimits() {
    AttachmentServices shared = AttachmentServices.shared();
    assertSame(shared, AttachmentServices.shared());
    assertEquals(AttachmentLimits.defaults(), shared.limits());
  }

  @Test
  void createdServicesWorkTogether() throws Exception {
    AttachmentLimits limits = AttachmentLimits.defaults().withScratchDir(tmp.resolve("s"));
    AttachmentServices services = AttachmentServices.create(limits, tmp.resolve("cache"));
    assertNotSame(AttachmentServices.shared(), services);
    assertSame(limits, services.limits());
    Path pdf = new HostilePdfs(tmp).normal();
    Instant modified = Instant.parse("2021-10-04T08:50:00Z");
    PdfInfo info = services.pdfInfo().get("a", modified, Files.size(pdf), Sources.of(pdf));
    assertEquals(4, info.pageCount());
    Thumbnail thumbnail =
        services.thumbnails().get("a", modified, 200, Sources.of(pdf)).orElseThrow();
    assertTrue(thumbnail.file().startsWith(tmp.resolve("cache")));
  }

  @Test
  void staleScratchCopiesAreDeletedAtStart() throws Exception {
    Path scratch = Files.createDirectories(tmp.resolve("scratch"));
    Path stale = Files.createFile(scratch.resolve("pdf-123.tmp"));
    Files.setLastModifiedTime(
        stale, java.nio.file.attribute.FileTime.from(Instant.now().minus(Duration.ofHours(2))));
    Path fresh = Files.createFile(scratch.resolve("pdf-456.tmp"));
    Path other = Files.createFile(scratch.resolve("notes.txt"));
    Files.setLastModifiedTime(
        other, java.nio.file.attribute.FileTime.from(Instant.now().minus(Duration.ofHours(2))));
    AttachmentServices.create(AttachmentLimits.defaults().withScratchDir(scratch), tmp);
    assertTrue(Files.notExists(stale));
    assertTrue(Files.exists(fresh));
    assertTrue(Files.exists(other));
  }

  @Test
  void defaults() {
    AttachmentLimits limits = AttachmentLimits.defaults();
    assertEquals(Duration.ofSeconds(5), limits.inspectTimeout());
    assertEquals(Duration.ofSeconds(10), limits.renderTimeout());
    assertEquals(2, limits.maxConcurrentRenders());
    assertEquals(40_000_000L, limits.maxImagePixels());
    assertEquals(64, limits.minWidth());
    assertEquals(1200, limits.maxWidth());
    assertEquals(4_000_000L, limits.maxRenderPixels());
    assertEquals(Path.of(System.getProperty("java.io.tmpdir"), "irev-news"), limits.scratchDir());
  }

  @Test
  void limitsOutOfRangeAreRefused() {
    Path dir = tmp;
    Duration second = Duration.ofSeconds(1);
    assertThrows(
        IllegalArgumentException.class,
        () -> new AttachmentLimits(Duration.ZERO, second, 1, 1, 1, 1, 1, dir));
    assertThrows(
        IllegalArgumentException.class,
        () -> new AttachmentLimits(second, second, 0, 1, 1, 1, 1, dir));
    assertThrows(
        IllegalArgumentException.class,
        () -> new AttachmentLimits(second, second, 1, 1, 100, 99, 1, dir));
    assertThrows(
        NullPointerException.class,
        () -> new AttachmentLimits(second, second, 1, 1, 1, 1, 1, null));
  }

  @Test
  void pdfInfoFailed() {
    PdfInfo locked = PdfInfo.failed(PdfStatus.PASSWORD_PROTECTED);
    assertTrue(locked.encrypted());
    assertEquals(null, locked.pageCount());
    assertEquals(false, PdfInfo.failed(PdfStatus.DAMAGED).encrypted());
    assertEquals(
        false, new PdfInfo(PdfStatus.OK, 0, null, null, null, false, false, null).isRenderable());
    assertThrows(NullPointerException.class, () -> PdfInfo.failed(null));
  }
}
