/**
 * Event registration. This first step is the pure decision core: {@link
 * fr.irev.news.registration.RegistrationRules} decides, from an event's {@link
 * fr.irev.news.registration.RegistrationSettings} and its current {@link
 * fr.irev.news.registration.Occupancy}, what answer a registration gets (a {@link
 * fr.irev.news.registration.Decision}) and which waiting registrations a freed seat promotes. No
 * JCR, no servlet, no mail, no clock and no default time zone or locale are read here: callers pass
 * the instant and serialise the decisions per event (field cases C18–C21).
 */
package fr.irev.news.registration;
