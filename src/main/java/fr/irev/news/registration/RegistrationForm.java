package fr.irev.news.registration;

import java.net.IDN;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A posted registration form, read from the raw servlet parameters: either a valid {@link
 * NewRegistration} with its {@link RegistrationDetails}, or the {@link FieldError}s to show next to
 * the fields, in form order, at most one per field.
 *
 * <p>Every value is normalised to Unicode NFC and stripped of leading and trailing white space.
 * Values are kept as typed otherwise: HTML such as {@code <img src=x onerror=alert(1)>} is a valid
 * name and comes back unchanged (field case C9: escaping is the output's job). Single-line fields
 * refuse line breaks and every other control character (C0, DEL, C1, U+2028, U+2029, lone
 * surrogates), so no value can later inject a mail header (field case C10); the multi-line comment
 * accepts tabs and line breaks, normalised to {@code \n}. A parameter sent more than once is an
 * error, never a guess. Parameters other than {@link #FIELDS} are ignored.
 *
 * @param values the values for re-display, by parameter name, in form order ({@link #FIELDS});
 *     normalised as above; an absent or repeated parameter gives {@code ""}; unmodifiable
 * @param errors the messages, in form order; empty when the form is valid; unmodifiable
 * @param registration the registration attempt when the form is valid, otherwise {@code null}
 * @param details the optional fields when the form is valid, otherwise {@code null}
 * @throws IllegalArgumentException when {@code registration} and {@code details} are not given
 *     exactly when {@code errors} is empty
 */
public record RegistrationForm(
    Map<String, String> values,
    List<FieldError> errors,
    NewRegistration registration,
    RegistrationDetails details) {

  /** Parameter of the last name (required). */
  public static final String LAST_NAME = "lastName";

  /** Parameter of the first name (required). */
  public static final String FIRST_NAME = "firstName";

  /** Parameter of the e-mail address (required). */
  public static final String EMAIL = "email";

  /** Parameter of the number of seats (people); absent means 1. */
  public static final String SEATS = "seats";

  /** Parameter of the organisation (optional). */
  public static final String ORGANISATION = "organisation";

  /** Parameter of the function (optional). */
  public static final String FUNCTION = "function";

  /** Parameter of the commune (optional). */
  public static final String COMMUNE = "commune";

  /** Parameter of the phone number (optional). */
  public static final String PHONE = "phone";

  /** Parameter of the dietary or accessibility needs (optional). */
  public static final String NEEDS = "needs";

  /** Parameter of the free comment (optional, multi-line). */
  public static final String COMMENT = "comment";

  /** Parameter of the consent check box (required: any non-blank value means checked). */
  public static final String CONSENT = "consent";

  /** Parameter of the idempotency token, a hidden field (required). */
  public static final String TOKEN = "token";

  /** Most characters (code points) of a last or first name. */
  public static final int NAME_MAX = 100;

  /** Most characters (code points) of an e-mail address. */
  public static final int EMAIL_MAX = 254;

  /** Most characters (code points) of the local part (before the {@code @}) of an address. */
  public static final int EMAIL_LOCAL_MAX = 64;

  /** Most characters (code points) of the comment. */
  public static final int COMMENT_MAX = 2000;

  /** Message of a missing or invalid e-mail address. */
  public static final String EMAIL_MESSAGE =
      "Indiquez une adresse e-mail valide, par exemple prenom.nom@exemple.fr.";

  /** The form's parameters, in form order (the order of {@link #errors()}). */
  public static final List<String> FIELDS =
      List.of(
          LAST_NAME,
          FIRST_NAME,
          EMAIL,
          SEATS,
          ORGANISATION,
          FUNCTION,
          COMMUNE,
          PHONE,
          NEEDS,
          COMMENT,
          CONSENT,
          TOKEN);

  private static final int TOKEN_MAX = 128;
  private static final int SEATS_DIGITS_MAX = 6;

  /**
   * The optional fields of a valid form; each is {@code ""} when not given.
   *
   * @param organisation organisation, single line, at most 200 characters
   * @param function function, single line, at most 200 characters
   * @param commune commune, single line, at most 100 characters
   * @param phone phone number, single line, at most 30 characters
   * @param needs dietary or accessibility needs, single line, at most 500 characters
   * @param comment free comment, lines separated by {@code \n}, at most {@value
   *     RegistrationForm#COMMENT_MAX} characters
   * @throws NullPointerException when a component is {@code null}
   */
  public record RegistrationDetails(
      String organisation,
      String function,
      String commune,
      String phone,
      String needs,
      String comment) {

    /** Checks that no component is {@code null}. */
    public RegistrationDetails {
      Objects.requireNonNull(organisation, "organisation");
      Objects.requireNonNull(function, "function");
      Objects.requireNonNull(commune, "commune");
      Objects.requireNonNull(phone, "phone");
      Objects.requireNonNull(needs, "needs");
      Objects.requireNonNull(comment, "comment");
    }
  }

  /** Validates the invariant and copies the collections. */
  public RegistrationForm {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    errors = List.copyOf(errors);
    boolean complete = registration != null && details != null;
    if (errors.isEmpty() != complete) {
      throw new IllegalArgumentException(
          "registration and details are given exactly when there is no error");
    }
  }

  /**
   * Whether the form is valid.
   *
   * @return {@code true} when {@link #errors()} is empty, and {@link #registration()} and {@link
   *     #details()} are then not {@code null}
   */
  public boolean valid() {
    return errors.isEmpty();
  }

  /**
   * Reads a posted form.
   *
   * @param parameters the raw request parameters ({@code ServletRequest#getParameterMap()}), not
   *     {@code null}; a {@code null} or empty array counts as absent
   * @param settings the event's settings, for {@link
   *     RegistrationSettings#maxSeatsPerRegistration()}, not {@code null}
   * @return the form, valid or with its errors; never {@code null}
   * @throws NullPointerException when an argument is {@code null}
   */
  public static RegistrationForm parse(
      Map<String, String[]> parameters, RegistrationSettings settings) {
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(settings, "settings");
    Reader reader = new Reader(parameters);
    String lastName = reader.line(LAST_NAME, "Le nom", NAME_MAX, "Indiquez votre nom.");
    String firstName = reader.line(FIRST_NAME, "Le prénom", NAME_MAX, "Indiquez votre prénom.");
    String email = reader.email();
    int seats = reader.seats(settings.maxSeatsPerRegistration());
    String organisation = reader.line(ORGANISATION, "Le nom de l’organisme", 200, null);
    String function = reader.line(FUNCTION, "La fonction", 200, null);
    String commune = reader.line(COMMUNE, "La commune", 100, null);
    String phone = reader.line(PHONE, "Le numéro de téléphone", 30, null);
    String needs = reader.line(NEEDS, "La description de vos besoins", 500, null);
    String comment = reader.comment();
    reader.consent();
    String token = reader.token();
    if (!reader.errors.isEmpty()) {
      return new RegistrationForm(reader.values, reader.errors, null, null);
    }
    return new RegistrationForm(
        reader.values,
        reader.errors,
        new NewRegistration(token, lastName, firstName, email, seats),
        new RegistrationDetails(organisation, function, commune, phone, needs, comment));
  }

  /** Reads the fields one after another, collecting values and errors in form order. */
  private static final class Reader {
    private final Map<String, String[]> parameters;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<FieldError> errors = new ArrayList<>();

    Reader(Map<String, String[]> parameters) {
      this.parameters = parameters;
    }

    /**
     * The single value of a parameter, normalised (NFC, stripped; line breaks made {@code \n} when
     * multi-line), recorded in {@link #values}; {@code null} after recording an error when it was
     * sent more than once.
     */
    private String raw(String field, boolean multiLine) {
      String[] given = parameters.get(field);
      if (given != null && given.length > 1) {
        values.put(field, "");
        error(
            field,
            "Ce champ a été envoyé plusieurs fois. Vérifiez-le puis renvoyez le formulaire.");
        return null;
      }
      String value = given == null || given.length == 0 || given[0] == null ? "" : given[0];
      value = Normalizer.normalize(value, Normalizer.Form.NFC);
      if (multiLine) {
        value = value.replace("\r\n", "\n").replace('\r', '\n');
      }
      value = value.strip();
      values.put(field, value);
      return value;
    }

    /**
     * A single-line text field; {@code requiredMessage == null} for an optional one. Returns the
     * value, or {@code null} after recording an error.
     */
    String line(String field, String subject, int max, String requiredMessage) {
      String value = raw(field, false);
      if (value == null) {
        return null;
      }
      if (hasControl(value, false)) {
        return error(
            field, subject + " ne doit contenir ni retour à la ligne ni caractère de contrôle.");
      }
      if (value.isEmpty() && requiredMessage != null) {
        return error(field, requiredMessage);
      }
      if (requiredMessage != null && value.codePoints().noneMatch(Character::isLetter)) {
        return error(field, subject + " doit contenir au moins une lettre.");
      }
      return withinLength(field, subject, value, max);
    }

    String email() {
      String value = raw(EMAIL, false);
      if (value == null) {
        return null;
      }
      if (hasControl(value, false)) {
        return error(
            EMAIL,
            "L’adresse e-mail ne doit contenir ni retour à la ligne ni caractère de contrôle.");
      }
      if (withinLength(EMAIL, "L’adresse e-mail", value, EMAIL_MAX) == null) {
        return null;
      }
      return plausibleEmail(value) ? value : error(EMAIL, EMAIL_MESSAGE);
    }

    int seats(int max) {
      String value = raw(SEATS, false);
      if (value == null) {
        return 0;
      }
      boolean absent = value.isEmpty() && (max == 1 || !parameters.containsKey(SEATS));
      if (absent) {
        return 1;
      }
      int seats = 0;
      if (!value.isEmpty()
          && value.length() <= SEATS_DIGITS_MAX
          && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
        seats = Integer.parseInt(value);
      }
      if (seats < 1 || seats > max) {
        error(
            SEATS,
            max == 1
                ? "Cette inscription est individuelle\u00a0: indiquez 1 personne."
                : "Indiquez un nombre de personnes entre 1 et " + max + ".");
        return 0;
      }
      return seats;
    }

    String comment() {
      String value = raw(COMMENT, true);
      if (value == null) {
        return null;
      }
      if (hasControl(value, true)) {
        return error(
            COMMENT,
            "Le commentaire ne doit pas contenir de caractère de contrôle"
                + " (seuls les retours à la ligne et les tabulations sont acceptés).");
      }
      return withinLength(COMMENT, "Le commentaire", value, COMMENT_MAX);
    }

    void consent() {
      String value = raw(CONSENT, false);
      if (value != null && value.isEmpty()) {
        error(
            CONSENT,
            "Cochez la case pour accepter l’utilisation de vos données pour cette inscription.");
      }
    }

    String token() {
      String value = raw(TOKEN, false);
      if (value == null) {
        return null;
      }
      boolean wellFormed =
          !value.isEmpty()
              && value.length() <= TOKEN_MAX
              && value.chars().allMatch(c -> c > ' ' && c < 0x7f);
      return wellFormed
          ? value
          : error(
              TOKEN,
              "Le formulaire est incomplet ou a expiré. Rechargez la page puis renvoyez-le.");
    }

    private String withinLength(String field, String subject, String value, int max) {
      int length = value.codePointCount(0, value.length());
      if (length > max) {
        return error(
            field,
            subject
                + " ne doit pas dépasser "
                + grouped(max)
                + " caractères (vous en avez saisi "
                + grouped(length)
                + ").");
      }
      return value;
    }

    private String error(String field, String message) {
      errors.add(new FieldError(field, message));
      return null;
    }
  }

  /** Whether a value holds a control character; tab and {@code \n} are allowed when multi-line. */
  private static boolean hasControl(String value, boolean multiLine) {
    return value
        .codePoints()
        .anyMatch(
            c ->
                !(multiLine && (c == '\t' || c == '\n'))
                    && (c < 0x20
                        || (c >= 0x7f && c <= 0x9f)
                        || c == 0x2028
                        || c == 0x2029
                        || invisibleFormat(c)
                        || Character.isSurrogate((char) c) && c <= 0xffff));
  }

  /**
   * Invisible formatting characters that can hide or reverse text where names are shown (staff
   * pages, CSV, e-mail subjects): zero-width spaces and joiners, direction marks, embeddings,
   * overrides and isolates (Unicode TR9), word joiners, the byte order mark.
   */
  private static boolean invisibleFormat(int c) {
    return (c >= 0x200b && c <= 0x200f)
        || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2060 && c <= 0x2064)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0xfeff;
  }

  /**
   * A pragmatic e-mail check: one {@code @}; a local part of 1 to {@value #EMAIL_LOCAL_MAX}
   * characters without white space, quotes or the specials {@code ()<>[]:;,\}, and no leading,
   * trailing or doubled dot; a domain with a dot whose labels are valid host names once converted
   * with IDNA (internationalised domains allowed).
   */
  private static boolean plausibleEmail(String value) {
    int at = value.indexOf('@');
    if (at <= 0 || at != value.lastIndexOf('@') || at == value.length() - 1) {
      return false;
    }
    String local = value.substring(0, at);
    String domain = value.substring(at + 1);
    if (local.codePointCount(0, local.length()) > EMAIL_LOCAL_MAX
        || local.startsWith(".")
        || local.endsWith(".")
        || local.contains("..")
        || local
            .codePoints()
            .anyMatch(
                c ->
                    Character.isWhitespace(c)
                        || Character.isSpaceChar(c)
                        || "\"()<>[]:;,\\".indexOf(c) >= 0)) {
      return false;
    }
    if (!domain.contains(".") || domain.startsWith(".") || domain.endsWith(".")) {
      return false;
    }
    String ascii;
    try {
      ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (ascii.length() > 253 || ascii.contains("..")) {
      return false;
    }
    for (String label : ascii.split("\\.", -1)) {
      if (label.isEmpty() || label.length() > 63) {
        return false;
      }
    }
    return true;
  }

  /** A count with French digit grouping (non-breaking space): 2000 → "2 000". */
  private static String grouped(int n) {
    String digits = Integer.toString(n);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % 3 == 0) {
        out.append('\u00a0');
      }
      out.append(digits.charAt(i));
    }
    return out.toString();
  }
}
