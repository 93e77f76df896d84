package fr.irev.news.attachment;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded map whose entries may expire: least recently used entries go first beyond {@code
 * capacity}, an expired entry reads as absent. Thread-safe (one lock; operations are O(1)).
 */
final class ExpiringMap<V> {

  /** Expiry of an entry that never expires. */
  static final long NEVER = Long.MAX_VALUE;

  private record Entry<V>(V value, long expiresAtMillis) {}

  private final Map<String, Entry<V>> entries;

  /**
   * @param capacity most entries kept, at least 1
   */
  ExpiringMap(int capacity) {
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Entry<V>> eldest) {
            return size() > capacity;
          }
        };
  }

  /**
   * @return the value, or {@code null} when absent or expired
   */
  synchronized V get(String key) {
    Entry<V> entry = entries.get(key);
    if (entry == null) {
      return null;
    }
    if (entry.expiresAtMillis() != NEVER && System.currentTimeMillis() >= entry.expiresAtMillis()) {
      entries.remove(key);
      return null;
    }
    return entry.value();
  }

  /**
   * @param ttlMillis time to live in milliseconds, or {@link #NEVER}
   */
  synchronized void put(String key, V value, long ttlMillis) {
    long expiry = ttlMillis == NEVER ? NEVER : System.currentTimeMillis() + ttlMillis;
    entries.put(key, new Entry<>(value, expiry));
  }

  synchronized int size() {
    return entries.size();
  }
}
