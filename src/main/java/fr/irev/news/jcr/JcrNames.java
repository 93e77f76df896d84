package fr.irev.news.jcr;

/**
 * JCR names shared by every workspace of the module: namespaces and Magnolia's own node types and
 * properties (see {@code docs/magnolia-contract.md}, "Node types").
 */
public final class JcrNames {

  /** Prefix of the module's namespace. */
  public static final String IREV_PREFIX = "irev";

  /** URI of the module's namespace, as declared in {@code irev-news-nodetypes.cnd}. */
  public static final String IREV_URI = "https://irev.fr/jcr/irev-news/1.0";

  /** Prefix of Magnolia's namespace. */
  public static final String MGNL_PREFIX = "mgnl";

  /** URI of Magnolia's namespace, as in Magnolia core's node type file. */
  public static final String MGNL_URI = "http://www.magnolia.info/jcr/mgnl";

  /** Magnolia's generic hierarchy node. */
  public static final String MGNL_CONTENT = "mgnl:content";

  /** Magnolia's generic non-hierarchy child node (sub-models, multi fields). */
  public static final String MGNL_CONTENT_NODE = "mgnl:contentNode";

  /** Date of the last modification, maintained by Magnolia on every save. */
  public static final String MGNL_LAST_MODIFIED = "mgnl:lastModified";

  /** Date of creation, set by Magnolia. */
  public static final String MGNL_CREATED = "mgnl:created";

  private JcrNames() {}
}
