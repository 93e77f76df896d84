package fr.irev.news.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** wrk 4.1's text output, as printed by the Debian package, read back. */
class WrkOutputTest {

  private static final String WITH_ERRORS =
      """
      Running 10s test @ http://127.0.0.1:43821/actualites/x
        2 threads and 50 connections
        Thread Stats   Avg      Stdev     Max   +/- Stdev
          Latency   743.92ms  546.35ms   1.99s    62.92%
          Req/Sec    32.58     30.41   170.00     84.96%
        Latency Distribution
           50%  631.73ms
           75%    1.17s\s
           90%  950.00us
           99%    1.92s\s
        492 requests in 10.01s, 5.93MB read
        Socket errors: connect 0, read 1, write 2, timeout 47
        Non-2xx or 3xx responses: 3
      Requests/sec:     49.13
      Transfer/sec:    606.08KB
      """;

  @Test
  void readsRateCountsErrorsAndLatencies() throws IOException {
    WrkOutput output = WrkOutput.parse(WITH_ERRORS);

    assertEquals(49.13, output.requestsPerSecond(), 1e-9);
    assertEquals(492, output.requests());
    assertEquals(5.93 * 1024 * 1024, output.bytesRead(), 1e-6);
    assertEquals(50, output.socketErrors());
    assertEquals(3, output.notOk());
    assertEquals(631_730_000L, output.latency(50));
    assertEquals(1_170_000_000L, output.latency(75));
    assertEquals(950_000L, output.latency(90));
    assertEquals(1_920_000_000L, output.latency(99));
  }

  @Test
  void aCleanRunHasNoErrorsAndKilobytes() throws IOException {
    WrkOutput output =
        WrkOutput.parse(
            "  2894 requests in 2.01s, 539.80KB read\nRequests/sec:   1442.74\n"
                + "Transfer/sec:    269.10KB\n");

    assertEquals(0, output.socketErrors());
    assertEquals(0, output.notOk());
    assertEquals(539.80 * 1024 / 2894, output.bytesPerRequest(), 1e-9);
    assertThrows(IllegalStateException.class, () -> output.latency(99));
  }

  @Test
  void noRateMeansWrkDidNotRun() {
    assertThrows(
        IOException.class, () -> WrkOutput.parse("unable to connect to 127.0.0.1:9 Connection"));
  }
}
