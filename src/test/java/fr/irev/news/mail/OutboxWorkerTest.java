package fr.irev.news.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.irev.news.testing.LogCapture;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.jcr.RepositoryException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The worker thread, against a real SMTP server; waits poll with a deadline, never sleep blind. */
class OutboxWorkerTest {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final Duration HOUR = Duration.ofHours(1);
  private static final long DEADLINE_MS = 10_000;

  private OutboxFixture fixture;

  @BeforeEach
  void setUp() throws Exception {
    fixture = new OutboxFixture();
  }

  @AfterEach
  void tearDown() throws Exception {
    fixture.close();
  }

  private MailOutbox outbox(MailOutbox.SessionOpener opener) {
    MailSettings settings = OutboxFixture.smtp(SMTP.getSmtp().getPort());
    return new MailOutbox(
        opener, new SmtpMailTransport(fixture.clock), () -> settings, fixture.clock);
  }

  /** The live outbox worker threads of this JVM (other tests' servers may run their own). */
  private static Set<Thread> workerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals(OutboxWorker.THREAD_NAME) && t.isAlive())
        .collect(Collectors.toSet());
  }

  @Test
  void wakeSendsAQueuedMessageWithoutWaitingForTheInterval() throws Exception {
    try (OutboxWorker worker = new OutboxWorker(outbox(fixture.opener()), HOUR, HOUR)) {
      worker.start();
      fixture.enqueueSaved(List.of(OutboxFixture.message(1)));

      worker.wake();

      assertTrue(SMTP.waitForIncomingEmail(DEADLINE_MS, 1), "arrived within 10 s");
      assertEquals(
          "inscrit1@example.org", SMTP.getReceivedMessages()[0].getAllRecipients()[0].toString());
    }
  }

  @Test
  void theWorkerIsOneNamedDaemonThreadThatStopsOnClose() throws Exception {
    Set<Thread> before = workerThreads();
    OutboxWorker worker = new OutboxWorker(outbox(fixture.opener()), HOUR, HOUR);
    worker.start();
    Set<Thread> started = workerThreads();
    started.removeAll(before);
    assertEquals(1, started.size(), "one new worker thread");
    Thread thread = started.iterator().next();

    assertTrue(worker.isRunning());
    assertTrue(thread.isDaemon());
    worker.close();
    thread.join(DEADLINE_MS);
    assertFalse(thread.isAlive());
    assertFalse(worker.isRunning());
  }

  @Test
  void aFailingPassIsLoggedAndTheThreadLivesOn() throws Exception {
    AtomicInteger failuresLeft = new AtomicInteger(2);
    MailOutbox.SessionOpener flaky =
        () -> {
          if (failuresLeft.getAndDecrement() > 0) {
            throw new RepositoryException("repository unavailable");
          }
          return fixture.login();
        };
    fixture.enqueueSaved(List.of(OutboxFixture.message(2)));

    try (LogCapture log = new LogCapture();
        OutboxWorker worker = new OutboxWorker(outbox(flaky), Duration.ofMillis(50), HOUR)) {
      worker.start();

      assertTrue(SMTP.waitForIncomingEmail(DEADLINE_MS, 1), "sent once the repository answers");
      assertTrue(worker.isRunning());
      assertTrue(
          log.text().contains("Mail outbox pass failed (javax.jcr.RepositoryException)"),
          log.text());
      assertFalse(log.text().contains("inscrit2"), "no address in the logs");
    }
  }

  @Test
  void anErrorInAPassDoesNotEndTheThread() throws Exception {
    AtomicInteger errorsLeft = new AtomicInteger(1);
    SmtpMailTransport real = new SmtpMailTransport(fixture.clock);
    MailTransport clashing =
        (m, s) -> {
          if (errorsLeft.getAndDecrement() > 0) {
            throw new NoClassDefFoundError("jakarta/mail/Transport (a jar clash)");
          }
          real.send(m, s);
        };
    MailSettings settings = OutboxFixture.smtp(SMTP.getSmtp().getPort());
    MailOutbox outbox = new MailOutbox(fixture.opener(), clashing, () -> settings, fixture.clock);
    fixture.enqueueSaved(List.of(OutboxFixture.message(3)));
    try (OutboxWorker worker = new OutboxWorker(outbox, Duration.ofMillis(50), HOUR)) {
      worker.start();
      long deadline = System.nanoTime() + Duration.ofMillis(DEADLINE_MS).toNanos();
      while (errorsLeft.get() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(10); // until the first pass has met the error
      }
      assertEquals(0, errorsLeft.get(), "the first pass met the error");
      // the clock moves an hour at a time until the retry is due, whenever the failed pass
      // recorded its next attempt
      boolean sent = false;
      while (!sent && System.nanoTime() < deadline) {
        fixture.clock.advance(Duration.ofHours(1));
        sent = SMTP.waitForIncomingEmail(200, 1);
      }
      assertTrue(sent, "sent on a later pass");
      assertTrue(worker.isRunning());
    }
  }
}
