package fr.irev.news.preview.bootstrap;

import java.util.List;
import java.util.Map;

/**
 * What the preview server reads from a Magnolia module descriptor ({@code magnolia-module.xml}):
 * the module's name and version, its workspaces, node type files and servlets. Lists are never
 * {@code null} (empty when the descriptor has no such element) and keep the descriptor's order.
 *
 * @param name module name, e.g. {@code irev-news}
 * @param version module version, {@code ""} when absent
 * @param workspaces {@code repositories/repository/workspaces/workspace} values
 * @param nodeTypeFiles {@code repositories/repository/nodeTypeFile} values: class-path paths such
 *     as {@code /mgnl-nodetypes/irev-news-nodetypes.cnd}
 * @param servlets {@code servlets/servlet} declarations
 * @param versionHandler {@code versionHandler} class name, {@code ""} when absent
 */
public record ModuleDescriptor(
    String name,
    String version,
    List<String> workspaces,
    List<String> nodeTypeFiles,
    List<Servlet> servlets,
    String versionHandler) {

  /** Copies the lists so the record is immutable. */
  public ModuleDescriptor {
    workspaces = List.copyOf(workspaces);
    nodeTypeFiles = List.copyOf(nodeTypeFiles);
    servlets = List.copyOf(servlets);
    versionHandler = versionHandler == null ? "" : versionHandler;
  }

  /** A descriptor without {@code versionHandler}. */
  public ModuleDescriptor(
      String name,
      String version,
      List<String> workspaces,
      List<String> nodeTypeFiles,
      List<Servlet> servlets) {
    this(name, version, workspaces, nodeTypeFiles, servlets, "");
  }

  /**
   * One {@code servlets/servlet} element.
   *
   * @param name servlet name
   * @param className fully qualified class name of a {@code jakarta.servlet.Servlet}
   * @param mappings URL patterns relative to the context, e.g. {@code /.irev-news/download/*}
   * @param params init parameters ({@code params/param} name and value), in descriptor order
   */
  public record Servlet(
      String name, String className, List<String> mappings, Map<String, String> params) {

    /** Copies the collections so the record is immutable. */
    public Servlet {
      mappings = List.copyOf(mappings);
      params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }
  }
}
