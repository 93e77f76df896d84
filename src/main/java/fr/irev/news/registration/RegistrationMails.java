package fr.irev.news.registration;

import fr.irev.news.calendar.CalendarEvent;
import fr.irev.news.calendar.EventCalendar;
import fr.irev.news.format.FrenchDates;
import fr.irev.news.format.FrenchTypography;
import fr.irev.news.mail.MailAttachment;
import fr.irev.news.mail.MailMessage;
import fr.irev.news.news.NewsItem;
import fr.irev.news.news.Place;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * The French e-mails of registrations: to the registrant (confirmed with an {@code .ics} file, on
 * the waiting list, promoted, cancelled) and to the event's staff address. Each has a plain-text
 * and an HTML body; the HTML is built element by element with jsoup, so names and texts typed by
 * visitors or staff are escaped (field case C9). Headers hold no line break: the form refuses them
 * in names (C10) and {@link MailMessage} refuses them anywhere.
 *
 * <p>The event's title, venue and confirmation message are written as on the event page, with the
 * French no-break spaces of {@link FrenchTypography}, and so is the fixed wording ("Inscription
 * confirmée&nbsp;: …"), subjects included: a subject with U+00A0 is sent encoded (RFC 2047) as any
 * accented subject already is, and mail clients show it as typed.
 */
public final class RegistrationMails {

  /** What happened to a registration, for the wording. */
  public enum Kind {
    /** Recorded and confirmed. */
    CONFIRMED,
    /** Recorded on the waiting list. */
    WAITING,
    /** Moved from the waiting list to confirmed. */
    PROMOTED,
    /** Cancelled (by the registrant's link or by staff). */
    CANCELLED
  }

  /** Label of the one fact written as a link. */
  private static final String EVENT_PAGE = "Page de l’événement";

  private final RegistrationEvent event;
  private final String siteUrl;
  private final Instant now;

  /**
   * @param event the event
   * @param siteUrl the site's public address (no trailing slash), for absolute links; blank when
   *     none is configured: then no link is written
   * @param now when the messages are written (the {@code .ics} DTSTAMP)
   */
  public RegistrationMails(RegistrationEvent event, String siteUrl, Instant now) {
    this.event = event;
    this.siteUrl = siteUrl;
    this.now = now;
  }

  /**
   * @return the absolute address of the event's page
   */
  public String eventUrl() {
    return siteUrl + "/actualites/" + event.item().urlName();
  }

  /**
   * The message to the registrant.
   *
   * @param kind what happened
   * @param registration the registration (its status after the change)
   * @param waitingPosition position on the waiting list for {@link Kind#WAITING}, else ignored
   * @param cancelUrl the personal cancellation link, {@code null} for {@link Kind#CANCELLED}
   * @return the message
   * @throws IllegalArgumentException when an address cannot be used in a header
   */
  public MailMessage toRegistrant(
      Kind kind, Registration registration, int waitingPosition, String cancelUrl) {
    NewsItem item = event.item();
    String title = title(item);
    String subject =
        switch (kind) {
          case CONFIRMED -> "Inscription confirmée\u00a0: " + title;
          case WAITING -> "Liste d’attente\u00a0: " + title;
          case PROMOTED -> "Une place s’est libérée\u00a0: inscription confirmée – " + title;
          case CANCELLED -> "Inscription annulée\u00a0: " + title;
        };
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add("Bonjour " + registration.firstName() + " " + registration.lastName() + ",");
    String people = registration.seats() == 1 ? "" : " (" + registration.seats() + " personnes)";
    paragraphs.add(
        switch (kind) {
          case CONFIRMED ->
              "Votre inscription à " + quoted(title) + " est confirmée" + people + ".";
          case WAITING ->
              "Cet événement est complet\u00a0: vous êtes sur la liste d’attente de "
                  + quoted(title)
                  + people
                  + ", en position "
                  + waitingPosition
                  + ". Si une place se libère, vous serez inscrit automatiquement et prévenu par"
                  + " e-mail.";
          case PROMOTED ->
              "Une place s’est libérée\u00a0: votre inscription à "
                  + quoted(title)
                  + " est maintenant confirmée"
                  + people
                  + ".";
          case CANCELLED -> "Votre inscription à " + quoted(title) + " est annulée.";
        });
    List<String[]> facts = facts();
    boolean confirmed = kind == Kind.CONFIRMED || kind == Kind.PROMOTED;
    List<String> closing = new ArrayList<>();
    if (confirmed && event.fields().confirmationMessage() != null) {
      closing.add(FrenchTypography.spaces(event.fields().confirmationMessage()));
    }
    if (confirmed) {
      closing.add(
          "L’événement est joint à ce message (fichier .ics) pour l’ajouter à votre agenda.");
    }
    String cancelLabel = null;
    if (cancelUrl != null && kind != Kind.CANCELLED) {
      cancelLabel =
          kind == Kind.WAITING
              ? "Pour quitter la liste d’attente\u00a0: "
              : "Si vous ne pouvez plus venir, annulez votre inscription pour libérer la"
                  + " place\u00a0: ";
    }
    String text = text(paragraphs, facts, closing, cancelLabel, cancelUrl);
    String html = html(subject, paragraphs, facts, closing, cancelLabel, cancelUrl);
    List<MailAttachment> attachments =
        confirmed
            ? List.of(
                new MailAttachment(
                    EventCalendar.fileName(item.title()),
                    EventCalendar.MEDIA_TYPE,
                    EventCalendar.bytes(CalendarEvent.of(item, eventUrl(), now))))
            : List.of();
    return new MailMessage(
        registration.email(), event.fields().staffEmail(), subject, text, html, attachments);
  }

  /**
   * The notice to the event's staff address.
   *
   * @param kind what happened
   * @param registration the registration (its status after the change)
   * @return the message, or {@code null} when the event has no staff address
   * @throws IllegalArgumentException when an address cannot be used in a header
   */
  public MailMessage toStaff(Kind kind, Registration registration) {
    String staff = event.fields().staffEmail();
    if (staff == null) {
      return null;
    }
    String what =
        switch (kind) {
          case CONFIRMED -> "inscription confirmée";
          case WAITING -> "inscription en liste d’attente";
          case PROMOTED -> "confirmée depuis la liste d’attente";
          case CANCELLED -> "inscription annulée";
        };
    String subject =
        "[Inscriptions] "
            + title(event.item())
            + "\u00a0: "
            + registration.firstName()
            + " "
            + registration.lastName()
            + " ("
            + what
            + ")";
    List<String> paragraphs =
        List.of("Bonjour,", "Pour " + quoted(title(event.item())) + "\u00a0: " + what + ".");
    List<String[]> facts = new ArrayList<>();
    facts.add(new String[] {"Nom", registration.lastName()});
    facts.add(new String[] {"Prénom", registration.firstName()});
    facts.add(new String[] {"E-mail", registration.email()});
    facts.add(new String[] {"Personnes", Integer.toString(registration.seats())});
    RegistrationForm.RegistrationDetails d = registration.details();
    addIfPresent(facts, "Organisme", d.organisation());
    addIfPresent(facts, "Fonction", d.function());
    addIfPresent(facts, "Commune", d.commune());
    addIfPresent(facts, "Téléphone", d.phone());
    addIfPresent(facts, "Besoins", d.needs());
    addIfPresent(facts, "Commentaire", d.comment());
    List<String> closing =
        List.of("La liste complète et l’export CSV sont dans la page des inscriptions (équipe).");
    return new MailMessage(
        staff,
        registration.email(),
        subject,
        text(paragraphs, facts, closing, null, null),
        html(subject, paragraphs, facts, closing, null, null),
        List.of());
  }

  private List<String[]> facts() {
    NewsItem item = event.item();
    List<String[]> facts = new ArrayList<>();
    if (item.schedule() != null) {
      facts.add(
          new String[] {
            "Date",
            FrenchDates.eventPeriod(
                item.schedule().start(), item.schedule().end(), item.schedule().allDay())
          });
    }
    Place place = item.place();
    if (place != null && !place.isEmpty()) {
      List<String> parts = new ArrayList<>();
      for (String part : new String[] {place.name(), place.address(), place.commune()}) {
        if (part != null && !part.isBlank()) {
          parts.add(part);
        }
      }
      // as on the event page: the venue typed by the staff with French no-break spaces
      facts.add(new String[] {"Lieu", FrenchTypography.spaces(String.join(", ", parts))});
    }
    if (!siteUrl.isBlank()) {
      facts.add(new String[] {EVENT_PAGE, eventUrl()});
    }
    return facts;
  }

  private static void addIfPresent(List<String[]> facts, String label, String value) {
    if (value != null && !value.isEmpty()) {
      facts.add(new String[] {label, value});
    }
  }

  private static String text(
      List<String> paragraphs,
      List<String[]> facts,
      List<String> closing,
      String cancelLabel,
      String cancelUrl) {
    StringBuilder out = new StringBuilder();
    for (String p : paragraphs) {
      out.append(p).append("\n\n");
    }
    for (String[] fact : facts) {
      out.append(fact[0]).append("\u00a0: ").append(fact[1]).append('\n');
    }
    out.append('\n');
    for (String p : closing) {
      out.append(p).append("\n\n");
    }
    if (cancelLabel != null) {
      out.append(cancelLabel)
          .append('\n')
          .append(cancelUrl)
          .append("\n(lien personnel, valable jusqu’à la fin de l’événement)\n\n");
    }
    out.append("L’équipe de l’IREV\n");
    return out.toString();
  }

  private static String html(
      String subject,
      List<String> paragraphs,
      List<String[]> facts,
      List<String> closing,
      String cancelLabel,
      String cancelUrl) {
    Document doc = Document.createShell("");
    doc.outputSettings().charset("UTF-8").escapeMode(Entities.EscapeMode.base).prettyPrint(false);
    doc.child(0).attr("lang", "fr");
    doc.head().appendElement("meta").attr("charset", "utf-8");
    doc.head().appendElement("title").text(subject);
    Element body = doc.body();
    for (String p : paragraphs) {
      body.appendElement("p").text(p);
    }
    Element list = body.appendElement("ul");
    for (String[] fact : facts) {
      Element li = list.appendElement("li");
      li.appendElement("strong").text(fact[0] + "\u00a0:");
      li.appendText(" ");
      if (fact[0].equals(EVENT_PAGE)) {
        // Only the module's own address is a link: text typed by visitors never is.
        li.appendElement("a").attr("href", fact[1]).text(fact[1]);
      } else {
        li.appendText(fact[1]);
      }
    }
    for (String p : closing) {
      body.appendElement("p").text(p);
    }
    if (cancelLabel != null) {
      Element p = body.appendElement("p").text(cancelLabel);
      p.appendElement("a").attr("href", cancelUrl).text("annuler mon inscription");
      p.appendText(" (lien personnel, valable jusqu’à la fin de l’événement).");
    }
    body.appendElement("p").text("L’équipe de l’IREV");
    return "<!DOCTYPE html>" + doc.outerHtml();
  }

  /** A title between French quotes, with no-break spaces inside them. */
  private static String quoted(String title) {
    return "«\u00a0" + title + "\u00a0»";
  }

  /**
   * The event's title as the event page shows it: on one line, with French no-break spaces ({@link
   * FrenchTypography}), in subjects and bodies alike.
   */
  private static String title(NewsItem item) {
    return FrenchTypography.spaces(oneLine(item.title()));
  }

  /** Line breaks and other control characters of a title as spaces, for a subject line. */
  private static String oneLine(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      out.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
    }
    return out.toString().replaceAll(" {2,}", " ").strip();
  }
}
