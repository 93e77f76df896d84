package fr.irev.news.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** French dates: cases C1, C2 and C7 of shared/cases/CASES.md, and the seed page's dates. */
class FrenchDatesTest {

  private static final String NBSP = "\u00a0";

  private static ZonedDateTime paris(int y, int mo, int d, int h, int mi) {
    return ZonedDateTime.of(y, mo, d, h, mi, 0, 0, FrenchDates.PARIS);
  }

  private static ZonedDateTime utc(int y, int mo, int d, int h, int mi) {
    return ZonedDateTime.of(y, mo, d, h, mi, 0, 0, ZoneOffset.UTC);
  }

  @Test
  void parisIsEuropeParis() {
    assertEquals("Europe/Paris", FrenchDates.PARIS.getId());
    assertEquals("\u00a0", FrenchDates.NBSP);
  }

  @Test
  void c7Days() {
    assertEquals("le lundi 1er\u00a0novembre 2021", FrenchDates.day(LocalDate.of(2021, 11, 1)));
    assertEquals("le dimanche 21\u00a0novembre 2021", FrenchDates.day(LocalDate.of(2021, 11, 21)));
    assertEquals(
        "lundi 1er\u00a0novembre 2021", FrenchDates.dayWithoutArticle(LocalDate.of(2021, 11, 1)));
  }

  @Test
  void c7TimedOneDay() {
    assertEquals(
        "le mardi 30\u00a0novembre 2021 de 9"
            + NBSP
            + "h"
            + NBSP
            + "00 à 16"
            + NBSP
            + "h"
            + NBSP
            + "30",
        FrenchDates.eventPeriod(paris(2021, 11, 30, 9, 0), paris(2021, 11, 30, 16, 30), false));
  }

  @Test
  void c7TimedOneDayGivenInUtcIsShownInParisTime() {
    String expected = "le mardi 30\u00a0novembre 2021 de 9\u00a0h\u00a000 à 16\u00a0h\u00a030";
    assertEquals(
        expected,
        FrenchDates.eventPeriod(utc(2021, 11, 30, 8, 0), utc(2021, 11, 30, 15, 30), false));
    assertEquals(
        expected,
        FrenchDates.eventPeriod(
            Instant.parse("2021-11-30T08:00:00Z"), Instant.parse("2021-11-30T15:30:00Z"), false));
  }

