package fr.irev.news.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.format.FrenchDates;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The registration form's input rules, with field cases C9 and C10 of shared/cases/CASES.md. */
class RegistrationFormTest {

  static final ZonedDateTime END = ZonedDateTime.of(2026, 3, 12, 17, 0, 0, 0, FrenchDates.PARIS);
  static final RegistrationSettings ONE_SEAT = RegistrationSettings.simple(END, 10);
  static final RegistrationSettings THREE_SEATS =
      new RegistrationSettings(true, null, null, END, 10, true, 5, 3);

  /** A complete valid post; tests change one parameter. */
  static Map<String, String[]> post() {
    Map<String, String[]> p = new LinkedHashMap<>();
    p.put("lastName", new String[] {"Dupont"});
    p.put("firstName", new String[] {"Hélène"});
    p.put("email", new String[] {"Helene.Dupont@Exemple.fr"});
    p.put("consent", new String[] {"on"});
    p.put("token", new String[] {"tok-123"});
    return p;
  }

  static Map<String, String[]> with(String name, String... values) {
    Map<String, String[]> p = post();
    p.put(name, values);
    return p;
  }

  static Map<String, String[]> without(String name) {
    Map<String, String[]> p = post();
    p.remove(name);
    return p;
  }

  static RegistrationForm parse(Map<String, String[]> p) {
    return RegistrationForm.parse(p, THREE_SEATS);
  }

  /** The only error of a form, which must be invalid with exactly one error. */
  static FieldError onlyError(RegistrationForm form) {
    assertFalse(form.valid());
    assertNull(form.registration());
    assertNull(form.details());
    assertEquals(1, form.errors().size(), form.errors()::toString);
    return form.errors().get(0);
  }

  static void assertError(String field, String message, Map<String, String[]> p) {
    assertEquals(new FieldError(field, message), onlyError(parse(p)));
  }

  @Test
  void validPostGivesRegistrationAndEmptyDetails() {
    RegistrationForm form = parse(post());
    assertTrue(form.valid());
    assertEquals(List.of(), form.errors());
    assertEquals(
        new NewRegistration("tok-123", "Dupont", "Hélène", "Helene.Dupont@Exemple.fr", 1),
        form.registration());
    assertEquals(new RegistrationForm.RegistrationDetails("", "", "", "", "", ""), form.details());
    assertEquals("helene.dupont@exemple.fr", form.registration().emailKey());
  }

  @Test
  void optionalFieldsAreKept() {
    Map<String, String[]> p = post();
    p.put("organisation", new String[] {"CCAS de Rennes"});
    p.put("function", new String[] {"Chargée de mission"});
    p.put("commune", new String[] {"Saint-Brieuc"});
    p.put("phone", new String[] {"+33 1 23 45 67 89"});
    p.put("needs", new String[] {"Repas végétarien, accès fauteuil"});
    p.put("comment", new String[] {"Ligne 1\r\nLigne 2\rLigne 3\n\tfin"});
    p.put("unknown", new String[] {"ignored", "twice"});
    RegistrationForm form = parse(p);
    assertEquals(
        new RegistrationForm.RegistrationDetails(
            "CCAS de Rennes",
            "Chargée de mission",
            "Saint-Brieuc",
            "+33 1 23 45 67 89",
            "Repas végétarien, accès fauteuil",
            "Ligne 1\nLigne 2\nLigne 3\n\tfin"),
        form.details());
  }

  @Test
  void valuesAreTrimmedAndNormalisedToNfc() {
    Map<String, String[]> p = with("firstName", "  He\u0301le\u0300ne \t");
    RegistrationForm form = parse(p);
    assertEquals("Hélène", form.registration().firstName());
    assertEquals("Hélène", form.values().get("firstName"));
  }

