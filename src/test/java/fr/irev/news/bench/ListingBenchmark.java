package fr.irev.news.bench;

import fr.irev.news.news.NewsNodes;
import fr.irev.news.preview.PreviewOptions;
import fr.irev.news.preview.PreviewServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.jcr.Session;

/**
 * Issue 5, "Measured": time of the list page filtered on a département ({@code GET
 * /actualites?territoire=nord}) on the preview server with 1 000, 10 000 and 100 000 generated
 * items ({@link ListingData}), side by side with a static file of the page's byte size served by
 * the same Jetty ({@code /.resources/irev-news/webresources/bench/…}). Only the public behaviour is
 * measured (HTTP), so the program keeps working whatever the listing's implementation.
 *
 * <p>Goals: page time at 100 000 items ≤ 2 × at 1 000; page at 100 000 ≤ 10 × the static file.
 *
 * <p>The sizes are reached one after the other on the same persistent repository (temporary
 * folder): 1 000 items are written, measured, 9 000 more, measured, and so on. For each size: the
 * page is fetched once (its bytes are copied as the static file, into a temporary copy of the light
 * module, never into {@code light-modules/}), warm-up, then rounds alternating page and static file
 * (ABBA), each round {@code clients} concurrent keep-alive clients doing {@code requests} requests
 * each; the medians (and 90th percentiles) of every request's time are compared. Before the warm-up
 * the program waits until the repository is quiet (the scope watcher has handled the writes and the
 * count cache's revision has not moved for 2 s), so every size is measured in the same steady
 * state. Last, {@code --cold} single requests each follow a change of the news workspace (a
 * property of the generated items' folder, which changes no listing): the first view of the page
 * after a publication, whose counts are then recomputed in the background; the time that
 * recomputation takes (what a first request for a filter never seen waits) is measured too.
 *
 * <p>Arguments (all optional): {@code --sizes 1000,10000,100000}, {@code --clients 4}, {@code
 * --rounds 6}, {@code --requests 5} per client and round, {@code --warmup 10} per client, {@code
 * --cold 5}, {@code --departement 59} (INSEE code), {@code --also "/actualites?a|/actualites?b"}
 * (other list addresses timed at each size, without a static file).
 *
 * <pre>
 * mvn -Direv.build.dir=target-bench -DskipTests test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=fr.irev.news.bench.ListingBenchmark
 * </pre>
 */
public final class ListingBenchmark {

  private ListingBenchmark() {}

  /** Requests timed after a change of the content. */
  private static int cold;

