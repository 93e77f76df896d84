package fr.irev.news.bench;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one {@code wrk} 4.1 run printed, read from its text output: rate, request count, bytes read,
 * errors and, with {@code --latency}, the latency distribution.
 *
 * @param requestsPerSecond the {@code Requests/sec} line
 * @param requests complete answers ({@code N requests in …}), whatever their status
 * @param bytesRead bytes read, headers included (wrk rounds to 2 decimals of its unit: KB, MB, GB
 *     of 1 024)
 * @param socketErrors connect, read, write and time-out errors together; {@code 0} when wrk printed
 *     no {@code Socket errors} line
 * @param notOk answers whose status is not 2xx or 3xx; {@code 0} when wrk printed no such line
 * @param latencyNanos the latency distribution, percentile ({@code 50}, {@code 75}, {@code 90},
 *     {@code 99}) to nanoseconds; empty without {@code --latency}
 * @param text the whole output, for error messages
 */
record WrkOutput(
    double requestsPerSecond,
    long requests,
    double bytesRead,
    long socketErrors,
    long notOk,
    Map<Integer, Long> latencyNanos,
    String text) {

  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern TOTAL =
      Pattern.compile("(\\d+) requests in [0-9.]+\\w+, ([0-9.]+)(B|KB|MB|GB|TB) read");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
  private static final Pattern SOCKET_ERRORS =
      Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
  private static final Pattern PERCENTILE =
      Pattern.compile("^\\s+(\\d+)%\\s+([0-9.]+)(us|ms|s|m|h)\\s*$", Pattern.MULTILINE);

  /**
   * @param text what wrk printed
   * @return its figures
   * @throws IOException when there is no {@code Requests/sec} line (wrk could not run)
   */
  static WrkOutput parse(String text) throws IOException {
    Matcher rate = RATE.matcher(text);
    if (!rate.find()) {
      throw new IOException("no rate in the output of wrk:\n" + text);
    }
    long requests = 0;
    double bytes = 0;
    Matcher total = TOTAL.matcher(text);
    if (total.find()) {
      requests = Long.parseLong(total.group(1));
      bytes = Double.parseDouble(total.group(2)) * unit(total.group(3));
    }
    long errors = 0;
    Matcher socket = SOCKET_ERRORS.matcher(text);
    if (socket.find()) {
      for (int g = 1; g <= 4; g++) {
        errors += Long.parseLong(socket.group(g));
      }
    }
    Matcher non2xx = NON_2XX.matcher(text);
    long notOk = non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0;
    Map<Integer, Long> latency = new LinkedHashMap<>();
    Matcher percentile = PERCENTILE.matcher(text);
    while (percentile.find()) {
      latency.put(
          Integer.parseInt(percentile.group(1)),
          Math.round(Double.parseDouble(percentile.group(2)) * nanos(percentile.group(3))));
    }
    return new WrkOutput(
        Double.parseDouble(rate.group(1)), requests, bytes, errors, notOk, latency, text);
  }

  /**
   * @return the latency at that percentile, in nanoseconds
   * @throws IllegalStateException when wrk did not print it (run without {@code --latency})
   */
  long latency(int percentile) {
    Long value = latencyNanos.get(percentile);
    if (value == null) {
      throw new IllegalStateException("no " + percentile + " % latency in:\n" + text);
    }
    return value;
  }

  /**
   * @return mean bytes read per answer (status line, headers and body), {@code 0} without answers
   */
  double bytesPerRequest() {
    return requests == 0 ? 0 : bytesRead / requests;
  }

  private static double unit(String unit) {
    return switch (unit) {
      case "KB" -> 1024.0;
      case "MB" -> 1024.0 * 1024;
      case "GB" -> 1024.0 * 1024 * 1024;
      case "TB" -> 1024.0 * 1024 * 1024 * 1024;
      default -> 1;
    };
  }

  private static double nanos(String unit) {
    return switch (unit.toLowerCase(Locale.ROOT)) {
      case "us" -> 1e3;
      case "ms" -> 1e6;
      case "s" -> 1e9;
      case "m" -> 60e9;
      default -> 3600e9;
    };
  }
}
