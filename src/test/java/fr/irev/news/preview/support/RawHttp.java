package fr.irev.news.preview.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sends a request line as written (e.g. with {@code %ZZ}, which {@link URI} refuses) over a plain
 * socket and reads the whole answer. HTTP/1.1 with {@code Connection: close}; no chunked decoding
 * is needed because the preview always sends {@code Content-Length} for its pages. {@link
 * #exchange} sends a whole request head as written (another version, no {@code Host}…).
 */
public final class RawHttp {

  /**
   * The answer.
   *
   * @param status status code
   * @param headers header names in lower case to their last value
   * @param body body as UTF-8 text
   * @param allHeaders header names in lower case to every value received, in order (a header sent
   *     twice has two)
   */
  public record Response(
      int status, Map<String, String> headers, String body, Map<String, List<String>> allHeaders) {}

  private RawHttp() {}

  /**
   * @param base the server's base URI (host and port are used)
   * @param method e.g. {@code GET}
   * @param target the request target as sent, e.g. {@code /actualites?page=%ZZ}
   * @param headers extra header lines, e.g. {@code Cookie: a=b}
   * @return the answer
   * @throws IOException on network errors
   */
  public static Response send(URI base, String method, String target, String... headers)
      throws IOException {
    StringBuilder head =
        new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost:" + base.getPort());
    for (String header : headers) {
      head.append("\r\n").append(header);
    }
    return exchange(base, head + "\r\nConnection: close\r\n\r\n");
  }

  /**
   * @param base the server's base URI (host and port are used)
   * @param request the request head exactly as sent: request line, header lines, each ending with
   *     CRLF, then an empty line (e.g. without {@code Host}, or with another HTTP version)
   * @return the answer
   * @throws IOException on network errors
   */
  public static Response exchange(URI base, String request) throws IOException {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int end = raw.indexOf("\r\n\r\n");
      String head = end < 0 ? raw : raw.substring(0, end);
      String body = end < 0 ? "" : raw.substring(end + 4);
      String[] lines = head.split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      Map<String, String> headers = new LinkedHashMap<>();
      Map<String, List<String>> all = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0) {
          String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
          String value = lines[i].substring(colon + 1).trim();
          headers.put(name, value);
          all.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
      }
      return new Response(status, headers, body, all);
    }
  }
}
