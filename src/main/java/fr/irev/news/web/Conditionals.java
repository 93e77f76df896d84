package fr.irev.news.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Conditional GET and HEAD (RFC 9110 §13): entity tags, the four preconditions in the order of
 * §13.2.2, and {@code If-Range} (§13.1.5). Validators are an entity tag and a modification time in
 * epoch milliseconds; HTTP dates have one-second precision, so times are compared in whole seconds.
 */
final class Conditionals {

  /** The outcome of the preconditions. */
  enum Outcome {
    /** Answer normally (200, 206 or 416). */
    PROCEED,
    /** Answer 304 Not Modified (§15.4.5). */
    NOT_MODIFIED,
    /** Answer 412 Precondition Failed (§15.5.13). */
    PRECONDITION_FAILED
  }

  /** An entity tag: {@code "opaque"} or {@code W/"opaque"} (§8.8.3); etagc excludes {@code "}. */
  private static final Pattern ENTITY_TAG =
      Pattern.compile("(W/)?\"([\\x21\\x23-\\x7e\\x80-\\xff]*)\"");

  private static final Pattern SEPARATOR = Pattern.compile("[ \\t]*,[ \\t]*");

  private Conditionals() {}

  /**
   * The request's preconditions for a GET or HEAD (RFC 9110 §13.2.2):
   *
   * <ol>
   *   <li>{@code If-Match} present: unless {@code *} or a tag that matches {@code etag} by strong
   *       comparison (§8.8.3.2), 412;
   *   <li>else {@code If-Unmodified-Since} (a valid date): modified after it, 412;
   *   <li>{@code If-None-Match} present: {@code *} or a tag matching by weak comparison, 304;
   *   <li>else {@code If-Modified-Since} (a valid date): not modified after it, 304.
   * </ol>
   *
   * An invalid date is ignored (§13.1.3, §13.1.4); a list without any valid entity tag matches
   * nothing.
   *
   * @param ifMatch {@code If-Match} value, may be {@code null}
   * @param ifUnmodifiedSince {@code If-Unmodified-Since} value, may be {@code null}
   * @param ifNoneMatch {@code If-None-Match} value, may be {@code null}
   * @param ifModifiedSince {@code If-Modified-Since} value, may be {@code null}
   * @param etag the current entity tag as sent in {@code ETag} (quoted), or {@code null} when the
   *     resource has none
   * @param lastModified the current modification time in epoch milliseconds, or {@code -1} when
   *     unknown (the date preconditions are then ignored)
   * @return what to answer
   */
  static Outcome evaluate(
      String ifMatch,
      String ifUnmodifiedSince,
      String ifNoneMatch,
      String ifModifiedSince,
      String etag,
      long lastModified) {
    if (ifMatch != null) {
      if (!matches(ifMatch, etag, true)) {
        return Outcome.PRECONDITION_FAILED;
      }
    } else if (lastModified >= 0) {
      Optional<Instant> since = HttpDates.parse(ifUnmodifiedSince);
      if (since.isPresent() && seconds(lastModified) > since.get().getEpochSecond()) {
        return Outcome.PRECONDITION_FAILED;
      }
    }
    if (ifNoneMatch != null) {
      return matches(ifNoneMatch, etag, false) ? Outcome.NOT_MODIFIED : Outcome.PROCEED;
    }
    if (lastModified >= 0) {
      Optional<Instant> since = HttpDates.parse(ifModifiedSince);
      if (since.isPresent() && seconds(lastModified) <= since.get().getEpochSecond()) {
        return Outcome.NOT_MODIFIED;
      }
    }
    return Outcome.PROCEED;
  }

  /**
   * Whether a {@code Range} header is to be honoured given {@code If-Range} (RFC 9110 §13.1.5):
   * without {@code If-Range}, yes; with an entity tag, only when it matches {@code etag} by strong
   * comparison (a weak tag never does); with a date, only when it equals the modification time to
   * the second; anything else (an invalid value, no validator to compare with), no.
   *
   * @param ifRange the {@code If-Range} value, may be {@code null}
   * @param etag the current entity tag (quoted), or {@code null}
   * @param lastModified the current modification time in epoch milliseconds, or {@code -1}
   * @return {@code true} to evaluate {@code Range}, {@code false} to send the whole representation
   */
  static boolean rangeApplies(String ifRange, String etag, long lastModified) {
    if (ifRange == null) {
      return true;
    }
    String value = ifRange.strip();
    if (value.startsWith("\"") || value.startsWith("W/")) {
      Matcher tag = ENTITY_TAG.matcher(value);
      return tag.matches() && tag.group(1) == null && value.equals(etag);
    }
    Optional<Instant> date = HttpDates.parse(value);
    return date.isPresent()
        && lastModified >= 0
        && date.get().getEpochSecond() == seconds(lastModified);
  }

  /**
   * Whether an {@code If-Match}/{@code If-None-Match} list matches the current tag.
   *
   * @param list {@code *} or a comma-separated list of entity tags
   * @param etag the current tag (quoted, possibly {@code W/}), or {@code null} when the resource
   *     has none ({@code *} still matches: the representation exists)
   * @param strong strong comparison (both tags strong and equal) instead of weak (opaque parts
   *     equal)
   * @return whether one member matches
   */
  static boolean matches(String list, String etag, boolean strong) {
    String value = list.strip();
    if (value.equals("*")) {
      return true;
    }
    if (etag == null) {
      return false;
    }
    Matcher current = ENTITY_TAG.matcher(etag);
    if (!current.matches()) {
      return false;
    }
    for (String member : members(value)) {
      Matcher candidate = ENTITY_TAG.matcher(member);
      if (!candidate.matches() || !candidate.group(2).equals(current.group(2))) {
        continue;
      }
      if (!strong || (candidate.group(1) == null && current.group(1) == null)) {
        return true;
      }
    }
    return false;
  }

  /**
   * @param value a list of entity tags
   * @return its members, empty elements skipped (RFC 9110 §5.6.1)
   */
  private static List<String> members(String value) {
    List<String> members = new ArrayList<>();
    for (String member : SEPARATOR.split(value)) {
      if (!member.isBlank()) {
        members.add(member.strip());
      }
    }
    return members;
  }

  /**
   * A strong entity tag for a stored binary: its modification time and length in hexadecimal, as
   * many web servers build them (changes whenever the DAM stores a new file).
   *
   * @param lastModified modification time in epoch milliseconds, or {@code -1} when unknown
   * @param length length in bytes
   * @return e.g. {@code "17c4a2b1f60-40331"}, or {@code null} without a modification time (a tag
   *     from the length alone would survive a replacement by a file of the same size)
   */
  static String binaryTag(long lastModified, long length) {
    if (lastModified < 0) {
      return null;
    }
    return "\"" + Long.toHexString(lastModified) + "-" + Long.toHexString(length) + "\"";
  }

  /**
   * A tag given by another component as a quoted tag or as bare opaque characters, made valid for
   * the {@code ETag} header.
   *
   * @param tag e.g. {@code "abc"}, {@code W/"abc"} or {@code abc}; may be {@code null}
   * @return the tag as is when valid, quoted when its characters are valid etagc, else {@code null}
   */
  static String quoted(String tag) {
    if (tag == null || tag.isBlank()) {
      return null;
    }
    if (ENTITY_TAG.matcher(tag).matches()) {
      return tag;
    }
    String quoted = "\"" + tag + "\"";
    return ENTITY_TAG.matcher(quoted).matches() ? quoted : null;
  }

  private static long seconds(long millis) {
    return Math.floorDiv(millis, 1000);
  }
}
