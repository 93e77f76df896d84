package fr.irev.news.registration.web;

import fr.irev.news.format.FrenchDates;
import fr.irev.news.format.FrenchTypography;
import fr.irev.news.news.NewsItem;
import fr.irev.news.registration.FieldError;
import fr.irev.news.registration.RegistrationEvent;
import fr.irev.news.registration.RegistrationForm;
import fr.irev.news.registration.RegistrationSettingsMapper.RegistrationFields;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The visitor's HTML of the built-in registration form, written with jsoup's element API so that
 * every value (names, messages, staff texts) is escaped by construction (field case C9). The same
 * markup serves the cached event page (a blank form, no per-visitor data) and the answers of the
 * registration servlet (values kept, errors next to their fields).
 *
 * <p>Accessibility (RGAA 4.1, theme 11 "Formulaires"): every field has a visible {@code <label>}
 * (11.1, 11.2), required fields are announced by text and {@code required} (11.10), each error is
 * linked with {@code aria-describedby} and {@code aria-invalid} (11.10), an error summary lists
 * them with links, and the first invalid field gets {@code autofocus} so focus lands on it without
 * script. Fields carry {@code autocomplete} purposes (11.13, WCAG 1.3.5).
 */
public final class RegistrationHtml {

  /** The {@code id} of the registration section: the target of "S'inscrire" links. */
  public static final String SECTION_ID = "inscription";

  /** Name of the hidden field naming the event the form was written for. */
  public static final String EVENT_FIELD = "evenement";

  /** Name of the hidden double-submit field (see {@link SameOrigin}). */
  public static final String CSRF_FIELD = "csrf";

  /** What kind of answer a notice gives: its look and its ARIA role. */
  public enum NoticeKind {
    /** Confirmed or on the waiting list. */
    SUCCESS,
    /** Neutral information (closed, already registered, confirm again). */
    INFO,
    /** Refused or erroneous. */
    ERROR
  }

  /**
   * A sentence shown above the form.
   *
   * @param kind its kind
   * @param text plain text
   */
  public record Notice(NoticeKind kind, String text) {}

  private static final String PREFIX = "irev-reg-";

  private RegistrationHtml() {}

  /**
   * The registration section of an event.
   *
   * @param owner the document the section goes into
   * @param event the event
   * @param showForm whether to show the form (not when closed, nor after a recorded answer)
   * @param state the form's values, errors and tokens
   * @param notices sentences above the form (answers), may be empty
   * @param contextPath the web application's context path ({@code ""} at the root)
   * @param communes commune names suggested for the commune field, may be empty
   * @param headingLevel level of the section's heading, 2 to 6
   * @return the section element (appended to nothing)
   */
  public static Element section(
      Document owner,
      RegistrationEvent event,
      boolean showForm,
      FormState state,
      List<Notice> notices,
      String contextPath,
      List<String> communes,
      int headingLevel) {
    Element section =
        owner
            .createElement("section")
            .addClass("irev-registration")
            .id(SECTION_ID)
            .attr("aria-labelledby", SECTION_ID + "-titre");
    section
        .appendElement("h" + Math.max(2, Math.min(6, headingLevel)))
        .id(SECTION_ID + "-titre")
        .addClass("irev-registration__title")
        .text("Inscription");
    for (Notice notice : notices) {
      Element p =
          section
              .appendElement("p")
              .addClass("irev-notice")
              .addClass("irev-notice--" + notice.kind().name().toLowerCase(java.util.Locale.ROOT))
              .attr("role", notice.kind() == NoticeKind.ERROR ? "alert" : "status")
              .text(notice.text());
      if (state.errors().isEmpty()) {
        p.attr("tabindex", "-1");
      }
    }
    if (!showForm) {
      return section;
    }
    section
        .appendElement("p")
        .addClass("irev-registration__seats")
        .attr("data-irev-seats", "")
        .attr("aria-live", "polite");
    if (!state.errors().isEmpty()) {
      errorSummary(section, state.errors());
    }
    section.appendChild(form(owner, event, state, contextPath, communes));
    return section;
  }

