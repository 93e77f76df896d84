package fr.irev.news.preview.bootstrap;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Lists the files below a class-path folder, whether it lives in a directory or in a jar, across
 * every class-path root that has it (like Magnolia's class-path resource scanning).
 */
final class ClasspathFolder {

  private ClasspathFolder() {}

  /**
   * One file found.
   *
   * @param fileName last segment of the name, e.g. {@code config.modules.x.xml}
   * @param url where to read it
   */
  record Entry(String fileName, URL url) {}

  /**
   * @param loader class loader to search
   * @param folder folder without leading slash, e.g. {@code mgnl-bootstrap/irev-news}
   * @return every regular file below the folder (subfolders included), in no defined order; empty
   *     when no root has the folder
   * @throws IOException when a directory or jar cannot be listed
   */
  static List<Entry> list(ClassLoader loader, String folder) throws IOException {
    String prefix = folder.endsWith("/") ? folder : folder + "/";
    List<Entry> entries = new ArrayList<>();
    Enumeration<URL> roots = loader.getResources(prefix.substring(0, prefix.length() - 1));
    for (URL root : Collections.list(roots)) {
      switch (root.getProtocol()) {
        case "file" -> listDirectory(root, entries);
        case "jar" -> listJar(root, prefix, entries);
        default -> throw new IOException("Unsupported class-path location " + root);
      }
    }
    return entries;
  }

  private static void listDirectory(URL root, List<Entry> entries) throws IOException {
    Path dir;
    try {
      dir = Path.of(root.toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new IOException("Cannot read class-path folder " + root, e);
    }
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        entries.add(new Entry(file.getFileName().toString(), file.toUri().toURL()));
      }
    }
  }

  private static void listJar(URL root, String prefix, List<Entry> entries) throws IOException {
    JarURLConnection connection = (JarURLConnection) root.openConnection();
    connection.setUseCaches(false);
    try (JarFile jar = connection.getJarFile()) {
      String jarBase = root.toString().substring(0, root.toString().indexOf("!/") + 2);
      for (JarEntry entry : Collections.list(jar.entries())) {
        String name = entry.getName();
        if (!entry.isDirectory() && name.startsWith(prefix)) {
          String fileName = name.substring(name.lastIndexOf('/') + 1);
          entries.add(new Entry(fileName, new URL(jarBase + name)));
        }
      }
    }
  }
}
