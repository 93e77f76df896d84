package fr.irev.news.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VerifiedVersionsTest {

  private final AtomicLong now = new AtomicLong(1_000_000);
  private final VerifiedVersions versions = new VerifiedVersions(now::get);

  @Test
  void aCheckHoldsForItsDelayAndForThatVersionOnly() {
    versions.verified("asset", 42);

    assertTrue(versions.isVerified("asset", 42));
    assertFalse(versions.isVerified("asset", 43));
    assertFalse(versions.isVerified("other", 42));
    now.addAndGet(VerifiedVersions.TTL_MILLIS - 1);
    assertTrue(versions.isVerified("asset", 42));
    now.addAndGet(1);
    assertFalse(versions.isVerified("asset", 42));
  }

  @Test
  void staysBounded() {
    for (int i = 0; i <= VerifiedVersions.CAPACITY; i++) {
      versions.verified("asset-" + i, 1);
    }
    assertTrue(versions.isVerified("asset-" + VerifiedVersions.CAPACITY, 1));
    assertFalse(versions.isVerified("asset-0", 1));
  }
}