  private static void errorSummary(Element section, List<FieldError> errors) {
    Element summary =
        section.appendElement("div").addClass("irev-form__summary").attr("role", "alert");
    summary
        .appendElement("p")
        .addClass("irev-form__summary-title")
        .text(
            errors.size() == 1
                ? "Le formulaire contient 1 erreur\u00a0:"
                : "Le formulaire contient " + errors.size() + " erreurs\u00a0:");
    Element list = summary.appendElement("ul");
    for (FieldError error : errors) {
      Element item = list.appendElement("li");
      if (error.field().equals(RegistrationForm.TOKEN)) {
        item.text(error.message()); // a hidden field: nothing to go to
      } else {
        item.appendElement("a").attr("href", "#" + fieldId(error.field())).text(error.message());
      }
    }
  }

  private static Element form(
      Document owner,
      RegistrationEvent event,
      FormState state,
      String contextPath,
      List<String> communes) {
    String base = contextPath + RegistrationPaths.PREFIX + event.eventId();
    Element form =
        owner
            .createElement("form")
            .addClass("irev-form")
            .attr("method", "post")
            .attr("action", base)
            .attr("accept-charset", "UTF-8")
            .attr("novalidate", true)
            .attr("data-irev-registration", "")
            .attr("data-irev-seats-url", base + RegistrationPaths.SEATS_SUFFIX);
    form.appendElement("p")
        .addClass("irev-form__required-note")
        .text("Les champs marqués d’un astérisque (*) sont obligatoires.");
    hidden(form, EVENT_FIELD, event.eventId());
    hidden(form, RegistrationForm.TOKEN, state.token());
    if (state.csrf() != null) {
      hidden(form, CSRF_FIELD, state.csrf());
    }
    Autofocus focus = new Autofocus(state);
    RegistrationFields fields = event.fields();
    text(form, state, focus, RegistrationForm.LAST_NAME, "Nom", true, "family-name", "text");
    text(form, state, focus, RegistrationForm.FIRST_NAME, "Prénom", true, "given-name", "text");
    Element email =
        text(form, state, focus, RegistrationForm.EMAIL, "Adresse e-mail", true, "email", "email");
    hint(email, RegistrationForm.EMAIL, "Format attendu\u00a0: nom@domaine.fr");
    int maxSeats = event.settings().maxSeatsPerRegistration();
    if (maxSeats > 1) {
      Element seats =
          text(
              form,
              state,
              focus,
              RegistrationForm.SEATS,
              "Nombre de personnes",
              true,
              "off",
              "number");
      seats.selectFirst("input").attr("min", "1").attr("max", Integer.toString(maxSeats));
      if (state.value(RegistrationForm.SEATS).isEmpty()) {
        seats.selectFirst("input").val("1");
      }
      hint(seats, RegistrationForm.SEATS, "De 1 à " + maxSeats + " personnes.");
    }
    if (fields.askOrganisation()) {
      text(
          form,
          state,
          focus,
          RegistrationForm.ORGANISATION,
          "Organisme",
          false,
          "organization",
          "text");
    }
    if (fields.askFunction()) {
      text(
          form,
          state,
          focus,
          RegistrationForm.FUNCTION,
          "Fonction",
          false,
          "organization-title",
          "text");
    }
    if (fields.askCommune()) {
      Element commune =
          text(form, state, focus, RegistrationForm.COMMUNE, "Commune", false, "off", "text");
      if (!communes.isEmpty()) {
        String listId = fieldId(RegistrationForm.COMMUNE) + "-liste";
        commune.selectFirst("input").attr("list", listId);
        Element datalist = commune.appendElement("datalist").id(listId);
        for (String name : communes) {
          datalist.appendElement("option").attr("value", name);
        }
      }
    }
    if (fields.askPhone()) {
      text(form, state, focus, RegistrationForm.PHONE, "Téléphone", false, "tel", "tel");
    }
    if (fields.askNeeds()) {
      Element needs =
          text(
              form,
              state,
              focus,
              RegistrationForm.NEEDS,
              "Besoins particuliers (régime alimentaire, accessibilité)",
              false,
              "off",
              "text");
      hint(
          needs, RegistrationForm.NEEDS, "Par exemple\u00a0: repas végétarien, accès en fauteuil.");
    }
    if (fields.askComment()) {
      Element field = field(form, RegistrationForm.COMMENT);
      label(field, RegistrationForm.COMMENT, "Commentaire", false);
      Element area =
          field
              .appendElement("textarea")
              .id(fieldId(RegistrationForm.COMMENT))
              .attr("name", RegistrationForm.COMMENT)
              .attr("rows", "4")
              .attr("maxlength", Integer.toString(RegistrationForm.COMMENT_MAX));
      area.text(state.value(RegistrationForm.COMMENT));
      error(field, area, state, focus, RegistrationForm.COMMENT);
    }
    consent(form, state, focus, fields);
    form.appendElement("p")
        .addClass("irev-form__actions")
        .appendElement("button")
        .attr("type", "submit")
        .addClass("irev-button")
        .text("S’inscrire");
    form.appendElement("p")
        .addClass("irev-form__privacy")
        .text(
            "Vos données servent uniquement à gérer cette inscription\u00a0; elles sont"
                + " supprimées après l’événement (au plus tard six mois après, sauf réglage"
                + " contraire). Un lien d’annulation vous est envoyé par e-mail.");
    return form;
  }

