package fr.irev.news.registration;

import java.util.Objects;

/** What {@link RegistrationStore#register} did with one attempt. */
public sealed interface RegistrationResult {

  /**
   * The attempt holds seats (confirmed or waiting) and is saved.
   *
   * @param registration the saved registration
   * @param decision {@link Decision.Confirmed} or {@link Decision.Waiting} (current position)
   * @param duplicate {@code true} when the token had been stored already (double submission): no
   *     new node, no new e-mail should be sent
   */
  record Registered(Registration registration, Decision decision, boolean duplicate)
      implements RegistrationResult {
    /** Checks the arguments. */
    public Registered {
      Objects.requireNonNull(registration, "registration");
      if (!Objects.requireNonNull(decision, "decision").holdsSeats()) {
        throw new IllegalArgumentException("not a recorded decision: " + decision);
      }
    }
  }

  /**
   * A registration with the same e-mail (case and surrounding spaces ignored) already holds seats
   * for this event; nothing stored.
   *
   * @param existing that registration
   */
  record AlreadyRegistered(Registration existing) implements RegistrationResult {}

  /**
   * Refused by the rules (closed, full, too many seats); nothing stored.
   *
   * @param decision the decision, one that does not hold seats
   */
  record Refused(Decision decision) implements RegistrationResult {
    /** Checks the decision. */
    public Refused {
      if (Objects.requireNonNull(decision, "decision").holdsSeats()) {
        throw new IllegalArgumentException("a refusal cannot hold seats: " + decision);
      }
    }
  }
}
