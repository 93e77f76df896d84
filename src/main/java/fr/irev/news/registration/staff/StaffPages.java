package fr.irev.news.registration.staff;

import fr.irev.news.registration.Registration;
import java.util.List;
import java.util.Objects;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The HTML of the staff pages: events overview, one event's registrations, the e-mail outbox, one
 * queued message and the login form. Pure functions of their arguments: French, {@code lang="fr"},
 * one {@code h1}, tables with a {@code caption} and {@code th scope}, the module stylesheet, no
 * script and no inline style. Every text is set through jsoup's element API, so whatever a visitor
 * typed (a first name {@code <img src=x onerror=alert(1)>}, case C9) is output as text. Dates are
 * shown in Europe/Paris time whatever the JVM zone.
 *
 * <p>Pages showing personal data must be sent with {@code Cache-Control: no-store}; that is the
 * servlet's job, as are authentication, checking the CSRF token of each POST and the
 * post/redirect/get that turns an action into a {@link Flash}.
 */
public final class StaffPages {

  /** Name of the hidden field carrying the CSRF token in every POST form. */
  public static final String CSRF_PARAMETER = "csrf";

  /** Name of the login form's user name field. */
  public static final String USER_PARAMETER = "username";

  /** Name of the login form's password field. */
  public static final String PASSWORD_PARAMETER = "password";

  /** The module stylesheet, below the context path. */
  public static final String STYLESHEET = "/.resources/irev-news/webresources/css/irev-news.css";

  /** The login error message. */
  public static final String LOGIN_FAILED = "Identifiant ou mot de passe incorrect.";

  private final StaffUrls urls;
  private final String stylesheet;
  private final EventPages events;
  private final OutboxPages outbox;

  /**
   * Pages with the default addresses ({@link StaffUrls#under(String)}).
   *
   * @param contextPath the webapp's context path: {@code ""} or {@code /name}
   * @throws IllegalArgumentException when the context path has another shape
   */
  public StaffPages(String contextPath) {
    this(contextPath, StaffUrls.under(contextPath));
  }

  /**
   * @param contextPath the webapp's context path: {@code ""} or {@code /name} (prefixes the
   *     stylesheet address)
   * @param urls where the pages link and post to, not {@code null}
   * @throws IllegalArgumentException when the context path has another shape
   */
  public StaffPages(String contextPath, StaffUrls urls) {
    this.urls = Objects.requireNonNull(urls, "urls");
    this.stylesheet = StaffText.checkContextPath(contextPath) + STYLESHEET;
    this.events = new EventPages(stylesheet, urls);
    this.outbox = new OutboxPages(stylesheet, urls);
  }

  /**
   * The events that have registrations: title (link to the event's page), date, counts per status
   * in people and registrations, seats left.
   *
   * @param events the events, in the order to show, not {@code null}
   * @param flash a message to show first, or {@code null}
   * @return the HTML document
   */
  public String events(List<EventSummary> events, Flash flash) {
    return this.events.overview(List.copyOf(events), flash);
  }

  /**
   * One event: counts (confirmées, en liste d’attente, annulées, places restantes), the CSV link,
   * then every registration in order of arrival with its status (waiting-list position counted in
   * people), seats, names, e-mail, details and date; an "Annuler" form for each confirmed or
   * waiting registration and a "Confirmer depuis la liste d’attente" form for each waiting one,
   * each posting the CSRF token.
   *
   * @param event the event, not {@code null}
   * @param registrations its registrations in order of arrival, not {@code null}
   * @param csrfToken the token every form posts back, not {@code null}
   * @param flash the outcome of the previous action, or {@code null}
   * @return the HTML document
   */
  public String event(
      EventSummary event, List<Registration> registrations, String csrfToken, Flash flash) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(csrfToken, "csrfToken");
    return events.event(event, List.copyOf(registrations), csrfToken, flash);
  }

  /**
   * The outbox: recipient, subject (link to the message), state, attempts, dates, last error.
   *
   * @param entries the entries in the order to show, not {@code null}
   * @return the HTML document
   */
  public String outbox(List<OutboxEntry> entries) {
    return outbox.list(List.copyOf(entries));
  }

  /**
   * One queued message: its entry, the text body in a {@code pre}, the HTML body as source text
   * (never rendered) and the list of attachments.
   *
   * @param message the message, not {@code null}
   * @return the HTML document
   */
  public String outboxMessage(OutboxMessage message) {
    return outbox.message(Objects.requireNonNull(message, "message"));
  }

  /**
   * The login form (preview server only; Magnolia has its own): user name and password, posted with
   * the CSRF token.
   *
   * @param csrfToken the token the form posts back, not {@code null}
   * @param userName the user name to show again after a failure, or {@code null}
   * @param failed whether to show {@value #LOGIN_FAILED}
   * @return the HTML document
   */
  public String login(String csrfToken, String userName, boolean failed) {
    Objects.requireNonNull(csrfToken, "csrfToken");
    Document doc = StaffHtml.page(stylesheet, "Connexion à l’espace inscriptions", null, -1);
    Element main = StaffHtml.main(doc);
    if (failed) {
      StaffHtml.flash(main, Flash.error(LOGIN_FAILED));
      main.select("[role=alert]").attr("id", "login-error");
    }
    Element form = StaffHtml.postForm(main, urls.login(), csrfToken).addClass("irev-staff-login");
    field(form, USER_PARAMETER, "Identifiant", "text", "username", userName, failed);
    field(form, PASSWORD_PARAMETER, "Mot de passe", "password", "current-password", null, failed);
    StaffHtml.button(form, "Se connecter", null);
    return StaffHtml.render(doc);
  }

  /**
   * A page with one message and a link back to the events (e.g. a refused post).
   *
   * @param heading the page's heading, plain text
   * @param message the message, plain text
   * @return the HTML document
   */
  public String message(String heading, String message) {
    Document doc = StaffHtml.page(stylesheet, heading, urls, -1);
    Element main = StaffHtml.main(doc);
    StaffHtml.flash(main, Flash.error(message));
    main.appendElement("p")
        .appendElement("a")
        .attr("href", urls.events())
        .text("Retour aux événements");
    return StaffHtml.render(doc);
  }

  private static void field(
      Element form,
      String name,
      String label,
      String type,
      String autocomplete,
      String value,
      boolean failed) {
    Element p = form.appendElement("p");
    String id = "staff-" + name;
    p.appendElement("label").attr("for", id).text(label);
    Element input =
        p.appendElement("input")
            .attr("type", type)
            .attr("id", id)
            .attr("name", name)
            .attr("autocomplete", autocomplete)
            .attr("required", true);
    if (value != null) {
      input.attr("value", value);
    }
    if (failed) {
      input.attr("aria-invalid", "true").attr("aria-describedby", "login-error");
    }
  }
}
