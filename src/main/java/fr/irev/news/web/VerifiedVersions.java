package fr.irev.news.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Asset versions that an anonymous request found readable in the repository a moment ago, so that
 * the thumbnail servlet may serve their cached thumbnail without opening a JCR session for the next
 * {@link #TTL_MILLIS} ms. A deleted, changed or restricted asset stops being served this way within
 * that delay. Thread-safe; bounded ({@link #CAPACITY} entries, then cleared).
 */
final class VerifiedVersions {

  /** How long a check holds, in ms. */
  static final long TTL_MILLIS = 60_000;

  /** Most entries kept before the map is cleared. */
  static final int CAPACITY = 10_000;

  private final Map<String, Long> expiries = new ConcurrentHashMap<>();
  private final LongSupplier clock;

  /**
   * @param clock current time in ms (e.g. {@code System::currentTimeMillis})
   */
  VerifiedVersions(LongSupplier clock) {
    this.clock = clock;
  }

  /** Records that an anonymous request read this asset version. */
  void verified(String assetId, long versionMillis) {
    if (expiries.size() >= CAPACITY) {
      expiries.clear();
    }
    expiries.put(key(assetId, versionMillis), clock.getAsLong() + TTL_MILLIS);
  }

  /**
   * @return whether this asset version was verified less than {@link #TTL_MILLIS} ms ago
   */
  boolean isVerified(String assetId, long versionMillis) {
    Long expiry = expiries.get(key(assetId, versionMillis));
    return expiry != null && expiry > clock.getAsLong();
  }

  private static String key(String assetId, long versionMillis) {
    return assetId + "\n" + versionMillis;
  }
}
