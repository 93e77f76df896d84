package fr.irev.news.attachment;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Concurrent calls for one key share one computation: the first caller computes on its own thread,
 * the others wait for its result. Nothing is kept once the computation ends.
 */
final class SingleFlight<V> {

  private final ConcurrentHashMap<String, CompletableFuture<V>> running = new ConcurrentHashMap<>();

  /**
   * @param work run by the first caller; should not throw (if it does, the first caller gets the
   *     exception and the waiting ones get {@code fallback})
   * @param maxWaitMillis longest wait of a caller that did not start the work, in milliseconds
   * @param fallback what a waiting caller gets when the wait is too long, interrupted or failed
   */
  V run(String key, Supplier<V> work, long maxWaitMillis, V fallback) {
    CompletableFuture<V> mine = new CompletableFuture<>();
    CompletableFuture<V> theirs = running.putIfAbsent(key, mine);
    if (theirs != null) {
      try {
        return theirs.get(maxWaitMillis, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return fallback;
      } catch (ExecutionException | TimeoutException e) {
        return fallback;
      }
    }
    try {
      V value = work.get();
      mine.complete(value);
      return value;
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      running.remove(key, mine);
    }
  }
}
