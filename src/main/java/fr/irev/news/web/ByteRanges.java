package fr.irev.news.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What to do with a {@code Range} header (RFC 9110 §14.1.2 and §14.2) on a representation of known
 * length. One range is served (206); a header with several ranges is ignored and the whole
 * representation is sent (200), as RFC 9110 §14.2 allows ("A server MAY ignore the Range header
 * field"): the module's PDF readers (browsers, pdf.js) ask for one range at a time, and ignoring
 * multi-range requests avoids {@code multipart/byteranges} bodies and the amplification attacks of
 * many small or overlapping ranges (RFC 9110 §17.15).
 */
final class ByteRanges {

  /** The outcome. */
  enum Kind {
    /** Send the whole representation with 200: no {@code Range}, an ignored or invalid one. */
    WHOLE,
    /**
     * Send {@link Decision#first()}..{@link Decision#last()} with 206 and {@code Content-Range}.
     */
    PARTIAL,
    /** Answer 416 with {@code Content-Range: bytes *}{@code /<length>} (RFC 9110 §15.5.17). */
    UNSATISFIABLE
  }

  /**
   * @param kind what to send
   * @param first first byte offset, 0-based, inclusive ({@link Kind#PARTIAL} only, else 0)
   * @param last last byte offset, inclusive ({@link Kind#PARTIAL} only, else -1)
   */
  record Decision(Kind kind, long first, long last) {

    static final Decision WHOLE = new Decision(Kind.WHOLE, 0, -1);
    static final Decision UNSATISFIABLE = new Decision(Kind.UNSATISFIABLE, 0, -1);

    /**
     * @return number of bytes of the range ({@link Kind#PARTIAL})
     */
    long length() {
      return last - first + 1;
    }

    /**
     * @param completeLength length of the whole representation in bytes
     * @return the {@code Content-Range} value (RFC 9110 §14.4): {@code bytes first-last/length} for
     *     a partial answer, {@code bytes *}{@code /length} for an unsatisfiable one; {@code null}
     *     for {@link Kind#WHOLE}
     */
    String contentRange(long completeLength) {
      return switch (kind) {
        case PARTIAL -> "bytes " + first + "-" + last + "/" + completeLength;
        case UNSATISFIABLE -> "bytes */" + completeLength;
        case WHOLE -> null;
      };
    }
  }

  private static final String UNIT = "bytes";

  private ByteRanges() {}

  /**
   * Rules (RFC 9110 §14.1.1–§14.1.3):
   *
   * <ul>
   *   <li>no header, a unit other than {@code bytes} (case-insensitive), a syntax error, a range
   *       whose last position is below its first: the header is ignored ({@link Kind#WHOLE});
   *   <li>{@code bytes=a-b}: bytes a to min(b, length − 1); {@code bytes=a-}: a to the end; {@code
   *       bytes=-n}: the last n bytes (the whole representation when n ≥ length);
   *   <li>a first position at or beyond the length, or {@code -0}: {@link Kind#UNSATISFIABLE};
   *   <li>more than one range: ignored ({@link Kind#WHOLE}, see the class comment); empty list
   *       elements ({@code bytes=0-9,}) are skipped (RFC 9110 §5.6.1);
   *   <li>a representation of length 0 has no byte to select: the header is ignored.
   * </ul>
   *
   * Positions too large for a {@code long} count as {@link Long#MAX_VALUE}.
   *
   * @param header the {@code Range} value, may be {@code null}
   * @param length length of the representation in bytes, ≥ 0
   * @return the decision, never {@code null}
   */
  static Decision evaluate(String header, long length) {
    if (header == null || length <= 0) {
      return Decision.WHOLE;
    }
    String value = header.strip();
    int equals = value.indexOf('=');
    if (equals < 0 || !UNIT.equals(value.substring(0, equals).toLowerCase(Locale.ROOT))) {
      return Decision.WHOLE;
    }
    List<String> specs = new ArrayList<>();
    for (String element : value.substring(equals + 1).split(",", -1)) {
      String spec = element.strip();
      if (!spec.isEmpty()) {
        specs.add(spec);
      }
    }
    if (specs.size() != 1) {
      return Decision.WHOLE;
    }
    return single(specs.get(0), length);
  }

  private static Decision single(String spec, long length) {
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return Decision.WHOLE;
    }
    String firstDigits = spec.substring(0, dash);
    String lastDigits = spec.substring(dash + 1);
    if (!isDigitsOrEmpty(firstDigits) || !isDigitsOrEmpty(lastDigits)) {
      return Decision.WHOLE;
    }
    if (firstDigits.isEmpty()) {
      if (lastDigits.isEmpty()) {
        return Decision.WHOLE;
      }
      long suffix = parse(lastDigits);
      if (suffix == 0) {
        return Decision.UNSATISFIABLE;
      }
      return new Decision(Kind.PARTIAL, Math.max(0, length - suffix), length - 1);
    }
    long first = parse(firstDigits);
    long last = lastDigits.isEmpty() ? Long.MAX_VALUE : parse(lastDigits);
    if (last < first) {
      return Decision.WHOLE;
    }
    if (first >= length) {
      return Decision.UNSATISFIABLE;
    }
    return new Decision(Kind.PARTIAL, first, Math.min(last, length - 1));
  }

  private static boolean isDigitsOrEmpty(String s) {
    return s.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /** Decimal digits to a long, {@link Long#MAX_VALUE} when too large. */
  private static long parse(String digits) {
    String trimmed = digits.replaceFirst("^0+(?=.)", "");
    if (trimmed.length() > 18) {
      return Long.MAX_VALUE;
    }
    return Long.parseLong(trimmed);
  }
}
