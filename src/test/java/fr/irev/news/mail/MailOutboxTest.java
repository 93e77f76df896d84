package fr.irev.news.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.irev.news.testing.LogCapture;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.jcr.Node;
import javax.jcr.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox on a real Jackrabbit, sending to a real SMTP server (GreenMail) or failing. */
class MailOutboxTest {

  private OutboxFixture fixture;
  private GreenMail smtp;

  @BeforeEach
  void setUp() throws Exception {
    fixture = new OutboxFixture();
  }

  @AfterEach
  void tearDown() throws Exception {
    if (smtp != null) {
      smtp.stop();
    }
    fixture.close();
  }

  private GreenMail startSmtp(int port) {
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    return smtp;
  }

  private MailOutbox outbox(MailTransport transport, MailSettings settings) {
    return new MailOutbox(fixture.opener(), transport, () -> settings, fixture.clock);
  }

  private static List<MailMessage> messages(int count) {
    return IntStream.range(0, count).mapToObj(OutboxFixture::message).toList();
  }

  private static Set<String> recipients(MimeMessage[] received) throws Exception {
    Set<String> to = new TreeSet<>();
    for (MimeMessage m : received) {
      to.add(m.getAllRecipients()[0].toString());
    }
    return to;
  }

  @Test
  void enqueueStoresEveryFieldAndOnlyTheCallerSaves() throws Exception {
    MailMessage message =
        new MailMessage(
            "helene.celik@example.org",
            "contact@irev.fr",
            "Inscription confirmée : journée « Lutte contre les discriminations »",
            "  Bonjour Hélène,\r\nà bientôt.\n",
            "<p>Bonjour Hélène</p>",
            List.of(
                new MailAttachment(
                    "journée.ics",
                    "text/calendar; charset=UTF-8; method=PUBLISH",
                    "BEGIN:VCALENDAR\r\nSUMMARY:Journée\r\n".getBytes(StandardCharsets.UTF_8)),
                new MailAttachment("vide.bin", "application/octet-stream", new byte[0])));
    Session writer = fixture.login();
    Node owner = OutboxFixture.owner(writer, "event-1");
    String ownerPath = owner.getPath();

    String id = MailOutbox.enqueue(owner, message, OutboxFixture.T0);

    Node node = writer.getNodeByIdentifier(id);
    assertEquals(owner.getPath() + "/mails/" + node.getName(), node.getPath());
    assertEquals(MailNodes.NODE_TYPE, node.getPrimaryNodeType().getName());
    assertEquals(List.of(), fixture.entries(null), "nothing visible before the caller saves");
    writer.save();
    writer.logout();

    List<OutboxEntry> entries = fixture.entries(null);
    assertEquals(1, entries.size());
    OutboxEntry entry = entries.get(0);
    assertEquals(id, entry.id());
    assertEquals("helene.celik@example.org", entry.to());
    assertEquals(message.subject(), entry.subject());
    assertEquals(MailState.PENDING, entry.state());
    assertEquals(0, entry.attempts());
    assertEquals(OutboxFixture.T0, entry.created());
    assertEquals(OutboxFixture.T0, entry.nextAttempt());
    assertNull(entry.sentAt());
    assertNull(entry.lastError());
    assertEquals(ownerPath, entry.ownerPath());
    Session reader = fixture.login();
    try {
      assertEquals(Optional.of(message), MailOutbox.message(reader, id));
    } finally {
      reader.logout();
    }
  }

