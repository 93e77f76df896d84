package fr.irev.news.taxonomy;

/**
 * JCR names of the two taxonomies. A term's node name is its slug, used in filter URLs; its
 * children are its sub-terms.
 */
public final class TaxonomyNodes {

  /** Workspace of the thematics. */
  public static final String THEMATICS_WORKSPACE = "irev-thematics";

  /** Node type of a thematic. */
  public static final String THEMATIC_TYPE = "irev:thematic";

  /** Workspace of the territories. */
  public static final String TERRITORIES_WORKSPACE = "irev-territories";

  /** Node type of a territory. */
  public static final String TERRITORY_TYPE = "irev:territory";

  /** Display name of a term. */
  public static final String TITLE = "title";

  /**
   * Territories only: the name shown in pickers (the news form's territories field, {@code
   * describeByProperty}), written by the territory import. {@code "<title> (<département code>)"}
   * for a commune (its own département, even when its EPCI sits under another one), an EPCI (the
   * département it is placed under) and a département ({@code "Brie (02)"}, {@code "Brie (80)"},
   * {@code "Nord (59)"}); the title alone for a région. Homonyms are thus told apart: no two
   * territories of the shipped file (2024) share a caption, whereas 113 communes share their exact
   * title with another one (117 up to case and accents, e.g. two "Brie"); see {@link
   * TerritoryPlan}.
   */
  public static final String CAPTION = "caption";

  /** Official code of a territory: INSEE (région, département, commune) or SIREN (EPCI). */
  public static final String CODE = "code";

  /** Level of a territory, see {@link TerritoryLevel}. */
  public static final String LEVEL = "level";

  /**
   * Territories only, multi-valued: identifiers of the territories that contain this one wholly or
   * partly (région, département(s), EPCI), written by the territory import; a query on it finds a
   * commune under its EPCI and under its département (see {@link TerritoryPlan}).
   */
  public static final String ANCESTORS = "ancestors";

  /**
   * Territories only, Boolean {@code true}: the territory is no longer in the imported file. It is
   * kept (content may link to it) and removed from the flag when a later file has it again.
   */
  public static final String OBSOLETE = "obsolete";

  private TaxonomyNodes() {}
}