  @Test
  void c9HtmlIsAValidNameStoredAsTyped() {
    String html = "<img src=x onerror=alert(1)>";
    Map<String, String[]> p = with("firstName", html);
    p.put("lastName", new String[] {"<script>alert('x')</script> & \"Cie\""});
    p.put("comment", new String[] {"<b>gras</b>"});
    RegistrationForm form = parse(p);
    assertTrue(form.valid(), form.errors()::toString);
    assertEquals(html, form.registration().firstName());
    assertEquals("<script>alert('x')</script> & \"Cie\"", form.registration().lastName());
    assertEquals("<b>gras</b>", form.details().comment());
    assertEquals(html, form.values().get("firstName"));
  }

  @Test
  void c10HeaderInjectionInANameIsRefused() {
    Map<String, String[]> p = with("lastName", "Dupont\r\nBcc: someone@example.org");
    RegistrationForm form = parse(p);
    assertEquals(
        new FieldError(
            "lastName", "Le nom ne doit contenir ni retour à la ligne ni caractère de contrôle."),
        onlyError(form));
    assertEquals("Dupont\r\nBcc: someone@example.org", form.values().get("lastName"));
  }

  @Test
  void c10HeaderInjectionInTheEmailIsRefused() {
    assertError(
        "email",
        "L’adresse e-mail ne doit contenir ni retour à la ligne ni caractère de contrôle.",
        with("email", "a@exemple.fr\nBcc: someone@example.org"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Du\u0000pont",
        "Du\u0007pont",
        "Du\tpont",
        "Du\u007fpont",
        "Du\u0085pont",
        "Du\u009bpont",
        "Du\u2028pont",
        "Du\u2029pont",
        "Du\ud800pont"
      })
  void controlCharactersInSingleLineFieldsAreRefused(String value) {
    assertError(
        "firstName",
        "Le prénom ne doit contenir ni retour à la ligne ni caractère de contrôle.",
        with("firstName", value));
    assertError(
        "organisation",
        "Le nom de l’organisme ne doit contenir ni retour à la ligne ni caractère de contrôle.",
        with("organisation", value));
  }

  @Test
  void controlCharactersOtherThanTabAndLineBreakAreRefusedInTheComment() {
    assertError(
        "comment",
        "Le commentaire ne doit pas contenir de caractère de contrôle"
            + " (seuls les retours à la ligne et les tabulations sont acceptés).",
        with("comment", "Bonjour\u0000"));
  }

  @Test
  void missingRequiredFieldsInFormOrder() {
    RegistrationForm form = parse(Map.of());
    assertEquals(
        List.of(
            new FieldError("lastName", "Indiquez votre nom."),
            new FieldError("firstName", "Indiquez votre prénom."),
            new FieldError(
                "email", "Indiquez une adresse e-mail valide, par exemple prenom.nom@exemple.fr."),
            new FieldError(
                "consent",
                "Cochez la case pour accepter l’utilisation de vos données pour cette"
                    + " inscription."),
            new FieldError(
                "token",
                "Le formulaire est incomplet ou a expiré. Rechargez la page puis renvoyez-le.")),
        form.errors());
    assertEquals(RegistrationForm.FIELDS, List.copyOf(form.values().keySet()));
    assertTrue(form.values().values().stream().allMatch(String::isEmpty));
  }

  @Test
  void blankRequiredFieldsAreMissing() {
    assertError("lastName", "Indiquez votre nom.", with("lastName", "   "));
    assertError("firstName", "Indiquez votre prénom.", with("firstName", ""));
    assertError(
        "email",
        "Indiquez une adresse e-mail valide, par exemple prenom.nom@exemple.fr.",
        with("email", " "));
  }

  @Test
  void missingConsentIsRefused() {
    String message =
        "Cochez la case pour accepter l’utilisation de vos données pour cette inscription.";
    assertError("consent", message, without("consent"));
    assertError("consent", message, with("consent", ""));
    assertError("consent", message, with("consent"));
  }

  @Test
  void tokenIsRequiredAndPrintableAscii() {
    String message = "Le formulaire est incomplet ou a expiré. Rechargez la page puis renvoyez-le.";
    assertError("token", message, without("token"));
    assertError("token", message, with("token", "a b"));
    assertError("token", message, with("token", "x".repeat(129)));
  }

  @Test
  void aParameterGivenTwiceIsAnErrorNotAGuess() {
    String message =
        "Ce champ a été envoyé plusieurs fois. Vérifiez-le puis renvoyez le formulaire.";
    RegistrationForm form = parse(with("email", "a@exemple.fr", "b@exemple.fr"));
    assertEquals(new FieldError("email", message), onlyError(form));
    assertEquals("", form.values().get("email"));
    assertError("lastName", message, with("lastName", "Dupont", "Dupont"));
    assertError("seats", message, with("seats", "1", "2"));
    assertError("consent", message, with("consent", "on", "on"));
    assertError("token", message, with("token", "a", "b"));
  }

  @Test
  void overlongFieldsSayTheLimit() {
    assertTrue(parse(with("lastName", "é".repeat(100))).valid());
    assertError(
        "lastName",
        "Le nom ne doit pas dépasser 100 caractères (vous en avez saisi 101).",
        with("lastName", "é".repeat(101)));
    assertError(
        "firstName",
        "Le prénom ne doit pas dépasser 100 caractères (vous en avez saisi 250).",
        with("firstName", "x".repeat(250)));
    String local = "a".repeat(60);
    String longEmail = local + "@" + "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(80);
    assertTrue(longEmail.length() > 254);
    assertError(
        "email",
        "L’adresse e-mail ne doit pas dépasser 254 caractères (vous en avez saisi "
            + longEmail.length()
            + ").",
        with("email", longEmail));
    assertTrue(parse(with("comment", "x".repeat(2000))).valid());
    assertError(
        "comment",
        "Le commentaire ne doit pas dépasser 2\u00a0000 caractères (vous en avez saisi 2\u00a0001).",
        with("comment", "x".repeat(2001)));
    assertError(
        "phone",
        "Le numéro de téléphone ne doit pas dépasser 30 caractères (vous en avez saisi 31).",
        with("phone", "1".repeat(31)));
  }

  @Test
  void lengthsCountCharactersNotUtf16Units() {
    // 100 letters outside the BMP (U+1D49C) are 200 UTF-16 units but 100 characters
    assertTrue(parse(with("lastName", "\ud835\udc9c".repeat(100))).valid());
    assertFalse(parse(with("lastName", "\ud835\udc9c".repeat(101))).valid());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "2", "3", " 3 ", "03"})
  void seatsWithinRange(String value) {
    assertEquals(
        Integer.parseInt(value.strip()), parse(with("seats", value)).registration().seats());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "4", "-1", "+2", "1.5", "deux", "2 personnes", "99999999999", ""})
  void seatsOutOfRangeOrNotANumber(String value) {
    assertError("seats", "Indiquez un nombre de personnes entre 1 et 3.", with("seats", value));
  }

  @Test
  void seatsAbsentMeansOne() {
    assertEquals(1, parse(post()).registration().seats());
    assertEquals(1, RegistrationForm.parse(post(), ONE_SEAT).registration().seats());
    assertEquals(1, RegistrationForm.parse(with("seats", ""), ONE_SEAT).registration().seats());
  }

  @Test
  void seatsOfAnIndividualRegistration() {
    assertEquals(
        new FieldError("seats", "Cette inscription est individuelle\u00a0: indiquez 1 personne."),
        onlyError(RegistrationForm.parse(with("seats", "2"), ONE_SEAT)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "prenom.nom@exemple.fr",
        "Prenom.Nom+tag@Exemple.FR",
        "hélène@exemple.fr",
        "jean@café.fr",
        "x@sous.domaine.exemple.gouv.fr",
        "o'brien@exemple.ie"
      })
  void plausibleAddressesAreAccepted(String email) {
    RegistrationForm form = parse(with("email", email));
    assertTrue(form.valid(), form.errors()::toString);
    assertEquals(email, form.registration().email());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "prenom.nom",
        "@exemple.fr",
        "prenom@",
        "prenom@exemple",
        "a@b@exemple.fr",
        "pre nom@exemple.fr",
        "prenom@exem ple.fr",
        "prenom@.exemple.fr",
        "prenom@exemple.fr.",
        "prenom@exemple..fr",
        ".prenom@exemple.fr",
        "prenom.@exemple.fr",
        "pre..nom@exemple.fr",
        "<prenom@exemple.fr>",
        "prenom,nom@exemple.fr",
        "prenom@-exemple.fr",
        "prenom@exe_mple.fr",
        "prenom\u00a0nom@exemple.fr"
      })
  void implausibleAddressesAreRefused(String email) {
    assertError(
        "email",
        "Indiquez une adresse e-mail valide, par exemple prenom.nom@exemple.fr.",
        with("email", email));
  }

  @Test
  void localPartIsAtMost64Characters() {
    assertTrue(parse(with("email", "a".repeat(64) + "@exemple.fr")).valid());
    assertError(
        "email",
        "Indiquez une adresse e-mail valide, par exemple prenom.nom@exemple.fr.",
        with("email", "a".repeat(65) + "@exemple.fr"));
  }

  @Test
  void valuesAreKeptForRedisplayOnError() {
    Map<String, String[]> p = without("consent");
    p.put("seats", new String[] {"7"});
    p.put("comment", new String[] {" Merci\r\n "});
    RegistrationForm form = parse(p);
    assertEquals(2, form.errors().size());
    assertEquals("seats", form.errors().get(0).field());
    assertEquals("consent", form.errors().get(1).field());
    assertEquals("Dupont", form.values().get("lastName"));
    assertEquals("Hélène", form.values().get("firstName"));
    assertEquals("Helene.Dupont@Exemple.fr", form.values().get("email"));
    assertEquals("7", form.values().get("seats"));
    assertEquals("Merci", form.values().get("comment"));
    assertEquals("", form.values().get("consent"));
    assertThrows(UnsupportedOperationException.class, () -> form.values().put("x", "y"));
  }

  @Test
  void nullArrayOrNullValueCountsAsAbsent() {
    Map<String, String[]> p = post();
    p.put("organisation", null);
    p.put("function", new String[] {null});
    p.put("commune", new String[0]);
    assertTrue(parse(p).valid());
  }

  @Test
  void invariantAndArguments() {
    assertThrows(NullPointerException.class, () -> RegistrationForm.parse(null, ONE_SEAT));
    assertThrows(NullPointerException.class, () -> RegistrationForm.parse(post(), null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new RegistrationForm(Map.of(), List.of(), null, null));
    assertThrows(IllegalArgumentException.class, () -> new FieldError("email", " "));
  }

  @Test
  void namesNeedALetterAndNoInvisibleFormatting() {
    assertEquals(
        new FieldError(RegistrationForm.LAST_NAME, "Le nom doit contenir au moins une lettre."),
        onlyError(parse(with(RegistrationForm.LAST_NAME, "-- 42 --"))));
    for (String hidden :
        new String[] {"\u200b", "\u2060", "\u202e", "\u2067", "\u202b", "\ufeff"}) {
      assertEquals(
          new FieldError(
              RegistrationForm.FIRST_NAME,
              "Le prénom ne doit contenir ni retour à la ligne ni caractère de contrôle."),
          onlyError(parse(with(RegistrationForm.FIRST_NAME, "Ma" + hidden + "rie"))),
          "U+" + Integer.toHexString(hidden.charAt(0)));
    }
    assertTrue(parse(with(RegistrationForm.LAST_NAME, "N’Diaye-Lefèvre")).valid());
  }
}
