package fr.irev.news.bench;

import fr.irev.news.attachment.AttachmentServices;
import fr.irev.news.attachment.BinarySource;
import fr.irev.news.attachment.DamAsset;
import fr.irev.news.attachment.DamAssets;
import fr.irev.news.attachment.DamNodes;
import fr.irev.news.preview.PreviewServer;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.jcr.Session;

/**
 * Why the thumbnail of {@link ServeBench} is slower than the static file: what the thumbnail
 * servlet's JCR session costs over HTTP, and its steps timed one by one in process.
 */
final class ServeDiagnosis {

  /** A width under the minimum: the servlet answers 404 before any repository access. */
  private static final String NO_SESSION_404 =
      "/.irev-news/thumbnail/" + ServeBench.BROCHURE_ID + "/20.png";

  /** An asset that does not exist: a JCR session and a lookup, then the same 404 page. */
  private static final String SESSION_404 =
      "/.irev-news/thumbnail/00000000-0000-4000-8000-000000000000/240.png";

  private ServeDiagnosis() {}

  /**
   * Prints the rates of the same French 404 page answered by the thumbnail servlet before any
   * repository access (width out of range) and after opening a JCR session and looking the asset up
   * (unknown asset), interleaved: the difference is what a request's session and lookup cost under
   * load, GC included.
   */
  static void sessionCost(
      PreviewServer server, LoopbackLoad load, int clients, int seconds, int rounds)
      throws Exception {
    int before = status(server, NO_SESSION_404);
    int after = status(server, SESSION_404);
    if (before != 404 || after != 404) {
      throw new IllegalStateException("expected two 404, got " + before + " and " + after);
    }
    int port = server.baseUri().getPort();
    for (String path : List.of(NO_SESSION_404, SESSION_404)) {
      answered(load.run(port, path, clients, seconds), path);
    }
    double[] without = new double[rounds];
    double[] with = new double[rounds];
    for (int round = 0; round < rounds; round++) {
      if ((round & 1) == 0) {
        without[round] = answered(load.run(port, NO_SESSION_404, clients, seconds), NO_SESSION_404);
        with[round] = answered(load.run(port, SESSION_404, clients, seconds), SESSION_404);
      } else {
        with[round] = answered(load.run(port, SESSION_404, clients, seconds), SESSION_404);
        without[round] = answered(load.run(port, NO_SESSION_404, clients, seconds), NO_SESSION_404);
      }
    }
    System.out.printf(
        "### Goal 3 diagnosis: the same 404 page with and without a JCR session, %d clients%n%n",
        clients);
    Bench.table(
        List.of("thumbnail servlet answer", "req/s", "min–max", "ratio to no session"),
        List.of(
            List.of(
                "404, width out of range (no session)",
                Bench.rate(Bench.median(without)),
                Bench.range(without),
                "1.00"),
            List.of(
                "404, unknown asset (session + lookup)",
                Bench.rate(Bench.median(with)),
                Bench.range(with),
                Bench.ratio(Bench.median(with), Bench.median(without)))));
  }

  /**
   * Prints the steps of {@code ThumbnailServlet} for a cached thumbnail, timed one by one in this
   * JVM on the running server's repository and thumbnail cache (the servlet's own), one thread.
   *
   * @param assetId an asset whose thumbnail of {@code width} is cached already
   */
  static void breakdown(PreviewServer server, String assetId, int width) throws Exception {
    AttachmentServices services = AttachmentServices.shared();
    Session probe = server.repository().login(DamNodes.WORKSPACE);
    DamAsset asset;
    BinarySource source;
    try {
      DamAssets assets = new DamAssets(probe);
      asset = assets.find(assetId).orElseThrow();
      source = assets.source(asset);
    } finally {
      probe.logout();
    }
    Instant modified = asset.lastModified() == null ? null : asset.lastModified().toInstant();
    Step login = () -> server.repository().login(DamNodes.WORKSPACE).logout();
    Session session = server.repository().login(DamNodes.WORKSPACE);
    Step find =
        () -> {
          DamAssets assets = new DamAssets(session);
          assets.source(assets.find(assetId).orElseThrow());
        };
    Step cached = () -> services.thumbnails().get(assetId, modified, width, source).orElseThrow();
    List<List<String>> rows = new ArrayList<>();
    try {
      rows.add(row("JCR session login + logout (workspace dam), per request", login));
      rows.add(row("DamAssets.find + source on an open session", find));
      rows.add(row("ThumbnailCache.get, cache hit (file attributes, 2 SHA-256)", cached));
    } finally {
      session.logout();
    }
    System.out.println("### Goal 3 breakdown: the thumbnail servlet's own steps, one thread\n");
    Bench.table(
        List.of(
            "step",
            "µs per call, median batch",
            "µs per call, mean (GC included)",
            "of which GC pauses, µs per call"),
        rows);
  }

  /** One step of a request, repeated. */
  @FunctionalInterface
  private interface Step {
    void run() throws Exception;
  }

  /**
   * Runs a step in batches after a warm-up.
   *
   * @return the step's name, the median µs per call over the batches (GC pauses mostly left out),
   *     the mean µs per call over all batches (GC pauses included) and its GC share
   */
  private static List<String> row(String name, Step step) throws Exception {
    int batch = 1000;
    int batches = 20;
    for (int i = 0; i < 3 * batch; i++) {
      step.run(); // warm-up
    }
    System.gc();
    double[] perCall = new double[batches];
    long gcBefore = gcMillis();
    long begin = System.nanoTime();
    for (int b = 0; b < batches; b++) {
      long start = System.nanoTime();
      for (int i = 0; i < batch; i++) {
        step.run();
      }
      perCall[b] = (System.nanoTime() - start) / 1e3 / batch;
    }
    double total = (System.nanoTime() - begin) / 1e3 / (batch * batches);
    double gc = (gcMillis() - gcBefore) * 1e3 / (batch * batches);
    return List.of(
        name,
        String.format(Locale.ROOT, "%.1f", Bench.median(perCall)),
        String.format(Locale.ROOT, "%.1f", total),
        String.format(Locale.ROOT, "%.1f", gc));
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime)
        .filter(t -> t > 0)
        .sum();
  }

  private static int status(PreviewServer server, String path)
      throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(server.baseUri().resolve(URI.create(path.substring(1)))).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /**
   * @return the rate, when no request failed (any status)
   */
  private static double answered(LoopbackLoad.Result result, String path) {
    if (result.failures() > 0) {
      throw new IllegalStateException(path + ": " + result.failures() + " failed requests");
    }
    return result.requestsPerSecond();
  }
}
