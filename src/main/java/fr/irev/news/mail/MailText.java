package fr.irev.news.mail;

import java.util.regex.Pattern;

/** Checks shared by the mail records: header values and addresses. */
final class MailText {

  /**
   * A bare address ({@code local@domain}, RFC 5322 §3.4.1 addr-spec without quoted local parts or
   * domain literals): no white space, no display name, no list.
   */
  private static final Pattern ADDRESS =
      Pattern.compile(
          "[^\\s@<>()\\[\\]\\\\,;:\"]+@[^\\s@<>()\\[\\]\\\\,;:\"]+\\.[^\\s@<>()\\[\\]\\\\,;:\".]+");

  private static final int MAX_ADDRESS = 254;

  private MailText() {}

  /**
   * Whether a value holds a character that could end or fold a header line: a C0 or C1 control
   * character (CR, LF, TAB, NUL, NEL U+0085…), U+2028, U+2029 or DEL.
   */
  static boolean hasControl(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        return true;
      }
    }
    return false;
  }

  /**
   * @throws IllegalArgumentException when {@code value} has a control character; the message names
   *     the field only
   */
  static String headerValue(String value, String field) {
    if (value != null && hasControl(value)) {
      throw new IllegalArgumentException(
          field + " must not contain line breaks or control characters");
    }
    return value;
  }

  /**
   * @throws IllegalArgumentException when {@code value} is not one bare address; the message names
   *     the field only, never the value
   */
  static String address(String value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    headerValue(value, field);
    if (value.length() > MAX_ADDRESS || !ADDRESS.matcher(value).matches()) {
      throw new IllegalArgumentException(field + " must be one address such as nom@example.org");
    }
    return value;
  }
}
