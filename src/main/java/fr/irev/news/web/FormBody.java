package fr.irev.news.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an {@code application/x-www-form-urlencoded} body (WHATWG URL standard, "application/
 * x-www-form-urlencoded parsing") in UTF-8 with a size limit, whether it comes with a {@code
 * Content-Length} or chunked. Only the body counts: parameters of the query string are ignored.
 */
final class FormBody {

  /** What reading gave. */
  sealed interface Result permits Fields, TooLarge, Malformed {}

  /**
   * The fields, in order, repeated names keeping every value.
   *
   * @param fields name to values
   */
  record Fields(Map<String, String[]> fields) implements Result {}

  /** More than the limit. */
  record TooLarge() implements Result {}

  /** Not valid percent-encoding, or not readable. */
  record Malformed() implements Result {}

  private FormBody() {}

  /**
   * @param request the post (its body is consumed)
   * @param maxBytes the largest body accepted, in bytes
   * @return the fields, or why there are none
   */
  static Result read(HttpServletRequest request, int maxBytes) {
    long declared = request.getContentLengthLong();
    if (declared > maxBytes) {
      if (declared <= DRAINED_BYTES) {
        drain(request);
      }
      return new TooLarge();
    }
    byte[] bytes;
    try (InputStream in = request.getInputStream()) {
      bytes = in.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        drain(in);
        return new TooLarge();
      }
    } catch (IOException | RuntimeException e) {
      return new Malformed();
    }
    return parse(new String(bytes, StandardCharsets.ISO_8859_1));
  }

  /**
   * Largest too-long body read to its end before the 413 answer (1 MiB): a browser still sending
   * its body when the server answers and closes may show a connection error instead of the French
   * message; beyond this size the answer goes at once and the container closes the connection.
   */
  static final int DRAINED_BYTES = 1024 * 1024;

  private static void drain(HttpServletRequest request) {
    try (InputStream in = request.getInputStream()) {
      drain(in);
    } catch (IOException | RuntimeException e) {
      // the answer is 413 whether or not the rest could be read
    }
  }

  private static void drain(InputStream in) throws IOException {
    long left = DRAINED_BYTES;
    byte[] buffer = new byte[8192];
    int n;
    while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
      left -= n;
    }
  }

  /**
   * @param body the body as bytes read one by one (ISO-8859-1), percent-escapes undecoded
   * @return the fields, or {@link Malformed}
   */
  static Result parse(String body) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    try {
      for (String pair : body.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }
    } catch (IllegalArgumentException e) {
      return new Malformed();
    }
    Map<String, String[]> result = new LinkedHashMap<>();
    fields.forEach((k, v) -> result.put(k, v.toArray(String[]::new)));
    return new Fields(result);
  }

  /**
   * Percent-decoding ({@code +} is a space) into bytes, then strict UTF-8: a bad escape or bytes
   * that are not UTF-8 make the whole body malformed rather than silently replaced.
   *
   * @throws IllegalArgumentException when the text cannot be decoded
   */
  private static String decode(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '+') {
        bytes.write(' ');
      } else if (c == '%') {
        if (i + 2 >= text.length()) {
          throw new IllegalArgumentException("truncated escape");
        }
        int high = Character.digit(text.charAt(i + 1), 16);
        int low = Character.digit(text.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          throw new IllegalArgumentException("bad escape");
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else {
        bytes.write(c & 0xff);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("not UTF-8", e);
    }
  }
}
