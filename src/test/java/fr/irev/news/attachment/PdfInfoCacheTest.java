package fr.irev.news.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import fr.irev.news.testing.pdf.HostilePdfs;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The in-memory cache of inspections. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PdfInfoCacheTest {

  private static final Instant MONDAY = Instant.parse("2021-10-04T08:50:00Z");
  private static final Instant TUESDAY = Instant.parse("2021-10-05T09:12:30Z");

  @TempDir static Path tmp;
  static Path normal;
  PdfInfoCache cache;

  @BeforeAll
  static void files() throws IOException {
    normal = new HostilePdfs(tmp).normal();
  }

  @BeforeEach
  void cache() {
    cache =
        new PdfInfoCache(
            new PdfInspector(AttachmentLimits.defaults().withScratchDir(tmp.resolve("s"))));
  }

  @Test
  void twentyConcurrentFirstRequestsInspectOnce() throws Exception {
    Sources.Counting source = Sources.of(normal);
    List<PdfInfo> answers =
        ThumbnailCacheTest.concurrently(20, () -> cache.get("a1", MONDAY, -1, source));
    assertEquals(1, source.opens());
    answers.forEach(info -> assertEquals(4, info.pageCount()));
  }

  @Test
  void keyedByAssetAndVersion() {
    Sources.Counting source = Sources.of(normal);
    PdfInfo monday = cache.get("a1", MONDAY, -1, source);
    assertSame(monday, cache.get("a1", MONDAY, -1, Sources.untouchable()));
    assertEquals(monday, cache.get("a1", TUESDAY, -1, source));
    assertEquals(monday, cache.get("a2", MONDAY, -1, source));
    assertEquals(3, source.opens());
    PdfInfo unknown = cache.get("a1", null, -1, source);
    assertEquals(4, source.opens());
    assertSame(unknown, cache.get("a1", Instant.EPOCH, -1, Sources.untouchable()));
  }

  @Test
  void unreadableBinaryIsNotRemembered() {
    assertEquals(PdfStatus.DAMAGED, cache.get("u", MONDAY, -1, Sources.failing()).status());
    assertEquals(PdfStatus.OK, cache.get("u", MONDAY, -1, Sources.of(normal)).status());
  }

  @Test
  void boundedToItsCapacity() {
    for (int i = 0; i <= PdfInfoCache.CAPACITY + 10; i++) {
      // size 0 answers EMPTY without reading
      assertEquals(PdfStatus.EMPTY, cache.get("e" + i, MONDAY, 0, Sources.untouchable()).status());
    }
    assertEquals(PdfInfoCache.CAPACITY, cache.size());
  }
}
