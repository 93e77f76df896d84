package fr.irev.news.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.irev.news.web.ByteRanges.Decision;
import fr.irev.news.web.ByteRanges.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code Range} on a 1000-byte representation (RFC 9110 §14.1.2, §14.2). */
class ByteRangesTest {

  private static final long LENGTH = 1000;

  private static Decision partial(long first, long last) {
    return new Decision(Kind.PARTIAL, first, last);
  }

  @ParameterizedTest(name = "{0} -> {1}-{2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "bytes=0-499      | 0   | 499",
        "bytes=500-999    | 500 | 999",
        "bytes=500-5000   | 500 | 999",
        "bytes=999-999    | 999 | 999",
        "bytes=0-         | 0   | 999",
        "bytes=900-       | 900 | 999",
        "bytes=-100       | 900 | 999",
        "bytes=-1         | 999 | 999",
        "bytes=-1000      | 0   | 999",
        "bytes=-5000      | 0   | 999",
        "BYTES=0-0        | 0   | 0",
        "Bytes=10-19      | 10  | 19",
        "bytes=007-010    | 7   | 10",
        "bytes=0-99,      | 0   | 99",
        "'bytes=, 0-99 ,' | 0   | 99",
        "bytes=0-99999999999999999999999999 | 0 | 999",
      })
  void oneRangeIsServed(String header, long first, long last) {
    assertEquals(partial(first, last), ByteRanges.evaluate(header, LENGTH));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "bytes=1000-",
        "bytes=1000-2000",
        "bytes=5000-6000",
        "bytes=-0",
        "bytes=99999999999999999999-"
      })
  void rangesBeyondTheEndAreUnsatisfiable(String header) {
    assertEquals(Decision.UNSATISFIABLE, ByteRanges.evaluate(header, LENGTH));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "bytes=0-99,200-299",
        "bytes=0-0,-1",
        "bytes=0-99, 50-149",
        "bytes=1000-,2000-",
      })
  void severalRangesAreIgnored(String header) {
    assertEquals(Decision.WHOLE, ByteRanges.evaluate(header, LENGTH));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "bytes",
        "bytes=",
        "bytes=,",
        "bytes=-",
        "bytes=abc",
        "bytes=1-a",
        "bytes=a-1",
        "bytes=500-400",
        "bytes=+1-2",
        "bytes=-+5",
        "bytes=1 - 2",
        "bytes=0x10-20",
        "items=0-10",
        "bytes 0-10",
        "=0-10",
        "bytes=１-２",
      })
  void invalidOrUnknownHeadersAreIgnored(String header) {
    assertEquals(Decision.WHOLE, ByteRanges.evaluate(header, LENGTH));
  }

  @Test
  void anEmptyRepresentationHasNoRange() {
    assertEquals(Decision.WHOLE, ByteRanges.evaluate("bytes=0-", 0));
    assertEquals(Decision.WHOLE, ByteRanges.evaluate("bytes=-5", 0));
  }

  @Test
  void contentRangeValues() {
    assertEquals("bytes 0-499/1000", partial(0, 499).contentRange(1000));
    assertEquals(500, partial(0, 499).length());
    assertEquals("bytes */1000", Decision.UNSATISFIABLE.contentRange(1000));
    assertNull(Decision.WHOLE.contentRange(1000));
  }

  @Test
  void seedBrochureLastBytes() {
    assertEquals(partial(262_861, 262_960), ByteRanges.evaluate("bytes=-100", 262_961));
  }
}
