package fr.irev.news.registration.staff;

import fr.irev.news.format.FrenchDates;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.regex.Pattern;

/** French wording shared by the staff pages: counts with their noun, dates and times. */
final class StaffText {

  private static final Pattern CONTEXT_PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)*");

  private StaffText() {}

  /** "0 personne", "1 personne", "2 personnes" (French singular for 0 and 1). */
  static String people(int n) {
    return n + FrenchDates.NBSP + (n > 1 ? "personnes" : "personne");
  }

  /** "1 inscription", "3 inscriptions". */
  static String registrations(int n) {
    return n + FrenchDates.NBSP + (n > 1 ? "inscriptions" : "inscription");
  }

  /** "12 personnes (10 inscriptions)". */
  static String seatsAndRegistrations(int seats, int registrations) {
    return people(seats) + " (" + registrations(registrations) + ")";
  }

  /** "30 novembre 2021 à 9 h 00" in Paris time; "" for null. */
  static String dateTime(ZonedDateTime t) {
    return t == null ? "" : FrenchDates.date(t) + " à " + FrenchDates.time(t);
  }

  /** {@link #dateTime(ZonedDateTime)} of an instant; "" for null. */
  static String dateTime(Instant t) {
    return t == null ? "" : dateTime(FrenchDates.inParis(t));
  }

  /**
   * @param contextPath {@code ""} or {@code /name} (segments of unreserved characters)
   * @return the context path
   * @throws IllegalArgumentException for any other value (also {@code null} and {@code "/"})
   */
  static String checkContextPath(String contextPath) {
    if (contextPath == null || !CONTEXT_PATH.matcher(contextPath).matches()) {
      throw new IllegalArgumentException("invalid context path: '" + contextPath + "'");
    }
    return contextPath;
  }
}
