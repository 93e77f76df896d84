package fr.irev.news.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP/1.1 load over loopback: {@code clients} keep-alive connections, each sending one {@code
 * GET} after the other for a given time; requests per second counted. Two load generators: {@code
 * wrk} when installed (a separate process, as a real client would be), else plain Java sockets in
 * this JVM (they then share the server's processors, which lowers both rates alike).
 */
final class LoopbackLoad {

  /**
   * What one run measured.
   *
   * @param requestsPerSecond complete answers per second, whatever their status
   * @param failures connection errors, time-outs, answers cut short
   * @param notOk answers whose status is not 2xx or 3xx
   */
  record Result(double requestsPerSecond, long failures, long notOk) {}

  private final String wrk;

  /**
   * @param wrk the {@code wrk} executable, or {@code null} for the Java client
   */
  LoopbackLoad(String wrk) {
    this.wrk = wrk;
  }

  /** Which load generator runs. */
  String name() {
    return wrk != null ? "wrk -t1 (separate process)" : "Java sockets (same JVM as the server)";
  }

  /**
   * @param port the server's port on {@code 127.0.0.1}
   * @param path request target, e.g. {@code /x.png}
   * @param clients connections, each with one request at a time
   * @param seconds how long
   */
  Result run(int port, String path, int clients, int seconds)
      throws IOException, InterruptedException {
    return wrk != null ? wrk(port, path, clients, seconds) : java(port, path, clients, seconds);
  }

  private Result wrk(int port, String path, int clients, int seconds)
      throws IOException, InterruptedException {
    String text =
        Bench.output(
            List.of(
                wrk,
                "-t1",
                "-c" + clients,
                "-d" + seconds + "s",
                "http://127.0.0.1:" + port + path));
    WrkOutput output = WrkOutput.parse(text);
    return new Result(output.requestsPerSecond(), output.socketErrors(), output.notOk());
  }

  private static Result java(int port, String path, int clients, int seconds)
      throws InterruptedException {
    byte[] request =
        ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: */*\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    AtomicLong answered = new AtomicLong();
    AtomicLong notOk = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      Thread thread =
          new Thread(
              () -> client(port, request, end, answered, notOk, failed), "bench-client-" + i);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    return new Result(answered.get() / elapsed, failed.get(), notOk.get());
  }

  private static void client(
      int port,
      byte[] request,
      long end,
      AtomicLong answered,
      AtomicLong notOk,
      AtomicLong failed) {
    byte[] body = new byte[64 * 1024];
    while (System.nanoTime() < end) {
      try (Socket socket = new Socket()) {
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        boolean open = true;
        while (open && System.nanoTime() < end) {
          out.write(request);
          out.flush();
          Response response = Response.read(in);
          long left = response.length;
          while (left > 0) {
            int n = in.read(body, 0, (int) Math.min(body.length, left));
            if (n < 0) {
              throw new IOException("body cut short");
            }
            left -= n;
          }
          answered.incrementAndGet();
          if (response.status >= 400) {
            notOk.incrementAndGet();
          }
          open = !response.close;
        }
      } catch (IOException e) {
        failed.incrementAndGet();
      }
    }
  }

  /** Status line and the headers a keep-alive client needs. */
  private record Response(int status, long length, boolean close) {

    static Response read(InputStream in) throws IOException {
      StringBuilder head = new StringBuilder(512);
      int c;
      while ((c = in.read()) >= 0) {
        head.append((char) c);
        int n = head.length();
        if (n >= 4 && head.charAt(n - 1) == '\n' && head.indexOf("\r\n\r\n", n - 4) >= 0) {
          break;
        }
      }
      if (c < 0) {
        throw new IOException("connection closed");
      }
      String[] lines = head.toString().split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      long length = 0;
      boolean close = false;
      for (String line : lines) {
        String lower = line.toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-length:")) {
          length = Long.parseLong(lower.substring(15).strip());
        } else if (lower.startsWith("connection:") && lower.contains("close")) {
          close = true;
        } else if (lower.startsWith("transfer-encoding:")) {
          throw new IOException("chunked answers are not read by this client");
        }
      }
      return new Response(status, length, close);
    }
  }
}
