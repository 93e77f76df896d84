package fr.irev.news.bench;

import fr.irev.news.attachment.AttachmentServices;
import fr.irev.news.attachment.DamAsset;
import fr.irev.news.attachment.DamAssets;
import fr.irev.news.attachment.DamNodes;
import fr.irev.news.preview.PreviewOptions;
import fr.irev.news.preview.PreviewServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.jcr.Session;

/**
 * Goal 3: a cached thumbnail served by the preview server's Jetty ({@code
 * /.irev-news/thumbnail/<brochure>/240.png}: JCR lookup of the asset, cache file lookup, streamed
 * file) against a static file of the same bytes from the same Jetty ({@code
 * /.resources/irev-news/webresources/bench/…}), in requests per second with N keep-alive clients
 * over loopback. The two URLs alternate within one run (ABBA order); medians compared. Goal: ratio
 * thumbnail/static ≥ 0.8.
 *
 * <p>The server runs on an in-memory repository with the sample content and on a temporary copy of
 * the project's light module (the static file is written there, never into {@code light-modules/});
 * the thumbnail cache is a temporary directory.
 *
 * <p>Arguments (all optional): {@code --clients 1,8,32}, {@code --seconds N} per measurement
 * (default 3), {@code --rounds N} (default 5), {@code --warmup N} seconds per URL (default 5),
 * {@code --client wrk|java} (default wrk when installed), {@code --with-version} (the thumbnail
 * address as the card templates write it, with {@code ?v=<asset version in epoch ms>}).
 *
 * <pre>
 * mvn -q -Direv.build.dir=target-bench test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.cleanupDaemonThreads=false -Dexec.mainClass=fr.irev.news.bench.ServeBench
 * </pre>
 */
public final class ServeBench {

  /** The seed brochure (mgnl-bootstrap-samples/irev-news/dam.irev-news.xml). */
  static final String BROCHURE_ID = "f167e1b0-6149-5e1a-91af-4d859c8a3f33";

  private static final int WIDTH = 240;

