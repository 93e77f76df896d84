package fr.irev.news.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.testing.TestSite;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The purge thread: runs at start, then again and again, whatever a run throws. */
class PurgeSchedulerTest {

  private static final Clock CLOCK = Clock.fixed(StoreFixture.NOW, ZoneOffset.UTC);

  private TestSite site;
  private final AtomicInteger opened = new AtomicInteger();
  private final AtomicReference<Thread> thread = new AtomicReference<>();

  @BeforeEach
  void start() throws Exception {
    site = TestSite.empty();
  }

  @AfterEach
  void stop() throws Exception {
    site.close();
  }

  /** Fails on the first two runs (checked, then unchecked), then opens real sessions. */
  private RegistrationPurge failingTwice(CountDownLatch runs) {
    return new RegistrationPurge(
        () -> {
          thread.set(Thread.currentThread());
          int n = opened.incrementAndGet();
          runs.countDown();
          if (n == 1) {
            throw new RepositoryException("repository not ready");
          }
          if (n == 2) {
            throw new IllegalStateException("unexpected");
          }
          return site.repository().login(RegistrationNodes.WORKSPACE);
        });
  }

  @Test
  void keepsRunningAfterFailuresOnItsOwnDaemonThread() throws Exception {
    Session session = site.session(RegistrationNodes.WORKSPACE);
    Node folder = session.getRootNode().addNode("ancien", RegistrationNodes.FOLDER_TYPE);
    RegistrationPurge.setRetainUntil(folder, StoreFixture.NOW.minusSeconds(1));
    session.save();

    CountDownLatch runs = new CountDownLatch(4);
    PurgeScheduler scheduler = new PurgeScheduler(failingTwice(runs), CLOCK, Duration.ofMillis(20));
    scheduler.start();
    assertTrue(runs.await(10, TimeUnit.SECONDS), "four runs");
    Thread worker = thread.get();
    assertEquals(PurgeScheduler.THREAD_NAME, worker.getName());
    assertTrue(worker.isDaemon());
    session.refresh(false);
    assertFalse(session.getRootNode().hasNode("ancien"), "purged by the third run");

    scheduler.close();
    worker.join(5_000);
    assertFalse(worker.isAlive());
    scheduler.close();
    assertThrows(IllegalStateException.class, scheduler::start);
  }

  @Test
  void runsOnceAtStartThenWaitsForTheInterval() throws Exception {
    CountDownLatch first = new CountDownLatch(1);
    RegistrationPurge purge =
        new RegistrationPurge(
            () -> {
              opened.incrementAndGet();
              first.countDown();
              return site.repository().login(RegistrationNodes.WORKSPACE);
            });
    try (PurgeScheduler scheduler =
        new PurgeScheduler(purge, CLOCK, PurgeScheduler.DEFAULT_INTERVAL)) {
      scheduler.start();
      assertThrows(IllegalStateException.class, scheduler::start);
      assertTrue(first.await(10, TimeUnit.SECONDS));
      Thread.sleep(300);
      assertEquals(1, opened.get());
    }
  }

  @Test
  void intervalMustBePositive() {
    RegistrationPurge purge = new RegistrationPurge(() -> null);
    assertThrows(
        IllegalArgumentException.class, () -> new PurgeScheduler(purge, CLOCK, Duration.ZERO));
    assertThrows(
        IllegalArgumentException.class,
        () -> new PurgeScheduler(purge, CLOCK, Duration.ofSeconds(-1)));
  }
}
