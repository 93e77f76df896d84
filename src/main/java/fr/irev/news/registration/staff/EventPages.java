package fr.irev.news.registration.staff;

import fr.irev.news.format.FrenchDates;
import fr.irev.news.format.FrenchTypography;
import fr.irev.news.registration.Registration;
import fr.irev.news.registration.RegistrationForm;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The events overview and the page of one event (see {@link StaffPages}). */
final class EventPages {

  private final String stylesheet;
  private final StaffUrls urls;

  EventPages(String stylesheet, StaffUrls urls) {
    this.stylesheet = stylesheet;
    this.urls = urls;
  }

  String overview(List<EventSummary> events, Flash flash) {
    Document doc = StaffHtml.page(stylesheet, "Inscriptions aux événements", urls, 0);
    Element main = StaffHtml.main(doc);
    StaffHtml.flash(main, flash);
    if (events.isEmpty()) {
      main.appendElement("p").text("Aucun événement n’a d’inscription pour le moment.");
      return StaffHtml.render(doc);
    }
    Element body =
        StaffHtml.table(
            main,
            "Événements ayant des inscriptions (places comptées en personnes)",
            "Événement",
            "Date",
            "Confirmées",
            "En liste d’attente",
            "Annulées",
            "Places restantes");
    for (EventSummary e : events) {
      Element row = body.appendElement("tr");
      row.appendElement("th")
          .attr("scope", "row")
          .appendElement("a")
          .attr("href", urls.event(e.eventId()))
          .text(FrenchTypography.spaces(e.title()));
      Element date = row.appendElement("td");
      if (e.start() != null) {
        date.appendElement("time")
            .attr("datetime", FrenchDates.iso(e.start()))
            .text(FrenchDates.dayWithoutArticle(e.start()) + ", " + FrenchDates.time(e.start()));
      }
      Counts c = e.counts();
      row.appendElement("td")
          .text(StaffText.seatsAndRegistrations(c.confirmedSeats(), c.confirmedRegistrations()));
      row.appendElement("td")
          .text(StaffText.seatsAndRegistrations(c.waitingSeats(), c.waitingRegistrations()));
      row.appendElement("td")
          .text(StaffText.seatsAndRegistrations(c.cancelledSeats(), c.cancelledRegistrations()));
      row.appendElement("td").text(e.seatsLeft() + " sur " + e.capacity());
    }
    return StaffHtml.render(doc);
  }

  String event(
      EventSummary event, List<Registration> registrations, String csrfToken, Flash flash) {
    Document doc =
        StaffHtml.page(
            stylesheet, "Inscriptions\u00a0: " + FrenchTypography.spaces(event.title()), urls, 0);
    Element main = StaffHtml.main(doc);
    if (event.start() != null) {
      Element p = main.appendElement("p").addClass("irev-dates").text("Événement du ");
      p.appendElement("time")
          .attr("datetime", FrenchDates.inParis(event.start()).toLocalDate().toString())
          .text(FrenchDates.dayWithoutArticle(event.start()));
      p.appendText(".");
    }
    StaffHtml.flash(main, flash);
    counts(main, event);
    main.appendElement("p")
        .appendElement("a")
        .attr("href", urls.csv(event.eventId()))
        .text("Télécharger la liste des inscriptions (CSV pour tableur, séparateur point-virgule)");
    if (registrations.isEmpty()) {
      main.appendElement("p").text("Aucune inscription pour le moment.");
      return StaffHtml.render(doc);
    }
    Element body =
        StaffHtml.table(
            main,
            "Inscriptions dans l’ordre d’arrivée",
            "Nom",
            "Statut",
            "Places",
            "Courriel",
            "Détails",
            "Inscrit le",
            "Actions");
    int waitingAhead = 0;
    for (Registration r : registrations) {
      String status = RegistrationCsv.statusLabel(r.status());
      if (r.status() == Registration.Status.WAITING) {
        status += " (position " + (waitingAhead + 1) + ")";
        waitingAhead += r.seats();
      }
      row(body.appendElement("tr"), event.eventId(), r, status, csrfToken);
    }
    return StaffHtml.render(doc);
  }

  private static void counts(Element main, EventSummary event) {
    Counts c = event.counts();
    Element list = main.appendElement("ul").addClass("irev-staff-counts");
    list.appendElement("li")
        .text(
            "Confirmées\u00a0: "
                + StaffText.seatsAndRegistrations(c.confirmedSeats(), c.confirmedRegistrations()));
    list.appendElement("li")
        .text(
            "En liste d’attente\u00a0: "
                + StaffText.seatsAndRegistrations(c.waitingSeats(), c.waitingRegistrations()));
    list.appendElement("li")
        .text(
            "Annulées\u00a0: "
                + StaffText.seatsAndRegistrations(c.cancelledSeats(), c.cancelledRegistrations()));
    list.appendElement("li")
        .text("Places restantes\u00a0: " + event.seatsLeft() + " sur " + event.capacity());
  }

  private void row(Element tr, String eventId, Registration r, String status, String csrf) {
    String who = r.firstName() + " " + r.lastName();
    Element name = tr.appendElement("th").attr("scope", "row");
    name.appendElement("span").addClass("irev-staff-last-name").text(r.lastName());
    name.appendText(" ");
    name.appendElement("span").addClass("irev-staff-first-name").text(r.firstName());
    tr.appendElement("td").text(status);
    tr.appendElement("td").text(Integer.toString(r.seats()));
    tr.appendElement("td").text(r.email());
    details(tr.appendElement("td"), r.details());
    StaffHtml.time(tr.appendElement("td"), r.created());
    Element actions = tr.appendElement("td");
    if (r.status() != Registration.Status.CANCELLED) {
      StaffHtml.button(
          StaffHtml.postForm(actions, urls.cancel(eventId, r.id()), csrf),
          "Annuler",
          "l’inscription " + FrenchTypography.de(who));
    }
    if (r.status() == Registration.Status.WAITING) {
      StaffHtml.button(
          StaffHtml.postForm(actions, urls.promote(eventId, r.id()), csrf),
          "Confirmer depuis la liste d’attente",
          "l’inscription " + FrenchTypography.de(who));
    }
  }

  private static void details(Element cell, RegistrationForm.RegistrationDetails d) {
    String[][] fields = {
      {"Organisme", d.organisation()},
      {"Fonction", d.function()},
      {"Commune", d.commune()},
      {"Téléphone", d.phone()},
      {"Besoins", d.needs()},
      {"Commentaire", d.comment()}
    };
    Element list = null;
    for (String[] field : fields) {
      if (field[1].isEmpty()) {
        continue;
      }
      if (list == null) {
        list = cell.appendElement("ul").addClass("irev-staff-details");
      }
      Element item = list.appendElement("li");
      item.appendText(field[0] + "\u00a0: ");
      StaffHtml.multiline(item, field[1]);
    }
  }
}
