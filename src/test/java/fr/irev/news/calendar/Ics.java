package fr.irev.news.calendar;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;

/** Test helpers that read an iCalendar object back: with ical4j, and byte by byte. */
final class Ics {

  private Ics() {}

  /** Parses with ical4j (which unfolds and unescapes). */
  static Calendar parse(String ics) throws Exception {
    return new CalendarBuilder().build(new StringReader(ics));
  }

  /** The only VEVENT of a calendar. */
  static VEvent event(Calendar calendar) {
    List<VEvent> events = calendar.getComponents(Component.VEVENT);
    if (events.size() != 1) {
      throw new AssertionError("expected one VEVENT, found " + events.size());
    }
    return events.get(0);
  }

  /** A property's value as ical4j unescapes it, or null. */
  static String text(Component component, String name) {
    return component.getProperty(name).map(Property::getValue).orElse(null);
  }

  /** A DATE-TIME property as an instant (DTSTART, DTEND). */
  static Instant instant(VEvent event, String name) {
    Temporal t = date(event, name);
    if (t instanceof LocalDate) {
      throw new AssertionError(name + " is not a date-time: " + t);
    }
    return Instant.from(t);
  }

  /** A DATE property (all-day DTSTART, DTEND). */
  static LocalDate localDate(VEvent event, String name) {
    Temporal t = date(event, name);
    if (t instanceof LocalDate d) {
      return d;
    }
    throw new AssertionError(name + " is not a date: " + t);
  }

  private static Temporal date(VEvent event, String name) {
    DateProperty<?> p =
        event
            .<DateProperty<?>>getProperty(name)
            .orElseThrow(() -> new AssertionError("no " + name));
    return p.getDate();
  }

  /**
   * The physical lines of the raw bytes, split on CRLF only; fails when a bare CR or LF occurs or
   * when a line is not valid UTF-8 on its own (a fold that splits a character).
   */
  static List<byte[]> physicalLines(byte[] raw) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] == '\r') {
        if (i + 1 >= raw.length || raw[i + 1] != '\n') {
          throw new AssertionError("bare CR at byte " + i);
        }
        byte[] line = java.util.Arrays.copyOfRange(raw, start, i);
        strictUtf8(line);
        lines.add(line);
        start = i + 2;
        i++;
      } else if (raw[i] == '\n') {
        throw new AssertionError("bare LF at byte " + i);
      }
    }
    if (start != raw.length) {
      throw new AssertionError("last line does not end with CRLF");
    }
    return lines;
  }

  /** The content lines: physical lines with folds (CRLF + one space or tab) removed. */
  static List<String> contentLines(byte[] raw) {
    List<String> out = new ArrayList<>();
    for (byte[] line : physicalLines(raw)) {
      String s = new String(line, StandardCharsets.UTF_8);
      if (!out.isEmpty() && (s.startsWith(" ") || s.startsWith("\t"))) {
        out.set(out.size() - 1, out.get(out.size() - 1) + s.substring(1));
      } else {
        out.add(s);
      }
    }
    return out;
  }

  static String strictUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new AssertionError("line is not valid UTF-8 on its own (split character)", e);
    }
  }
}
