package fr.irev.news.registration;

import fr.irev.news.format.FrenchDates;
import java.time.ZonedDateTime;

/**
 * The answer to one registration attempt, with the French sentence shown to the visitor ({@link
 * #message()}, plain text: the template escapes it). Dates in messages are in Europe/Paris, written
 * by {@link FrenchDates} (U+00A0 inside times and between day number and month).
 */
public sealed interface Decision {

  /**
   * The visitor's message.
   *
   * @return one French sentence ending with a full stop, never {@code null}
   */
  String message();

  /**
   * Whether the registration is recorded and holds seats (confirmed or waiting).
   *
   * @return {@code true} for {@link Confirmed} and {@link Waiting}
   */
  default boolean holdsSeats() {
    return this instanceof Confirmed || this instanceof Waiting;
  }

  /** All seats asked for are confirmed. */
  record Confirmed() implements Decision {
    @Override
    public String message() {
      return "Votre inscription est confirmée.";
    }
  }

  /**
   * The registration goes on the waiting list.
   *
   * @param position 1-based position counted in seats: the number of seats already waiting ahead,
   *     plus one (the same as the place in line when every registration is for one person, the
   *     default); {@code >= 1}
   * @throws IllegalArgumentException when {@code position < 1}
   */
  record Waiting(int position) implements Decision {
    /** Validates the position. */
    public Waiting {
      if (position < 1) {
        throw new IllegalArgumentException("position must be >= 1, was " + position);
      }
    }

    @Override
    public String message() {
      return "Vous êtes sur liste d’attente (position " + position + ").";
    }
  }

  /** Not enough seats left, and no room for all the seats on the waiting list (or no list). */
  record Full() implements Decision {
    @Override
    public String message() {
      return "Cet événement est complet.";
    }
  }

  /** Why registrations are closed. */
  enum Reason {
    /** Staff closed registrations ({@link RegistrationSettings#open()} is false). */
    NOT_OPEN,
    /** Before {@link RegistrationSettings#opensAt()}. */
    BEFORE_OPENING,
    /** After the minute of {@link RegistrationSettings#closesAt()}. */
    AFTER_DEADLINE,
    /** At or after {@link RegistrationSettings#eventEnd()}. */
    EVENT_PAST
  }

  /**
   * Registrations are closed.
   *
   * @param reason why, not {@code null}
   * @param at the opening date-time for {@link Reason#BEFORE_OPENING}, the deadline for {@link
   *     Reason#AFTER_DEADLINE} (both required then, converted to Paris time); {@code null} for the
   *     other reasons (ignored when given)
   * @throws IllegalArgumentException when {@code reason} is {@code null}, or {@code at} is {@code
   *     null} for a reason that shows a date
   */
  record Closed(Reason reason, ZonedDateTime at) implements Decision {
    /** Validates and normalises. */
    public Closed {
      if (reason == null) {
        throw new IllegalArgumentException("reason is required");
      }
      boolean dated = reason == Reason.BEFORE_OPENING || reason == Reason.AFTER_DEADLINE;
      if (dated && at == null) {
        throw new IllegalArgumentException("a date is required for " + reason);
      }
      at = dated ? FrenchDates.inParis(at) : null;
    }

    @Override
    public String message() {
      return switch (reason) {
        case NOT_OPEN -> "Les inscriptions ne sont pas ouvertes pour cet événement.";
        case BEFORE_OPENING -> "Les inscriptions ouvriront " + when() + ".";
        case AFTER_DEADLINE -> "Les inscriptions sont closes depuis " + when() + ".";
        case EVENT_PAST -> "Cet événement est passé.";
      };
    }

    private String when() {
      return FrenchDates.day(at) + " à " + FrenchDates.time(at);
    }
  }

  /**
   * More seats asked for than one registration may hold.
   *
   * @param max {@link RegistrationSettings#maxSeatsPerRegistration()}, {@code >= 1}
   * @throws IllegalArgumentException when {@code max < 1}
   */
  record TooManySeats(int max) implements Decision {
    /** Validates the maximum. */
    public TooManySeats {
      if (max < 1) {
        throw new IllegalArgumentException("max must be >= 1, was " + max);
      }
    }

    @Override
    public String message() {
      return "Vous pouvez inscrire au plus " + max + (max == 1 ? " personne." : " personnes.");
    }
  }
}
