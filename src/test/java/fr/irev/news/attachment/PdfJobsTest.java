package fr.irev.news.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.testing.pdf.HostilePdfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Jobs that never end hold their worker, and no more threads are started for them. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PdfJobsTest {

  @TempDir static Path tmp;
  static Path normal;

  @BeforeAll
  static void files() throws IOException {
    normal = new HostilePdfs(tmp).normal();
  }

  @Test
  void stuckJobsCannotPileUpThreads() throws Exception {
    Path scratch = tmp.resolve("stuck");
    PdfJobs jobs = new PdfJobs("stuck-test", 2, Duration.ofMillis(300), scratch);
    CountDownLatch release = new CountDownLatch(1);
    PdfJobs.Job<Integer> stuck =
        (document, deadline) -> {
          // like a parser that does not come back: no read, no deadline check
          awaitUninterruptibly(release);
          return document.getNumberOfPages();
        };
    List<Outcome<Integer>> outcomes =
        ThumbnailCacheTest.concurrently(8, () -> jobs.run(Sources.of(normal), stuck));
    long timedOut = outcomes.stream().filter(o -> !o.transientFailure()).count();
    long notTried = outcomes.stream().filter(Outcome::transientFailure).count();
    outcomes.forEach(o -> assertEquals(PdfStatus.TIMEOUT, o.status()));
    assertEquals(2, timedOut, "two jobs got a worker and timed out");
    assertEquals(6, notTried, "the others found no free worker");
    assertEquals(2, workerThreads("stuck-test"));
    assertEquals(2, scratchFiles(scratch), "the stuck jobs keep their copies until they end");

    release.countDown();
    Outcome<Integer> after = awaitOk(jobs);
    assertEquals(4, after.value());
    assertEquals(0, scratchFiles(scratch), "copies deleted when their jobs end");
    assertTrue(workerThreads("stuck-test") <= 2);
  }

  @Test
  void interruptedCallerGetsATransientTimeout() {
    PdfJobs jobs = new PdfJobs("interrupt-test", 1, Duration.ofSeconds(5), tmp.resolve("i"));
    Thread.currentThread().interrupt();
    try {
      Outcome<Integer> outcome =
          jobs.run(Sources.of(normal), (document, deadline) -> document.getNumberOfPages());
      assertEquals(PdfStatus.TIMEOUT, outcome.status());
      assertTrue(outcome.transientFailure());
    } finally {
      assertTrue(Thread.interrupted());
    }
    assertFalse(Thread.currentThread().isInterrupted());
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    boolean interrupted = false;
    while (true) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static Outcome<Integer> awaitOk(PdfJobs jobs) throws InterruptedException {
    Outcome<Integer> outcome;
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    do {
      Thread.sleep(50);
      outcome = jobs.run(Sources.of(normal), (document, deadline) -> document.getNumberOfPages());
    } while (outcome.status() != PdfStatus.OK && System.nanoTime() < end);
    return outcome;
  }

  private static long workerThreads(String name) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("irev-news-pdf-" + name + "-"))
        .count();
  }

  private static long scratchFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.count();
    }
  }
}
