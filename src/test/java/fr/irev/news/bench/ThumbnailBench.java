package fr.irev.news.bench;

import fr.irev.news.attachment.AttachmentLimits;
import fr.irev.news.attachment.BinarySource;
import fr.irev.news.attachment.ThumbnailRenderer;
import fr.irev.news.bench.Bench.Samples;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Goal 2: the first page as a PNG thumbnail with {@link ThumbnailRenderer#renderFirstPage}, warm
 * JVM, no cache (scratch copy, parse, draw, PNG encoding), against the whole {@code pdftoppm -f 1
 * -l 1 -singlefile -scale-to-x W -scale-to-y -1 -png} process on the same file and width (poppler
 * then draws the same number of pixels: {@code -scale-to W} alone would fit the page's longer side
 * to W). Interleaved in one run, medians compared. Goal: ratio ours/poppler ≤ 1.5.
 *
 * <p>Arguments (all optional): {@code --dir <folder of PDFs>} (default {@code
 * ../shared/data/pdfs}), {@code --width N} (default 240), {@code --warmup N} (rounds, default 30),
 * {@code --rounds N} (default 60).
 *
 * <pre>
 * mvn -q -Direv.build.dir=target-bench test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.cleanupDaemonThreads=false -Dexec.mainClass=fr.irev.news.bench.ThumbnailBench
 * </pre>
 */
public final class ThumbnailBench {

  private ThumbnailBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(Bench.option(args, "dir", Bench.sharedPdfs().toString()));
    int width = Bench.intOption(args, "width", 240);
    int warmup = Bench.intOption(args, "warmup", 30);
    int rounds = Bench.intOption(args, "rounds", 60);
    String pdftoppm = Bench.require("pdftoppm", "poppler-utils");
    List<Path> files = Bench.pdfs(dir);
    Path work = Files.createTempDirectory("irev-bench-thumbnail-");
    try {
      run(files, pdftoppm, width, work, warmup, rounds);
    } finally {
      Bench.deleteTree(work);
    }
  }

  private static void run(
      List<Path> files, String pdftoppm, int width, Path work, int warmup, int rounds)
      throws Exception {
    ThumbnailRenderer renderer =
        new ThumbnailRenderer(AttachmentLimits.defaults().withScratchDir(work.resolve("scratch")));
    int n = files.size();
    Samples[] ours = new Samples[n];
    Samples[] poppler = new Samples[n];
    String[] sizes = new String[n];
    List<List<String>> commands = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ours[i] = new Samples();
      poppler[i] = new Samples();
      Path out = work.resolve("poppler-" + i);
      commands.add(
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
              files.get(i).toString(),
              out.toString()));
      byte[] png = render(renderer, files.get(i), width);
      Bench.runProcess(commands.get(i));
      Path theirs = work.resolve("poppler-" + i + ".png");
      sizes[i] =
          dimensions(png)
              + " / "
              + dimensions(Files.readAllBytes(theirs))
              + " ("
              + Bench.size(png.length)
              + " / "
              + Bench.size(Files.size(theirs))
              + ")";
    }
    for (int round = -warmup; round < rounds; round++) {
      for (int i = 0; i < n; i++) {
        long a;
        long b;
        if ((round & 1) == 0) {
          a = timed(renderer, files.get(i), width);
          b = Bench.runProcess(commands.get(i));
        } else {
          b = Bench.runProcess(commands.get(i));
          a = timed(renderer, files.get(i), width);
        }
        if (round >= 0) {
          ours[i].add(a);
          poppler[i].add(b);
        }
      }
    }

    System.out.printf("## Goal 2: first-page thumbnail, %d px wide, vs pdftoppm%n%n", width);
    System.out.println(Bench.machine());
    System.out.printf(
        "- %d warm-up rounds, %d measured rounds, interleaved; times in ms%n%n", warmup, rounds);
    List<List<String>> rows = new ArrayList<>();
    boolean met = true;
    for (int i = 0; i < n; i++) {
      long mine = ours[i].median();
      long theirs = poppler[i].median();
      boolean ok = mine <= 1.5 * theirs;
      met &= ok;
      rows.add(
          List.of(
              files.get(i).getFileName().toString(),
              sizes[i],
              Bench.ms(mine),
              Bench.ms(ours[i].percentile(90)),
              Bench.ms(theirs),
              Bench.ms(poppler[i].percentile(90)),
              Bench.ratio(mine, theirs),
              ok ? "met" : "MISSED"));
    }
    Bench.table(
        List.of(
            "file",
            "pixels ours / poppler (PNG bytes)",
            "ours median",
            "ours p90",
            "pdftoppm median",
            "pdftoppm p90",
            "ratio ours/pdftoppm",
            "goal ≤ 1.5"),
        rows);
    System.out.println("Verdict: " + (met ? "met for every file" : "MISSED for some file"));
  }

  private static long timed(ThumbnailRenderer renderer, Path file, int width) throws IOException {
    long start = System.nanoTime();
    render(renderer, file, width);
    return System.nanoTime() - start;
  }

  private static byte[] render(ThumbnailRenderer renderer, Path file, int width) {
    BinarySource source = () -> Files.newInputStream(file);
    Optional<byte[]> png = renderer.renderFirstPage(source, width);
    return png.orElseThrow(() -> new IllegalStateException(file + ": no thumbnail"));
  }

  private static String dimensions(byte[] png) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    return image.getWidth() + "×" + image.getHeight();
  }
}
