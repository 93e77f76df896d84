package fr.irev.news.preview.support;

import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/** Locates the preview test fixtures (src/test/resources/preview) on the test class path. */
public final class Fixtures {

  private Fixtures() {}

  /**
   * @return the fixture project folder: descriptor, light module and class-path resources
   */
  public static Path site() {
    return resource("/preview/site");
  }

  /**
   * @return the fixture's class-path root (bootstrap files and node types)
   */
  public static Path classpathRoot() {
    return site().resolve("classpath");
  }

  /**
   * @return a class loader that sees only the fixture's class-path root for resources (no parent),
   *     so the real module's bootstrap files never mix in
   */
  public static ClassLoader resources() {
    try {
      return new URLClassLoader(new URL[] {classpathRoot().toUri().toURL()}, null);
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * @return a class-path resource as a file path
   */
  public static Path resource(String name) {
    URL url = Fixtures.class.getResource(name);
    if (url == null) {
      throw new IllegalStateException("Missing test resource " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
