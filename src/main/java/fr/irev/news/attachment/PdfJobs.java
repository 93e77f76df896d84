package fr.irev.news.attachment;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.io.ScratchFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs PDFBox jobs, one per file, within a time limit and a fixed number of workers.
 *
 * <p>A caller first takes one of {@code workers} permits (waiting at most the time limit), copies
 * the binary to the scratch directory, then hands the copy to a worker thread and waits for the
 * rest of the time limit. The worker gives the permit back and deletes the copy when it ends, not
 * when the caller gives up: PDFBox cannot be interrupted, so a file that holds its worker also
 * holds its permit, and there are never more than {@code workers} threads, however many files get
 * stuck. Reads fail once the time limit has passed ({@link DeadlineRead}), which ends most stuck
 * jobs soon after their caller has left.
 */
final class PdfJobs {

  /** Work on an open document; may throw {@link PdfJobException} to end with a status. */
  @FunctionalInterface
  interface Job<T> {
    /**
     * @param deadline {@link System#nanoTime()} after which the result is no longer wanted
     */
    T run(PDDocument document, long deadline) throws IOException;
  }

  private static final Logger LOG = LoggerFactory.getLogger(PdfJobs.class);

  /** Most bytes PDFBox may write to its own scratch file for one document (256 MiB). */
  private static final long MAX_STREAM_CACHE_BYTES = 256L << 20;

  private final String name;
  private final Duration timeout;
  private final Path scratchDir;
  private final Semaphore permits;
  private final ThreadPoolExecutor pool;

  /**
   * @param name what the jobs do, for thread names and log messages ({@code inspection}, ...)
   * @param workers most jobs running at once, at least 1
   * @param timeout longest wait of a caller, permit and copy included
   * @param scratchDir where binaries are copied
   */
  PdfJobs(String name, int workers, Duration timeout, Path scratchDir) {
    this.name = name;
    this.timeout = timeout;
    this.scratchDir = scratchDir;
    this.permits = new Semaphore(workers);
    this.pool =
        new ThreadPoolExecutor(
            workers, workers, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads(name));
    this.pool.allowCoreThreadTimeOut(true);
  }

  /**
   * Runs {@code job} on {@code source} as a PDF opened without a password.
   *
   * @return the job's value, or a status: {@link PdfStatus#EMPTY}, {@link PdfStatus#NOT_PDF},
   *     {@link PdfStatus#TOO_LARGE}, {@link PdfStatus#DAMAGED} (also, marked transient, when the
   *     binary could not be copied), {@link PdfStatus#PASSWORD_PROTECTED}, {@link
   *     PdfStatus#TIMEOUT} (marked transient when no worker was free in time), or the status of a
   *     {@link PdfJobException}; never throws
   */
  <T> Outcome<T> run(BinarySource source, Job<T> job) {
    try {
      if (!permits.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        LOG.warn("No PDF {} worker free within {} ms: answered without reading", name, millis());
        return Outcome.notTried(PdfStatus.TIMEOUT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.notTried(PdfStatus.TIMEOUT);
    }
    // the time limit counts from when a worker is ours: waiting for one is not the file's fault
    long deadline = System.nanoTime() + timeout.toNanos();
    ScratchCopy copy = null;
    Future<Outcome<T>> running = null;
    try {
      copy = ScratchCopy.of(source, scratchDir);
      if (copy.status() != null) {
        LOG.debug("PDF {}: {} before parsing", name, copy.status());
        return Outcome.failed(copy.status());
      }
      ScratchCopy file = copy;
      running = pool.submit(() -> work(file, deadline, job));
      return running.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      LOG.warn("PDF {}: no answer within {} ms, given up", name, millis());
      return Outcome.failed(PdfStatus.TIMEOUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.notTried(PdfStatus.TIMEOUT);
    } catch (ExecutionException | RejectedExecutionException e) {
      LOG.warn("PDF {} failed: {}", name, e.toString());
      return Outcome.notTried(PdfStatus.DAMAGED);
    } catch (IOException | RuntimeException e) {
      LOG.warn("PDF {}: the binary could not be copied for reading: {}", name, e.toString());
      return Outcome.notTried(PdfStatus.DAMAGED);
    } finally {
      if (running == null) {
        if (copy != null) {
          copy.delete();
        }
        permits.release();
      }
    }
  }

  private <T> Outcome<T> work(ScratchCopy copy, long deadline, Job<T> job) {
    try {
      return open(copy.file(), deadline, job);
    } finally {
      copy.delete();
      permits.release();
    }
  }

  private <T> Outcome<T> open(Path file, long deadline, Job<T> job) {
    MemoryUsageSetting cache =
        MemoryUsageSetting.setupTempFileOnly(MAX_STREAM_CACHE_BYTES)
            .setTempDir(scratchDir.toFile());
    try (DeadlineRead in = new DeadlineRead(new RandomAccessReadBufferedFile(file), deadline);
        PDDocument document = Loader.loadPDF(in, "", null, null, () -> new ScratchFile(cache))) {
      return Outcome.ok(job.run(document, deadline));
    } catch (InvalidPasswordException e) {
      return Outcome.failed(PdfStatus.PASSWORD_PROTECTED);
    } catch (PdfJobException e) {
      LOG.debug("PDF {}: {} ({})", name, e.status(), e.getMessage());
      return Outcome.failed(e.status());
    } catch (IOException | RuntimeException | StackOverflowError e) {
      boolean late = System.nanoTime() - deadline > 0;
      LOG.debug("PDF {}: unreadable file: {}", name, e.toString());
      return Outcome.failed(late ? PdfStatus.TIMEOUT : PdfStatus.DAMAGED);
    } catch (OutOfMemoryError e) {
      LOG.warn("PDF {}: out of memory, the file is treated as too large", name);
      return Outcome.failed(PdfStatus.TOO_LARGE);
    }
  }

  private long millis() {
    return timeout.toMillis();
  }

  private static ThreadFactory threads(String name) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "irev-news-pdf-" + name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
