package fr.irev.news.attachment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Case C16, run in a child JVM with a small heap by {@link ThumbnailHeapTest}: 20 thumbnail
 * requests at once (10 widths, each asked twice) through one {@link ThumbnailCache}, then an
 * inspection. Prints one result line; exits 0 when every request answered (a thumbnail or empty)
 * and at least one thumbnail was made, 1 otherwise (2 on an exception; the JVM is started with
 * {@code -XX:+ExitOnOutOfMemoryError}, so an OutOfMemoryError exits 3).
 *
 * <p>Arguments: the PDF file, the cache directory, the scratch directory.
 */
public final class ThumbnailStress {

  static final int REQUESTS = 20;
  private static final Instant MODIFIED = Instant.parse("2021-10-04T08:50:00Z");

  private ThumbnailStress() {}

  public static void main(String[] args) {
    try {
      System.exit(run(Path.of(args[0]), Path.of(args[1]), Path.of(args[2])));
    } catch (Exception e) {
      e.printStackTrace();
      System.exit(2);
    }
  }

  private static int run(Path pdf, Path cacheDir, Path scratchDir) throws Exception {
    AttachmentServices services =
        AttachmentServices.create(AttachmentLimits.defaults().withScratchDir(scratchDir), cacheDir);
    BinarySource source = () -> Files.newInputStream(pdf);
    ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Optional<Thumbnail>>> requests = new ArrayList<>();
    long begin = System.nanoTime();
    for (int i = 0; i < REQUESTS; i++) {
      int width = 300 + 90 * (i / 2);
      requests.add(
          pool.submit(
              () -> {
                start.await();
                return services.thumbnails().get("heavy", MODIFIED, width, source);
              }));
    }
    start.countDown();
    int answered = 0;
    int thumbnails = 0;
    for (Future<Optional<Thumbnail>> request : requests) {
      Optional<Thumbnail> thumbnail = request.get(100, TimeUnit.SECONDS);
      answered++;
      thumbnails += thumbnail.isPresent() ? 1 : 0;
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
    pool.shutdown();
    PdfInfo info = services.pdfInfo().get("heavy", MODIFIED, Files.size(pdf), source);
    System.out.printf(
        "answered=%d thumbnails=%d empty=%d millis=%d pages=%s maxHeapMiB=%d%n",
        answered,
        thumbnails,
        answered - thumbnails,
        millis,
        info.pageCount(),
        Runtime.getRuntime().maxMemory() >> 20);
    return answered == REQUESTS && thumbnails > 0 ? 0 : 1;
  }
}