  @Test
  void smtpDownThenUpEveryMessageArrivesExactlyOnce() throws Exception {
    int port = OutboxFixture.freePort();
    MailOutbox outbox = outbox(new SmtpMailTransport(fixture.clock), OutboxFixture.smtp(port));
    fixture.enqueueSaved(messages(20));

    try (LogCapture log = new LogCapture()) {
      assertEquals(0, outbox.sendDue());
      assertFalse(log.text().contains("@example.org"), "no address in the logs");
      assertTrue(log.text().contains("SERVER_UNAVAILABLE"), log.text());
    }

    List<OutboxEntry> pending = fixture.entries(MailState.PENDING);
    assertEquals(20, pending.size());
    for (OutboxEntry e : pending) {
      assertEquals(1, e.attempts());
      assertEquals(OutboxFixture.T0.plusSeconds(30), e.nextAttempt());
      assertTrue(
          e.lastError().startsWith("MailException SERVER_UNAVAILABLE: Cannot connect"),
          e.lastError());
      assertFalse(e.lastError().contains("inscrit"), e.lastError());
    }
    assertEquals(0, outbox.sendDue(), "nothing is due before the back-off");
    assertEquals(1, fixture.entries(MailState.PENDING).get(0).attempts());

    GreenMail server = startSmtp(port);
    fixture.clock.advance(Duration.ofSeconds(30));
    assertEquals(20, outbox.sendDue());
    assertEquals(0, outbox.sendDue());

    MimeMessage[] received = server.getReceivedMessages();
    assertEquals(20, received.length);
    Set<String> expected = new TreeSet<>();
    IntStream.range(0, 20).forEach(i -> expected.add("inscrit" + i + "@example.org"));
    assertEquals(expected, recipients(received));
    List<OutboxEntry> sent = fixture.entries(MailState.SENT);
    assertEquals(20, sent.size());
    sent.forEach(e -> assertEquals(OutboxFixture.T0.plusSeconds(30), e.sentAt()));
    sent.forEach(e -> assertEquals(2, e.attempts()));
    sent.forEach(e -> assertNull(e.lastError()));
  }

  @Test
  void withoutHostNothingIsSentOrCounted() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    MailOutbox outbox = outbox((m, s) -> calls.incrementAndGet(), MailSettings.none());
    fixture.enqueueSaved(messages(3));

    assertEquals(0, outbox.sendDue());
    fixture.clock.advance(Duration.ofHours(1));
    assertEquals(0, outbox.sendDue());

