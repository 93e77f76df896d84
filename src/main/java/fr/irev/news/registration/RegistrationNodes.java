package fr.irev.news.registration;

/**
 * JCR names of event registrations (workspace {@value #WORKSPACE}): the single place where they are
 * spelled. Layout: one {@value #FOLDER_TYPE} per event named after the event id, holding one
 * {@value #NODE_TYPE} node per registration, named after a random UUID, in order of arrival: {@code
 * /<eventId>/<uuid>}.
 */
public final class RegistrationNodes {

  /** Workspace of the registrations. */
  public static final String WORKSPACE = "irev-registrations";

  /** Node type of one registration. */
  public static final String NODE_TYPE = "irev:registration";

  /** Node type of the folder holding the registrations of one event. */
  public static final String FOLDER_TYPE = "mgnl:folder";

  /** Id of the event (the folder's name), repeated on each registration for queries. */
  public static final String EVENT_ID = "eventId";

  /** {@value #CONFIRMED}, {@value #WAITING} or {@value #CANCELLED}. */
  public static final String STATUS = "status";

  /** Value of {@link #STATUS}: holds confirmed seats. */
  public static final String CONFIRMED = "confirmed";

  /** Value of {@link #STATUS}: holds seats on the waiting list. */
  public static final String WAITING = "waiting";

  /** Value of {@link #STATUS}: holds no seat any more. */
  public static final String CANCELLED = "cancelled";

  /** Long: seats (people) the registration holds, {@code >= 1}. */
  public static final String SEATS = "seats";

  public static final String LAST_NAME = "lastName";
  public static final String FIRST_NAME = "firstName";

  /** The e-mail address as typed. */
  public static final String EMAIL = "email";

  /** The e-mail address trimmed and lower-cased: the duplicate key within one event. */
  public static final String EMAIL_KEY = "emailKey";

  /** Idempotency token of the form post (a double submission carries the same one). */
  public static final String TOKEN = "token";

  /** Date: when the registration was recorded. */
  public static final String CREATED = "created";

  /** Optional details as the form posts them (names of {@link RegistrationForm}'s fields). */
  public static final String ORGANISATION = RegistrationForm.ORGANISATION;

  public static final String FUNCTION = RegistrationForm.FUNCTION;
  public static final String COMMUNE = RegistrationForm.COMMUNE;
  public static final String PHONE = RegistrationForm.PHONE;
  public static final String NEEDS = RegistrationForm.NEEDS;
  public static final String COMMENT = RegistrationForm.COMMENT;

  /**
   * Date on an event folder: when its registrations (personal data) may be deleted, the event's end
   * plus the retention period; the purge deletes the folder after it.
   */
  public static final String RETAIN_UNTIL = "retainUntil";

  /**
   * Long on an event folder: incremented by every change the store saves in it (a registration, a
   * cancellation, a promotion), so that what a store keeps in memory is checked in one read.
   */
  public static final String REVISION = "revision";

  /** Date: when the registration was last cancelled or promoted. */
  public static final String STATUS_CHANGED = "statusChanged";

  private RegistrationNodes() {}
}
