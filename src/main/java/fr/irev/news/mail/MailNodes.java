package fr.irev.news.mail;

/**
 * JCR names of the mail outbox: the single place where they are spelled.
 *
 * <p>Layout: under any owner node (typically a registration), a child {@value #FOLDER} of type
 * {@value #FOLDER_TYPE} holds one {@value #NODE_TYPE} node per message, named after a random UUID.
 * Attachments are children of the message: {@value #ATTACHMENTS}/{@code 0}, {@code 1}, … of type
 * {@value #FOLDER_TYPE}, each with {@value #FILE_NAME}, {@value #CONTENT_TYPE} and the binary
 * {@value #DATA}. Deleting the owner (e.g. a registration at the end of its retention period)
 * deletes its messages with it.
 *
 * <p>Node type (module CND): {@code [irev:mail] > mgnl:contentNode} — referenceable (the outbox
 * hands out identifiers), residual properties and children allowed.
 */
public final class MailNodes {

  /** Node type of one message. */
  public static final String NODE_TYPE = "irev:mail";

  /** Name of the child of the owner node that holds its messages. */
  public static final String FOLDER = "mails";

  /** Node type of the {@value #FOLDER} node and of attachment nodes. */
  public static final String FOLDER_TYPE = "mgnl:contentNode";

  /** String: recipient address. */
  public static final String TO = "to";

  /** String: reply-to address, absent when none. */
  public static final String REPLY_TO = "replyTo";

  /** String. */
  public static final String SUBJECT = "subject";

  /** String: plain-text body. */
  public static final String TEXT = "text";

  /** String: HTML body, absent when none. */
  public static final String HTML = "html";

  /** Child node holding the attachments, absent when none. */
  public static final String ATTACHMENTS = "attachments";

  /** String: an attachment's file name. */
  public static final String FILE_NAME = "fileName";

  /** String: an attachment's MIME type. */
  public static final String CONTENT_TYPE = "contentType";

  /** Binary: an attachment's content. */
  public static final String DATA = "data";

  /** String: {@link MailState#jcrValue()}. */
  public static final String STATE = "state";

  /** Long: sending attempts so far. */
  public static final String ATTEMPTS = "attempts";

  /** Date: not to be tried before. */
  public static final String NEXT_ATTEMPT = "nextAttempt";

  /** Date: when the message was queued. */
  public static final String CREATED = "created";

  /** Date: when the SMTP server accepted it, absent before. */
  public static final String SENT_AT = "sentAt";

  /** Date: when it was last tried, absent before. */
  public static final String LAST_ATTEMPT = "lastAttempt";

  /** String: the last failure, without personal data, absent when none. */
  public static final String LAST_ERROR = "lastError";

  private MailNodes() {}
}
