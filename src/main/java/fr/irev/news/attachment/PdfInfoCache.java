package fr.irev.news.attachment;

import java.time.Instant;
import java.util.Objects;

/**
 * What the inspector said of each asset version, in memory: the 1 000 most recently used entries,
 * keyed by asset identifier and last modification (a changed asset is inspected again). A time-out
 * is remembered for 5 minutes; an answer that says nothing about the file (no worker free, binary
 * unreadable) is not remembered. Concurrent first requests for one key wait for a single
 * inspection. Thread-safe.
 */
public final class PdfInfoCache {

  /** Most entries kept. */
  public static final int CAPACITY = 1000;

  private static final long TIMEOUT_MEMORY_MILLIS = 5 * 60 * 1000L;

  private final PdfInspector inspector;
  private final ExpiringMap<PdfInfo> entries = new ExpiringMap<>(CAPACITY);
  private final SingleFlight<PdfInfo> flights = new SingleFlight<>();

  /**
   * @param inspector reads what is missing
   */
  public PdfInfoCache(PdfInspector inspector) {
    this.inspector = Objects.requireNonNull(inspector, "inspector");
  }

  /**
   * Never throws for a bad file.
   *
   * @param assetId the asset's identifier; not {@code null}
   * @param assetLastModified the asset's last modification, or {@code null} when unknown (then
   *     taken as the epoch)
   * @param sizeBytes the binary's size in bytes, or a negative value when unknown (see {@link
   *     PdfInspector#inspect})
   * @param source the binary, opened only when an inspection is needed; not {@code null}
   * @return what the inspector said, never {@code null}
   * @throws NullPointerException when {@code assetId} or {@code source} is {@code null}
   */
  public PdfInfo get(
      String assetId, Instant assetLastModified, long sizeBytes, BinarySource source) {
    Objects.requireNonNull(assetId, "assetId");
    Objects.requireNonNull(source, "source");
    long version = (assetLastModified == null ? Instant.EPOCH : assetLastModified).toEpochMilli();
    String key = assetId + "\n" + version;
    PdfInfo cached = entries.get(key);
    if (cached != null) {
      return cached;
    }
    long wait = 2 * inspector.timeout().toMillis() + 1000;
    return flights.run(
        key, () -> inspect(key, sizeBytes, source), wait, PdfInfo.failed(PdfStatus.TIMEOUT));
  }

  /** Number of entries held, expired ones included until read. */
  int size() {
    return entries.size();
  }

  private PdfInfo inspect(String key, long sizeBytes, BinarySource source) {
    PdfInfo cached = entries.get(key); // written by a flight that has just ended
    if (cached != null) {
      return cached;
    }
    Outcome<PdfInfo> outcome = inspector.examine(source, sizeBytes);
    if (!outcome.transientFailure()) {
      long memory =
          outcome.status() == PdfStatus.TIMEOUT ? TIMEOUT_MEMORY_MILLIS : ExpiringMap.NEVER;
      entries.put(key, outcome.value(), memory);
    }
    return outcome.value();
  }
}
