package fr.irev.news.registration;

/**
 * JCR names of the registration settings of one event: child node {@value #NODE} ({@value
 * #NODE_TYPE}) of the news item, edited in the news content app (composite field {@code
 * registration}, sub-model {@code registration} of {@code contentTypes/newsItem.yaml}). The single
 * place where they are spelled; read and written by {@link RegistrationSettingsMapper}.
 *
 * <p>Numbers ({@link #CAPACITY}, {@link #WAITING_LIST_SIZE}, {@link #MAX_SEATS}) are written as
 * {@code Long} by {@link RegistrationSettingsMapper#write}; the content app's text fields store
 * them as {@code String}, which the mapper reads too.
 */
public final class RegistrationSettingsNodes {

  /** Name of the child node of the news item. */
  public static final String NODE = "registration";

  /** Node type of {@link #NODE}. */
  public static final String NODE_TYPE = "mgnl:contentNode";

  /** Boolean: the built-in registration form is used for this event. */
  public static final String ENABLED = "enabled";

  /** Boolean: registrations are open (subject to the dates). */
  public static final String OPEN = "open";

  /** Date: first minute when registrations are accepted. */
  public static final String OPENS_AT = "opensAt";

  /** Date: last minute when registrations are accepted. */
  public static final String CLOSES_AT = "closesAt";

  /** Long: seats that can be confirmed. */
  public static final String CAPACITY = "capacity";

  /** Boolean: a waiting list is kept. */
  public static final String WAITING_LIST = "waitingList";

  /** Long: seats on the waiting list. */
  public static final String WAITING_LIST_SIZE = "waitingListSize";

  /** Long: most seats one registration may ask for (1 when absent). */
  public static final String MAX_SEATS = "maxSeats";

  public static final String ASK_ORGANISATION = "askOrganisation";
  public static final String ASK_FUNCTION = "askFunction";
  public static final String ASK_COMMUNE = "askCommune";
  public static final String ASK_PHONE = "askPhone";
  public static final String ASK_NEEDS = "askNeeds";
  public static final String ASK_COMMENT = "askComment";

  /** String: the consent text shown next to the consent box. */
  public static final String CONSENT_TEXT = "consentText";

  /** String: the message shown and sent on confirmation. */
  public static final String CONFIRMATION_MESSAGE = "confirmationMessage";

  /** String: the staff address notified of registrations. */
  public static final String STAFF_EMAIL = "staffEmail";

  private RegistrationSettingsNodes() {}
}
