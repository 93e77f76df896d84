package fr.irev.news.preview;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to start the preview server. Immutable; start from {@link #defaults()} and change what is
 * needed with the {@code with…} methods.
 *
 * @param port TCP port, 0 for a free one (1–65535 otherwise)
 * @param host interface to listen on, e.g. {@code localhost} (default) or {@code 0.0.0.0}
 * @param projectDir folder holding {@code magnolia-module.xml} and {@code light-modules/}
 * @param dataDir folder of the persistent repository; ignored when {@code inMemory}
 * @param inMemory {@code true} for a repository that lives in memory only
 * @param resources class loader where the node type files and {@code mgnl-bootstrap*} folders are
 *     looked up (the servlets and context attributes come from the server's own class loader)
 */
public record PreviewOptions(
    int port, String host, Path projectDir, Path dataDir, boolean inMemory, ClassLoader resources) {

  /** Default port. */
  public static final int DEFAULT_PORT = 8080;

  /** Checks the values. */
  public PreviewOptions {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0-65535: " + port);
    }
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(projectDir, "projectDir");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(resources, "resources");
  }

  /**
   * @return port 8080 on {@code localhost}, the working directory as project, a persistent
   *     repository in {@code ./data/preview}, resources from the server's class path
   */
  public static PreviewOptions defaults() {
    Path workingDir = Path.of("").toAbsolutePath();
    return new PreviewOptions(
        DEFAULT_PORT,
        "localhost",
        workingDir,
        workingDir.resolve("data").resolve("preview"),
        false,
        PreviewOptions.class.getClassLoader());
  }

  /**
   * @return these options with another port (0 = free port)
   */
  public PreviewOptions withPort(int newPort) {
    return new PreviewOptions(newPort, host, projectDir, dataDir, inMemory, resources);
  }

  /**
   * @return these options listening on another interface
   */
  public PreviewOptions withHost(String newHost) {
    return new PreviewOptions(port, newHost, projectDir, dataDir, inMemory, resources);
  }

  /**
   * @return these options with another project folder
   */
  public PreviewOptions withProjectDir(Path dir) {
    return new PreviewOptions(port, host, dir, dataDir, inMemory, resources);
  }

  /**
   * @return these options with a persistent repository in {@code dir}
   */
  public PreviewOptions withDataDir(Path dir) {
    return new PreviewOptions(port, host, projectDir, dir, false, resources);
  }

  /**
   * @return these options with an in-memory repository
   */
  public PreviewOptions withInMemory() {
    return new PreviewOptions(port, host, projectDir, dataDir, true, resources);
  }

  /**
   * @return these options reading bootstrap files and node types from {@code loader}
   */
  public PreviewOptions withResources(ClassLoader loader) {
    return new PreviewOptions(port, host, projectDir, dataDir, inMemory, loader);
  }
}
