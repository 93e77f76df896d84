package fr.irev.news.attachment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.testing.pdf.HostilePdfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The disk cache: one rendering per key, versions, ETags, remembered failures. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ThumbnailCacheTest {

  private static final Instant MONDAY = Instant.parse("2021-10-04T08:50:00Z");
  private static final Instant TUESDAY = Instant.parse("2021-10-05T09:12:30.250Z");

  @TempDir static Path tmp;
  static Path normal;
  static Path hostile;

  @TempDir Path dir;
  ThumbnailCache cache;

  @BeforeAll
  static void files() throws IOException {
    HostilePdfs pdfs = new HostilePdfs(tmp);
    normal = pdfs.normal();
    hostile = pdfs.pageTreeLoop();
  }

  @BeforeEach
  void cache() {
    AttachmentLimits limits = AttachmentLimits.defaults().withScratchDir(tmp.resolve("s"));
    cache = new ThumbnailCache(dir.resolve("thumbnails"), new ThumbnailRenderer(limits));
  }

  @Test
  void twentyConcurrentFirstRequestsRenderOnce() throws Exception {
    Sources.Counting source = Sources.of(normal);
    List<Optional<Thumbnail>> answers =
        concurrently(20, () -> cache.get("a1", MONDAY, 300, source));
    assertEquals(1, source.opens());
    for (Optional<Thumbnail> answer : answers) {
      assertEquals(answers.get(0), answer);
      assertTrue(answer.isPresent());
    }
    Thumbnail thumbnail = answers.get(0).orElseThrow();
    assertEquals(Files.size(thumbnail.file()), thumbnail.sizeBytes());
    byte[] png = Files.readAllBytes(thumbnail.file());
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
  }

  @Test
  void sameKeyIsServedFromDiskWithAStableEtag() {
    Sources.Counting source = Sources.of(normal);
    Thumbnail first = cache.get("a1", MONDAY, 300, source).orElseThrow();
    Thumbnail second = cache.get("a1", MONDAY, 300, source).orElseThrow();
    assertEquals(1, source.opens());
    assertEquals(first, second);
    assertTrue(first.etag().matches("\"[0-9a-f]{32}\""), first.etag());
    assertEquals(first.lastModified().truncatedTo(ChronoUnit.SECONDS), first.lastModified());
    // the ETag depends on the key only: the same after a restart (a new cache on the same dir)
    ThumbnailCache restarted =
        new ThumbnailCache(
            dir.resolve("thumbnails"),
            new ThumbnailRenderer(AttachmentLimits.defaults().withScratchDir(tmp.resolve("s"))));
    assertEquals(first, restarted.get("a1", MONDAY, 300, Sources.untouchable()).orElseThrow());
  }

  @Test
  void changedAssetGetsANewFileAndTheOldOneGoes() {
    Thumbnail monday = cache.get("a1", MONDAY, 300, Sources.of(normal)).orElseThrow();
    Thumbnail mondaySmall = cache.get("a1", MONDAY, 100, Sources.of(normal)).orElseThrow();
    Thumbnail other = cache.get("a2", MONDAY, 300, Sources.of(normal)).orElseThrow();
    Sources.Counting source = Sources.of(normal);
    Thumbnail tuesday = cache.get("a1", TUESDAY, 300, source).orElseThrow();
    assertEquals(1, source.opens());
    assertNotEquals(monday.file(), tuesday.file());
    assertNotEquals(monday.etag(), tuesday.etag());
    assertTrue(Files.exists(tuesday.file()));
    assertFalse(Files.exists(monday.file()));
    assertFalse(Files.exists(mondaySmall.file()));
    assertTrue(Files.exists(other.file()), "another asset's thumbnail stays");
    assertNotEquals(other.etag(), monday.etag());
  }

  @Test
  void widthsAreClampedIntoOneKey() {
    Sources.Counting source = Sources.of(normal);
    Thumbnail big = cache.get("a1", MONDAY, 5000, source).orElseThrow();
    assertEquals(big, cache.get("a1", MONDAY, 1200, source).orElseThrow());
    assertEquals(1, source.opens());
    assertTrue(big.file().getFileName().toString().endsWith("_1200.png"));
  }

  @Test
  void unknownLastModifiedIsTheEpoch() {
    Thumbnail unknown = cache.get("a1", null, 300, Sources.of(normal)).orElseThrow();
    assertEquals(unknown, cache.get("a1", Instant.EPOCH, 300, Sources.untouchable()).orElseThrow());
  }

  @Test
  void hostileFileIsTriedOncePerVersion() throws Exception {
    Sources.Counting source = Sources.of(hostile);
    List<Optional<Thumbnail>> answers = concurrently(20, () -> cache.get("h", MONDAY, 300, source));
    answers.forEach(answer -> assertTrue(answer.isEmpty()));
    for (int i = 0; i < 5; i++) {
      assertTrue(cache.get("h", MONDAY, 300, source).isEmpty());
    }
    assertEquals(1, source.opens());
    assertTrue(cache.get("h", MONDAY, 600, source).isEmpty());
    assertEquals(1, source.opens(), "a broken file fails at every width");
    assertTrue(cache.get("h", TUESDAY, 300, source).isEmpty());
    assertEquals(2, source.opens(), "a new version is tried again");
  }

  @Test
  void unreadableBinaryIsTriedAgain() {
    assertTrue(cache.get("u", MONDAY, 300, Sources.failing()).isEmpty());
    Sources.Counting source = Sources.of(normal);
    assertTrue(cache.get("u", MONDAY, 300, source).isPresent());
    assertEquals(1, source.opens());
  }

  /** Runs {@code task} on {@code n} threads released at once. */
  static <T> List<T> concurrently(int n, Callable<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return task.call();
                }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(30, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
