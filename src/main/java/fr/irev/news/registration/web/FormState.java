package fr.irev.news.registration.web;

import fr.irev.news.registration.FieldError;
import java.util.List;
import java.util.Map;

/**
 * What the registration form shows besides its fields: the values to keep, the errors next to each
 * field, the hidden tokens.
 *
 * @param values posted values by field name (kept on error); empty for a blank form
 * @param errors errors in form order; empty when none
 * @param token idempotency token to post again ({@code ""}: the page's script or the server fills
 *     it)
 * @param csrf double-submit value matching the cookie set by the same response, or {@code null}
 *     when the form does not need one (posts checked by Origin / {@code Sec-Fetch-Site})
 */
public record FormState(
    Map<String, String> values, List<FieldError> errors, String token, String csrf) {

  /** A blank form, as the cached page shows it. */
  public static final FormState BLANK = new FormState(Map.of(), List.of(), "", null);

  /** Copies the collections. */
  public FormState {
    values = Map.copyOf(values);
    errors = List.copyOf(errors);
    token = token == null ? "" : token;
  }

  /**
   * @param field a field name
   * @return the kept value, {@code ""} when none
   */
  public String value(String field) {
    return values.getOrDefault(field, "");
  }

  /**
   * @param field a field name
   * @return its first error, or {@code null}
   */
  public FieldError error(String field) {
    for (FieldError e : errors) {
      if (e.field().equals(field)) {
        return e;
      }
    }
    return null;
  }
}
