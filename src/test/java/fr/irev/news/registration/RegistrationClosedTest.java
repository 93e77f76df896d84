package fr.irev.news.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.irev.news.format.FrenchDates;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** Closed registrations: field case C21 of shared/cases/CASES.md and every closed reason. */
class RegistrationClosedTest {

  private static final ZonedDateTime OPENS = paris(2021, 11, 1, 9, 0);
  private static final ZonedDateTime DEADLINE = paris(2021, 11, 30, 23, 59);
  private static final ZonedDateTime EVENT_END = paris(2021, 12, 7, 16, 30);

  private static ZonedDateTime paris(int y, int mo, int d, int h, int mi) {
    return ZonedDateTime.of(y, mo, d, h, mi, 0, 0, FrenchDates.PARIS);
  }

  private static RegistrationSettings dated(boolean open) {
    return new RegistrationSettings(open, OPENS, DEADLINE, EVENT_END, 10, true, 5, 3);
  }

  private static Decision at(String instant) {
    return RegistrationRules.decide(dated(true), Occupancy.EMPTY, 1, Instant.parse(instant));
  }

  private static final Decision AFTER_DEADLINE =
      new Decision.Closed(Decision.Reason.AFTER_DEADLINE, DEADLINE);

  @Test
  void c21DeadlineInParisTime() {
    assertEquals(new Decision.Confirmed(), at("2021-11-30T22:30:00Z"));
    assertEquals(AFTER_DEADLINE, at("2021-11-30T23:01:00Z"));
  }

  @Test
  void c21WhateverTheJvmZoneAndLocale() {
    TimeZone zone = TimeZone.getDefault();
    Locale locale = Locale.getDefault();
    try {
      for (String id : new String[] {"UTC", "Pacific/Kiritimati", "America/Los_Angeles"}) {
        TimeZone.setDefault(TimeZone.getTimeZone(id));
        Locale.setDefault(Locale.US);
        assertEquals(new Decision.Confirmed(), at("2021-11-30T22:30:00Z"), id);
        assertEquals(AFTER_DEADLINE, at("2021-11-30T23:01:00Z"), id);
        assertEquals(
            "Les inscriptions sont closes depuis le mardi 30\u00a0novembre 2021 à 23\u00a0h\u00a059.",
            at("2021-11-30T23:01:00Z").message(),
            id);
      }
    } finally {
      TimeZone.setDefault(zone);
      Locale.setDefault(locale);
    }
  }

  @Test
  void deadlineIsInclusiveToTheMinute() {
    assertEquals(new Decision.Confirmed(), at("2021-11-30T22:59:00Z"));
    assertEquals(new Decision.Confirmed(), at("2021-11-30T22:59:59.999Z"));
    assertEquals(AFTER_DEADLINE, at("2021-11-30T23:00:00Z"));
  }

  @Test
  void deadlineWithSecondsStillClosesAtTheEndOfItsMinute() {
    ZonedDateTime deadline = DEADLINE.withSecond(30);
    RegistrationSettings s =
        new RegistrationSettings(true, null, deadline, EVENT_END, 10, false, 0, 1);
    Occupancy o = Occupancy.EMPTY;
    assertEquals(
        new Decision.Confirmed(),
        RegistrationRules.decide(s, o, 1, Instant.parse("2021-11-30T22:59:45Z")));
    assertEquals(
        new Decision.Closed(Decision.Reason.AFTER_DEADLINE, deadline),
        RegistrationRules.decide(s, o, 1, Instant.parse("2021-11-30T23:00:00Z")));
  }

  @Test
  void beforeOpening() {
    Decision closed = at("2021-11-01T07:59:59.999Z");
    assertEquals(new Decision.Closed(Decision.Reason.BEFORE_OPENING, OPENS), closed);
    assertEquals(
        "Les inscriptions ouvriront le lundi 1er\u00a0novembre 2021 à 9\u00a0h\u00a000.",
        closed.message());
    assertEquals(new Decision.Confirmed(), at("2021-11-01T08:00:00Z"));
  }

  @Test
  void openingWithSecondsOpensAtItsMinute() {
    RegistrationSettings s =
        new RegistrationSettings(true, OPENS.withSecond(30), null, EVENT_END, 10, false, 0, 1);
    assertEquals(
        new Decision.Confirmed(),
        RegistrationRules.decide(s, Occupancy.EMPTY, 1, Instant.parse("2021-11-01T08:00:00Z")));
  }

  @Test
  void eventPastFromItsEndInstant() {
    RegistrationSettings s = RegistrationSettings.simple(EVENT_END, 10);
    assertEquals(
        new Decision.Confirmed(),
        RegistrationRules.decide(s, Occupancy.EMPTY, 1, Instant.parse("2021-12-07T15:29:59.999Z")));
    Decision past =
        RegistrationRules.decide(s, Occupancy.EMPTY, 1, Instant.parse("2021-12-07T15:30:00Z"));
    assertEquals(new Decision.Closed(Decision.Reason.EVENT_PAST, null), past);
    assertEquals("Cet événement est passé.", past.message());
  }

  @Test
  void eventPastWinsOverTheDeadline() {
    assertEquals(new Decision.Closed(Decision.Reason.EVENT_PAST, null), at("2021-12-08T10:00:00Z"));
  }

  @Test
  void notOpenWinsOverEverything() {
    Decision.Closed notOpen = new Decision.Closed(Decision.Reason.NOT_OPEN, null);
    for (String t :
        new String[] {"2021-10-01T00:00:00Z", "2021-11-20T10:00:00Z", "2022-01-01T00:00:00Z"}) {
      assertEquals(
          notOpen, RegistrationRules.decide(dated(false), Occupancy.EMPTY, 1, Instant.parse(t)), t);
    }
    assertEquals("Les inscriptions ne sont pas ouvertes pour cet événement.", notOpen.message());
  }

  @Test
  void closedComesBeforeTooManySeatsAndFull() {
    assertEquals(
        AFTER_DEADLINE,
        RegistrationRules.decide(
            dated(true), new Occupancy(10, 5), 9, Instant.parse("2021-12-01T08:00:00Z")));
  }

  @Test
  void closedReasonAloneWhenOpen() {
    assertNull(RegistrationRules.closedReason(dated(true), Instant.parse("2021-11-20T10:00:00Z")));
    assertEquals(
        AFTER_DEADLINE,
        RegistrationRules.closedReason(dated(true), Instant.parse("2021-12-01T08:00:00Z")));
  }
}
