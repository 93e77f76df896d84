package fr.irev.news.registration;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link RegistrationPurge#purge} on one daemon thread named {@value #THREAD_NAME}: once at
 * {@link #start()}, then every interval after the previous run has finished (fixed delay). A
 * failing run is logged and the next one happens as planned: no exception stops the schedule.
 */
public final class PurgeScheduler implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PurgeScheduler.class);

  /** Name of the thread. */
  public static final String THREAD_NAME = "irev-news-registration-purge";

  /** Default time between the end of a run and the start of the next: one day. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofDays(1);

  private final RegistrationPurge purge;
  private final Clock clock;
  private final Duration interval;
  private ScheduledExecutorService executor;
  private boolean closed;

  /**
   * @param purge the purge to run, not {@code null}
   * @param clock gives the instant passed to each run, not {@code null}
   * @param interval time between runs, positive (for example {@link #DEFAULT_INTERVAL})
   * @throws IllegalArgumentException when {@code interval} is zero or negative
   */
  public PurgeScheduler(RegistrationPurge purge, Clock clock, Duration interval) {
    this.purge = Objects.requireNonNull(purge, "purge");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException("interval must be positive, was " + interval);
    }
    this.interval = interval;
  }

  /**
   * Starts the thread; the first run begins at once.
   *
   * @throws IllegalStateException when already started or closed
   */
  public synchronized void start() {
    if (executor != null || closed) {
      throw new IllegalStateException("purge scheduler already started or closed");
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, THREAD_NAME);
              thread.setDaemon(true);
              return thread;
            });
    executor.scheduleWithFixedDelay(this::runOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void runOnce() {
    try {
      purge.purge(clock.instant());
    } catch (Exception | LinkageError | StackOverflowError e) {
      // An exception escaping here would cancel every later run of the scheduled executor.
      LOG.error("Registration purge failed; next run in {}", interval, e);
    }
  }

  /**
   * Stops the thread, interrupting a run in progress, and waits up to 10 seconds for it to end.
   * Idempotent; a closed scheduler cannot be started again.
   */
  @Override
  public synchronized void close() {
    closed = true;
    if (executor == null) {
      return;
    }
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("Registration purge still running after 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
