package fr.irev.news.registration;

import java.util.Objects;

/**
 * A message to show next to one field of the registration form.
 *
 * @param field name of the form parameter the message is about (one of {@link
 *     RegistrationForm#FIELDS}), usable to build the {@code aria-describedby} link; not blank
 * @param message the French message for the visitor, plain text (the page escapes it); not blank
 * @throws IllegalArgumentException when a component is blank
 * @throws NullPointerException when a component is {@code null}
 */
public record FieldError(String field, String message) {

  /** Validates the components. */
  public FieldError {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
    if (field.isBlank() || message.isBlank()) {
      throw new IllegalArgumentException("field and message must not be blank");
    }
  }
}
