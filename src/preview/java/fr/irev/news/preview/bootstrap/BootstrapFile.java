package fr.irev.news.preview.bootstrap;

import java.net.URL;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Magnolia bootstrap file and where it goes, read from its name: workspace, then the node's path
 * with {@code .} for {@code /}, then {@code .xml}. {@code config.modules.a.b.xml} is node {@code b}
 * imported under {@code /modules/a} of workspace {@code config}.
 *
 * @param fileName the file name
 * @param workspace target workspace
 * @param parentPath absolute path of the parent node ({@code /} for a top-level node)
 * @param nodeName name of the imported node
 * @param url where to read the system-view XML
 */
record BootstrapFile(
    String fileName, String workspace, String parentPath, String nodeName, URL url) {

  private static final Pattern NAME = Pattern.compile("[^./\\\\]+(\\.[^./\\\\]+)+\\.xml");

  /** Parents before children, then by name: the order the files are imported in. */
  static final Comparator<BootstrapFile> IMPORT_ORDER =
      Comparator.comparingInt(BootstrapFile::depth).thenComparing(BootstrapFile::fileName);

  /**
   * @param fileName file name such as {@code irev-news.discriminations.xml}
   * @param url where the file is
   * @return the file, or empty when the name does not have at least a workspace and a node name
   */
  static Optional<BootstrapFile> parse(String fileName, URL url) {
    if (!NAME.matcher(fileName).matches()) {
      return Optional.empty();
    }
    String[] parts = fileName.substring(0, fileName.length() - ".xml".length()).split("\\.");
    StringBuilder parent = new StringBuilder();
    for (int i = 1; i < parts.length - 1; i++) {
      parent.append('/').append(parts[i]);
    }
    return Optional.of(
        new BootstrapFile(
            fileName,
            parts[0],
            parent.length() == 0 ? "/" : parent.toString(),
            parts[parts.length - 1],
            url));
  }

  /**
   * @return number of segments of the parent path (0 for {@code /})
   */
  int depth() {
    return "/".equals(parentPath) ? 0 : parentPath.split("/").length - 1;
  }
}