  @Test
  void everyWeekday() {
    String[] expected = {
      "lundi 1er\u00a0novembre 2021", "mardi 2\u00a0novembre 2021", "mercredi 3\u00a0novembre 2021",
      "jeudi 4\u00a0novembre 2021", "vendredi 5\u00a0novembre 2021", "samedi 6\u00a0novembre 2021",
      "dimanche 7\u00a0novembre 2021"
    };
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], FrenchDates.dayWithoutArticle(LocalDate.of(2021, 11, 1 + i)));
    }
  }

  @ParameterizedTest
  @CsvSource({
    "2022-01-01, 1er\u00a0janvier 2022",
    "2022-02-11, 11\u00a0février 2022",
    "2022-03-02, 2\u00a0mars 2022",
    "2022-04-30, 30\u00a0avril 2022",
    "2022-05-08, 8\u00a0mai 2022",
    "2022-06-28, 28\u00a0juin 2022",
    "2022-07-14, 14\u00a0juillet 2022",
    "2022-08-15, 15\u00a0août 2022",
    "2021-09-29, 29\u00a0septembre 2021",
    "2021-10-01, 1er\u00a0octobre 2021",
    "2021-11-11, 11\u00a0novembre 2021",
    "2021-12-31, 31\u00a0décembre 2021"
  })
  void dateHasEveryMonthInLowerCaseAndFirstOnlyForDayOne(LocalDate d, String expected) {
    assertEquals(expected, FrenchDates.date(d));
  }

  @Test
  void timeHasNoLeadingZeroAndNoBreakSpaces() {
    assertEquals("9\u00a0h\u00a000", FrenchDates.time(LocalTime.of(9, 0)));
    assertEquals("16\u00a0h\u00a030", FrenchDates.time(LocalTime.of(16, 30)));
    assertEquals("0\u00a0h\u00a005", FrenchDates.time(LocalTime.of(0, 5)));
    assertEquals("23\u00a0h\u00a059", FrenchDates.time(LocalTime.of(23, 59, 59, 999_999_999)));
    assertEquals("10\u00a0h\u00a050", FrenchDates.time(utc(2021, 10, 4, 8, 50)));
  }

  @Test
  void zonedOverloadsUseTheParisDate() {
    // 23:30 Z on 30 November is already 1 December in Paris
    ZonedDateTime lateUtc = utc(2021, 11, 30, 23, 30);
    assertEquals("le mercredi 1er\u00a0décembre 2021", FrenchDates.day(lateUtc));
    assertEquals("mercredi 1er\u00a0décembre 2021", FrenchDates.dayWithoutArticle(lateUtc));
    assertEquals("1er\u00a0décembre 2021", FrenchDates.date(lateUtc));
    assertEquals("0\u00a0h\u00a030", FrenchDates.time(lateUtc));
    assertEquals(paris(2021, 12, 1, 0, 30), FrenchDates.inParis(lateUtc));
    assertEquals(paris(2021, 12, 1, 0, 30), FrenchDates.inParis(lateUtc.toInstant()));
  }

  @Test
  void c1SpringDstChangeShowsWallClockTimes() {
    ZonedDateTime start = paris(2022, 3, 27, 1, 0);
    ZonedDateTime end = paris(2022, 3, 27, 4, 0);
    assertEquals(Duration.ofHours(2), Duration.between(start, end));
    String expected = "le dimanche 27\u00a0mars 2022 de 1\u00a0h\u00a000 à 4\u00a0h\u00a000";
    assertEquals(expected, FrenchDates.eventPeriod(start, end, false));
    assertEquals(
        expected, FrenchDates.eventPeriod(utc(2022, 3, 27, 0, 0), utc(2022, 3, 27, 2, 0), false));
  }

  @Test
  void c2AutumnDstChangeShowsWallClockTimes() {
    ZonedDateTime start = ZonedDateTime.parse("2021-10-31T01:00:00+02:00[Europe/Paris]");
    ZonedDateTime end = ZonedDateTime.parse("2021-10-31T04:00:00+01:00[Europe/Paris]");
    assertEquals(Duration.ofHours(4), Duration.between(start, end));
    assertEquals(
        "le dimanche 31\u00a0octobre 2021 de 1\u00a0h\u00a000 à 4\u00a0h\u00a000",
        FrenchDates.eventPeriod(start, end, false));
  }

  @Test
  void allDayOneDay() {
    assertEquals(
        "le mardi 30\u00a0novembre 2021",
        FrenchDates.eventPeriod(paris(2021, 11, 30, 0, 0), paris(2021, 11, 30, 23, 59), true));
    assertEquals(
        "le mardi 30\u00a0novembre 2021",
        FrenchDates.eventPeriod(paris(2021, 11, 30, 0, 0), paris(2021, 11, 30, 0, 0), true));
  }

  @Test
  void allDayStoredAsParisMidnightInUtcKeepsItsParisDate() {
    // midnight in Paris on 30 November is 23:00 Z on 29 November
    assertEquals(
        "le mardi 30\u00a0novembre 2021",
        FrenchDates.eventPeriod(utc(2021, 11, 29, 23, 0), null, true));
  }

  @Test
  void allDaySeveralDaysEndIsInclusive() {
    assertEquals(
        "du mardi 28\u00a0juin 2022 au vendredi 8\u00a0juillet 2022",
        FrenchDates.eventPeriod(paris(2022, 6, 28, 0, 0), paris(2022, 7, 8, 0, 0), true));
    assertEquals(
        "du mardi 28\u00a0juin 2022 au vendredi 8\u00a0juillet 2022",
        FrenchDates.eventPeriod(
            Instant.parse("2022-06-27T22:00:00Z"), Instant.parse("2022-07-08T21:59:00Z"), true));
  }

  @Test
  void timedSeveralDays() {
    assertEquals(
        "du mardi 28\u00a0juin 2022 à 9\u00a0h\u00a000 au mercredi 29\u00a0juin 2022 à "
            + "17\u00a0h\u00a000",
        FrenchDates.eventPeriod(paris(2022, 6, 28, 9, 0), paris(2022, 6, 29, 17, 0), false));
  }

  @Test
  void timedAcrossParisMidnightIsTwoDaysEvenWhenTheUtcDateIsTheSame() {
    assertEquals(
        "du mardi 30\u00a0novembre 2021 à 23\u00a0h\u00a000 au mercredi 1er\u00a0décembre 2021 à "
            + "0\u00a0h\u00a030",
        FrenchDates.eventPeriod(utc(2021, 11, 30, 22, 0), utc(2021, 11, 30, 23, 30), false));
  }

  @Test
  void noEnd() {
    assertEquals(
        "le mardi 30\u00a0novembre 2021 à 9\u00a0h\u00a000",
        FrenchDates.eventPeriod(paris(2021, 11, 30, 9, 0), null, false));
    assertEquals(
        "le mardi 30\u00a0novembre 2021",
        FrenchDates.eventPeriod(paris(2021, 11, 30, 9, 0), null, true));
    assertEquals(
        "le mardi 30\u00a0novembre 2021 à 9\u00a0h\u00a000",
        FrenchDates.eventPeriod(Instant.parse("2021-11-30T08:00:00Z"), null, false));
  }

  @Test
  void endBeforeOrAtStartIsNoEnd() {
    assertEquals(
        "le mardi 30\u00a0novembre 2021 à 9\u00a0h\u00a000",
        FrenchDates.eventPeriod(paris(2021, 11, 30, 9, 0), paris(2021, 11, 30, 8, 0), false));
    assertEquals(
        "le mardi 30\u00a0novembre 2021 à 9\u00a0h\u00a000",
        FrenchDates.eventPeriod(paris(2021, 11, 30, 9, 0), paris(2021, 11, 29, 17, 0), false));
    assertEquals(
        "le mardi 30\u00a0novembre 2021 à 9\u00a0h\u00a000",
        FrenchDates.eventPeriod(paris(2021, 11, 30, 9, 0), paris(2021, 11, 30, 9, 0), false));
    assertEquals(
        "le mardi 30\u00a0novembre 2021",
        FrenchDates.eventPeriod(paris(2021, 11, 30, 0, 0), paris(2021, 11, 20, 0, 0), true));
  }

  @Test
  void seedPublishedAndUpdated() {
    assertEquals(
        "Publié le 29\u00a0septembre 2021", FrenchDates.published(paris(2021, 9, 29, 10, 0)));
    assertEquals(
        "Publié le 29\u00a0septembre 2021", FrenchDates.published(utc(2021, 9, 28, 23, 30)));
    assertEquals(
        "Publié le 1er\u00a0octobre 2021",
        FrenchDates.published(Instant.parse("2021-10-01T08:00:00Z")));
    assertEquals(
        "Mis à jour le 4\u00a0octobre 2021 à 10\u00a0h\u00a050",
        FrenchDates.updated(paris(2021, 10, 4, 10, 50)));
    assertEquals(
        "Mis à jour le 4\u00a0octobre 2021 à 10\u00a0h\u00a050",
        FrenchDates.updated(Instant.parse("2021-10-04T08:50:00Z")));
  }

  @Test
  void isoHasSecondsAndTheParisOffset() {
    assertEquals("2021-09-29T10:00:00+02:00", FrenchDates.iso(utc(2021, 9, 29, 8, 0)));
    assertEquals(
        "2021-11-30T09:00:00+01:00", FrenchDates.iso(Instant.parse("2021-11-30T08:00:00.123Z")));
    assertEquals("2022-03-27T04:00:00+02:00", FrenchDates.iso(paris(2022, 3, 27, 4, 0)));
  }

  @Test
  void nullGivesNull() {
    assertNull(FrenchDates.day((LocalDate) null));
    assertNull(FrenchDates.day((ZonedDateTime) null));
    assertNull(FrenchDates.dayWithoutArticle((LocalDate) null));
    assertNull(FrenchDates.dayWithoutArticle((ZonedDateTime) null));
    assertNull(FrenchDates.date((LocalDate) null));
    assertNull(FrenchDates.date((ZonedDateTime) null));
    assertNull(FrenchDates.time((LocalTime) null));
    assertNull(FrenchDates.time((ZonedDateTime) null));
    assertNull(FrenchDates.eventPeriod((ZonedDateTime) null, paris(2021, 11, 30, 9, 0), false));
    assertNull(FrenchDates.eventPeriod((Instant) null, null, true));
    assertNull(FrenchDates.published((ZonedDateTime) null));
    assertNull(FrenchDates.published((Instant) null));
    assertNull(FrenchDates.updated((ZonedDateTime) null));
    assertNull(FrenchDates.updated((Instant) null));
    assertNull(FrenchDates.iso((ZonedDateTime) null));
    assertNull(FrenchDates.iso((Instant) null));
    assertNull(FrenchDates.inParis((ZonedDateTime) null));
    assertNull(FrenchDates.inParis((Instant) null));
  }

  @Test
  void sameResultsUnderAFarAwayDefaultZoneAndLocale() {
    TimeZone zone = TimeZone.getDefault();
    Locale locale = Locale.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
      Locale.setDefault(Locale.JAPAN);
      assertEquals(
          "le mardi 30\u00a0novembre 2021 de 9\u00a0h\u00a000 à 16\u00a0h\u00a030",
          FrenchDates.eventPeriod(
              Instant.parse("2021-11-30T08:00:00Z"), Instant.parse("2021-11-30T15:30:00Z"), false));
      assertEquals(
          "2021-09-29T10:00:00+02:00", FrenchDates.iso(Instant.parse("2021-09-29T08:00:00Z")));
    } finally {
      TimeZone.setDefault(zone);
      Locale.setDefault(locale);
    }
  }
}
