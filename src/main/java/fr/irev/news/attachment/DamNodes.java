package fr.irev.news.attachment;

/** JCR names of Magnolia's DAM as this module reads them (docs/magnolia-contract.md, "DAM"). */
public final class DamNodes {

  /** Workspace of the DAM. */
  public static final String WORKSPACE = "dam";

  /** Node type of an asset. */
  public static final String ASSET_TYPE = "mgnl:asset";

  /** Child node of an asset holding the binary ({@code mgnl:resource}). */
  public static final String RESOURCE = "jcr:content";

  /** Asset title. */
  public static final String TITLE = "title";

  /** Binary data of the resource. */
  public static final String DATA = "jcr:data";

  public static final String MIME_TYPE = "jcr:mimeType";
  public static final String LAST_MODIFIED = "jcr:lastModified";
  public static final String FILE_NAME = "fileName";
  public static final String EXTENSION = "extension";

  /** Size in bytes (Long), as the DAM stores it. */
  public static final String SIZE = "size";

  /** Prefix of DAM links stored by Magnolia's DAM link field ({@code jcr:<identifier>}). */
  public static final String LINK_PREFIX = "jcr:";

  private DamNodes() {}
}
