package fr.irev.news.registration;

import java.util.Locale;

/**
 * A registration attempt as the form posts it, already validated for shape by the form (lengths,
 * characters, e-mail syntax); only presence is checked here.
 *
 * @param token idempotency token of the form post: a double submission carries the same one; not
 *     blank
 * @param lastName last name, not blank
 * @param firstName first name, not blank
 * @param email e-mail address as typed, not blank
 * @param seats seats (people) asked for, {@code >= 1}
 * @throws IllegalArgumentException when a string is {@code null} or blank, or {@code seats < 1}
 */
public record NewRegistration(
    String token, String lastName, String firstName, String email, int seats) {

  /** Validates the attempt. */
  public NewRegistration {
    required("token", token);
    required("lastName", lastName);
    required("firstName", firstName);
    required("email", email);
    if (seats < 1) {
      throw new IllegalArgumentException("seats must be >= 1, was " + seats);
    }
  }

  /**
   * The duplicate key of an e-mail address.
   *
   * @param email the address as typed, not {@code null}
   * @return the address trimmed and lower-cased (root locale)
   */
  public static String emailKey(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }

  /**
   * The duplicate key of this attempt's address.
   *
   * @return {@link #emailKey(String)} of {@link #email()}
   */
  public String emailKey() {
    return emailKey(email);
  }

  private static void required(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
  }
}
