package fr.irev.news.registration;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Striped JVM locks keyed by event id: the critical section in which one event's occupancy is read,
 * decided on and saved. Two events may share a stripe (they then wait for each other, which is
 * safe); one event always maps to the same stripe.
 *
 * <p>These locks hold within one JVM only. Several public instances writing to a shared
 * registrations workspace would need a cluster-wide lock (JCR locking on the event folder, or a
 * database row lock); that is out of scope here: registrations are written on one instance.
 */
final class EventLocks {

  private final ReentrantLock[] stripes;

  /**
   * @param count number of stripes, {@code >= 1}
   */
  EventLocks(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be >= 1, was " + count);
    }
    stripes = new ReentrantLock[count];
    for (int i = 0; i < count; i++) {
      stripes[i] = new ReentrantLock(true);
    }
  }

  /**
   * @param eventId the event id, not {@code null}
   * @return the lock of that event's stripe
   */
  ReentrantLock of(String eventId) {
    return stripes[Math.floorMod(eventId.hashCode(), stripes.length)];
  }
}
