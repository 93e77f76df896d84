package fr.irev.news.news;

/**
 * JCR names of the news content type (workspace {@value #WORKSPACE}): the single place where they
 * are spelled. The matching content type definition is {@code
 * light-modules/irev-news/contentTypes/newsItem.yaml}.
 */
public final class NewsNodes {

  /** Workspace of the news items. */
  public static final String WORKSPACE = "irev-news";

  /** Node type of a news item or event. */
  public static final String NODE_TYPE = "irev:newsItem";

  public static final String TITLE = "title";
  public static final String TEASER = "teaser";
  public static final String BODY = "body";

  /** {@code news} or {@code event}, see {@link NewsKind}. */
  public static final String KIND = "kind";

  public static final String START_DATE = "startDate";
  public static final String END_DATE = "endDate";
  public static final String ALL_DAY = "allDay";
  public static final String PLACE_NAME = "placeName";
  public static final String PLACE_ADDRESS = "placeAddress";
  public static final String PLACE_COMMUNE = "placeCommune";
  public static final String AUDIENCE = "audience";
  public static final String PUBLICATION_DATE = "publicationDate";

  /** Multi-valued String: identifiers of {@code irev:thematic} nodes. */
  public static final String THEMATICS = "thematics";

  /** Multi-valued String: identifiers of {@code irev:territory} nodes. */
  public static final String TERRITORIES = "territories";

  /**
   * Multi-valued String, derived: {@link #THEMATICS} and the identifiers of all their ancestor
   * thematics, so that a thematic filter at any level is one equality condition. Written by {@link
   * NewsScopes}; never edited by hand.
   */
  public static final String THEMATIC_SCOPE = "thematicScope";

  /**
   * Multi-valued String, derived: {@link #TERRITORIES} and the identifiers of every containing
   * territory (EPCI, département(s), région). Written by {@link NewsScopes}.
   */
  public static final String TERRITORY_SCOPE = "territoryScope";

  public static final String REGISTRATION_URL = "registrationUrl";

  /** Child node holding the attachments as children {@code 0}, {@code 1}, … */
  public static final String ATTACHMENTS = "attachments";

  /** DAM link of an attachment: {@code jcr:<identifier>}. */
  public static final String ATTACHMENT_ASSET = "asset";

  public static final String ATTACHMENT_TITLE = "title";
  public static final String ATTACHMENT_DESCRIPTION = "description";

  private NewsNodes() {}
}