  private static void consent(
      Element form, FormState state, Autofocus focus, RegistrationFields fields) {
    Element field = field(form, RegistrationForm.CONSENT).addClass("irev-form__field--checkbox");
    Element box =
        field
            .appendElement("input")
            .attr("type", "checkbox")
            .id(fieldId(RegistrationForm.CONSENT))
            .attr("name", RegistrationForm.CONSENT)
            .attr("value", "oui")
            .attr("required", true);
    if (!state.value(RegistrationForm.CONSENT).isEmpty()) {
      box.attr("checked", true);
    }
    String text =
        fields.consentText() != null
            ? FrenchTypography.spaces(fields.consentText())
            : "J’accepte que l’IREV utilise ces informations pour gérer mon inscription à cet"
                + " événement et m’écrire à son sujet.";
    label(field, RegistrationForm.CONSENT, text, true);
    error(field, box, state, focus, RegistrationForm.CONSENT);
  }

  private static Element text(
      Element form,
      FormState state,
      Autofocus focus,
      String name,
      String label,
      boolean required,
      String autocomplete,
      String type) {
    Element field = field(form, name);
    label(field, name, label, required);
    Element input =
        field
            .appendElement("input")
            .attr("type", type)
            .id(fieldId(name))
            .attr("name", name)
            .attr("autocomplete", autocomplete)
            .val(state.value(name));
    if (required) {
      input.attr("required", true);
    }
    int max = maxLength(name);
    if (max > 0) {
      input.attr("maxlength", Integer.toString(max));
    }
    error(field, input, state, focus, name);
    return field;
  }

  private static int maxLength(String name) {
    return switch (name) {
      case RegistrationForm.LAST_NAME, RegistrationForm.FIRST_NAME -> RegistrationForm.NAME_MAX;
      case RegistrationForm.EMAIL -> RegistrationForm.EMAIL_MAX;
      default -> 0;
    };
  }

  private static Element field(Element form, String name) {
    return form.appendElement("div").addClass("irev-form__field").attr("data-field", name);
  }

  private static void label(Element field, String name, String text, boolean required) {
    Element label = field.appendElement("label").attr("for", fieldId(name)).text(text);
    if (required) {
      label.appendText(" ");
      label.appendElement("span").addClass("irev-form__required").text("*");
    }
  }

