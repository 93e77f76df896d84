package fr.irev.news.mail;

import java.util.Arrays;
import java.util.Objects;

/**
 * A file attached to a {@link MailMessage}.
 *
 * @param fileName the name the recipient sees, e.g. {@code journee.ics}; not blank, no control
 *     characters; non-ASCII is sent RFC 2231-encoded
 * @param contentType the MIME type with its parameters, e.g. {@code text/calendar; charset=UTF-8;
 *     method=PUBLISH} ({@link fr.irev.news.calendar.EventCalendar#MEDIA_TYPE}); not blank, no
 *     control characters
 * @param data the content, not {@code null} (copied in and out: the record is immutable)
 */
public record MailAttachment(String fileName, String contentType, byte[] data) {

  /**
   * @throws NullPointerException when {@code data} is {@code null}
   * @throws IllegalArgumentException when {@code fileName} or {@code contentType} is missing, blank
   *     or holds a control character (CR, LF…: no header injection, field case C10)
   */
  public MailAttachment {
    if (fileName == null || fileName.isBlank()) {
      throw new IllegalArgumentException("fileName is required");
    }
    if (contentType == null || contentType.isBlank() || !contentType.contains("/")) {
      throw new IllegalArgumentException("contentType must be a MIME type such as text/plain");
    }
    MailText.headerValue(fileName, "fileName");
    MailText.headerValue(contentType, "contentType");
    data = Objects.requireNonNull(data, "data").clone();
  }

  /**
   * @return a copy of the content
   */
  @Override
  public byte[] data() {
    return data.clone();
  }

  /**
   * @return the content's length in bytes
   */
  public int size() {
    return data.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MailAttachment other
        && fileName.equals(other.fileName)
        && contentType.equals(other.contentType)
        && Arrays.equals(data, other.data);
  }

  @Override
  public int hashCode() {
    return Objects.hash(fileName, contentType, Arrays.hashCode(data));
  }

  /** Type and size only: file names can be personal. */
  @Override
  public String toString() {
    return "MailAttachment[" + contentType + ", " + data.length + " bytes]";
  }
}
