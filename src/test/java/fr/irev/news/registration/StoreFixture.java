package fr.irev.news.registration;

import fr.irev.news.format.FrenchDates;
import fr.irev.news.testing.TestSite;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** A registration store on a real in-memory repository, and a way to post at the same instant. */
final class StoreFixture implements AutoCloseable {

  static final Instant NOW = Instant.parse("2025-06-01T08:00:00Z");
  static final ZonedDateTime END = ZonedDateTime.of(2025, 6, 10, 17, 0, 0, 0, FrenchDates.PARIS);

  final TestSite site;
  final RegistrationStore store;

  StoreFixture() throws Exception {
    site = TestSite.empty();
    store = new RegistrationStore(() -> site.repository().login(RegistrationNodes.WORKSPACE));
  }

  static RegistrationSettings settings(int capacity, int waitingList) {
    return new RegistrationSettings(
        true, null, null, END, capacity, waitingList > 0, waitingList, 1);
  }

  static NewRegistration person(String token, String email) {
    return new NewRegistration(token, "Dupont", "Marie", email, 1);
  }

  RegistrationResult register(String eventId, RegistrationSettings settings, NewRegistration r)
      throws Exception {
    return store.register(eventId, settings, r, NOW);
  }

  /** Runs the tasks in as many threads, all released by one latch; results in task order. */
  static <T> List<T> atOnce(List<Callable<T>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      CountDownLatch ready = new CountDownLatch(tasks.size());
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : tasks) {
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  start.await();
                  return task.call();
                }));
      }
      ready.await(10, TimeUnit.SECONDS);
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  @Override
  public void close() throws Exception {
    site.close();
  }
}
