package fr.irev.news.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.irev.news.format.FrenchDates;
import fr.irev.news.news.EventSchedule;
import fr.irev.news.news.NewsItem;
import fr.irev.news.news.NewsKind;
import fr.irev.news.news.Place;
import java.time.Instant;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CalendarEventTest {

  private static final Instant STAMP = Instant.parse("2021-09-29T10:00:00Z");
  private static final ZonedDateTime NINE =
      ZonedDateTime.of(2021, 11, 30, 9, 0, 0, 0, FrenchDates.PARIS);

  private static NewsItem item(NewsKind kind, EventSchedule schedule, Place place) {
    return new NewsItem(
        "0b6f6c3e-2f4c-4d0a-9a57-0f1c8b3e1d2a",
        "journee-approfondissement",
        "Journée d'approfondissement",
        "Une journée pour approfondir.",
        "<p>Corps</p>",
        kind,
        schedule,
        place,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void anEventItemGivesItsCalendarEntry() {
    NewsItem item =
        item(
            NewsKind.EVENT,
            new EventSchedule(NINE, NINE.withHour(16).withMinute(30), false),
            new Place("IREV", "12 rue Roger Salengro", "Lille"));

    CalendarEvent event = CalendarEvent.of(item, "https://irev.fr/actualites/x", STAMP);

    assertEquals("0b6f6c3e-2f4c-4d0a-9a57-0f1c8b3e1d2a@irev-news", event.uid());
    assertEquals("Journée d'approfondissement", event.title());
    assertEquals("Une journée pour approfondir.", event.description());
    assertEquals("IREV, 12 rue Roger Salengro, Lille", event.location());
    assertEquals(NINE, event.start());
    assertEquals(NINE.withHour(16).withMinute(30), event.end());
  }

  /**
   * Title, teaser and venue as the event page shows them: French no-break spaces (U+00A0) before
   * ":" and inside "« »"; written by ical4j as they are (a legal TEXT character) and read back.
   */
  @Test
  void theEntryHasTheFrenchNoBreakSpacesOfTheEventPage() throws Exception {
    NewsItem typed =
        new NewsItem(
            "0b6f6c3e-2f4c-4d0a-9a57-0f1c8b3e1d2a",
            "journee",
            "Discriminations : journée du cycle « Initier et conduire »",
            "Accueil : 8 h 45 ; fin vers 16 h 30 !",
            null,
            NewsKind.EVENT,
            new EventSchedule(NINE, NINE.withHour(16).withMinute(30), false),
            new Place("IREV (salle « Agora »)", "12 rue Roger Salengro", "Lille"),
            null,
            null,
            null,
            null,
            null,
            null,
            null);

    CalendarEvent event = CalendarEvent.of(typed, "https://irev.fr/actualites/journee", STAMP);

    String nbsp = "\u00a0";
    assertEquals(
        "Discriminations"
            + nbsp
            + ": journée du cycle «"
            + nbsp
            + "Initier et conduire"
            + nbsp
            + "»",
        event.title());
    assertEquals(
        "Accueil" + nbsp + ": 8 h 45" + nbsp + "; fin vers 16 h 30" + nbsp + "!",
        event.description());
    assertEquals(
        "IREV (salle «" + nbsp + "Agora" + nbsp + "»), 12 rue Roger Salengro, Lille",
        event.location());
    net.fortuna.ical4j.model.component.VEvent parsed =
        new net.fortuna.ical4j.data.CalendarBuilder()
            .build(new java.io.StringReader(EventCalendar.write(event)))
            .<net.fortuna.ical4j.model.component.VEvent>getComponents(
                net.fortuna.ical4j.model.Component.VEVENT)
            .get(0);
    assertEquals(event.title(), parsed.getSummary().getValue());
    assertEquals(event.description(), parsed.getDescription().getValue());
    assertEquals(event.location(), parsed.getLocation().getValue());
  }

  @Test
  void anEventWithoutPlaceHasNoLocation() {
    NewsItem item = item(NewsKind.EVENT, new EventSchedule(NINE, null, true), null);

    assertNull(CalendarEvent.of(item, null, STAMP).location());
  }

  @Test
  void aNewsItemIsNotAnEvent() {
    NewsItem item = item(NewsKind.NEWS, null, null);

    assertThrows(IllegalArgumentException.class, () -> CalendarEvent.of(item, null, STAMP));
  }

  @Test
  void endBeforeStartIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new CalendarEvent(
                "u", "t", null, null, NINE, NINE.minusMinutes(1), false, null, STAMP));
    assertThrows(
        IllegalArgumentException.class,
        () -> new CalendarEvent("u", "t", null, null, NINE, NINE.minusDays(1), true, null, STAMP));
  }

  @Test
  void sameDayEndOfAnAllDayEventIsAccepted() {
    CalendarEvent event =
        new CalendarEvent("u", "t", null, null, NINE, NINE.withHour(0), true, null, STAMP);

    assertEquals(NINE.withHour(0), event.end());
  }

  @Test
  void onlyAbsoluteHttpAddressesAreAccepted() {
    for (String bad : new String[] {"/actualites/x", "javascript:alert(1)", "https//x", "a b"}) {
      assertThrows(
          IllegalArgumentException.class,
          () -> new CalendarEvent("u", "t", null, null, NINE, null, false, bad, STAMP),
          bad);
    }
  }
}
