package fr.irev.news.registration.staff;

import fr.irev.news.format.FrenchDates;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;

/**
 * Building blocks of the staff pages on jsoup's element API: every text goes through {@link
 * Element#text(String)} or {@link Element#attr(String, String)}, so it is escaped by construction
 * (case C9). No inline script, no {@code style} attribute, no event handler attribute: the pages
 * work under a Content-Security-Policy without {@code unsafe-inline}.
 */
final class StaffHtml {

  /** Id of the {@code main} element (target of the skip link). */
  static final String MAIN_ID = "contenu";

  private StaffHtml() {}

  /**
   * A page: doctype, {@code html lang="fr"}, head with title and stylesheet, skip link, optional
   * staff navigation, {@code main} with the one {@code h1}.
   *
   * @param stylesheet address of the module stylesheet (context path included)
   * @param heading text of the {@code h1} (also the start of the title)
   * @param urls navigation targets, or {@code null} for no navigation (login page)
   * @param current which navigation entry is the current page: 0 events, 1 outbox, -1 none
   * @return the document; {@link #main(Document)} is where the content goes
   */
  static Document page(String stylesheet, String heading, StaffUrls urls, int current) {
    Document doc = Document.createShell("");
    doc.outputSettings().charset(StandardCharsets.UTF_8).prettyPrint(false);
    doc.prependChild(new DocumentType("html", "", ""));
    doc.selectFirst("html").attr("lang", "fr");
    Element head = doc.head();
    head.appendElement("meta").attr("charset", "utf-8");
    head.appendElement("meta")
        .attr("name", "viewport")
        .attr("content", "width=device-width, initial-scale=1");
    head.appendElement("meta").attr("name", "robots").attr("content", "noindex, nofollow");
    head.appendElement("title").text(heading + " – Espace inscriptions – IREV");
    head.appendElement("link").attr("rel", "stylesheet").attr("href", stylesheet);
    Element body = doc.body().addClass("irev").addClass("irev-staff");
    body.appendElement("a")
        .addClass("irev-skip")
        .attr("href", "#" + MAIN_ID)
        .text("Aller au contenu");
    // the frame (irev-news.css, "Staff pages"): the banner with the space's name, a bounded column
    Element header = body.appendElement("header").addClass("irev-staff__banner");
    header.appendElement("p").addClass("irev-staff__site").text("IREV – Inscriptions (équipe)");
    if (urls != null) {
      Element nav =
          header.appendElement("nav").attr("aria-label", "Espace inscriptions").appendElement("ul");
      navItem(nav, urls.events(), "Événements et inscriptions", current == 0);
      navItem(nav, urls.outbox(), "Courriels en file d’envoi", current == 1);
    }
    // tabindex -1: the skip link moves the focus there (RGAA 12.7)
    Element main =
        body.appendElement("main").id(MAIN_ID).addClass("irev-main").attr("tabindex", "-1");
    main.appendElement("h1").text(heading);
    return doc;
  }

  private static void navItem(Element list, String href, String label, boolean current) {
    Element a = list.appendElement("li").appendElement("a").attr("href", href).text(label);
    if (current) {
      a.attr("aria-current", "page");
    }
  }

  static Element main(Document doc) {
    return doc.getElementById(MAIN_ID);
  }

  /** The flash message, if any: {@code role="status"} for a success, {@code alert} for an error. */
  static void flash(Element parent, Flash flash) {
    if (flash == null) {
      return;
    }
    parent
        .appendElement("p")
        .addClass("irev-notice")
        .addClass(flash.kind() == Flash.Kind.ERROR ? "irev-notice-error" : "irev-notice-success")
        .attr("role", flash.kind() == Flash.Kind.ERROR ? "alert" : "status")
        .text(flash.message());
  }

  /**
   * A table with a caption and column headers ({@code th scope="col"}).
   *
   * @return its {@code tbody}
   */
  static Element table(Element parent, String caption, String... headers) {
    // on a phone the columns are wider than the window: the table scrolls sideways in its own
    // region, focusable so that a keyboard can scroll it, named by the caption (WCAG 1.4.10: a
    // data table may need two dimensions; the page itself does not scroll sideways)
    String captionId = "irev-table-" + (parent.ownerDocument().select("table").size() + 1);
    Element region =
        parent
            .appendElement("div")
            .addClass("irev-staff-scroll")
            .attr("role", "region")
            .attr("tabindex", "0")
            .attr("aria-labelledby", captionId);
    Element table = region.appendElement("table").addClass("irev-staff-table");
    table.appendElement("caption").attr("id", captionId).text(caption);
    Element row = table.appendElement("thead").appendElement("tr");
    for (String header : headers) {
      row.appendElement("th").attr("scope", "col").text(header);
    }
    return table.appendElement("tbody");
  }

  /**
   * A POST form carrying the CSRF token in a hidden field {@value StaffPages#CSRF_PARAMETER}.
   *
   * @return the form
   */
  static Element postForm(Element parent, String action, String csrfToken) {
    Element form = parent.appendElement("form").attr("method", "post").attr("action", action);
    form.appendElement("input")
        .attr("type", "hidden")
        .attr("name", StaffPages.CSRF_PARAMETER)
        .attr("value", csrfToken);
    return form;
  }

  /** A submit button whose accessible name is {@code label} + a visually hidden precision. */
  static void button(Element form, String label, String hiddenPrecision) {
    Element button = form.appendElement("button").attr("type", "submit").addClass("irev-button");
    button.appendText(label);
    if (hiddenPrecision != null && !hiddenPrecision.isEmpty()) {
      button.appendElement("span").addClass("irev-visually-hidden").text(" " + hiddenPrecision);
    }
  }

  /** A {@code time} element in French (Paris time) with its ISO datetime; nothing for null. */
  static void time(Element parent, Instant t) {
    if (t != null) {
      parent.appendElement("time").attr("datetime", FrenchDates.iso(t)).text(StaffText.dateTime(t));
    }
  }

  /** Text with line breaks kept as {@code br} elements (each line escaped). */
  static void multiline(Element parent, String text) {
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        parent.appendElement("br");
      }
      parent.appendText(lines[i]);
    }
  }

  static String render(Document doc) {
    return doc.outerHtml();
  }
}
