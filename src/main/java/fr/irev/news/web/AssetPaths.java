package fr.irev.news.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The addresses of the module's servlets: {@code <prefix>/<asset identifier>/<file name>} and
 * {@code <prefix>/<asset identifier>/<width>.png}, read from the request target as the client sent
 * it (percent-encoded, RFC 3986 §2.1), never from the container's decoded {@code getPathInfo()}:
 * what each segment means does not depend on how a container treats {@code %2F}, {@code ..} or
 * {@code ;} in paths. Anything that is not exactly that shape is refused (the servlets answer 404).
 */
final class AssetPaths {

  /**
   * A lower-case JCR identifier (a UUID, as Jackrabbit and Magnolia write them): one spelling per
   * asset, so that caches hold one copy.
   */
  private static final Pattern IDENTIFIER =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /** A width without sign or leading zero, at most 5 digits. */
  private static final Pattern WIDTH = Pattern.compile("[1-9][0-9]{0,4}");

  private static final String PNG = ".png";

  /**
   * A download address.
   *
   * @param identifier the asset's JCR identifier (lower-case UUID)
   * @param fileName the file name, percent-decoded (UTF-8) and NFC-normalised, never empty
   */
  record Download(String identifier, String fileName) {}

  /**
   * A thumbnail address.
   *
   * @param identifier the asset's JCR identifier (lower-case UUID)
   * @param width the requested width in pixels, 1–99999 (the servlet checks the configured limits)
   */
  record ThumbnailRequest(String identifier, int width) {}

  private AssetPaths() {}

  /**
   * The part of the request target after the servlet's mapping, still percent-encoded.
   *
   * @param request the request
   * @return e.g. {@code /f167e1b0-…/Programme%20journ%C3%A9e.pdf}; {@code null} when the raw target
   *     does not start with the context path and servlet path as the container reports them (for
   *     instance when the client percent-encoded the servlet's own prefix)
   */
  static String rawPathInfo(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String prefix = nullToEmpty(request.getContextPath()) + nullToEmpty(request.getServletPath());
    if (uri == null || !uri.startsWith(prefix)) {
      return null;
    }
    return uri.substring(prefix.length());
  }

  /**
   * @param rawPathInfo {@code /<identifier>/<file name>}, percent-encoded; may be {@code null}
   * @return the address, or empty when: not exactly two segments; the identifier is not a
   *     lower-case UUID; the file name is empty, badly percent-encoded, not UTF-8, {@code .} or
   *     {@code ..}, or holds {@code /}, {@code \} or a control character (NUL included) once
   *     decoded
   */
  static Optional<Download> download(String rawPathInfo) {
    String[] segments = segments(rawPathInfo);
    if (segments == null || !IDENTIFIER.matcher(segments[0]).matches()) {
      return Optional.empty();
    }
    Optional<String> name = decodeSegment(segments[1]);
    if (name.isEmpty() || !isFileName(name.get())) {
      return Optional.empty();
    }
    return Optional.of(
        new Download(segments[0], Normalizer.normalize(name.get(), Normalizer.Form.NFC)));
  }

  /**
   * @param rawPathInfo {@code /<identifier>/<width>.png}; may be {@code null}
   * @return the address, or empty when not exactly that shape (lower-case UUID; width in decimal
   *     without sign, leading zero or percent-encoding; lower-case {@code .png})
   */
  static Optional<ThumbnailRequest> thumbnail(String rawPathInfo) {
    String[] segments = segments(rawPathInfo);
    if (segments == null
        || !IDENTIFIER.matcher(segments[0]).matches()
        || !segments[1].endsWith(PNG)) {
      return Optional.empty();
    }
    String width = segments[1].substring(0, segments[1].length() - PNG.length());
    if (!WIDTH.matcher(width).matches()) {
      return Optional.empty();
    }
    return Optional.of(new ThumbnailRequest(segments[0], Integer.parseInt(width)));
  }

  /**
   * Whether two file names are the same for a download address: equal once both are NFC-normalised
   * (a name stored decomposed, as macOS uploads them, still matches its link).
   *
   * @param requested the decoded name from the address
   * @param stored the asset's file name
   * @return {@code true} when equal
   */
  static boolean sameFileName(String requested, String stored) {
    return stored != null
        && Normalizer.normalize(requested, Normalizer.Form.NFC).equals(urlFileName(stored));
  }

  /**
   * The file name as it appears in download addresses: the {@linkplain
   * ContentDisposition#sanitize(String) sanitised} name (NFC, no control character, {@code /} and
   * {@code \} as {@code _}) with {@code %} also written {@code _}, so that every stored name gives
   * an address that servlet containers accept (Jetty refuses {@code %25} in paths) and that {@link
   * #download} reads back.
   *
   * @param stored the asset's stored file name, may be {@code null}
   * @return the name for the address, never empty
   */
  static String urlFileName(String stored) {
    return ContentDisposition.sanitize(stored).replace('%', '_');
  }

  /**
   * Percent-encodes a path segment (RFC 3986 §3.3): UTF-8 bytes outside the unreserved set written
   * {@code %XX}; for links to the servlets.
   *
   * @param segment any text, e.g. a file name
   * @return the encoded segment
   */
  static String encodeSegment(String segment) {
    return ContentDisposition.encodeExtValue(segment);
  }

  /**
   * Strict percent-decoding of one path segment: every {@code %} followed by two hexadecimal
   * digits, the bytes valid UTF-8; {@code +} stays {@code +} (it means a space only in form data).
   *
   * @param raw the segment as sent
   * @return the decoded text, or empty when malformed
   */
  static Optional<String> decodeSegment(String raw) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); ) {
      int c = raw.codePointAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          return Optional.empty();
        }
        int high = hex(raw.charAt(i + 1));
        int low = hex(raw.charAt(i + 2));
        if (high < 0 || low < 0) {
          return Optional.empty();
        }
        bytes.write(high << 4 | low);
        i += 3;
      } else if (c < 0x80) {
        bytes.write(c);
        i++;
      } else if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
        return Optional.empty(); // an unpaired surrogate
      } else {
        // a container that handed over the target decoded: take the character as UTF-8
        byte[] encoded = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
        i += Character.charCount(c);
      }
    }
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes.toByteArray()))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /**
   * @return the two segments of {@code /a/b}, or {@code null} for any other shape
   */
  private static String[] segments(String rawPathInfo) {
    if (rawPathInfo == null || !rawPathInfo.startsWith("/")) {
      return null;
    }
    String[] parts = rawPathInfo.substring(1).split("/", -1);
    if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
      return null;
    }
    return parts;
  }

  private static boolean isFileName(String name) {
    if (name.isEmpty() || name.equals(".") || name.equals("..") || name.length() > 1_000) {
      return false;
    }
    return name.codePoints()
        .noneMatch(
            c ->
                c == '/'
                    || c == '\\'
                    || Character.isISOControl(c)
                    || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /**
   * @return the value of an ASCII hexadecimal digit, or -1 (never other scripts' digits)
   */
  private static int hex(char c) {
    return HexFormat.isHexDigit(c) ? HexFormat.fromHexDigit(c) : -1; // ASCII digits only
  }
}
