package fr.irev.news.site.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.mail.MailOutbox;
import fr.irev.news.mail.MailState;
import fr.irev.news.preview.PreviewOptions;
import fr.irev.news.preview.PreviewServer;
import fr.irev.news.registration.Registration;
import fr.irev.news.registration.RegistrationNodes;
import fr.irev.news.registration.RegistrationSettingsMapper.RegistrationFields;
import fr.irev.news.site.registration.LoadForm.Answer;
import fr.irev.news.site.registration.LoadForm.Kind;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.jcr.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * C18 and C20 end to end under load: concurrent HTTP posts to the preview server on a persistent
 * repository, e-mail through a real SMTP server (GreenMail) that goes down during the load, and a
 * restart of the server on the same data.
 */
class RegistrationLoadTest {

  private static final int SEATS = 100;
  private static final int WAITING_LIST = 50;
  private static final int CLIENTS = 200;
  private static final int ATTEMPTS = 1_000;
  private static final int SMTP_DOWN_AFTER = 300;
  private static final int REPLAYS = 20;
  private static final int LATE = 5;

  /** {@code RegistrationServlet.DERIVED_TOKEN_WINDOW_SECONDS}, in milliseconds. */
  private static final long DERIVED_WINDOW_MS = 600_000;

  @TempDir Path data;

  private static String email(int i) {
    return String.format(Locale.ROOT, "inscrit-%04d@exemple.fr", i);
  }

  private static String token(int i) {
    return String.format(Locale.ROOT, "charge-%04d", i);
  }

