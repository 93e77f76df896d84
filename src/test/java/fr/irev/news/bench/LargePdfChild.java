package fr.irev.news.bench;

import fr.irev.news.attachment.AttachmentLimits;
import fr.irev.news.attachment.BinarySource;
import fr.irev.news.attachment.PdfInfo;
import fr.irev.news.attachment.PdfInspector;
import fr.irev.news.attachment.ThumbnailRenderer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The child JVM of {@link LargePdfBench}, started with a small heap: inspects a PDF, then renders
 * its first page, {@code repeat} times each, and prints one line per call: {@code step=inspect|
 * thumbnail n=… status=… millis=… peakHeapMiB=…}. The peak is the sum of the peak usage of the heap
 * pools since just before the call (an upper bound: the pools may peak at different moments).
 *
 * <p>Arguments: the PDF, the scratch directory, the width, the number of repeats.
 */
public final class LargePdfChild {

  private LargePdfChild() {}

  public static void main(String[] args) throws Exception {
    Path pdf = Path.of(args[0]);
    AttachmentLimits limits = AttachmentLimits.defaults().withScratchDir(Path.of(args[1]));
    int width = Integer.parseInt(args[2]);
    int repeat = Integer.parseInt(args[3]);
    BinarySource source = () -> Files.newInputStream(pdf);
    long size = Files.size(pdf);
    PdfInspector inspector = new PdfInspector(limits);
    ThumbnailRenderer renderer = new ThumbnailRenderer(limits);
    System.out.printf(Locale.ROOT, "maxHeapMiB=%d%n", Runtime.getRuntime().maxMemory() >> 20);
    for (int n = 1; n <= repeat; n++) {
      PdfInfo info = measure("inspect", n, () -> inspector.inspect(source, size));
      System.out.printf(Locale.ROOT, "  pages=%s status=%s%n", info.pageCount(), info.status());
    }
    for (int n = 1; n <= repeat; n++) {
      Optional<byte[]> png = measure("thumbnail", n, () -> renderer.renderFirstPage(source, width));
      System.out.printf(
          Locale.ROOT,
          "  pngBytes=%d status=%s%n",
          png.map(b -> b.length).orElse(0),
          png.isPresent() ? "OK" : "NONE");
    }
  }

  private static <T> T measure(String step, int n, Supplier<T> call) {
    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    System.gc();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    long start = System.nanoTime();
    T value = call.get();
    long millis = (System.nanoTime() - start) / 1_000_000;
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    System.out.printf(
        Locale.ROOT,
        "step=%s n=%d millis=%d heapBeforeMiB=%.1f peakHeapMiB=%.1f",
        step,
        n,
        millis,
        before / 1048576.0,
        peak / 1048576.0);
    return value;
  }
}
