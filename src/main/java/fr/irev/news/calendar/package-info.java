/**
 * iCalendar (RFC 5545) files of events: {@link fr.irev.news.calendar.EventCalendar} writes one
 * event ("add to my calendar", an e-mail attachment) or several (a feed) from {@link
 * fr.irev.news.calendar.CalendarEvent} records, with ical4j, in Europe/Paris time with its
 * VTIMEZONE, whatever the JVM's default zone and locale (field cases C1–C8). No JCR here.
 */
package fr.irev.news.calendar;
