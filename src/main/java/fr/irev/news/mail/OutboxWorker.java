package fr.irev.news.mail;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link MailOutbox#sendDue()} on one daemon thread named {@value #THREAD_NAME}: every
 * interval, and at once after {@link #wake()} (call it after saving a registration and its mails).
 * An exception of a pass is logged at WARN (its class only: no personal data) and never ends the
 * thread. One worker per JVM and repository (see {@link MailOutbox} on concurrency).
 *
 * <p>{@link #close()} does not interrupt a pass (an interrupt can break Jackrabbit's file
 * channels): it lets the current pass finish, waiting up to the given time.
 */
public final class OutboxWorker implements AutoCloseable {

  /** Name of the worker thread. */
  public static final String THREAD_NAME = "irev-news-mail-outbox";

  /** Default time between two passes. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);

  private final MailOutbox outbox;
  private final Duration interval;
  private final Duration closeWait;
  private final BlockingQueue<Boolean> signals = new ArrayBlockingQueue<>(1);
  private volatile boolean running;
  private Thread thread;

  /**
   * A worker passing every {@link #DEFAULT_INTERVAL} and waiting up to one minute on close.
   *
   * @param outbox the outbox to send, not {@code null}
   */
  public OutboxWorker(MailOutbox outbox) {
    this(outbox, DEFAULT_INTERVAL, Duration.ofMinutes(1));
  }

  /**
   * @param outbox the outbox to send, not {@code null}
   * @param interval time between two passes, at least one millisecond
   * @param closeWait how long {@link #close()} waits for a running pass, not negative
   * @throws IllegalArgumentException when a duration is out of range
   */
  public OutboxWorker(MailOutbox outbox, Duration interval, Duration closeWait) {
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.interval = Objects.requireNonNull(interval, "interval");
    this.closeWait = Objects.requireNonNull(closeWait, "closeWait");
    if (interval.toMillis() < 1 || closeWait.isNegative()) {
      throw new IllegalArgumentException("interval must be positive, closeWait not negative");
    }
  }

  /**
   * Starts the thread; its first pass runs at once.
   *
   * @throws IllegalStateException when already started
   */
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("already started");
    }
    running = true;
    thread = new Thread(this::run, THREAD_NAME);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Asks for a pass as soon as possible (at once when idle, else right after the current pass).
   * Never blocks; several calls before the pass starts give one pass.
   */
  public void wake() {
    signals.offer(Boolean.TRUE);
  }

  /**
   * @return whether the thread is alive
   */
  public synchronized boolean isRunning() {
    return thread != null && thread.isAlive();
  }

  /** Stops the thread after its current pass (waiting up to the close wait). Idempotent. */
  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      running = false;
      t = thread;
    }
    if (t == null) {
      return;
    }
    signals.offer(Boolean.TRUE);
    try {
      t.join(Math.max(1, closeWait.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (t.isAlive()) {
      LOG.warn(
          "Mail outbox worker still busy after {} ms; it stops after its pass",
          closeWait.toMillis());
    }
  }

  private void run() {
    while (running) {
      pass();
      try {
        signals.poll(interval.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void pass() {
    try {
      outbox.sendDue();
    } catch (Exception | LinkageError | StackOverflowError e) {
      // Not even an Error such as a jar clash may end the thread: messages would wait forever.
      LOG.warn(
          "Mail outbox pass failed ({}); next pass in {} s",
          e.getClass().getName(),
          interval.toSeconds());
    }
  }
}
