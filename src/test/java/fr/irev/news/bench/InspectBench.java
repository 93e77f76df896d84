package fr.irev.news.bench;

import fr.irev.news.attachment.AttachmentLimits;
import fr.irev.news.attachment.BinarySource;
import fr.irev.news.attachment.PdfInfo;
import fr.irev.news.attachment.PdfInspector;
import fr.irev.news.attachment.PdfStatus;
import fr.irev.news.bench.Bench.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Goal 1: inspecting a PDF (page count and metadata) with {@link PdfInspector#inspect}, warm JVM,
 * no cache (scratch copy, parse, page tree walk: the cold path of a first request), against the
 * whole {@code pdfinfo} process (poppler-utils) on the same file. Both are timed in the same run,
 * interleaved (ABBA order), and the medians compared. Goal: ours faster per file (ratio &lt; 1).
 *
 * <p>Arguments (all optional): {@code --dir <folder of PDFs>} (default {@code
 * ../shared/data/pdfs}), {@code --warmup N} (rounds, default 50), {@code --rounds N} (default 100).
 *
 * <pre>
 * mvn -q -Direv.build.dir=target-bench test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.cleanupDaemonThreads=false -Dexec.mainClass=fr.irev.news.bench.InspectBench
 * </pre>
 */
public final class InspectBench {

  private static final Pattern PAGES = Pattern.compile("(?m)^Pages:\\s+(\\d+)");

  private InspectBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(Bench.option(args, "dir", Bench.sharedPdfs().toString()));
    int warmup = Bench.intOption(args, "warmup", 50);
    int rounds = Bench.intOption(args, "rounds", 100);
    String pdfinfo = Bench.require("pdfinfo", "poppler-utils");
    List<Path> files = Bench.pdfs(dir);
    Path scratch = Files.createTempDirectory("irev-bench-inspect-");
    try {
      run(files, pdfinfo, scratch, warmup, rounds);
    } finally {
      Bench.deleteTree(scratch);
    }
  }

  private static void run(List<Path> files, String pdfinfo, Path scratch, int warmup, int rounds)
      throws Exception {
    PdfInspector inspector = new PdfInspector(AttachmentLimits.defaults().withScratchDir(scratch));
    int n = files.size();
    Samples[] ours = new Samples[n];
    Samples[] poppler = new Samples[n];
    String[] pages = new String[n];
    for (int i = 0; i < n; i++) {
      ours[i] = new Samples();
      poppler[i] = new Samples();
      PdfInfo info = inspect(inspector, files.get(i));
      Matcher matcher = PAGES.matcher(Bench.output(List.of(pdfinfo, files.get(i).toString())));
      pages[i] = info.pageCount() + " / " + (matcher.find() ? matcher.group(1) : "?");
    }
    Samples spawn = new Samples();
    List<String> baseline = List.of("/bin/true");
    for (int round = -warmup; round < rounds; round++) {
      for (int i = 0; i < n; i++) {
        List<String> command = List.of(pdfinfo, files.get(i).toString());
        long a;
        long b;
        if ((round & 1) == 0) {
          a = timed(inspector, files.get(i));
          b = Bench.runProcess(command);
        } else {
          b = Bench.runProcess(command);
          a = timed(inspector, files.get(i));
        }
        if (round >= 0) {
          ours[i].add(a);
          poppler[i].add(b);
        }
      }
      long t = Bench.runProcess(baseline);
      if (round >= 0) {
        spawn.add(t);
      }
    }

    System.out.println("## Goal 1: inspection, PdfInspector.inspect vs pdfinfo\n");
    System.out.println(Bench.machine());
    System.out.printf(
        "- %d warm-up rounds, %d measured rounds, interleaved; times in ms%n%n", warmup, rounds);
    List<List<String>> rows = new ArrayList<>();
    boolean met = true;
    for (int i = 0; i < n; i++) {
      long mine = ours[i].median();
      long theirs = poppler[i].median();
      met &= mine < theirs;
      rows.add(
          List.of(
              files.get(i).getFileName().toString(),
              Bench.size(Files.size(files.get(i))),
              pages[i],
              Bench.ms(mine),
              Bench.ms(ours[i].percentile(90)),
              Bench.ms(theirs),
              Bench.ms(poppler[i].percentile(90)),
              Bench.ratio(mine, theirs),
              mine < theirs ? "met" : "MISSED"));
    }
    rows.add(
        List.of(
            "(process start baseline: /bin/true)",
            "",
            "",
            "",
            "",
            Bench.ms(spawn.median()),
            Bench.ms(spawn.percentile(90)),
            "",
            ""));
    Bench.table(
        List.of(
            "file",
            "size",
            "pages ours / pdfinfo",
            "ours median",
            "ours p90",
            "pdfinfo median",
            "pdfinfo p90",
            "ratio ours/pdfinfo",
            "goal < 1"),
        rows);
    System.out.println("Verdict: " + (met ? "met for every file" : "MISSED for some file"));
  }

  private static long timed(PdfInspector inspector, Path file) throws Exception {
    long start = System.nanoTime();
    PdfInfo info = inspect(inspector, file);
    long elapsed = System.nanoTime() - start;
    if (info.status() != PdfStatus.OK) {
      throw new IllegalStateException(file + ": " + info.status());
    }
    return elapsed;
  }

  private static PdfInfo inspect(PdfInspector inspector, Path file) throws Exception {
    BinarySource source = () -> Files.newInputStream(file);
    return inspector.inspect(source, Files.size(file));
  }
}
