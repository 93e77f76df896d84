package fr.irev.news.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.format.FrenchDates;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** iCalendar output: cases C1–C6 and C8 of shared/cases/CASES.md, read back raw and by ical4j. */
class EventCalendarTest {

  private static final Instant STAMP = Instant.parse("2021-09-29T10:15:30.987Z");

  private static ZonedDateTime paris(int y, int m, int d, int h, int min) {
    return ZonedDateTime.of(y, m, d, h, min, 0, 0, FrenchDates.PARIS);
  }

  private static CalendarEvent timed(ZonedDateTime start, ZonedDateTime end) {
    return new CalendarEvent("e1@irev-news", "Atelier", null, null, start, end, false, null, STAMP);
  }

  private static CalendarEvent allDay(ZonedDateTime first, ZonedDateTime last) {
    return new CalendarEvent("e2@irev-news", "Journée", null, null, first, last, true, null, STAMP);
  }

  private static List<String> lines(String ics) {
    return Ics.contentLines(ics.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void c1SpringForwardNightLastsTwoHoursInParisTimeWithItsTimeZone() throws Exception {
    String ics = EventCalendar.write(timed(paris(2022, 3, 27, 1, 0), paris(2022, 3, 27, 4, 0)));

    List<String> lines = lines(ics);
    assertTrue(lines.contains("DTSTART;TZID=Europe/Paris:20220327T010000"), ics);
    assertTrue(lines.contains("DTEND;TZID=Europe/Paris:20220327T040000"), ics);
    VEvent event = Ics.event(Ics.parse(ics));
    assertEquals(
        Duration.ofHours(2),
        Duration.between(Ics.instant(event, Property.DTSTART), Ics.instant(event, Property.DTEND)));
    assertEquals(Instant.parse("2022-03-27T00:00:00Z"), Ics.instant(event, Property.DTSTART));
  }

  @Test
  void c2FallBackNightLastsFourHours() throws Exception {
    String ics = EventCalendar.write(timed(paris(2021, 10, 31, 1, 0), paris(2021, 10, 31, 4, 0)));

    VEvent event = Ics.event(Ics.parse(ics));
    assertEquals(
        Duration.ofHours(4),
        Duration.between(Ics.instant(event, Property.DTSTART), Ics.instant(event, Property.DTEND)));
    assertTrue(lines(ics).contains("DTEND;TZID=Europe/Paris:20211031T040000"), ics);
  }

  @Test
  void timesGivenInAnotherZoneAreWrittenInParisTime() {
    ZonedDateTime startUtc = ZonedDateTime.of(2021, 11, 30, 8, 0, 0, 0, ZoneOffset.UTC);
    String ics = EventCalendar.write(timed(startUtc, startUtc.plusMinutes(450)));

    assertTrue(lines(ics).contains("DTSTART;TZID=Europe/Paris:20211130T090000"), ics);
    assertTrue(lines(ics).contains("DTEND;TZID=Europe/Paris:20211130T163000"), ics);
  }

  @Test
  void c3AllDayEventIsADateWithExclusiveEndWhateverTheZoneOfTheInput() throws Exception {
    // midnight in Paris, given once in Paris time and once as the same instant in UTC (the 29th)
    for (ZonedDateTime first :
        List.of(
            paris(2021, 11, 30, 0, 0),
            ZonedDateTime.of(2021, 11, 29, 23, 0, 0, 0, ZoneOffset.UTC))) {
      String ics = EventCalendar.write(allDay(first, first));

      List<String> lines = lines(ics);
      assertTrue(lines.contains("DTSTART;VALUE=DATE:20211130"), ics);
      assertTrue(lines.contains("DTEND;VALUE=DATE:20211201"), ics);
      assertFalse(ics.contains("T000000"), ics);
      assertFalse(ics.contains("VTIMEZONE"), "no time, no VTIMEZONE: " + ics);
      VEvent event = Ics.event(Ics.parse(ics));
      assertEquals(LocalDate.of(2021, 11, 30), Ics.localDate(event, Property.DTSTART));
      assertEquals(LocalDate.of(2021, 12, 1), Ics.localDate(event, Property.DTEND));
    }
  }

  @Test
  void c3AllDayEventWithoutEndLastsOneDay() {
    String ics = EventCalendar.write(allDay(paris(2021, 11, 30, 0, 0), null));

    assertTrue(lines(ics).contains("DTEND;VALUE=DATE:20211201"), ics);
  }

  @Test
  void c4InclusiveLastDayBecomesTheDayAfter() {
    String ics = EventCalendar.write(allDay(paris(2022, 6, 28, 0, 0), paris(2022, 7, 8, 0, 0)));

    List<String> lines = lines(ics);
    assertTrue(lines.contains("DTSTART;VALUE=DATE:20220628"), ics);
    assertTrue(lines.contains("DTEND;VALUE=DATE:20220709"), ics);
  }

  @Test
  void c5TzidComesWithOneVtimezoneForParisHoldingBothOffsets() throws Exception {
    String ics = EventCalendar.write(timed(paris(2022, 3, 27, 1, 0), paris(2022, 3, 27, 4, 0)));

    List<String> lines = lines(ics);
    assertEquals(1, lines.stream().filter("BEGIN:VTIMEZONE"::equals).count(), ics);
    assertTrue(lines.contains("TZID:Europe/Paris"), ics);
    assertTrue(lines.contains("TZOFFSETTO:+0100"), ics);
    assertTrue(lines.contains("TZOFFSETTO:+0200"), ics);
    assertTrue(
        lines.indexOf("BEGIN:VTIMEZONE") < lines.indexOf("BEGIN:VEVENT"),
        "VTIMEZONE before the events that use it");
    Calendar parsed = Ics.parse(ics);
    assertEquals(1, parsed.getComponents(Component.VTIMEZONE).size());
  }

  @Test
  void c5WithoutTheBundledTimeZoneTimesAreWrittenInUtc() throws Exception {
    String ics =
        EventCalendar.write(
            List.of(timed(paris(2022, 3, 27, 1, 0), paris(2022, 3, 27, 4, 0))), null, null);

    List<String> lines = lines(ics);
    assertTrue(lines.contains("DTSTART:20220327T000000Z"), ics);
    assertTrue(lines.contains("DTEND:20220327T020000Z"), ics);
    assertFalse(ics.contains("TZID"), ics);
    VEvent event = Ics.event(Ics.parse(ics));
    assertEquals(
        Duration.ofHours(2),
        Duration.between(Ics.instant(event, Property.DTSTART), Ics.instant(event, Property.DTEND)));
  }

  @Test
  void c6TextIsEscapedAndReadBackWhole() throws Exception {
    String location = "Salle Jean-Moulin, 12 rue des Arts; Lille";
    String description = "Première ligne\r\nSeconde ligne, avec ; et \\ dedans";
    CalendarEvent event =
        new CalendarEvent(
            "e3@irev-news",
            "Réunion",
            description,
            location,
            paris(2021, 11, 30, 9, 0),
            paris(2021, 11, 30, 16, 30),
            false,
            null,
            STAMP);

    String ics = EventCalendar.write(event);

    List<String> lines = lines(ics);
    assertTrue(lines.contains("LOCATION:Salle Jean-Moulin\\, 12 rue des Arts\\; Lille"), ics);
    assertTrue(
        lines.contains("DESCRIPTION:Première ligne\\nSeconde ligne\\, avec \\; et \\\\ dedans"),
        ics);
    VEvent parsed = Ics.event(Ics.parse(ics));
    assertEquals(location, Ics.text(parsed, Property.LOCATION));
    assertEquals(
        "Première ligne\nSeconde ligne, avec ; et \\ dedans",
        Ics.text(parsed, Property.DESCRIPTION));
  }

  @Test
  void c8LongAccentedTitleIsFoldedByOctetsAndReadBackExactly() throws Exception {
    String title =
        "Journée « Œuvres & cœurs » : égalité, sœurs, vœux, hôpitaux, écoles, "
            + "élèves, créées à Lille — façade, où, Ève, Noël… 🎉 !";
    assertEquals(120, title.codePointCount(0, title.length()), "test title length");
    CalendarEvent event =
        new CalendarEvent(
            "e4@irev-news",
            title,
            title + "\n" + title,
            title,
            paris(2021, 11, 30, 9, 0),
            paris(2021, 11, 30, 16, 30),
            false,
            "https://irev.fr/actualites/journee",
            STAMP);

    byte[] raw = EventCalendar.bytes(event);

    List<byte[]> physical = Ics.physicalLines(raw);
    for (byte[] line : physical) {
      assertTrue(
          line.length <= 75,
          () -> line.length + " octets: " + new String(line, StandardCharsets.UTF_8));
    }
    long summaryLines =
        physical.stream()
            .map(l -> new String(l, StandardCharsets.UTF_8))
            .dropWhile(l -> !l.startsWith("SUMMARY:"))
            .skip(1)
            .takeWhile(l -> l.startsWith(" "))
            .count();
    assertTrue(summaryLines >= 2, "the title needs at least two folds");
    assertTrue(
        Ics.contentLines(raw).contains("SUMMARY:" + title.replace(",", "\\,")),
        "unfolding gives the escaped title back");
    VEvent parsed = Ics.event(Ics.parse(new String(raw, StandardCharsets.UTF_8)));
    assertEquals(title, Ics.text(parsed, Property.SUMMARY));
    assertEquals(title, Ics.text(parsed, Property.LOCATION));
    assertEquals(title + "\n" + title, Ics.text(parsed, Property.DESCRIPTION));
  }

  @Test
  void headerAndIdentityPropertiesAreWritten() throws Exception {
    CalendarEvent event =
        new CalendarEvent(
            EventCalendar.uid("0b6f6c3e-2f4c-4d0a-9a57-0f1c8b3e1d2a"),
            "Atelier",
            null,
            null,
            paris(2021, 11, 30, 9, 0),
            null,
            false,
            "https://irev.fr/actualites/atelier?x=1&y=2",
            STAMP);

    String ics = EventCalendar.write(event);

    List<String> lines = lines(ics);
    assertEquals("BEGIN:VCALENDAR", lines.get(0));
    assertEquals("END:VCALENDAR", lines.get(lines.size() - 1));
    assertTrue(lines.contains("PRODID:-//IREV//irev-news//FR"), ics);
    assertTrue(lines.contains("VERSION:2.0"), ics);
    assertTrue(lines.contains("METHOD:PUBLISH"), ics);
    assertTrue(lines.contains("UID:0b6f6c3e-2f4c-4d0a-9a57-0f1c8b3e1d2a@irev-news"), ics);
    assertTrue(lines.contains("DTSTAMP:20210929T101530Z"), ics);
    assertTrue(lines.contains("URL:https://irev.fr/actualites/atelier?x=1&y=2"), ics);
    assertFalse(lines.stream().anyMatch(l -> l.startsWith("DTEND")), "no end known: no DTEND");
    assertFalse(lines.stream().anyMatch(l -> l.startsWith("LOCATION")), ics);
    assertFalse(lines.stream().anyMatch(l -> l.startsWith("DESCRIPTION")), ics);
    assertFalse(lines.stream().anyMatch(l -> l.startsWith("NAME")), ics);
  }

  @Test
  void lineBreaksAndControlCharactersNeverReachATitle() throws Exception {
    CalendarEvent event =
        new CalendarEvent(
            "e5@irev-news",
            "Atelier\r\nBEGIN:VALARM\u0007 fin",
            null,
            "Lille\nNord",
            paris(2021, 11, 30, 9, 0),
            null,
            false,
            null,
            STAMP);

    String ics = EventCalendar.write(event);

    assertTrue(lines(ics).contains("SUMMARY:Atelier BEGIN:VALARM fin"), ics);
    assertTrue(lines(ics).contains("LOCATION:Lille Nord"), ics);
    assertFalse(lines(ics).contains("BEGIN:VALARM"), ics);
  }

  @Test
  void aFeedHoldsOneTimeZoneAndEveryEventInOrder() throws Exception {
    List<CalendarEvent> events =
        List.of(
            timed(paris(2022, 3, 27, 1, 0), paris(2022, 3, 27, 4, 0)),
            allDay(paris(2022, 6, 28, 0, 0), paris(2022, 7, 8, 0, 0)),
            new CalendarEvent(
                "e6@irev-news",
                "Soirée",
                null,
                null,
                paris(2021, 10, 31, 1, 0),
                paris(2021, 10, 31, 4, 0),
                false,
                null,
                STAMP));

    String ics = EventCalendar.write(events, "Agenda de l'IREV, Hauts-de-France; tous");

    List<String> lines = lines(ics);
    assertEquals(1, lines.stream().filter("BEGIN:VTIMEZONE"::equals).count(), ics);
    assertTrue(lines.contains("NAME:Agenda de l'IREV\\, Hauts-de-France\\; tous"), ics);
    assertTrue(lines.contains("X-WR-CALNAME:Agenda de l'IREV\\, Hauts-de-France\\; tous"), ics);
    List<VEvent> parsed = Ics.parse(ics).getComponents(Component.VEVENT);
    assertEquals(
        List.of("e1@irev-news", "e2@irev-news", "e6@irev-news"),
        parsed.stream().map(e -> Ics.text(e, Property.UID)).toList());
    assertEquals(
        Duration.ofHours(4),
        Duration.between(
            Ics.instant(parsed.get(2), Property.DTSTART),
            Ics.instant(parsed.get(2), Property.DTEND)));
  }

  @Test
  void anEmptyFeedIsAValidCalendarWithTheParisTimeZoneAsItsOneComponent() throws Exception {
    List<String> lines = lines(EventCalendar.write(List.of(), null));

    assertEquals(
        List.of(
            "BEGIN:VCALENDAR",
            "PRODID:-//IREV//irev-news//FR",
            "VERSION:2.0",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "BEGIN:VTIMEZONE",
            "TZID:Europe/Paris"),
        lines.subList(0, 7));
    assertEquals("END:VTIMEZONE", lines.get(lines.size() - 2));
    assertEquals("END:VCALENDAR", lines.get(lines.size() - 1));
    assertEquals(0, lines.stream().filter(l -> l.equals("BEGIN:VEVENT")).count());
  }

  @Test
  void fileNamesAreAsciiAndEndWithIcs() {
    assertEquals(
        "journee-d-approfondissement.ics", EventCalendar.fileName("Journée d'approfondissement"));
    assertEquals("oeuvres-coeurs-2021.ics", EventCalendar.fileName("  Œuvres & cœurs — 2021 !"));
    assertEquals("evenement.ics", EventCalendar.fileName("« … »"));
    assertEquals("evenement.ics", EventCalendar.fileName(null));
    String longName =
        EventCalendar.fileName(
            "Lutte contre les discriminations : journée d'approfondissement à Lille, Roubaix et"
                + " Tourcoing");
    assertEquals("lutte-contre-les-discriminations-journee-d-approfondissement.ics", longName);
    assertTrue(longName.matches("[a-z0-9-]+\\.ics"));
  }

  @Test
  void uidIsTheIdentifierAtTheModule() {
    assertEquals("abc@irev-news", EventCalendar.uid(" abc "));
    assertThrows(IllegalArgumentException.class, () -> EventCalendar.uid(" "));
  }
}
