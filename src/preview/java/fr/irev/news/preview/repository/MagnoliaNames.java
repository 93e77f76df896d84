package fr.irev.news.preview.repository;

/**
 * JCR names of the Magnolia 6.4 contract that the preview server plays (namespaces, node types,
 * properties and workspaces), kept in one place. See {@code docs/architecture.md}.
 */
public final class MagnoliaNames {

  /** Prefix of Magnolia's namespace. */
  public static final String MGNL_PREFIX = "mgnl";

  /** Magnolia's namespace URI, as in magnolia-core's node type file. */
  public static final String MGNL_URI = "http://www.magnolia.info/jcr/mgnl";

  /** Prefix of the module's own namespace. */
  public static final String IREV_PREFIX = "irev";

  /** The module's namespace URI. */
  public static final String IREV_URI = "https://irev.fr/jcr/irev-news/1.0";

  /** Generic content node type (folders of config, content-app items' supertype). */
  public static final String CONTENT = "mgnl:content";

  /** Content node without hierarchy semantics (areas, components, sub-nodes). */
  public static final String CONTENT_NODE = "mgnl:contentNode";

  /** Web page. */
  public static final String PAGE = "mgnl:page";

  /** Page area. */
  public static final String AREA = "mgnl:area";

  /** Page component. */
  public static final String COMPONENT = "mgnl:component";

  /** DAM asset; its binary lives in the child {@code jcr:content}. */
  public static final String ASSET = "mgnl:asset";

  /** Template id of a renderable node, e.g. {@code irev-news:pages/news-list}. */
  public static final String TEMPLATE = "mgnl:template";

  /** Pages workspace. */
  public static final String WEBSITE = "website";

  /** DAM workspace. */
  public static final String DAM = "dam";

  /** Configuration workspace. */
  public static final String CONFIG = "config";

  private MagnoliaNames() {}
}
