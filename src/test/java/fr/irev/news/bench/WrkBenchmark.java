package fr.irev.news.bench;

import com.sun.management.OperatingSystemMXBean;
import fr.irev.news.attachment.AttachmentServices;
import fr.irev.news.news.NewsNodes;
import fr.irev.news.preview.PreviewOptions;
import fr.irev.news.preview.PreviewServer;
import fr.irev.news.preview.web.PageCache;
import fr.irev.news.testing.SeedFacts;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
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
import java.util.function.ToDoubleFunction;
import javax.jcr.Node;
import javax.jcr.Session;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Issue 6, "Measured": two pages of the preview server against a static file of the same byte size
 * served by the same Jetty, under {@code wrk} over loopback, side by side in one run. The pages are
 * the seed's detail page ({@code /actualites/<SeedFacts.SEED>}) and the list filtered on the seed's
 * thematic and territory ({@value #LIST}, which lists both sample items). Goals, at 50 connections:
 * requests per second of a page ≥ 0.33 × those of its static file (a page costs at most 3 × the
 * file), and the page's 99th percentile latency &lt; 5 × the file's. Each page is measured twice:
 * rendered at each request (the preview's default, an author instance) and from the page cache
 * ({@code --page-cache}, {@code fr.irev.news.preview.web.PageCache}: what a Magnolia public
 * instance serves from its cache module), on two servers started side by side.
 *
 * <p>The servers run in this JVM, each on a persistent repository in a temporary folder (bundle
 * persistence on disk, as a Magnolia instance keeps its content on disk; {@code --in-memory} for
 * the in-memory one), with the sample content, on one temporary copy of the project's light module,
 * with the same public URL (so that both give the same bytes). Each page is fetched first and
 * checked (200, HTML, the same bytes twice, the seed's date line on the detail page, links to every
 * sample item on the list); its bytes are written as {@code
 * /.resources/irev-news/webresources/bench/wrk-<target>.html} into the copy (never into {@code
 * light-modules/}) and that file must come back 200 with the page's {@code Content-Length}. The
 * program also checks, on both servers, that a title changed in the repository shows on the next
 * request (the page cache is emptied before {@code save()} returns).
 *
 * <p>Then, per URL, {@code --warmup} seconds of {@code wrk}, and {@code --rounds} rounds of {@code
 * wrk -t<threads> -c<connections> -d<duration>s --timeout <timeout>s --latency}, page and static
 * file alternating in ABBA order (page first in even rounds, file first in odd ones). wrk sends no
 * conditional header, so every page answer is a full 200 (a render, or a body from the page cache),
 * never a 304. Any socket error (time-outs included), any answer not 2xx/3xx, or a mean size read
 * per answer smaller than the page fails the run with wrk's output. The time-out is long (30 s)
 * because wrk leaves the requests it gives up on out of its latency distribution.
 *
 * <p>Output (Markdown): per target, medians over the rounds of requests per second and of wrk's
 * 99th percentile latency (milliseconds), their ratios page/static and the verdict; per URL, the
 * range of requests per second, the median 50/75/90/99th percentile latencies (ms), bytes read per
 * answer (headers included), the CPU time of this JVM per answer (µs; the server, since the Maven
 * JVM around it idles) and its garbage collection time per second of load (ms). {@code wrk} and the
 * server share the machine's processors: the same for page and file, which is why the ratio is the
 * measure.
 *
 * <p>Arguments (all optional): {@code --rounds 4}, {@code --duration 10} (seconds per wrk run),
 * {@code --warmup 30} (seconds per URL; the JIT needs it: the pages got 2–3 times faster over the
 * first minute), {@code --connections 50}, {@code --threads 2} (wrk threads), {@code --timeout 30}
 * (seconds), {@code --list <path?query>} (another list address), {@code --in-memory}, {@code --jfr
 * <file>} (a JFR recording of the measured rounds only: settings {@code profile}, execution samples
 * every 2 ms).
 *
 * <pre>
 * mvn -q -Direv.build.dir=target-wrk test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=fr.irev.news.bench.WrkBenchmark -Dexec.args="--rounds 4 --duration 10"
 * </pre>
 */
public final class WrkBenchmark {

  /** The default list address: the seed's thematic and territory. */
  static final String LIST =
      "/actualites?thematique=lutte-contre-les-discriminations&territoire=hauts-de-france";

  private static final String STATIC_DIR = "light-modules/irev-news/webresources/bench/";
  private static final String STATIC_URL = "/.resources/irev-news/webresources/bench/";
  private static final double RATE_GOAL = 0.33;
  private static final double P99_GOAL = 5;
  private static final OperatingSystemMXBean PROCESS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /**
   * A page and its static copy, served by the same server ({@code base}), with the wrk runs of
   * each.
   */
  private record Target(
      String name, String base, String page, String copy, int bytes, Runs pageRuns, Runs file) {}

  /**
   * One wrk run and what this JVM spent meanwhile.
   *
   * @param cpuNanos CPU time of this JVM's process (the server; the Maven JVM around it idles)
   * @param gcMillis time of the garbage collections, as the collectors count it
   */
  private record Run(WrkOutput output, long cpuNanos, long gcMillis) {}

  /** The wrk runs of one URL. */
  private record Runs(List<Run> runs) {
    double rate() {
      return median(r -> r.output().requestsPerSecond());
    }

    double latencyMs(int percentile) {
      return median(r -> r.output().latency(percentile) / 1e6);
    }

    /** Server CPU time per answer, µs. */
    double cpuMicros() {
      return median(r -> r.cpuNanos() / 1e3 / r.output().requests());
    }

    /** Garbage collection time per second of load, ms. */
    double gcPerSecond() {
      return median(r -> r.gcMillis() * r.output().requestsPerSecond() / r.output().requests());
    }

    String rates() {
      return Bench.range(runs.stream().mapToDouble(r -> r.output().requestsPerSecond()).toArray());
    }

    WrkOutput last() {
      return runs.get(runs.size() - 1).output();
    }

    private double median(ToDoubleFunction<Run> value) {
      return Bench.median(runs.stream().mapToDouble(value).toArray());
    }
  }

  private WrkBenchmark() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.log.fr.irev", "warn");
    Path work = Files.createTempDirectory("irev-bench-wrk-");
    System.setProperty(AttachmentServices.CACHE_DIR_PROPERTY, work.resolve("cache").toString());
    Path project = Bench.copyProject(Path.of("").toAbsolutePath(), work.resolve("project"));
    PreviewOptions options =
        PreviewOptions.defaults()
            .withPort(0)
            .withProjectDir(project)
            .withPublicUrl("http://localhost:8080");
    boolean inMemory = Arrays.asList(args).contains("--in-memory");
    PreviewOptions cachedOptions = options.withPageCache(true);
    if (inMemory) {
      options = options.withInMemory();
      cachedOptions = cachedOptions.withInMemory();
    } else {
      options = options.withDataDir(work.resolve("data"));
      cachedOptions = cachedOptions.withDataDir(work.resolve("data-cache"));
    }
    PreviewOptions rendered = options;
    PreviewOptions withCache = cachedOptions;
    Bench.runThenExit(
        work,
        () -> {
          try (PreviewServer server = PreviewServer.start(rendered);
              PreviewServer cached = PreviewServer.start(withCache)) {
            run(server, cached, project, args, inMemory);
          }
        });
  }

  private static void run(
      PreviewServer server, PreviewServer cached, Path project, String[] args, boolean inMemory)
      throws Exception {
    String wrk = Bench.require("wrk", "wrk");
    int rounds = Bench.intOption(args, "rounds", 4);
    int duration = Bench.intOption(args, "duration", 10);
    int warmup = Bench.intOption(args, "warmup", 30);
    int connections = Bench.intOption(args, "connections", 50);
    int threads = Bench.intOption(args, "threads", 2);
    String jfr = Bench.option(args, "jfr", null);
    int timeout = Bench.intOption(args, "timeout", 30);
    List<String> command =
        List.of(
            wrk,
            "-t" + threads,
            "-c" + connections,
            "-d" + duration + "s",
            "--timeout",
            timeout + "s",
            "--latency");
    List<Target> targets = new ArrayList<>();
    String detailPath = "/actualites/" + SeedFacts.SEED;
    String list = Bench.option(args, "list", LIST);
    for (String page : List.of(detailPath, list)) {
      boolean isDetail = page.equals(detailPath);
      String name = isDetail ? "detail" : "list";
      for (PreviewServer s : List.of(server, cached)) {
        byte[] body = fetchPage(s, page);
        if (isDetail) {
          checkDetail(body);
        } else {
          checkList(body);
        }
        String mode = s == cached ? "page cache" : "rendered";
        String file = name + (s == cached ? "-cache" : "");
        targets.add(target(s, project, name + " (" + mode + ")", file, page, body));
      }
    }
    PageCache cache = cached.pageCache().orElseThrow();
    if (cache.hits() < 2) {
      throw new IllegalStateException("the page cache served no page: " + cache.hits() + " hits");
    }
    String caching =
        followsChanges(server, "rendered")
            + "\n- "
            + followsChanges(cached, "page cache (emptied before `save()` returns)");

    for (Target t : targets) {
      for (String path : List.of(t.page(), t.copy())) {
        checked(wrk(command, warmup, t.base() + path), t.bytes(), path); // warm-up
      }
    }
    long hits = cache.hits();
    long misses = cache.misses();
    Recording recording = null;
    if (jfr != null) {
      recording = new Recording(Configuration.getConfiguration("profile"));
      recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(2));
      recording.start();
    }
    for (int round = 0; round < rounds; round++) {
      for (Target t : targets) {
        boolean pageFirst = (round & 1) == 0;
        Runs first = pageFirst ? t.pageRuns() : t.file();
        Runs second = pageFirst ? t.file() : t.pageRuns();
        first.runs().add(measured(command, duration, pageFirst ? t.page() : t.copy(), t));
        second.runs().add(measured(command, duration, pageFirst ? t.copy() : t.page(), t));
        System.err.printf(
            Locale.ROOT,
            "round %d %s: page %.0f req/s, static %.0f req/s%n",
            round + 1,
            t.name(),
            t.pageRuns().last().requestsPerSecond(),
            t.file().last().requestsPerSecond());
      }
    }
    if (recording != null) {
      recording.stop();
      recording.dump(Path.of(jfr));
      recording.close();
    }
    caching +=
        String.format(
            Locale.ROOT,
            "%n- page cache over the measured rounds: %d answers from memory, %d renders (each"
                + " page at most once a minute: the cache keeps a page 60 s)",
            cache.hits() - hits,
            cache.misses() - misses);
    report(targets, command, rounds, duration, warmup, inMemory, caching);
  }

  private static Target target(
      PreviewServer server, Path project, String name, String slug, String page, byte[] body)
      throws IOException, InterruptedException {
    String file = "wrk-" + slug + ".html";
    Path copy = project.resolve(STATIC_DIR + file);
    Files.createDirectories(copy.getParent());
    Files.write(copy, body);
    HttpResponse<byte[]> response = fetch(server, STATIC_URL + file);
    long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
    if (response.statusCode() != 200 || length != body.length) {
      throw new IllegalStateException(
          STATIC_URL + file + ": " + response.statusCode() + ", Content-Length " + length);
    }
    return new Target(
        name,
        "http://127.0.0.1:" + server.baseUri().getPort(),
        page,
        STATIC_URL + file,
        body.length,
        new Runs(new ArrayList<>()),
        new Runs(new ArrayList<>()));
  }

  /** One checked wrk run on {@code path}, with the CPU and GC time of this JVM meanwhile. */
  private static Run measured(List<String> command, int seconds, String path, Target t)
      throws IOException, InterruptedException {
    long cpu = PROCESS.getProcessCpuTime();
    long gc = gcMillis();
    WrkOutput output = checked(wrk(command, seconds, t.base() + path), t.bytes(), path);
    return new Run(output, PROCESS.getProcessCpuTime() - cpu, gcMillis() - gc);
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime)
        .sum();
  }

  private static WrkOutput wrk(List<String> command, int seconds, String url)
      throws IOException, InterruptedException {
    List<String> full = new ArrayList<>(command);
    full.set(3, "-d" + seconds + "s");
    full.add(url);
    return WrkOutput.parse(Bench.output(full));
  }

  /**
   * @return the output, when every request was answered in full with 2xx or 3xx
   * @throws IllegalStateException otherwise, with wrk's output
   */
  private static WrkOutput checked(WrkOutput output, int body, String path) {
    if (output.socketErrors() > 0 || output.notOk() > 0 || output.requests() == 0) {
      throw new IllegalStateException(path + ": errors or answers not 2xx/3xx\n" + output.text());
    }
    if (output.bytesPerRequest() < body * 0.99) {
      throw new IllegalStateException(
          path + ": " + output.bytesPerRequest() + " bytes per answer, page " + body);
    }
    return output;
  }

  /**
   * @return the body of a 200 HTML answer that is the same on a second request
   */
  private static byte[] fetchPage(PreviewServer server, String path)
      throws IOException, InterruptedException {
    HttpResponse<byte[]> response = fetch(server, path);
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (response.statusCode() != 200 || !type.startsWith("text/html")) {
      throw new IllegalStateException(path + ": " + response.statusCode() + " " + type);
    }
    if (!Arrays.equals(response.body(), fetch(server, path).body())) {
      throw new IllegalStateException(path + ": two requests gave different pages");
    }
    return response.body();
  }

  private static HttpResponse<byte[]> fetch(PreviewServer server, String path)
      throws IOException, InterruptedException {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .build()
        .send(
            HttpRequest.newBuilder(server.baseUri().resolve(path.substring(1))).build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }

  private static void checkDetail(byte[] body) {
    Element when =
        Jsoup.parse(new String(body, StandardCharsets.UTF_8)).selectFirst(".irev-event time");
    if (when == null
        || !SeedFacts.DATE_LINE.equals(when.wholeText().replaceAll("[ \\t\\r\\n]+", " ").trim())) {
      throw new IllegalStateException("the detail page does not show the seed's date line");
    }
  }

  private static void checkList(byte[] body) {
    String html = new String(body, StandardCharsets.UTF_8);
    for (String item : SeedFacts.LISTED) {
      if (!html.contains("/actualites/" + item + "\"")) {
        throw new IllegalStateException("the list page does not link to " + item + ":\n" + html);
      }
    }
    if (html.contains("inconnu")) {
      throw new IllegalStateException("the list page says a filter is unknown:\n" + html);
    }
  }

  /**
   * Changes the seed's title in the repository, fetches its page, restores the title.
   *
   * @param mode the server's name in the report
   * @return what was seen, for the report
   * @throws IllegalStateException when the changed title does not show at once
   */
  private static String followsChanges(PreviewServer server, String mode) throws Exception {
    String path = "/actualites/" + SeedFacts.SEED;
    byte[] before = fetch(server, path).body();
    String marker = "banc-wrk-" + System.nanoTime();
    Session news = server.repository().login(NewsNodes.WORKSPACE);
    try {
      Node seed = news.getNode("/" + SeedFacts.SEED);
      String title = seed.getProperty(NewsNodes.TITLE).getString();
      seed.setProperty(NewsNodes.TITLE, title + " " + marker);
      news.save();
      boolean shown =
          new String(fetch(server, path).body(), StandardCharsets.UTF_8).contains(marker);
      seed.setProperty(NewsNodes.TITLE, title);
      news.save();
      if (!shown || !Arrays.equals(before, fetch(server, path).body())) {
        throw new IllegalStateException("the detail page did not follow a change of its item");
      }
    } finally {
      news.logout();
    }
    return mode
        + ": a title changed in the repository showed on the very next request, and the page was"
        + " back to its bytes once the title was restored (`Cache-Control: "
        + fetch(server, path).headers().firstValue("Cache-Control").orElse("none")
        + "` also lets browsers and proxies keep it; wrk keeps nothing)";
  }

  private static void report(
      List<Target> targets,
      List<String> command,
      int rounds,
      int duration,
      int warmup,
      boolean inMemory,
      String caching)
      throws InterruptedException {
    System.out.printf("## Pages against a static file of the same size under wrk%n%n");
    System.out.println(Bench.machine());
    System.out.printf(
        Locale.ROOT,
        "- wrk %s: `wrk %s <url>`; %d s of warm-up per URL, then %d rounds per URL, page and static"
            + " file alternating (ABBA); medians over the rounds%n- repository: %s%n- %s%n%n",
        wrkVersion(),
        String.join(" ", command.subList(1, command.size())),
        warmup,
        rounds,
        inMemory ? "in memory" : "persistent (bundle persistence in a temporary folder)",
        caching);
    List<List<String>> rows = new ArrayList<>();
    List<List<String>> details = new ArrayList<>();
    for (Target t : targets) {
      double rate = t.pageRuns().rate() / t.file().rate();
      double p99 = t.pageRuns().latencyMs(99) / t.file().latencyMs(99);
      boolean met = rate >= RATE_GOAL && p99 < P99_GOAL;
      rows.add(
          List.of(
              t.name() + " `" + t.page() + "`",
              Integer.toString(t.bytes()),
              Bench.rate(t.pageRuns().rate()),
              Bench.rate(t.file().rate()),
              String.format(Locale.ROOT, "%.2f", rate),
              ms(t.pageRuns().latencyMs(99)),
              ms(t.file().latencyMs(99)),
              String.format(Locale.ROOT, "%.2f", p99),
              met ? "met" : "**MISSED**"));
      details.add(detailRow(t.name() + " page", t.pageRuns()));
      details.add(detailRow(t.name() + " static", t.file()));
    }
    Bench.table(
        List.of(
            "target",
            "bytes",
            "req/s page",
            "req/s static",
            "ratio page/static (goal ≥ " + RATE_GOAL + ")",
            "p99 page ms",
            "p99 static ms",
            "p99 ratio (goal < " + (int) P99_GOAL + ")",
            "verdict"),
        rows);
    Bench.table(
        List.of(
            "URL",
            "req/s min–max",
            "p50 ms",
            "p75 ms",
            "p90 ms",
            "p99 ms",
            "bytes per answer",
            "server CPU µs per answer",
            "GC ms per s"),
        details);
  }

  private static List<String> detailRow(String name, Runs runs) {
    return List.of(
        name,
        runs.rates(),
        ms(runs.latencyMs(50)),
        ms(runs.latencyMs(75)),
        ms(runs.latencyMs(90)),
        ms(runs.latencyMs(99)),
        Bench.rate(runs.last().bytesPerRequest()),
        Bench.rate(runs.cpuMicros()),
        String.format(Locale.ROOT, "%.1f", runs.gcPerSecond()));
  }

  private static String ms(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static String wrkVersion() throws InterruptedException {
    try {
      return Bench.output(List.of("dpkg-query", "-W", "-f", "${Version}", "wrk")).strip();
    } catch (IOException e) {
      return "(version unknown)";
    }
  }
}
