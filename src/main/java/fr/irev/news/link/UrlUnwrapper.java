package fr.irev.news.link;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Gives back the real address of a link that an e-mail security filter rewrote, so that a link
 * pasted from an e-mail into an item (the seed page's registration link is one) leads to the site
 * and not through the filter.
 *
 * <p>Recognised wrappers, on {@code http} or {@code https}, scheme and host compared without case,
 * path and parameter names exactly as the filters write them (lower case):
 *
 * <ul>
 *   <li><b>Proofpoint URL Defense v3</b>, host {@code urldefense.com} or {@code
 *       urldefense.proofpoint.com}, path {@code /v3/__<target>__;<replaced>!!<token>$}. The filter
 *       writes each character it replaces in the target as {@code *}, or a run of 2 to 65 of them
 *       as {@code **} followed by one character of {@code A-Z a-z 0-9 - _} (run length = its
 *       position in that list + 2); {@code <replaced>} is the replaced characters in order, UTF-8,
 *       in URL-safe Base64 without padding. Shapes also accepted: no {@code ;<replaced>} part
 *       ({@code __!!<token>}), and the shape of the seed page where the target ends at {@code _!!}.
 *       When the target contains {@code __;} it ends at the first one; else at the first {@code
 *       _!!} (one underscore before it is part of the delimiter too); else at a final {@code __} or
 *       {@code __$}. Source: Proofpoint's published decoder {@code URLDefenseDecode.py} (v3 rules,
 *       run-length alphabet).
 *   <li><b>Proofpoint v2</b>: path {@code /v2/url}, query parameter {@code u}, in which {@code -}
 *       stands for {@code %} and {@code _} for {@code /}; after that substitution the value is
 *       percent-decoded. Source: same decoder.
 *   <li><b>Proofpoint v1</b>: path {@code /v1/url}, query parameter {@code u}, percent-encoded.
 *   <li><b>Microsoft Safe Links</b>: host {@code <region>.safelinks.protection.outlook.com}, query
 *       parameter {@code url}, percent-encoded (Microsoft Defender for Office 365, "Safe Links"
 *       documentation).
 * </ul>
 *
 * Percent-decoding reads {@code %XX} sequences as UTF-8 and leaves {@code +} as it is (a target URL
 * cannot contain a space, so {@code +} is never read as one). The v3 target is taken verbatim apart
 * from its {@code *} markers. A query separator written {@code &amp;} (a link copied from HTML
 * source) is accepted.
 *
 * <p>Wrappers inside wrappers are removed one after the other, at most {@value #MAX_ROUNDS} times.
 * The result must be an absolute {@code http} or {@code https} URL with a host and no whitespace or
 * control character; when a wrapper cannot be decoded or hides anything else ({@code javascript:},
 * a relative path, garbage), the input is returned unchanged. All methods are thread-safe.
 */
public final class UrlUnwrapper {

  /** Most wrappers removed from one URL. */
  public static final int MAX_ROUNDS = 5;

  /** v3 run lengths: the character at index i stands for a run of i + 2 replaced characters. */
  private static final String RUN_LENGTHS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  private static final String SAFE_LINKS_HOST_SUFFIX = ".safelinks.protection.outlook.com";

  private UrlUnwrapper() {}

  /** The kinds of wrapper recognised. */
  private enum Kind {
    PROOFPOINT_V1,
    PROOFPOINT_V2,
    PROOFPOINT_V3,
    SAFE_LINKS
  }

  /**
   * The real target of a link rewritten by Proofpoint URL Defense (v1, v2, v3) or Microsoft Safe
   * Links, wrappers inside wrappers included.
   *
   * @param url a link as pasted by an author; may be {@code null}
   * @return {@code null} for {@code null}; the unwrapped absolute http(s) URL when {@code url} is a
   *     wrapper whose target decodes to one; {@code url} exactly as given when it is a wrapper that
   *     cannot be decoded or whose target is not an absolute http(s) URL; otherwise {@code url}
   *     with leading and trailing whitespace removed
   */
  public static String unwrap(String url) {
    if (url == null) {
      return null;
    }
    String current = url.strip();
    boolean unwrapped = false;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      Kind kind = kind(current);
      if (kind == null) {
        break;
      }
      String target = decode(kind, current);
      if (target == null) {
        return url;
      }
      current = target.strip();
      unwrapped = true;
    }
    if (!unwrapped) {
      return current;
    }
    return isAbsoluteHttp(current) ? current : url;
  }

  /**
   * Whether a link has the shape of a wrapper that {@link #unwrap(String)} recognises (scheme, host
   * and, for Proofpoint, a {@code /v1/}, {@code /v2/} or {@code /v3/} path; for Safe Links, a
   * {@code url} parameter), whether or not its target can be decoded.
   *
   * @param url a link; may be {@code null}
   * @return {@code true} for a recognised wrapper, {@code false} otherwise and for {@code null}
   */
  public static boolean isWrapped(String url) {
    return url != null && kind(url.strip()) != null;
  }

  /** The wrapper kind of {@code url}, or {@code null} when it is not one. */
  private static Kind kind(String url) {
    int schemeEnd = schemeEnd(url);
    if (schemeEnd < 0) {
      return null;
    }
    int authorityEnd = indexOfAny(url, "/?#", schemeEnd);
    String host = url.substring(schemeEnd, authorityEnd).toLowerCase(Locale.ROOT);
    host = host.substring(host.lastIndexOf('@') + 1);
    int colon = host.indexOf(':');
    if (colon >= 0) {
      host = host.substring(0, colon);
    }
    String rest = url.substring(authorityEnd);
    if (host.equals("urldefense.com") || host.equals("urldefense.proofpoint.com")) {
      if (rest.startsWith("/v3/__")) {
        return Kind.PROOFPOINT_V3;
      }
      if (rest.startsWith("/v2/url?")) {
        return Kind.PROOFPOINT_V2;
      }
      if (rest.startsWith("/v1/url?")) {
        return Kind.PROOFPOINT_V1;
      }
      return null;
    }
    if (host.endsWith(SAFE_LINKS_HOST_SUFFIX) && queryParameter(url, "url") != null) {
      return Kind.SAFE_LINKS;
    }
    return null;
  }

  /** The target of one wrapper, or {@code null} when it cannot be decoded. */
  private static String decode(Kind kind, String url) {
    switch (kind) {
      case PROOFPOINT_V3:
        return decodeV3(url);
      case PROOFPOINT_V2:
        {
          String u = queryParameter(url, "u");
          return u == null ? null : percentDecode(u.replace('-', '%').replace('_', '/'));
        }
      case PROOFPOINT_V1:
        {
          String u = queryParameter(url, "u");
          return u == null ? null : percentDecode(u);
        }
      case SAFE_LINKS:
        return percentDecode(queryParameter(url, "url"));
      default:
        return null;
    }
  }

  /** Proofpoint v3: target between "/v3/__" and its delimiter, "*" markers restored. */
  private static String decodeV3(String url) {
    int start = url.indexOf("/v3/__") + "/v3/__".length();
    String body = url.substring(start);
    String target;
    String replaced = "";
    int semicolon = body.indexOf("__;");
    int bangs = body.indexOf("_!!");
    if (semicolon >= 0) {
      target = body.substring(0, semicolon);
      String tail = body.substring(semicolon + 3);
      int end = indexOfAny(tail, "!$", 0);
      replaced = tail.substring(0, end);
    } else if (bangs >= 0) {
      int end = bangs > 0 && body.charAt(bangs - 1) == '_' ? bangs - 1 : bangs;
      target = body.substring(0, end);
    } else if (body.endsWith("__$")) {
      target = body.substring(0, body.length() - 3);
    } else if (body.endsWith("__")) {
      target = body.substring(0, body.length() - 2);
    } else {
      return null;
    }
    if (target.isEmpty()) {
      return null;
    }
    int[] replacements = base64Utf8CodePoints(replaced);
    return replacements == null ? null : restoreStars(target, replacements);
  }

  /**
   * Puts back, in order, the characters that v3 wrote as "*" or "**" + run length.
   *
   * @return the restored target, or {@code null} when the markers and characters do not match
   */
  private static String restoreStars(String target, int[] replacements) {
    StringBuilder out = new StringBuilder(target.length() + replacements.length);
    int next = 0;
    int i = 0;
    while (i < target.length()) {
      char c = target.charAt(i);
      if (c != '*') {
        out.append(c);
        i++;
        continue;
      }
      int count = 1;
      int width = 1;
      if (i + 2 < target.length() && target.charAt(i + 1) == '*') {
        int code = RUN_LENGTHS.indexOf(target.charAt(i + 2));
        if (code < 0) {
          return null;
        }
        count = code + 2;
        width = 3;
      }
      if (next + count > replacements.length) {
        return null;
      }
      for (int k = 0; k < count; k++) {
        out.appendCodePoint(replacements[next++]);
      }
      i += width;
    }
    return next == replacements.length ? out.toString() : null;
  }

  /** URL-safe Base64 (padding optional) of UTF-8 text, as code points; {@code null} if invalid. */
  private static int[] base64Utf8CodePoints(String encoded) {
    if (encoded.isEmpty()) {
      return new int[0];
    }
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(encoded);
      return utf8(bytes).codePoints().toArray();
    } catch (IllegalArgumentException | CharacterCodingException e) {
      return null;
    }
  }

  /** The raw (still encoded) value of the first query parameter {@code name}, or {@code null}. */
  private static String queryParameter(String url, String name) {
    int question = url.indexOf('?');
    if (question < 0) {
      return null;
    }
    int hash = url.indexOf('#', question);
    String query = url.substring(question + 1, hash < 0 ? url.length() : hash);
    for (String pair : query.split("&")) {
      String p = pair.startsWith("amp;") ? pair.substring(4) : pair;
      if (p.startsWith(name + "=")) {
        return p.substring(name.length() + 1);
      }
    }
    return null;
  }

  /** %XX sequences read as UTF-8, "+" kept; {@code null} when malformed. */
  private static String percentDecode(String s) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '%') {
        if (i + 2 >= s.length()) {
          return null;
        }
        int high = hex(s.charAt(i + 1));
        int low = hex(s.charAt(i + 2));
        if (high < 0 || low < 0) {
          return null;
        }
        bytes.write(high * 16 + low);
        i += 3;
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
          encoded = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        bytes.writeBytes(encoded);
        i++;
      }
    }
    try {
      return utf8(bytes.toByteArray());
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** Strict UTF-8 decoding: malformed input throws instead of giving U+FFFD. */
  private static String utf8(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  /**
   * @param url any text, may be {@code null}
   * @return whether it is an absolute http(s) URL with a non-empty host and no whitespace or
   *     control character ({@code false} for {@code null}, {@code javascript:}, {@code data:},
   *     relative addresses)
   */
  public static boolean isAbsoluteHttp(String url) {
    if (url == null) {
      return false;
    }
    int schemeEnd = schemeEnd(url);
    if (schemeEnd < 0) {
      return false;
    }
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
        return false;
      }
    }
    String authority = url.substring(schemeEnd, indexOfAny(url, "/?#", schemeEnd));
    String host = authority.substring(authority.lastIndexOf('@') + 1);
    return !host.isEmpty() && !host.startsWith(":");
  }

  /** Length of a leading "http://" or "https://" (any case), or -1 when there is none. */
  private static int schemeEnd(String url) {
    if (url.regionMatches(true, 0, "https://", 0, 8)) {
      return 8;
    }
    return url.regionMatches(true, 0, "http://", 0, 7) ? 7 : -1;
  }

  /** First index at or after {@code from} of any of {@code chars}, or {@code s.length()}. */
  private static int indexOfAny(String s, String chars, int from) {
    for (int i = from; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return s.length();
  }

  /**
   * @return the value of an ASCII hexadecimal digit, or -1 (never other scripts' digits)
   */
  private static int hex(char c) {
    return HexFormat.isHexDigit(c) ? HexFormat.fromHexDigit(c) : -1; // ASCII digits only
  }
}
