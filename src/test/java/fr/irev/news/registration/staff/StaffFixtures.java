package fr.irev.news.registration.staff;

import fr.irev.news.registration.Registration;
import fr.irev.news.registration.RegistrationForm;
import java.time.Instant;
import java.util.Locale;

/** Registrations built in memory for the staff tests (records, no repository needed). */
final class StaffFixtures {

  static final String EVENT_ID = "journee-ptlcd";

  /** Field case C9. */
  static final String XSS = "<img src=x onerror=alert(1)>";

  private static int next;

  private StaffFixtures() {}

  static Registration registration(
      Registration.Status status, int seats, String lastName, String firstName, Instant created) {
    return registration(status, seats, lastName, firstName, created, Registration.NO_DETAILS);
  }

  static Registration registration(
      Registration.Status status,
      int seats,
      String lastName,
      String firstName,
      Instant created,
      RegistrationForm.RegistrationDetails details) {
    int n = ++next;
    String email = "personne" + n + "@example.org";
    return new Registration(
        String.format(Locale.ROOT, "00000000-0000-4000-8000-%012d", n),
        EVENT_ID,
        status,
        seats,
        lastName,
        firstName,
        email,
        email.toLowerCase(Locale.ROOT),
        "token-" + n,
        created,
        details);
  }

  static RegistrationForm.RegistrationDetails details(
      String organisation, String phone, String comment) {
    return new RegistrationForm.RegistrationDetails(organisation, "", "", phone, "", comment);
  }
}