    assertEquals(0, calls.get());
    List<OutboxEntry> entries = fixture.entries(null);
    assertEquals(3, entries.size());
    entries.forEach(e -> assertEquals(MailState.PENDING, e.state()));
    entries.forEach(e -> assertEquals(0, e.attempts()));
    entries.forEach(e -> assertNull(e.lastError()));
  }

  @Test
  void savedMessagesSurviveTheWritersSessionAndUnsavedOnesAreNeverSent() throws Exception {
    GreenMail server = startSmtp(OutboxFixture.freePort());
    fixture.enqueueSaved(messages(2));
    Session abandoned = fixture.login();
    MailOutbox.enqueue(
        OutboxFixture.owner(abandoned, "event-2"), OutboxFixture.message(99), OutboxFixture.T0);
    abandoned.logout(); // a failed registration: its session is dropped without save

    MailOutbox fresh =
        outbox(
            new SmtpMailTransport(fixture.clock), OutboxFixture.smtp(server.getSmtp().getPort()));
    assertEquals(2, fresh.sendDue());

    assertEquals(
        Set.of("inscrit0@example.org", "inscrit1@example.org"),
        recipients(server.getReceivedMessages()));
  }

  @Test
  void everyAttemptOfAMessageCarriesTheSameKey() throws Exception {
    List<String> keys = new ArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    MailTransport flaky =
        new MailTransport() {
          @Override
          public void send(MailMessage m, MailSettings s) {
            throw new AssertionError("the outbox passes a key");
          }

          @Override
          public void send(MailMessage m, MailSettings s, String key) throws MailException {
            keys.add(key);
            if (calls.incrementAndGet() == 1) {
              throw new MailException(MailException.Kind.TEMPORARY, "no reply after DATA", "X");
            }
          }
        };
    MailOutbox outbox = outbox(flaky, OutboxFixture.smtp(25));
    fixture.enqueueSaved(messages(1));
    assertEquals(0, outbox.sendDue());
    assertEquals(1, outbox.retryNow());
    assertEquals(2, keys.size());
    assertEquals(keys.get(0), keys.get(1), "same Message-ID key on the retry");
    assertEquals(only(fixture.entries(MailState.SENT)).id(), keys.get(0));
  }

  @Test
  void aLongOutageDelaysButNeverGivesUpAMessage() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    AtomicBoolean up = new AtomicBoolean(false);
    MailTransport weekend =
        (m, s) -> {
          calls.incrementAndGet();
          if (!up.get()) {
            throw new MailException(
                MailException.Kind.SERVER_UNAVAILABLE, "connection refused", "X");
          }
        };
    MailOutbox outbox =
        new MailOutbox(
            fixture.opener(), weekend, () -> OutboxFixture.smtp(25), fixture.clock, 100, 3);
    fixture.enqueueSaved(messages(1));
    for (int pass = 0; pass < 20; pass++) {
      outbox.sendDue();
      fixture.clock.advance(Duration.ofMinutes(20));
    }
    assertEquals(20, calls.get(), "one try per pass");
    assertEquals(MailState.PENDING, only(fixture.entries(null)).state(), "still queued");
    up.set(true);
    fixture.clock.advance(Duration.ofMinutes(20));
    assertEquals(1, outbox.sendDue());
  }

  @Test
  void retryNowPutsGivenUpMessagesBackInTheQueue() throws Exception {
    AtomicBoolean refuse = new AtomicBoolean(true);
    MailTransport transport =
        (m, s) -> {
          if (refuse.get()) {
            throw new MailException(MailException.Kind.PERMANENT, "mailbox full (reply 552)", "Y");
          }
        };
    MailOutbox outbox = outbox(transport, OutboxFixture.smtp(25));
    fixture.enqueueSaved(messages(1));
    assertEquals(0, outbox.sendDue());
    assertEquals(MailState.FAILED, only(fixture.entries(null)).state());
    refuse.set(false);
    assertEquals(1, outbox.retryNow());
    assertEquals(MailState.SENT, only(fixture.entries(null)).state());
  }

  @Test
  void oneRefusedMessageDoesNotHoldTheOthers() throws Exception {
    List<String> sent = new ArrayList<>();
    MailTransport transport =
        (m, s) -> {
          if (m.to().equals("inscrit1@example.org")) {
            throw new MailException(
                MailException.Kind.TEMPORARY, "did not accept (reply 451)", "X");
          }
          if (m.to().equals("inscrit2@example.org")) {
            throw new MailException(
                MailException.Kind.PERMANENT, "refused the recipient (reply 550)", "Y");
          }
          sent.add(m.to());
        };
    MailOutbox outbox = outbox(transport, OutboxFixture.smtp(25));
    fixture.enqueueSaved(messages(4));

    assertEquals(2, outbox.sendDue());

    assertEquals(Set.of("inscrit0@example.org", "inscrit3@example.org"), Set.copyOf(sent));
    assertEquals(2, sent.size());
    OutboxEntry temporary = only(fixture.entries(MailState.PENDING));
    assertEquals("inscrit1@example.org", temporary.to());
    assertEquals(1, temporary.attempts());
    assertEquals("MailException TEMPORARY: did not accept (reply 451) [X]", temporary.lastError());
    OutboxEntry permanent = only(fixture.entries(MailState.FAILED));
    assertEquals("inscrit2@example.org", permanent.to());
    assertEquals(
        "MailException PERMANENT: refused the recipient (reply 550) [Y]", permanent.lastError());
  }

  @Test
  void aServerFailureDefersTheWholeBatchAfterOneTry() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    MailTransport down =
        (m, s) -> {
          calls.incrementAndGet();
          throw new MailException(MailException.Kind.SERVER_UNAVAILABLE, "Cannot connect", "C");
        };
    MailOutbox outbox = outbox(down, OutboxFixture.smtp(25));
    fixture.enqueueSaved(messages(5));

    assertEquals(0, outbox.sendDue());

    assertEquals(1, calls.get());
    List<OutboxEntry> entries = fixture.entries(MailState.PENDING);
    assertEquals(5, entries.size());
    entries.forEach(e -> assertEquals(1, e.attempts()));
  }

  @Test
  void aMessageIsGivenUpAfterTheLastAttempt() throws Exception {
    MailTransport failing =
        (m, s) -> {
          throw new MailException(MailException.Kind.TEMPORARY, "no", null);
        };
    MailOutbox outbox =
        new MailOutbox(
            fixture.opener(), failing, () -> OutboxFixture.smtp(25), fixture.clock, 100, 3);
    fixture.enqueueSaved(messages(1));

    outbox.sendDue();
    fixture.clock.advance(MailOutbox.backoff(1));
    outbox.sendDue();
    assertEquals(MailState.PENDING, only(fixture.entries(null)).state());
    fixture.clock.advance(MailOutbox.backoff(2));
    outbox.sendDue();

    OutboxEntry failed = only(fixture.entries(null));
    assertEquals(MailState.FAILED, failed.state());
    assertEquals(3, failed.attempts());
    fixture.clock.advance(Duration.ofDays(10));
    assertEquals(0, outbox.sendDue());
    assertEquals(3, only(fixture.entries(null)).attempts());
  }

  @Test
  void backOffDoublesFromThirtySecondsUpToFifteenMinutes() {
    assertEquals(Duration.ofSeconds(30), MailOutbox.backoff(1));
    assertEquals(Duration.ofMinutes(1), MailOutbox.backoff(2));
    assertEquals(Duration.ofMinutes(2), MailOutbox.backoff(3));
    assertEquals(Duration.ofMinutes(8), MailOutbox.backoff(5));
    assertEquals(Duration.ofMinutes(15), MailOutbox.backoff(6));
    assertEquals(Duration.ofMinutes(15), MailOutbox.backoff(200));
    Duration total =
        IntStream.rangeClosed(1, MailOutbox.DEFAULT_MAX_ATTEMPTS - 1)
            .mapToObj(MailOutbox::backoff)
            .reduce(Duration.ZERO, Duration::plus);
    assertTrue(
        total.compareTo(Duration.ofHours(47)) > 0 && total.compareTo(Duration.ofHours(51)) < 0,
        "about two days of retries: " + total);
  }

  @Test
  void twoPassesAtOnceSendEachMessageOnce() throws Exception {
    GreenMail server = startSmtp(OutboxFixture.freePort());
    MailOutbox outbox =
        outbox(
            new SmtpMailTransport(fixture.clock), OutboxFixture.smtp(server.getSmtp().getPort()));
    fixture.enqueueSaved(messages(30));
    CountDownLatch go = new CountDownLatch(1);
    Callable<Integer> pass =
        () -> {
          go.await();
          return outbox.sendDue();
        };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> a = pool.submit(pass);
      Future<Integer> b = pool.submit(pass);
      go.countDown();

      assertEquals(30, a.get() + b.get());
    } finally {
      pool.shutdownNow();
    }
    assertEquals(30, server.getReceivedMessages().length);
    assertEquals(30, recipients(server.getReceivedMessages()).size());
  }

  @Test
  void staffListsByStateNewestFirstAndReadsOneMessage() throws Exception {
    fixture.enqueueSaved(messages(2));
    fixture.clock.advance(Duration.ofMinutes(1));
    List<String> later = fixture.enqueueSaved(List.of(OutboxFixture.message(7)));
    outbox((m, s) -> {}, OutboxFixture.smtp(25)).sendDue();
    fixture.clock.advance(Duration.ofMinutes(1));
    fixture.enqueueSaved(List.of(OutboxFixture.message(8)));

    List<OutboxEntry> all = fixture.entries(null);
    assertEquals(
        List.of("inscrit8@example.org", "inscrit7@example.org"),
        all.subList(0, 2).stream().map(OutboxEntry::to).toList());
    assertEquals(4, all.size());
    assertEquals(1, fixture.entries(MailState.PENDING).size());
    assertEquals(3, fixture.entries(MailState.SENT).size());
    Session session = fixture.login();
    try {
      assertEquals(1, MailOutbox.entries(session, null, 1).size());
      assertThrows(IllegalArgumentException.class, () -> MailOutbox.entries(session, null, 0));
      assertEquals(
          Optional.of(OutboxFixture.message(7)), MailOutbox.message(session, later.get(0)));
      assertEquals(Optional.empty(), MailOutbox.message(session, "not-an-id' OR 1=1"));
      assertEquals(
          Optional.empty(), MailOutbox.message(session, "00000000-0000-0000-0000-000000000000"));
      String ownerId = session.getNode(all.get(0).ownerPath()).getIdentifier();
      assertEquals(Optional.empty(), MailOutbox.message(session, ownerId), "not a message node");
    } finally {
      session.logout();
    }
  }

  private static OutboxEntry only(List<OutboxEntry> entries) {
    assertEquals(1, entries.size(), () -> Arrays.toString(entries.toArray()));
    return entries.get(0);
  }
}
