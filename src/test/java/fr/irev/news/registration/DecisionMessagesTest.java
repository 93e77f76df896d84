package fr.irev.news.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** The French sentences shown to visitors, exactly (U+00A0 where FrenchDates puts them). */
class DecisionMessagesTest {

  @Test
  void seatMessages() {
    assertEquals("Votre inscription est confirmée.", new Decision.Confirmed().message());
    assertEquals("Vous êtes sur liste d’attente (position 3).", new Decision.Waiting(3).message());
    assertEquals("Cet événement est complet.", new Decision.Full().message());
    assertEquals(
        "Vous pouvez inscrire au plus 3 personnes.", new Decision.TooManySeats(3).message());
    assertEquals(
        "Vous pouvez inscrire au plus 1 personne.", new Decision.TooManySeats(1).message());
  }

  @Test
  void closedMessagesShowParisTimeWhateverTheGivenZone() {
    // 08:00 UTC on 1 November 2021 is 9:00 in Paris (CET, UTC+1)
    ZonedDateTime opensUtc = ZonedDateTime.of(2021, 11, 1, 8, 0, 0, 0, ZoneOffset.UTC);
    assertEquals(
        "Les inscriptions ouvriront le lundi 1er\u00a0novembre 2021 à 9\u00a0h\u00a000.",
        new Decision.Closed(Decision.Reason.BEFORE_OPENING, opensUtc).message());
    // 22:59 UTC on 30 November 2021 is 23:59 in Paris
    ZonedDateTime deadlineUtc = ZonedDateTime.of(2021, 11, 30, 22, 59, 0, 0, ZoneOffset.UTC);
    assertEquals(
        "Les inscriptions sont closes depuis le mardi 30\u00a0novembre 2021 à 23\u00a0h\u00a059.",
        new Decision.Closed(Decision.Reason.AFTER_DEADLINE, deadlineUtc).message());
    assertEquals(
        "Europe/Paris",
        new Decision.Closed(Decision.Reason.AFTER_DEADLINE, deadlineUtc).at().getZone().getId());
  }

  @Test
  void summerTimeOpening() {
    // 07:05 UTC on 1 June 2022 is 9:05 in Paris (CEST, UTC+2)
    ZonedDateTime june = ZonedDateTime.of(2022, 6, 1, 7, 5, 0, 0, ZoneOffset.UTC);
    assertEquals(
        "Les inscriptions ouvriront le mercredi 1er\u00a0juin 2022 à 9\u00a0h\u00a005.",
        new Decision.Closed(Decision.Reason.BEFORE_OPENING, june).message());
  }

  @Test
  void undatedReasonsDropTheDate() {
    ZonedDateTime t = ZonedDateTime.of(2022, 6, 1, 7, 5, 0, 0, ZoneOffset.UTC);
    assertNull(new Decision.Closed(Decision.Reason.EVENT_PAST, t).at());
    assertEquals(
        new Decision.Closed(Decision.Reason.NOT_OPEN, null),
        new Decision.Closed(Decision.Reason.NOT_OPEN, t));
  }

  @Test
  void holdsSeats() {
    assertTrue(new Decision.Confirmed().holdsSeats());
    assertTrue(new Decision.Waiting(1).holdsSeats());
    assertFalse(new Decision.Full().holdsSeats());
    assertFalse(new Decision.TooManySeats(2).holdsSeats());
    assertFalse(new Decision.Closed(Decision.Reason.EVENT_PAST, null).holdsSeats());
  }

  @Test
  void invalidDecisions() {
    assertEquals(
        "position must be >= 1, was 0",
        assertThrows(IllegalArgumentException.class, () -> new Decision.Waiting(0)).getMessage());
    assertEquals(
        "max must be >= 1, was 0",
        assertThrows(IllegalArgumentException.class, () -> new Decision.TooManySeats(0))
            .getMessage());
    assertEquals(
        "reason is required",
        assertThrows(IllegalArgumentException.class, () -> new Decision.Closed(null, null))
            .getMessage());
    assertEquals(
        "a date is required for BEFORE_OPENING",
        assertThrows(
                IllegalArgumentException.class,
                () -> new Decision.Closed(Decision.Reason.BEFORE_OPENING, null))
            .getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> new Decision.Closed(Decision.Reason.AFTER_DEADLINE, null));
  }
}