  private static void hint(Element field, String name, String text) {
    String id = fieldId(name) + "-aide";
    field
        .selectFirst("label")
        .after(new Element("p").id(id).addClass("irev-form__hint").text(text));
    Element control = field.selectFirst("input, textarea");
    describe(control, id);
  }

  private static void error(
      Element field, Element control, FormState state, Autofocus focus, String name) {
    FieldError error = state.error(name);
    if (error == null) {
      return;
    }
    String id = fieldId(name) + "-erreur";
    field.addClass("irev-form__field--error");
    field
        .selectFirst("label")
        .after(new Element("p").id(id).addClass("irev-form__error").text(error.message()));
    control.attr("aria-invalid", "true");
    describe(control, id);
    if (focus.take()) {
      control.attr("autofocus", true);
    }
  }

  private static void describe(Element control, String id) {
    String current = control.attr("aria-describedby");
    control.attr("aria-describedby", current.isEmpty() ? id : current + " " + id);
  }

  private static void hidden(Element form, String name, String value) {
    form.appendElement("input").attr("type", "hidden").attr("name", name).val(value);
  }

  /**
   * @param field a field name of {@link RegistrationForm}
   * @return the {@code id} of its control
   */
  public static String fieldId(String field) {
    return PREFIX + field;
  }

  /**
   * Sets the document's title, the heading unchanged: e.g. "Erreur\u00a0: Inscription\u00a0: …" or
   * "Inscription confirmée\u00a0: …" where the heading stays "Inscription\u00a0: …".
   *
   * @param doc a document of {@link #page}
   * @param title the title without the site's name, French typography applied by the caller
   */
  public static void title(Document doc, String title) {
    doc.title(title + " – " + SiteFrame.SITE_NAME);
  }

  /**
   * A standalone HTML page around a registration section: the servlet's answers, in the site's
   * frame ({@link SiteFrame}: banner with the link to the list, footer).
   *
   * @param title the page title (without the site name), French typography applied by the caller
   * @param item the event, for the line under the heading (its title with French no-break spaces,
   *     {@link FrenchTypography}, and its date); {@code null} when unknown
   * @param eventUrl address of the event's page, for the way back; {@code null} for none
   * @param contextPath the web application's context path
   * @return a new document with {@code lang="fr"}, the module's stylesheet and script, one {@code
   *     h1}; its {@code main} element is where the caller appends content
   */
  public static Document page(String title, NewsItem item, String eventUrl, String contextPath) {
    Document doc = SiteFrame.page(title, contextPath);
    doc.head()
        .appendElement("script")
        .attr("src", contextPath + "/.resources/irev-news/webresources/js/registration.js")
        .attr("defer", true);
    Element main = SiteFrame.main(doc);
    main.appendElement("h1").addClass("irev-article__title").text(title);
    if (item != null && item.schedule() != null) {
      var schedule = item.schedule();
      // the date in <time datetime> as on the event page: the start, a date alone all day long
      main.appendElement("p")
          .addClass("irev-registration__event")
          .text(FrenchTypography.spaces(item.title()) + " — ")
          .appendElement("time")
          .attr(
              "datetime",
              schedule.allDay()
                  ? FrenchDates.inParis(schedule.start()).toLocalDate().toString()
                  : FrenchDates.iso(schedule.start()))
          .text(FrenchDates.eventPeriod(schedule.start(), schedule.end(), schedule.allDay()));
    }
    if (eventUrl != null) {
      main.appendElement("p")
          .addClass("irev-registration__back")
          .appendElement("a")
          .attr("href", eventUrl)
          .text("Retour à la page de l’événement");
    }
    return doc;
  }

  /**
   * @param doc a page of {@link #page}
   * @return its {@code main} element
   */
  public static Element main(Document doc) {
    return doc.getElementById("contenu");
  }

  /** Gives {@code autofocus} to the first invalid control only. */
  private static final class Autofocus {
    private boolean available;

    Autofocus(FormState state) {
      this.available = !state.errors().isEmpty();
    }

    boolean take() {
      boolean take = available;
      available = false;
      return take;
    }
  }
}