  /** Other list addresses timed at each size (after the comparison), without a static file. */
  private static List<String> also = List.of();

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.log.fr.irev", "warn");
    int[] sizes =
        Arrays.stream(Bench.option(args, "sizes", "1000,10000,100000").split(","))
            .mapToInt(s -> Integer.parseInt(s.strip()))
            .sorted()
            .toArray();
    int clients = Bench.intOption(args, "clients", 4);
    int rounds = Bench.intOption(args, "rounds", 6);
    int requests = Bench.intOption(args, "requests", 5);
    int warmup = Bench.intOption(args, "warmup", 10);
    cold = Bench.intOption(args, "cold", 5);
    String others = Bench.option(args, "also", "");
    also = others.isBlank() ? List.of() : List.of(others.split("\\|"));
    String departement = Bench.option(args, "departement", "59");
    Path work = Files.createTempDirectory("irev-bench-listing-");
    Path project = Bench.copyProject(Path.of("").toAbsolutePath(), work.resolve("project"));
    PreviewOptions options =
        PreviewOptions.defaults()
            .withPort(0)
            .withDataDir(work.resolve("data"))
            .withProjectDir(project)
            .withStaffPassword("banc-d-essai-listes");
    Bench.runThenExit(
        work, () -> run(options, project, sizes, clients, rounds, requests, warmup, departement));
  }

  private static void run(
      PreviewOptions options,
      Path project,
      int[] sizes,
      int clients,
      int rounds,
      int requests,
      int warmup,
      String departement)
      throws Exception {
    try (PreviewServer server = PreviewServer.start(options)) {
      run(server, project, sizes, clients, rounds, requests, warmup, departement);
    }
  }

  private static void run(
      PreviewServer server,
      Path project,
      int[] sizes,
      int clients,
      int rounds,
      int requests,
      int warmup,
      String departement)
      throws Exception {
    ListingData data = new ListingData(server.repository(), departement);
    String page =
        "/actualites?territoire=" + URLEncoder.encode(data.filterName(), StandardCharsets.UTF_8);
    System.out.printf("## Listing filtered on a département vs static file, same Jetty%n%n");
    System.out.println(Bench.machine());
    System.out.printf(
        Locale.ROOT,
        "- page: `%s` (%s); static file: `/.resources/irev-news/webresources/bench/listing-<size>"
            + ".html`, the page's bytes%n- territories: communes per département %s; %d"
            + " thematics%n- %d concurrent keep-alive clients; per size %d warm-up requests per"
            + " client and URL, then %d rounds alternating page and static file (ABBA), %d"
            + " requests per client, URL and round; times of single requests, medians%n%n",
        page,
        data.filterTitle(),
        data.communeCounts(),
        data.thematicCount(),
        clients,
        warmup,
        rounds,
        requests);
    List<List<String>> rows = new ArrayList<>();
    List<List<String>> otherRows = new ArrayList<>();
    double firstPage = Double.NaN;
    int firstSize = 0;
    for (int size : sizes) {
      long start = System.nanoTime();
      int before = data.written();
      data.growTo(server.repository(), size);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "Generated %d items in %.1f s (%.0f items/s); %d now, %d in %s%n",
          size - before,
          seconds,
          (size - before) / seconds,
          data.written(),
          data.matching(),
          data.filterTitle());
      get(server, page, "text/html"); // the counts of the previous size are recomputed now
      System.out.printf(Locale.ROOT, "  repository quiet after %.1f s%n", settle(server));
      byte[] body = get(server, page, "text/html");
      checkFiltered(body, data);
      String name = "listing-" + size + ".html";
      Path copy = project.resolve("light-modules/irev-news/webresources/bench/" + name);
      Files.createDirectories(copy.getParent());
      Files.write(copy, body);
      String staticFile = "/.resources/irev-news/webresources/bench/" + name;
      if (get(server, staticFile, "").length != body.length) {
        throw new IllegalStateException("the static copy differs in size from the page");
      }
      URI pageUri = server.baseUri().resolve(page.substring(1));
      URI staticUri = server.baseUri().resolve(staticFile.substring(1));
      try (Clients load = new Clients(clients)) {
        load.run(pageUri, warmup);
        load.run(staticUri, warmup);
        List<Double> pageTimes = new ArrayList<>();
        List<Double> staticTimes = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
          if ((round & 1) == 0) {
            pageTimes.addAll(load.run(pageUri, requests));
            staticTimes.addAll(load.run(staticUri, requests));
          } else {
            staticTimes.addAll(load.run(staticUri, requests));
            pageTimes.addAll(load.run(pageUri, requests));
          }
        }
        double pageMs = median(pageTimes);
        double staticMs = median(staticTimes);
        List<Double> coldTimes = new ArrayList<>();
        List<Double> recountTimes = new ArrayList<>();
        try (Clients one = new Clients(1)) {
          for (int i = 0; i < cold; i++) {
            touch(server, i);
            long refreshes = server.newsCounts().refreshes();
            long changed = System.nanoTime();
            coldTimes.addAll(one.run(pageUri, 1));
            while (server.newsCounts().refreshes() == refreshes
                && System.nanoTime() - changed < Duration.ofMinutes(5).toNanos()) {
              Thread.sleep(1);
            }
            recountTimes.add((System.nanoTime() - changed) / 1e6);
          }
        }
        if (firstSize == 0) {
          firstSize = size;
          firstPage = pageMs;
        }
        rows.add(
            List.of(
                String.format(Locale.ROOT, "%,d", size).replace(',', ' '),
                Integer.toString(data.matching()),
                Integer.toString(body.length),
                ms(pageMs),
                ms(percentile(pageTimes, 0.9)),
                ms(staticMs),
                ms(percentile(staticTimes, 0.9)),
                Bench.ratio(pageMs, staticMs),
                Bench.ratio(pageMs, firstPage),
                coldTimes.isEmpty() ? "–" : ms(median(coldTimes)),
                recountTimes.isEmpty() ? "–" : ms(median(recountTimes))));
        System.out.printf(
            Locale.ROOT,
            "  size %d: page %.2f ms, static %.2f ms (%d requests each)%n",
            size,
            pageMs,
            staticMs,
            pageTimes.size());
      }
      Files.delete(copy);
      for (String other : also) {
        get(server, other, "text/html"); // counts computed once
        settle(server);
        URI uri = server.baseUri().resolve(other.substring(1));
        try (Clients load = new Clients(clients)) {
          load.run(uri, warmup);
          List<Double> times = load.run(uri, requests * rounds);
          otherRows.add(
              List.of(
                  String.format(Locale.ROOT, "%,d", size).replace(',', ' '),
                  "`" + other + "`",
                  ms(median(times)),
                  ms(percentile(times, 0.9)),
                  Integer.toString(times.size())));
          System.out.printf(Locale.ROOT, "  size %d: %s %.2f ms%n", size, other, median(times));
        }
      }
    }
    System.out.println();
    if (!otherRows.isEmpty()) {
      Bench.table(List.of("items", "page", "ms (median)", "ms (p90)", "requests"), otherRows);
      System.out.println();
    }
    Bench.table(
        List.of(
            "items",
            "items in " + data.filterTitle(),
            "page bytes",
            "page ms (median)",
            "page ms (p90)",
            "static ms (median)",
            "static ms (p90)",
            "ratio page/static",
            "page / page at " + firstSize,
            "page ms just after a change (median of " + cold + ")",
            "counts recomputed after a change, ms (median of " + cold + ")"),
        rows);
  }

  /**
   * Waits until the scope watcher has stopped recomputing, the count cache has no recomputation
   * pending and its revision has not moved for 2 s (at most 10 minutes).
   *
   * @return seconds waited
   */
  private static double settle(PreviewServer server) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + Duration.ofMinutes(10).toNanos();
    long stableSince = System.nanoTime();
    long recomputations = server.scopeWatcher().recomputations();
    long revision = server.newsCounts().revision();
    while (System.nanoTime() - stableSince < Duration.ofSeconds(2).toNanos()
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
      long r = server.scopeWatcher().recomputations();
      long v = server.newsCounts().revision();
      if (r != recomputations || v != revision || server.newsCounts().pendingRefreshes() > 0) {
        recomputations = r;
        revision = v;
        stableSince = System.nanoTime();
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /**
   * Changes a property of the generated items' folder (no listing changes) and waits until the
   * count cache has seen it.
   */
  private static void touch(PreviewServer server, int value) throws Exception {
    long revision = server.newsCounts().revision();
    Session news = server.repository().login(NewsNodes.WORKSPACE);
    try {
      news.getNode("/" + ListingData.ROOT).setProperty("bancTouche", value);
      news.save();
    } finally {
      news.logout();
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (server.newsCounts().revision() == revision && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
  }

  /**
   * The page must show the filter applied (its label, no "unknown territory" notice) and list
   * generated items (links to {@code /actualites/element-…}).
   */
  private static void checkFiltered(byte[] body, ListingData data) {
    String html = new String(body, StandardCharsets.UTF_8);
    if (html.contains("Territoire inconnu")
        || !html.contains(data.filterTitle())
        || !html.contains("/actualites/" + ListingData.URL_PREFIX)) {
      throw new IllegalStateException("the territory filter was not applied:\n" + html);
    }
  }

  private static byte[] get(PreviewServer server, String path, String type)
      throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(server.baseUri().resolve(path.substring(1))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    String actual = response.headers().firstValue("Content-Type").orElse("");
    if (response.statusCode() != 200 || !actual.startsWith(type)) {
      throw new IOException(path + ": " + response.statusCode() + " " + actual);
    }
    return response.body();
  }

  /** N clients, one HTTP/1.1 connection each, all starting together. */
  private static final class Clients implements AutoCloseable {
    private final List<HttpClient> http = new ArrayList<>();
    private final ExecutorService threads;

    Clients(int count) {
      for (int i = 0; i < count; i++) {
        http.add(
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build());
      }
      threads = Executors.newFixedThreadPool(count);
    }

    /**
     * @return the time of each request in ms; every answer must be 200
     */
    List<Double> run(URI uri, int perClient) throws Exception {
      List<Future<List<Double>>> futures = new ArrayList<>();
      for (HttpClient client : http) {
        futures.add(
            threads.submit(
                () -> {
                  List<Double> times = new ArrayList<>();
                  HttpRequest request =
                      HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2)).build();
                  for (int i = 0; i < perClient; i++) {
                    long start = System.nanoTime();
                    HttpResponse<byte[]> response =
                        client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    long nanos = System.nanoTime() - start;
                    if (response.statusCode() != 200) {
                      throw new IOException(uri + ": " + response.statusCode());
                    }
                    times.add(nanos / 1e6);
                  }
                  return times;
                }));
      }
      List<Double> all = new ArrayList<>();
      for (Future<List<Double>> future : futures) {
        all.addAll(future.get());
      }
      return all;
    }

    @Override
    public void close() {
      threads.shutdownNow();
    }
  }

  private static double median(List<Double> values) {
    return Bench.median(values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private static double percentile(List<Double> values, double p) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  private static String ms(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