  private ServeBench() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.log.fr.irev", "warn");
    int[] clients =
        Arrays.stream(Bench.option(args, "clients", "1,8,32").split(","))
            .mapToInt(s -> Integer.parseInt(s.strip()))
            .toArray();
    int seconds = Bench.intOption(args, "seconds", 3);
    int rounds = Bench.intOption(args, "rounds", 5);
    int warmup = Bench.intOption(args, "warmup", 5);
    int diagnoseClients = Bench.intOption(args, "diagnose-clients", 8);
    boolean withVersion = Arrays.asList(args).contains("--with-version");
    String client = Bench.option(args, "client", Bench.onPath("wrk") != null ? "wrk" : "java");
    LoopbackLoad load = new LoopbackLoad(client.equals("wrk") ? Bench.require("wrk", "wrk") : null);
    Path work = Files.createTempDirectory("irev-bench-serve-");
    System.setProperty(AttachmentServices.CACHE_DIR_PROPERTY, work.resolve("cache").toString());
    Path project = Bench.copyProject(Path.of("").toAbsolutePath(), work.resolve("project"));
    try (PreviewServer server =
        PreviewServer.start(
            PreviewOptions.defaults().withPort(0).withInMemory().withProjectDir(project))) {
      run(server, project, load, clients, seconds, rounds, warmup, diagnoseClients, withVersion);
    } finally {
      Bench.deleteTree(work);
    }
  }

  private static void run(
      PreviewServer server,
      Path project,
      LoopbackLoad load,
      int[] clients,
      int seconds,
      int rounds,
      int warmup,
      int diagnoseClients,
      boolean withVersion)
      throws Exception {
    String thumbnail = "/.irev-news/thumbnail/" + BROCHURE_ID + "/" + WIDTH + ".png";
    if (withVersion) {
      thumbnail += "?v=" + version(server).toEpochMilli();
    }
    byte[] png = get(server, thumbnail); // renders once, then cached on disk
    Path copy =
        project.resolve("light-modules/irev-news/webresources/bench/thumbnail-" + WIDTH + ".png");
    Files.createDirectories(copy.getParent());
    Files.write(copy, png);
    String staticFile = "/.resources/irev-news/webresources/bench/thumbnail-" + WIDTH + ".png";
    byte[] same = get(server, staticFile);
    if (!Arrays.equals(png, same)) {
      throw new IllegalStateException("the static copy differs from the thumbnail");
    }
    int port = server.baseUri().getPort();
    for (String path : List.of(thumbnail, staticFile)) {
      check(load.run(port, path, 8, warmup), path);
    }

    System.out.printf("## Goal 3: cached thumbnail vs static file, same Jetty%n%n");
    System.out.printf("- thumbnail: `%s`; static file: `%s`%n", thumbnail, staticFile);
    System.out.println(Bench.machine());
    System.out.printf(
        Locale.ROOT,
        "- both bodies %d bytes (image/png); load generator: %s; %d rounds of %d s per URL and"
            + " client count, interleaved, after %d s of warm-up per URL; req/s medians%n%n",
        png.length,
        load.name(),
        rounds,
        seconds,
        warmup);
    List<List<String>> rows = new ArrayList<>();
    boolean met = true;
    for (int n : clients) {
      double[] thumbRates = new double[rounds];
      double[] staticRates = new double[rounds];
      for (int round = 0; round < rounds; round++) {
        if ((round & 1) == 0) {
          thumbRates[round] = check(load.run(port, thumbnail, n, seconds), thumbnail);
          staticRates[round] = check(load.run(port, staticFile, n, seconds), staticFile);
        } else {
          staticRates[round] = check(load.run(port, staticFile, n, seconds), staticFile);
          thumbRates[round] = check(load.run(port, thumbnail, n, seconds), thumbnail);
        }
      }
      double thumb = Bench.median(thumbRates);
      double stat = Bench.median(staticRates);
      boolean ok = thumb >= 0.8 * stat;
      met &= ok;
      rows.add(
          List.of(
              Integer.toString(n),
              Bench.rate(thumb),
              Bench.range(thumbRates),
              Bench.rate(stat),
              Bench.range(staticRates),
              Bench.ratio(thumb, stat),
              ok ? "met" : "MISSED"));
    }
    Bench.table(
        List.of(
            "clients",
            "thumbnail req/s",
            "thumbnail min–max",
            "static req/s",
            "static min–max",
            "ratio thumbnail/static",
            "goal ≥ 0.8"),
        rows);
    System.out.println("Verdict: " + (met ? "met for every client count" : "MISSED"));
    System.out.println();
    ServeDiagnosis.sessionCost(server, load, diagnoseClients, seconds, rounds);
    ServeDiagnosis.breakdown(server, BROCHURE_ID, WIDTH);
  }

  /** The brochure's version, as the card templates put it in {@code ?v=}. */
  private static Instant version(PreviewServer server) throws Exception {
    Session dam = server.repository().login(DamNodes.WORKSPACE);
    try {
      DamAsset asset = new DamAssets(dam).find(BROCHURE_ID).orElseThrow();
      return asset.lastModified() == null ? Instant.EPOCH : asset.lastModified().toInstant();
    } finally {
      dam.logout();
    }
  }

  private static byte[] get(PreviewServer server, String path)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(server.baseUri().resolve(URI.create(path.substring(1)))).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (response.statusCode() != 200 || !type.startsWith("image/png")) {
      throw new IOException(path + ": " + response.statusCode() + " " + type);
    }
    return response.body();
  }

  /**
   * @return the rate, when every request was answered with 200
   */
  private static double check(LoopbackLoad.Result result, String path) {
    if (result.failures() > 0) {
      throw new IllegalStateException(path + ": " + result.failures() + " failed requests");
    }
    if (result.notOk() > 0) {
      throw new IllegalStateException(path + ": " + result.notOk() + " answers not 200");
    }
    return result.requestsPerSecond();
  }
}
