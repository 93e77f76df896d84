package fr.irev.news.preview.lightmodule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Supplies a light module and reads it again when one of its files changes (checked at most once a
 * second), like Magnolia's light-module hot reload. Thread-safe.
 */
public final class LightModuleSource implements Supplier<LightModule> {

  private static final Logger LOG = LoggerFactory.getLogger(LightModuleSource.class);
  private static final long CHECK_INTERVAL_MILLIS = 1000;

  private final Path lightModules;
  private final String name;
  private LightModule current;
  private String fingerprint;
  private long checkedAt;

  /**
   * Reads the module once.
   *
   * @param lightModules the light-modules folder
   * @param name module name, e.g. {@code irev-news}
   * @throws IOException when the module's folders cannot be listed
   */
  public LightModuleSource(Path lightModules, String name) throws IOException {
    this.lightModules = lightModules;
    this.name = name;
    this.fingerprint = fingerprint();
    this.current = LightModule.load(lightModules, name);
    this.checkedAt = System.currentTimeMillis();
  }

  /**
   * @return the module as last read; when a file changed, the module read again (a module that
   *     cannot be read again keeps the previous version, with a warning)
   */
  @Override
  public synchronized LightModule get() {
    long now = System.currentTimeMillis();
    if (now - checkedAt < CHECK_INTERVAL_MILLIS) {
      return current;
    }
    checkedAt = now;
    try {
      String latest = fingerprint();
      if (!latest.equals(fingerprint)) {
        current = LightModule.load(lightModules, name);
        fingerprint = latest;
        LOG.info("Light module '{}' reloaded", name);
      }
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("Cannot reload light module '{}': {}", name, e.getMessage());
    }
    return current;
  }

  private String fingerprint() throws IOException {
    Path root = lightModules.resolve(name);
    if (!Files.isDirectory(root)) {
      return "absent";
    }
    long count = 0;
    long latest = 0;
    long bytes = 0;
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        count++;
        latest = Math.max(latest, Files.getLastModifiedTime(file).toMillis());
        bytes += Files.size(file);
      }
    }
    return count + "/" + latest + "/" + bytes;
  }
}
