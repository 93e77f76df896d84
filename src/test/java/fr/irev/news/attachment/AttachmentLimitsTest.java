package fr.irev.news.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AttachmentLimitsTest {

  private final AttachmentLimits limits = AttachmentLimits.defaults();

  @Test
  void servedWidthsAreMultiplesOfTheStepWithinTheLimits() {
    assertEquals(240, limits.servedWidth(240));
    assertEquals(240, limits.servedWidth(250));
    assertEquals(280, limits.servedWidth(265));
    assertEquals(80, limits.servedWidth(1));
    assertEquals(80, limits.servedWidth(64));
    assertEquals(1200, limits.servedWidth(5000));
    for (int width = -10; width < 1300; width += 7) {
      assertTrue(limits.isServedWidth(limits.servedWidth(width)), "width " + width);
    }
  }
}
