package fr.irev.news.registration.staff;

import fr.irev.news.format.FrenchSizes;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The outbox list and the page of one queued message (see {@link StaffPages}). A message's HTML
 * body is never rendered: it is shown as source text, like the plain-text body.
 */
final class OutboxPages {

  private final String stylesheet;
  private final StaffUrls urls;

  OutboxPages(String stylesheet, StaffUrls urls) {
    this.stylesheet = stylesheet;
    this.urls = urls;
  }

  String list(List<OutboxEntry> entries) {
    Document doc = StaffHtml.page(stylesheet, "Courriels en file d’envoi", urls, 1);
    Element main = StaffHtml.main(doc);
    if (entries.isEmpty()) {
      main.appendElement("p").text("Aucun courriel en file d’envoi.");
      return StaffHtml.render(doc);
    }
    Element body =
        StaffHtml.table(
            main,
            "Courriels, du plus récent au plus ancien",
            "Objet",
            "Destinataire",
            "État",
            "Tentatives",
            "Créé le",
            "Envoyé le",
            "Dernière erreur");
    for (OutboxEntry e : entries) {
      Element row = body.appendElement("tr");
      row.appendElement("th")
          .attr("scope", "row")
          .appendElement("a")
          .attr("href", urls.outboxMessage(e.id()))
          .text(e.subject().isEmpty() ? "(sans objet)" : e.subject());
      row.appendElement("td").text(e.to());
      row.appendElement("td").text(e.state().label());
      row.appendElement("td").text(Integer.toString(e.attempts()));
      StaffHtml.time(row.appendElement("td"), e.created());
      StaffHtml.time(row.appendElement("td"), e.sentAt());
      row.appendElement("td").text(e.lastError() == null ? "" : e.lastError());
    }
    return StaffHtml.render(doc);
  }

  String message(OutboxMessage message) {
    OutboxEntry e = message.entry();
    Document doc =
        StaffHtml.page(
            stylesheet,
            "Courriel\u00a0: " + (e.subject().isEmpty() ? "(sans objet)" : e.subject()),
            urls,
            -1);
    Element main = StaffHtml.main(doc);
    main.appendElement("p")
        .appendElement("a")
        .attr("href", urls.outbox())
        .text("Retour à la file d’envoi");
    Element dl = main.appendElement("dl").addClass("irev-staff-message");
    entry(dl, "Destinataire", e.to());
    entry(dl, "Objet", e.subject());
    entry(dl, "État", e.state().label());
    entry(dl, "Tentatives", Integer.toString(e.attempts()));
    // dates in <time datetime>, as in the tables
    StaffHtml.time(entry(dl, "Créé le", ""), e.created());
    if (e.sentAt() == null) {
      entry(dl, "Envoyé le", "pas encore envoyé");
    } else {
      StaffHtml.time(entry(dl, "Envoyé le", ""), e.sentAt());
    }
    if (e.lastError() != null) {
      entry(dl, "Dernière erreur", e.lastError());
    }
    main.appendElement("h2").text("Texte du message");
    if (message.textBody().isEmpty()) {
      main.appendElement("p").text("Ce message n’a pas de version texte.");
    } else {
      main.appendElement("pre").addClass("irev-staff-body").text(message.textBody());
    }
    if (!message.htmlBody().isEmpty()) {
      Element details = main.appendElement("details");
      details.appendElement("summary").text("Code source de la version HTML (non affichée)");
      details.appendElement("pre").addClass("irev-staff-body").text(message.htmlBody());
    }
    main.appendElement("h2").text("Pièces jointes");
    if (message.attachments().isEmpty()) {
      main.appendElement("p").text("Aucune pièce jointe.");
    } else {
      Element list = main.appendElement("ul");
      for (OutboxMessage.Attachment a : message.attachments()) {
        list.appendElement("li")
            .text(a.fileName() + " (" + a.contentType() + ", " + FrenchSizes.bytes(a.size()) + ")");
      }
    }
    return StaffHtml.render(doc);
  }

  /** A term and its description ({@code dd}, returned for more content). */
  private static Element entry(Element dl, String term, String value) {
    dl.appendElement("dt").text(term);
    return dl.appendElement("dd").text(value);
  }
}
