package fr.irev.news.preview.repository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes temporary folders, logging instead of failing. */
final class TempFolders {

  private static final Logger LOG = LoggerFactory.getLogger(TempFolders.class);

  private TempFolders() {}

  /** Deletes a folder and everything below it; absent folders are ignored. */
  static void deleteQuietly(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(TempFolders::deleteOne);
    } catch (IOException e) {
      LOG.warn("Cannot delete temporary folder '{}'", folder, e);
    }
  }

  private static void deleteOne(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      LOG.warn("Cannot delete '{}'", path, e);
    }
  }
}
