package fr.irev.news.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Where the project's files are, for tests run by Maven (basedir) or from an IDE. */
final class ProjectFiles {

  static final String MODULE = "irev-news";

  private ProjectFiles() {}

  static Path root() {
    Path start =
        Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("pom.xml"))
          && Files.isDirectory(dir.resolve("light-modules").resolve(MODULE))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "no project root (pom.xml + light-modules/" + MODULE + ") above " + start);
  }

  /** {@code light-modules} (the parent of the module folder, the resource root). */
  static Path lightModules() {
    return root().resolve("light-modules");
  }

  static Path module() {
    return lightModules().resolve(MODULE);
  }

  static Path contract() {
    return root().resolve("docs").resolve("magnolia-contract.md");
  }

  /** Files under {@code dir} whose name ends with {@code suffix}, sorted; empty if no dir. */
  static List<Path> files(Path dir, String suffix) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(suffix))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Path relative to the project root, with forward slashes, for messages. */
  static String display(Path file) {
    Path root = root();
    Path abs = file.toAbsolutePath();
    return (abs.startsWith(root) ? root.relativize(abs) : abs).toString().replace('\\', '/');
  }
}