  @Test
  @Timeout(value = 100, unit = TimeUnit.SECONDS)
  void aThousandConcurrentAttemptsFillSeatsAndWaitingListOnceWithOneEmailEach() throws Exception {
    long started = System.nanoTime();
    try (LoadSmtp smtp = new LoadSmtp()) {
      PreviewOptions options =
          PreviewOptions.defaults()
              .withPort(0)
              .withDataDir(data)
              .withMail(smtp.settings())
              .withStaffPassword("charge-mot-de-passe");
      String eventId;
      Map<String, String> stored;
      Map<String, String> ids;
      Answer[] answers;
      long loadMs;
      int beforeSmtpStop;
      try (PreviewServer server = PreviewServer.start(options)) {
        eventId =
            RegistrationSite.addEvent(
                server, "charge", SEATS, WAITING_LIST, 1, RegistrationFields.NONE);
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < ATTEMPTS; i++) {
          requests.add(
              LoadForm.post(server, eventId, LoadForm.fields(eventId, email(i), token(i))));
        }
        long loadStart = System.nanoTime();
        answers = race(requests, CLIENTS, SMTP_DOWN_AFTER, smtp::stop);
        loadMs = (System.nanoTime() - loadStart) / 1_000_000;

        Map<Kind, Integer> counts = counts(answers);
        assertEquals(
            Map.of(Kind.CONFIRMED, SEATS, Kind.WAITING, WAITING_LIST, Kind.FULL, 850),
            counts,
            () -> "answers; first unexpected: " + firstUnexpected(answers));
        assertEquals(
            IntStream.rangeClosed(1, WAITING_LIST).boxed().toList(),
            IntStream.range(0, ATTEMPTS)
                .filter(i -> answers[i].kind() == Kind.WAITING)
                .mapToObj(i -> answers[i].position())
                .sorted()
                .toList(),
            "waiting list positions, each once");

        List<Registration> registrations = server.registrations().store().registrations(eventId);
        stored = byEmail(registrations);
        ids = byId(registrations);
        assertEquals(SEATS + WAITING_LIST, registrations.size(), "registrations stored");
        assertEquals(registrations.size(), stored.size(), "no two registrations with one e-mail");
        assertEquals(
            answered(answers), stored, "0 lost, 0 duplicates: each answer has its node, and back");

        beforeSmtpStop = smtp.receivedByStoppedRuns();
        smtp.start();
        deliverAll(server, smtp, SEATS + WAITING_LIST);
        assertMailbox(server, smtp, stored, answers);
      }

      try (PreviewServer again = PreviewServer.start(options)) {
        assertEquals(
            ids,
            byId(again.registrations().store().registrations(eventId)),
            "the same registrations after a restart");
        List<Integer> confirmed =
            IntStream.range(0, ATTEMPTS)
                .filter(i -> answers[i].kind() == Kind.CONFIRMED)
                .limit(REPLAYS)
                .boxed()
                .toList();
        List<HttpRequest> replays = new ArrayList<>();
        for (int i : confirmed) {
          replays.add(LoadForm.post(again, eventId, LoadForm.fields(eventId, email(i), token(i))));
        }
        List<HttpRequest> late = new ArrayList<>();
        for (int i = ATTEMPTS; i < ATTEMPTS + LATE; i++) {
          late.add(LoadForm.post(again, eventId, LoadForm.fields(eventId, email(i), token(i))));
        }
        assertEquals(
            Map.of(Kind.CONFIRMED, REPLAYS), counts(race(replays, REPLAYS, 0, null)), "replays");
        assertEquals(Map.of(Kind.FULL, LATE), counts(race(late, LATE, 0, null)), "late attempts");
        assertEquals(
            ids,
            byId(again.registrations().store().registrations(eventId)),
            "replays and refusals create nothing");
        assertEquals(0, again.registrations().outbox().retryNow(), "no new e-mail to send");
        assertEquals(SEATS + WAITING_LIST, smtp.messages().size(), "no new e-mail sent");
      }
      System.out.printf(
          Locale.ROOT,
          "RegistrationLoadTest: %d attempts by %d clients in %d ms: %s; stored %d (0 lost, 0"
              + " duplicates); e-mails %d (%d before the SMTP stop after %d answers, %d after its"
              + " restart), each address once; after restart: same %d, %d replays confirmed, %d"
              + " late full; total %d ms%n",
          ATTEMPTS,
          CLIENTS,
          loadMs,
          counts(answers),
          stored.size(),
          smtp.messages().size(),
          beforeSmtpStop,
          SMTP_DOWN_AFTER,
          smtp.messages().size() - beforeSmtpStop,
          stored.size(),
          REPLAYS,
          LATE,
          (System.nanoTime() - started) / 1_000_000);
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void theSameFormWithItsTokenPostedTwiceAtOnceRecordsOneRegistrationAndOneEmail()
      throws Exception {
    try (LoadSmtp smtp = new LoadSmtp();
        PreviewServer server = start(smtp)) {
      String eventId =
          RegistrationSite.addEvent(server, "double-clic", 10, 0, 1, RegistrationFields.NONE);
      String address = "double-clic@exemple.fr";
      HttpRequest post =
          LoadForm.post(server, eventId, LoadForm.fields(eventId, address, "jeton-double-clic"));
      Answer[] answers = race(List.of(post, post), 2, 0, null);
      assertEquals(Map.of(Kind.CONFIRMED, 2), counts(answers), () -> List.of(answers).toString());
      assertOneRegistrationAndOneEmail(server, smtp, eventId, address);
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void theSameFormWithoutTokenPostedTwiceWithin200MsRecordsOneRegistrationAndOneEmail()
      throws Exception {
    try (LoadSmtp smtp = new LoadSmtp();
        PreviewServer server = start(smtp)) {
      String eventId =
          RegistrationSite.addEvent(server, "sans-jeton", 10, 0, 1, RegistrationFields.NONE);
      String address = "sans-jeton@exemple.fr";
      HttpRequest post = LoadForm.post(server, eventId, LoadForm.fields(eventId, address, null));
      HttpClient http = LoadForm.client();
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        CountDownLatch go = new CountDownLatch(1);
        long window = System.currentTimeMillis() / DERIVED_WINDOW_MS;
        Future<Answer> first = pool.submit(() -> awaitThenSend(go, 0, http, post));
        Future<Answer> second = pool.submit(() -> awaitThenSend(go, 100, http, post));
        go.countDown();
        Answer a = first.get(30, TimeUnit.SECONDS);
        Answer b = second.get(30, TimeUnit.SECONDS);
        boolean sameWindow = window == System.currentTimeMillis() / DERIVED_WINDOW_MS;
        assertEquals(Kind.CONFIRMED, a.kind(), a::toString);
        // Across a window boundary the derived tokens differ: the e-mail then says "already".
        assertEquals(sameWindow ? Kind.CONFIRMED : Kind.ALREADY_REGISTERED, b.kind(), b::toString);
      } finally {
        pool.shutdownNow();
      }
      assertOneRegistrationAndOneEmail(server, smtp, eventId, address);
    }
  }

  private static PreviewServer start(LoadSmtp smtp) throws Exception {
    return PreviewServer.start(
        PreviewOptions.defaults()
            .withPort(0)
            .withInMemory()
            .withMail(smtp.settings())
            .withStaffPassword("double-mot-de-passe"));
  }

  private static Answer awaitThenSend(
      CountDownLatch go, long delayMs, HttpClient http, HttpRequest post) throws Exception {
    go.await();
    if (delayMs > 0) {
      Thread.sleep(delayMs);
    }
    return LoadForm.send(http, post);
  }

  private static void assertOneRegistrationAndOneEmail(
      PreviewServer server, LoadSmtp smtp, String eventId, String address) throws Exception {
    List<Registration> stored = server.registrations().store().registrations(eventId);
    assertEquals(List.of(address), stored.stream().map(Registration::email).toList());
    deliverAll(server, smtp, 1);
    assertEquals(Map.of(address, 1), smtp.perRecipient(), "one e-mail");
  }

  /**
   * Posts every request from {@code clients} threads released together by a latch (thread {@code c}
   * sends requests {@code c}, {@code c + clients}, …); runs {@code atCount} once {@code count}
   * answers have come (0: never).
   */
  private static Answer[] race(List<HttpRequest> requests, int clients, int count, Runnable atCount)
      throws Exception {
    HttpClient http = LoadForm.client();
    Answer[] answers = new Answer[requests.size()];
    AtomicInteger answered = new AtomicInteger();
    CountDownLatch ready = new CountDownLatch(clients);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> threads = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int client = c;
        threads.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  for (int i = client; i < answers.length; i += clients) {
                    answers[i] = LoadForm.send(http, requests.get(i));
                    if (answered.incrementAndGet() == count && atCount != null) {
                      atCount.run();
                    }
                  }
                  return null;
                }));
      }
      assertTrue(ready.await(30, TimeUnit.SECONDS), "client threads ready");
      go.countDown();
      for (Future<?> thread : threads) {
        thread.get(80, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    return answers;
  }

  private static Map<Kind, Integer> counts(Answer[] answers) {
    Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
    for (Answer answer : answers) {
      counts.merge(answer.kind(), 1, Integer::sum);
    }
    return counts;
  }

  private static String firstUnexpected(Answer[] answers) {
    for (Answer answer : answers) {
      if (answer.kind() == Kind.OTHER || answer.kind() == Kind.ERROR) {
        return answer.toString();
      }
    }
    return "none";
  }

  /** Address → status of the registrations (two with one address would show as one entry). */
  private static Map<String, String> byEmail(List<Registration> registrations) {
    return registrations.stream()
        .collect(
            Collectors.toMap(
                Registration::email,
                r -> r.status().name(),
                (a, b) -> a + " AND " + b,
                TreeMap::new));
  }

  /** Identifier → address and status of the registrations. */
  private static Map<String, String> byId(List<Registration> registrations) {
    return registrations.stream()
        .collect(
            Collectors.toMap(
                Registration::id,
                r -> r.email() + " " + r.status().name(),
                (a, b) -> a,
                TreeMap::new));
  }

  /** Address → status answered, for the confirmed and waiting answers. */
  private static Map<String, String> answered(Answer[] answers) {
    Map<String, String> map = new TreeMap<>();
    for (int i = 0; i < answers.length; i++) {
      if (answers[i].kind() == Kind.CONFIRMED || answers[i].kind() == Kind.WAITING) {
        map.put(email(i), answers[i].kind().name());
      }
    }
    return map;
  }

  private static List<?> pending(PreviewServer server) throws Exception {
    Session session = server.repository().login(RegistrationNodes.WORKSPACE);
    try {
      return MailOutbox.entries(session, MailState.PENDING, 1_000);
    } finally {
      session.logout();
    }
  }

  /**
   * Retries the outbox until {@code expected} messages arrived and the outbox has marked them sent
   * (it saves the state just after the SMTP transaction), then checks nothing is left.
   */
  private static void deliverAll(PreviewServer server, LoadSmtp smtp, int expected)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (smtp.messages().size() < expected && System.nanoTime() < deadline) {
      server.registrations().outbox().retryNow();
      if (smtp.messages().size() < expected) {
        Thread.sleep(50);
      }
    }
    while (System.nanoTime() < deadline && !pending(server).isEmpty()) {
      Thread.sleep(20);
    }
    Session session = server.repository().login(RegistrationNodes.WORKSPACE);
    try {
      assertEquals(List.of(), MailOutbox.entries(session, MailState.PENDING, 1_000), "pending");
      assertEquals(List.of(), MailOutbox.entries(session, MailState.FAILED, 1_000), "failed");
      assertEquals(
          expected, MailOutbox.entries(session, MailState.SENT, 1_000).size(), "sent in outbox");
    } finally {
      session.logout();
    }
  }

  /** Each registrant got exactly one message of its kind; nobody refused got any. */
  private static void assertMailbox(
      PreviewServer server, LoadSmtp smtp, Map<String, String> stored, Answer[] answers)
      throws Exception {
    Map<String, Integer> perRecipient = smtp.perRecipient();
    assertEquals(stored.keySet(), perRecipient.keySet(), "recipients are exactly the registrants");
    Set<String> twice =
        perRecipient.entrySet().stream()
            .filter(e -> e.getValue() != 1)
            .map(Map.Entry::getKey)
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Set.of(), twice, "addresses that got more than one message");
    Map<String, String> subjects = new TreeMap<>();
    for (MimeMessage message : smtp.messages()) {
      subjects.put(message.getAllRecipients()[0].toString(), message.getSubject());
    }
    for (int i = 0; i < answers.length; i++) {
      String subject = subjects.get(email(i));
      switch (answers[i].kind()) {
        case CONFIRMED -> assertTrue(subject.startsWith("Inscription confirmée"), subject);
        case WAITING -> assertTrue(subject.startsWith("Liste d’attente"), subject);
        default -> assertNull(subject, email(i));
      }
    }
    assertEquals(SEATS + WAITING_LIST, smtp.messages().size(), "messages");
    assertEquals(0, server.registrations().outbox().retryNow(), "nothing left to send");
  }
}
