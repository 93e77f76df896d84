package fr.irev.news.web;

import static fr.irev.news.web.Conditionals.Outcome.NOT_MODIFIED;
import static fr.irev.news.web.Conditionals.Outcome.PRECONDITION_FAILED;
import static fr.irev.news.web.Conditionals.Outcome.PROCEED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Conditional requests (RFC 9110 §13) and HTTP dates (§5.6.7). */
class ConditionalsTest {

  /** 2021-10-04T10:45:00.250+02:00, as the seed brochure's jcr:lastModified (plus 250 ms). */
  private static final long MODIFIED = Instant.parse("2021-10-04T08:45:00.250Z").toEpochMilli();

  private static final String MODIFIED_DATE = "Mon, 04 Oct 2021 08:45:00 GMT";
  private static final String EARLIER = "Mon, 04 Oct 2021 08:44:59 GMT";
  private static final String LATER = "Tue, 05 Oct 2021 08:45:00 GMT";
  private static final String ETAG = "\"17c4a2b1f60-40331\"";

  private static Conditionals.Outcome ifNoneMatch(String value) {
    return Conditionals.evaluate(null, null, value, null, ETAG, MODIFIED);
  }

  private static Conditionals.Outcome ifModifiedSince(String value) {
    return Conditionals.evaluate(null, null, null, value, ETAG, MODIFIED);
  }

  @Test
  void ifNoneMatchUsesWeakComparison() {
    assertEquals(NOT_MODIFIED, ifNoneMatch(ETAG));
    assertEquals(NOT_MODIFIED, ifNoneMatch("W/" + ETAG));
    assertEquals(NOT_MODIFIED, ifNoneMatch("\"other\", " + ETAG));
    assertEquals(NOT_MODIFIED, ifNoneMatch("\"other\",W/" + ETAG + " ,"));
    assertEquals(NOT_MODIFIED, ifNoneMatch("*"));
    assertEquals(PROCEED, ifNoneMatch("\"other\""));
    assertEquals(PROCEED, ifNoneMatch("17c4a2b1f60-40331"));
    assertEquals(PROCEED, ifNoneMatch(""));
  }

  @Test
  void ifNoneMatchWinsOverIfModifiedSince() {
    // RFC 9110 §13.1.3: If-Modified-Since is ignored when If-None-Match is present
    assertEquals(PROCEED, Conditionals.evaluate(null, null, "\"other\"", LATER, ETAG, MODIFIED));
  }

  @Test
  void ifModifiedSinceComparesWholeSeconds() {
    assertEquals(NOT_MODIFIED, ifModifiedSince(MODIFIED_DATE));
    assertEquals(NOT_MODIFIED, ifModifiedSince(LATER));
    assertEquals(PROCEED, ifModifiedSince(EARLIER));
    assertEquals(PROCEED, ifModifiedSince("yesterday"));
    assertEquals(PROCEED, ifModifiedSince("Mon, 04 Oct 2021 08:45:00"));
    assertEquals(
        PROCEED, Conditionals.evaluate(null, null, null, LATER, ETAG, -1), "no Last-Modified");
  }

  @Test
  void ifModifiedSinceAcceptsTheObsoleteFormats() {
    assertEquals(NOT_MODIFIED, ifModifiedSince("Monday, 04-Oct-21 08:45:00 GMT"));
    assertEquals(NOT_MODIFIED, ifModifiedSince("Mon Oct  4 08:45:00 2021"));
  }

  @Test
  void ifMatchUsesStrongComparison() {
    assertEquals(PROCEED, Conditionals.evaluate(ETAG, null, null, null, ETAG, MODIFIED));
    assertEquals(PROCEED, Conditionals.evaluate("*", null, null, null, ETAG, MODIFIED));
    assertEquals(
        PRECONDITION_FAILED, Conditionals.evaluate("W/" + ETAG, null, null, null, ETAG, MODIFIED));
    assertEquals(
        PRECONDITION_FAILED, Conditionals.evaluate("\"x\"", null, null, null, ETAG, MODIFIED));
    assertEquals(
        PRECONDITION_FAILED, Conditionals.evaluate("\"x\"", null, null, null, null, MODIFIED));
  }

  @Test
  void ifUnmodifiedSinceOnlyWithoutIfMatch() {
    assertEquals(
        PRECONDITION_FAILED, Conditionals.evaluate(null, EARLIER, null, null, ETAG, MODIFIED));
    assertEquals(PROCEED, Conditionals.evaluate(null, MODIFIED_DATE, null, null, ETAG, MODIFIED));
    assertEquals(PROCEED, Conditionals.evaluate(ETAG, EARLIER, null, null, ETAG, MODIFIED));
  }

  @Test
  void ifRangeWithAnEntityTagNeedsAStrongMatch() {
    assertTrue(Conditionals.rangeApplies(null, ETAG, MODIFIED));
    assertTrue(Conditionals.rangeApplies(ETAG, ETAG, MODIFIED));
    assertFalse(Conditionals.rangeApplies("\"other\"", ETAG, MODIFIED));
    assertFalse(Conditionals.rangeApplies("W/" + ETAG, ETAG, MODIFIED));
    assertFalse(Conditionals.rangeApplies(ETAG, null, MODIFIED));
  }

  @Test
  void ifRangeWithADateNeedsTheExactSecond() {
    assertTrue(Conditionals.rangeApplies(MODIFIED_DATE, ETAG, MODIFIED));
    assertFalse(Conditionals.rangeApplies(LATER, ETAG, MODIFIED));
    assertFalse(Conditionals.rangeApplies(EARLIER, ETAG, MODIFIED));
    assertFalse(Conditionals.rangeApplies(MODIFIED_DATE, ETAG, -1));
    assertFalse(Conditionals.rangeApplies("garbage", ETAG, MODIFIED));
  }

  @Test
  void binaryTagsChangeWithTimeAndLength() {
    assertEquals(
        "\"" + Long.toHexString(MODIFIED) + "-40331\"", Conditionals.binaryTag(MODIFIED, 262_961));
    assertNull(Conditionals.binaryTag(-1, 262_961));
  }

  @Test
  void foreignTagsAreQuotedOrRefused() {
    assertEquals("\"abc\"", Conditionals.quoted("abc"));
    assertEquals("\"abc\"", Conditionals.quoted("\"abc\""));
    assertEquals("W/\"abc\"", Conditionals.quoted("W/\"abc\""));
    assertNull(Conditionals.quoted("a\"b"));
    assertNull(Conditionals.quoted("a b"));
    assertNull(Conditionals.quoted("a\r\nb"));
    assertNull(Conditionals.quoted(null));
    assertNull(Conditionals.quoted(""));
  }

  @Test
  void httpDatesInTheThreeFormats() {
    Optional<Instant> expected = Optional.of(Instant.parse("1994-11-06T08:49:37Z"));
    assertEquals(expected, HttpDates.parse("Sun, 06 Nov 1994 08:49:37 GMT"));
    assertEquals(expected, HttpDates.parse("Sunday, 06-Nov-94 08:49:37 GMT"));
    assertEquals(expected, HttpDates.parse("Sun Nov  6 08:49:37 1994"));
    assertEquals(Optional.empty(), HttpDates.parse("Mon, 06 Nov 1994 08:49:37 GMT"), "wrong day");
    assertEquals(Optional.empty(), HttpDates.parse("2021-10-04T08:45:00Z"));
    assertEquals(Optional.empty(), HttpDates.parse(null));
  }
}
