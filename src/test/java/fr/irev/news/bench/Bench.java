package fr.irev.news.bench;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** What every benchmark program shares: samples, external processes, Markdown output. */
final class Bench {

  private Bench() {}

  /** Collected durations of one measured thing, in nanoseconds. */
  static final class Samples {
    private final List<Long> nanos = new ArrayList<>();

    void add(long duration) {
      nanos.add(duration);
    }

    /**
     * @param p percentile within 0..100 (nearest rank)
     * @return the duration at that rank, in nanoseconds; {@code 0} when empty
     */
    long percentile(double p) {
      if (nanos.isEmpty()) {
        return 0;
      }
      long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
      int rank = (int) Math.ceil(p / 100 * sorted.length);
      return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    long median() {
      return percentile(50);
    }

    int size() {
      return nanos.size();
    }
  }

  /**
   * Runs a command to its end, its output thrown away.
   *
   * @return wall time from start to exit, in nanoseconds
   * @throws IOException when it cannot start, takes more than a minute or exits non-zero
   */
  static long runProcess(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    long start = System.nanoTime();
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("no end within 60 s: " + command);
    }
    long elapsed = System.nanoTime() - start;
    if (process.exitValue() != 0) {
      throw new IOException("exit " + process.exitValue() + ": " + command);
    }
    return elapsed;
  }

  /**
   * Runs a command and returns what it printed (standard output and error together).
   *
   * @throws IOException when it cannot start or exits non-zero
   */
  static String output(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String text = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IOException("exit " + process.exitValue() + ": " + command + "\n" + text);
    }
    return text;
  }

  /**
   * @return the path of {@code tool} on {@code PATH}, or {@code null} when absent
   */
  static Path onPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, tool);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /**
   * @throws IllegalStateException when {@code tool} is not on {@code PATH}
   */
  static String require(String tool, String packageName) {
    Path found = onPath(tool);
    if (found == null) {
      throw new IllegalStateException(
          tool + " not found: apt-get install -y " + packageName + " (then run again)");
    }
    return found.toString();
  }

  /** The machine and JVM, as a Markdown list, for the results page. */
  static String machine() {
    String date =
        ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT));
    return "- date: "
        + date
        + "\n- processors (nproc): "
        + Runtime.getRuntime().availableProcessors()
        + "\n- java: "
        + System.getProperty("java.vm.name")
        + " "
        + System.getProperty("java.runtime.version")
        + " ("
        + System.getProperty("java.vm.vendor")
        + "), max heap "
        + (Runtime.getRuntime().maxMemory() >> 20)
        + " MiB, GC "
        + String.join(
            "+",
            ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(gc -> gc.getName())
                .toList())
        + "\n- os: "
        + System.getProperty("os.name")
        + " "
        + System.getProperty("os.version")
        + " "
        + System.getProperty("os.arch");
  }

  /** Prints a Markdown table. */
  static void table(List<String> header, List<List<String>> rows) {
    System.out.println("| " + String.join(" | ", header) + " |");
    System.out.println("|" + "---|".repeat(header.size()));
    for (List<String> row : rows) {
      System.out.println("| " + String.join(" | ", row) + " |");
    }
    System.out.println();
  }

  /**
   * @return milliseconds with two decimals, e.g. {@code 3.14}
   */
  static String ms(long nanos) {
    return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
  }

  /**
   * @return {@code a / b} with two decimals
   */
  static String ratio(double a, double b) {
    return String.format(Locale.ROOT, "%.2f", a / b);
  }

  /**
   * @return the median of {@code values} (mean of the two middle ones for an even count)
   */
  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /**
   * @return a rate without decimals, e.g. {@code 12345}
   */
  static String rate(double value) {
    return String.format(Locale.ROOT, "%.0f", value);
  }

  /**
   * @return {@code min–max} of rates
   */
  static String range(double[] values) {
    return rate(Arrays.stream(values).min().orElse(0))
        + "–"
        + rate(Arrays.stream(values).max().orElse(0));
  }

  /**
   * @return a size in kB (1 000 bytes) or MB
   */
  static String size(long bytes) {
    return bytes >= 10_000_000
        ? String.format(Locale.ROOT, "%.1f MB", bytes / 1e6)
        : String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
  }

  /**
   * @return the PDF files of {@code dir}, sorted by name
   * @throws IOException when the directory cannot be listed or holds no PDF
   */
  static List<Path> pdfs(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> found =
          files
              .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf"))
              .sorted()
              .toList();
      if (found.isEmpty()) {
        throw new IOException("no PDF in " + dir);
      }
      return found;
    }
  }

  /** The default input folder: the shared sample PDFs, next to the project. */
  static Path sharedPdfs() {
    return Path.of("..", "shared", "data", "pdfs").toAbsolutePath().normalize();
  }

  /**
   * @param args the program's arguments, {@code --name value} pairs
   * @return the value following {@code --name}, or {@code fallback}
   */
  static String option(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("--" + name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }

  static int intOption(String[] args, String name, int fallback) {
    return Integer.parseInt(option(args, name, Integer.toString(fallback)));
  }

  /** A benchmark's run, see {@link #runThenExit}. */
  @FunctionalInterface
  interface Run {
    void run() throws Exception;
  }

  /**
   * Runs a benchmark that starts preview servers, deletes its work folder, then ends the JVM:
   * Jackrabbit and the HTTP clients leave non-daemon threads behind, which {@code exec:java} would
   * wait for. A failure is printed with its stack trace and ends the JVM with status 1.
   *
   * @param work the benchmark's temporary folder, deleted whatever the outcome
   * @param run the benchmark
   */
  static void runThenExit(Path work, Run run) {
    int status = 0;
    try {
      run.run();
    } catch (Exception | Error e) {
      e.printStackTrace();
      status = 1;
    } finally {
      deleteTree(work);
    }
    System.exit(status);
  }

  /** Deletes a directory tree; what cannot be deleted is left. */
  static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      System.err.println("Not deleted: " + dir + " (" + e + ")");
    }
  }

  /**
   * The class path this program runs on, for a child JVM: the URLs of its class loader (exec:java
   * runs the program in a class loader of its own), else {@code java.class.path}.
   */
  static String classPath() {
    if (!(Bench.class.getClassLoader() instanceof URLClassLoader loader)) {
      return System.getProperty("java.class.path");
    }
    Set<String> entries = new LinkedHashSet<>();
    for (URL url : loader.getURLs()) {
      try {
        entries.add(Path.of(url.toURI()).toString());
      } catch (URISyntaxException | IllegalArgumentException e) {
        // not a file: of no use to a child JVM
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  /**
   * Copies {@code magnolia-module.xml} and {@code light-modules/} of the project, so that a
   * benchmark can add files to the light module without touching the project's own.
   */
  static Path copyProject(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    Files.copy(from.resolve("magnolia-module.xml"), to.resolve("magnolia-module.xml"));
    Path modules = from.resolve("light-modules");
    try (Stream<Path> files = Files.walk(modules)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = to.resolve("light-modules").resolve(modules.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return to;
  }
}
