package fr.irev.news.registration.staff;

import fr.irev.news.registration.Cancellation;
import fr.irev.news.registration.Registration;
import fr.irev.news.registration.RegistrationStore;
import java.util.Objects;

/**
 * A one-time message shown at the top of a staff page after an action (post/redirect/get).
 *
 * @param kind success or error, not {@code null}
 * @param message the French sentence, not {@code null}
 */
public record Flash(Kind kind, String message) {

  /** Whether the action worked. */
  public enum Kind {
    /** Done: announced politely to screen readers ({@code role="status"}). */
    SUCCESS,
    /** Refused or failed: announced at once ({@code role="alert"}). */
    ERROR
  }

  /** Checks the components. */
  public Flash {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  /**
   * @param message the French sentence
   * @return a success message
   */
  public static Flash success(String message) {
    return new Flash(Kind.SUCCESS, message);
  }

  /**
   * @param message the French sentence
   * @return an error message
   */
  public static Flash error(String message) {
    return new Flash(Kind.ERROR, message);
  }

  /**
   * The message after a cancellation by staff.
   *
   * @param cancellation what the store did, not {@code null}
   * @return "Inscription annulée." or, when waiting registrations were let in, "Inscription annulée
   *     ; 1 personne confirmée depuis la liste d’attente." (counted in people)
   */
  public static Flash cancelled(Cancellation cancellation) {
    int people = 0;
    for (Registration r : cancellation.promoted()) {
      people += r.seats();
    }
    return cancelled(people);
  }

  /**
   * The message after a cancellation by staff.
   *
   * @param promotedPeople people confirmed from the waiting list because of it, {@code >= 0}
   * @return as {@link #cancelled(Cancellation)}
   */
  public static Flash cancelled(int promotedPeople) {
    if (promotedPeople == 0) {
      return success("Inscription annulée.");
    }
    return success(
        "Inscription annulée\u00a0; "
            + StaffText.people(promotedPeople)
            + (promotedPeople == 1 ? " confirmée" : " confirmées")
            + " depuis la liste d’attente.");
  }

  /**
   * The message when the registration to cancel was not found.
   *
   * @return an error message
   */
  public static Flash notFound() {
    return error("Inscription introuvable (elle a peut-être été supprimée).");
  }

  /**
   * The message after staff asked to confirm a registration from the waiting list.
   *
   * @param outcome what the store did, not {@code null}
   * @return the message
   */
  public static Flash promotion(RegistrationStore.PromotionOutcome outcome) {
    return switch (outcome) {
      case PROMOTED -> success("Inscription confirmée depuis la liste d’attente.");
      case NO_ROOM -> error("Pas assez de places pour confirmer cette inscription.");
      case NOT_WAITING -> error("Cette inscription n’est plus sur la liste d’attente.");
      case NOT_FOUND -> notFound();
    };
  }
}
