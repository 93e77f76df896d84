package fr.irev.news.bench;

import fr.irev.news.testing.pdf.HostilePdfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Goal 4: a ~200 MB image-heavy PDF inspected and thumbnailed in a JVM of {@code -Xmx128m}. Writes
 * the file with {@link HostilePdfs#imageHeavy} (streamed to disk: the generator's memory does not
 * depend on the file size): page 1 a 3 500 × 2 500 unfiltered RGB image (26 MB), then 1 000 × 800
 * ones (2.4 MB each). Then runs {@link LargePdfChild} in a child JVM with that heap and reports,
 * per call, completion, time and peak heap; {@code pdfinfo} and {@code pdftoppm} on the same file
 * for scale (when installed). Goal: it completes (status OK, a thumbnail, no OutOfMemoryError).
 *
 * <p>Arguments (all optional): {@code --pages N} (default 73, ~199 MB), {@code --xmx 128m}, {@code
 * --width 240}, {@code --repeat N} calls of each (default 3), {@code --child-options "…"} more JVM
 * options for the child (e.g. a JFR recording).
 *
 * <pre>
 * mvn -q -Direv.build.dir=target-bench test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.cleanupDaemonThreads=false -Dexec.mainClass=fr.irev.news.bench.LargePdfBench
 * </pre>
 */
public final class LargePdfBench {

  private static final Pattern STEP =
      Pattern.compile(
          "step=(\\w+) n=(\\d+) millis=(\\d+) heapBeforeMiB=([0-9.]+) peakHeapMiB=([0-9.]+)\\s+(.*)");

  private LargePdfBench() {}

  public static void main(String[] args) throws Exception {
    int pages = Bench.intOption(args, "pages", 73);
    String xmx = Bench.option(args, "xmx", "128m");
    int width = Bench.intOption(args, "width", 240);
    int repeat = Bench.intOption(args, "repeat", 3);
    String childOptions = Bench.option(args, "child-options", "");
    Path work = Files.createTempDirectory("irev-bench-large-");
    try {
      run(work, pages, xmx, width, repeat, childOptions);
    } finally {
      Bench.deleteTree(work);
    }
  }

  private static void run(
      Path work, int pages, String xmx, int width, int repeat, String childOptions)
      throws Exception {
    long start = System.nanoTime();
    Path pdf = new HostilePdfs(work).imageHeavy(pages, 3500, 2500, 1000, 800);
    long generated = System.nanoTime() - start;
    long size = Files.size(pdf);
    Path scratch = work.resolve("scratch");
    Path log = work.resolve("child.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + xmx);
    command.add("-Djava.awt.headless=true");
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    command.add("-Xlog:gc:file=" + work.resolve("gc.log"));
    if (!childOptions.isBlank()) {
      command.addAll(Arrays.asList(childOptions.strip().split("\\s+")));
    }
    command.addAll(
        List.of(
            "-cp",
            Bench.classPath(),
            LargePdfChild.class.getName(),
            pdf.toString(),
            scratch.toString(),
            Integer.toString(width),
            Integer.toString(repeat)));
    long childStart = System.nanoTime();
    Process child =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean ended = child.waitFor(300, TimeUnit.SECONDS);
    if (!ended) {
      child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    long childMillis = (System.nanoTime() - childStart) / 1_000_000;
    String output = Files.readString(log);
    double gcMaxAfter = maxHeapAfterGc(Files.readString(work.resolve("gc.log")));
    long leftovers;
    try (Stream<Path> left = Files.exists(scratch) ? Files.list(scratch) : Stream.empty()) {
      leftovers = left.count();
    }

    System.out.printf("## Goal 4: a %s image-heavy PDF with -Xmx%s%n%n", Bench.size(size), xmx);
    System.out.println(Bench.machine());
    System.out.printf(
        Locale.ROOT,
        "- file: %d pages, page 1 a 3500×2500 RGB image, the others 1000×800; written in %d ms"
            + " by the generator (streamed)%n- child JVM: -Xmx%s %s, exit %s after %d ms;"
            + " scratch copies left: %d; largest heap after a GC (GC log): %.0f MiB%n%n",
        pages,
        generated / 1_000_000,
        xmx,
        childOptions,
        ended ? Integer.toString(child.exitValue()) : "none (killed after 300 s)",
        childMillis,
        leftovers,
        gcMaxAfter);
    List<List<String>> rows = new ArrayList<>();
    boolean met = ended && child.exitValue() == 0;
    int seen = 0;
    Matcher step = STEP.matcher(output);
    while (step.find()) {
      seen++;
      String rest = step.group(6).strip();
      boolean ok = rest.contains("status=OK");
      met &= ok;
      rows.add(
          List.of(
              step.group(1) + " #" + step.group(2),
              rest,
              step.group(3),
              step.group(4),
              step.group(5),
              ok ? "met" : "MISSED"));
    }
    met &= seen == 2 * repeat;
    String pdfinfo = Bench.onPath("pdfinfo") == null ? null : "pdfinfo";
    String pdftoppm = Bench.onPath("pdftoppm") == null ? null : "pdftoppm";
    if (pdfinfo != null) {
      long t = Bench.runProcess(List.of(pdfinfo, pdf.toString()));
      rows.add(List.of("pdfinfo (for scale)", "", Long.toString(t / 1_000_000), "", "", ""));
    }
    if (pdftoppm != null) {
      long t =
          Bench.runProcess(
              List.of(
                  pdftoppm,
                  "-f",
                  "1",
                  "-l",
                  "1",
                  "-singlefile",
                  "-scale-to-x",
                  Integer.toString(width),
                  "-scale-to-y",
                  "-1",
                  "-png",
                  pdf.toString(),
                  work.resolve("poppler").toString()));
      rows.add(List.of("pdftoppm (for scale)", "", Long.toString(t / 1_000_000), "", "", ""));
    }
    Bench.table(
        List.of(
            "call",
            "result",
            "time ms",
            "heap before MiB",
            "peak heap MiB (sum of pool peaks)",
            "goal: completes"),
        rows);
    System.out.println("Verdict: " + (met ? "met (completes)" : "MISSED"));
    if (!met) {
      System.out.println("\nChild output:\n```\n" + output.strip() + "\n```");
    }
  }

  /** The largest heap occupancy after a collection in a {@code -Xlog:gc} file, in MiB. */
  static double maxHeapAfterGc(String gcLog) throws IOException {
    Matcher matcher = Pattern.compile("\\d+M->(\\d+)M\\(\\d+M\\)").matcher(gcLog);
    double max = 0;
    while (matcher.find()) {
      max = Math.max(max, Double.parseDouble(matcher.group(1)));
    }
    return max;
  }
}
