package fr.irev.news.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a query string pair by pair, as Tomcat (Magnolia's container) does: {@code &} separates
 * pairs, {@code +} is a space, {@code %XX} a byte, the bytes are UTF-8. A pair with an invalid
 * percent escape ({@code %ZZ}, a lone {@code %}) or an empty name is skipped; the other pairs are
 * kept, so one malformed parameter never throws the valid ones away. Bytes that are not valid UTF-8
 * ({@code %FF}, {@code %C3%28}) read as U+FFFD: such a value matches no term, page number or item
 * name, so the page treats it as an unknown value rather than as an absent one. Never throws.
 */
public final class QueryParameters {

  private static final QueryParameters EMPTY = new QueryParameters(Map.of());

  private final Map<String, List<String>> values;

  private QueryParameters(Map<String, List<String>> values) {
    this.values = values;
  }

  /**
   * @param queryStrings raw query strings (as received, still percent-encoded; {@code null} ones
   *     are ignored), read in order: a name's values keep that order
   * @return the parameters
   */
  public static QueryParameters parse(String... queryStrings) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (String query : queryStrings) {
      if (query == null || query.isEmpty()) {
        continue;
      }
      for (String pair : query.split("&", -1)) {
        int equals = pair.indexOf('=');
        String name = decode(equals < 0 ? pair : pair.substring(0, equals));
        String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
        if (name != null && !name.isEmpty() && value != null) {
          values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
      }
    }
    if (values.isEmpty()) {
      return EMPTY;
    }
    values.replaceAll((name, list) -> List.copyOf(list));
    return new QueryParameters(Collections.unmodifiableMap(values));
  }

  /**
   * @param name parameter name
   * @return its first value, or {@code null}
   */
  public String first(String name) {
    List<String> list = name == null ? null : values.get(name);
    return list == null ? null : list.get(0);
  }

  /**
   * @param name parameter name
   * @return all its values in order, or {@code null} when absent
   */
  public String[] all(String name) {
    List<String> list = name == null ? null : values.get(name);
    return list == null ? null : list.toArray(String[]::new);
  }

  /**
   * @return parameter names to their values, in the order first met
   */
  public Map<String, List<String>> asMap() {
    return values;
  }

  /**
   * @return the decoded text, or {@code null} for an invalid percent escape
   */
  static String decode(String encoded) {
    if (encoded.indexOf('%') < 0 && encoded.indexOf('+') < 0) {
      return encoded;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
    int i = 0;
    while (i < encoded.length()) {
      char c = encoded.charAt(i);
      if (c == '+') {
        bytes.write(' ');
        i++;
      } else if (c == '%') {
        int high = i + 1 < encoded.length() ? hex(encoded.charAt(i + 1)) : -1;
        int low = high >= 0 && i + 2 < encoded.length() ? hex(encoded.charAt(i + 2)) : -1;
        if (low < 0) {
          return null;
        }
        bytes.write(high * 16 + low);
        i += 3;
      } else {
        int end = i;
        while (end < encoded.length() && encoded.charAt(end) != '%' && encoded.charAt(end) != '+') {
          end++;
        }
        bytes.writeBytes(encoded.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end;
      }
    }
    // new String replaces every malformed UTF-8 sequence with U+FFFD and never throws
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /**
   * @return the value of an ASCII hexadecimal digit, or -1
   */
  private static int hex(char c) {
    return HexFormat.isHexDigit(c) ? HexFormat.fromHexDigit(c) : -1; // ASCII digits only
  }
}
