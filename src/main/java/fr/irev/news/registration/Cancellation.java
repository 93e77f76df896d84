package fr.irev.news.registration;

import java.util.List;

/**
 * What {@link RegistrationStore#cancel} did.
 *
 * @param cancelled the registration, now cancelled (it may have been cancelled before: then nothing
 *     changed)
 * @param promoted waiting registrations confirmed because of the freed seats, in waiting-list
 *     order, with their new status; unmodifiable
 */
public record Cancellation(Registration cancelled, List<Registration> promoted) {

  /** Copies the list. */
  public Cancellation {
    promoted = List.copyOf(promoted);
  }
}
