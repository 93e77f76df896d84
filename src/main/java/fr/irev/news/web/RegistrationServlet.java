package fr.irev.news.web;

import fr.irev.news.format.FrenchTypography;
import fr.irev.news.news.NewsNodes;
import fr.irev.news.registration.Availability;
import fr.irev.news.registration.CancellationLinks;
import fr.irev.news.registration.Decision;
import fr.irev.news.registration.FieldError;
import fr.irev.news.registration.NewRegistration;
import fr.irev.news.registration.RegistrationEvent;
import fr.irev.news.registration.RegistrationForm;
import fr.irev.news.registration.RegistrationResult;
import fr.irev.news.registration.RegistrationRules;
import fr.irev.news.registration.RegistrationService;
import fr.irev.news.registration.web.CommuneNames;
import fr.irev.news.registration.web.FormState;
import fr.irev.news.registration.web.RegistrationHtml;
import fr.irev.news.registration.web.RegistrationHtml.Notice;
import fr.irev.news.registration.web.RegistrationHtml.NoticeKind;
import fr.irev.news.registration.web.RegistrationPaths;
import fr.irev.news.registration.web.SameOrigin;
import fr.irev.news.taxonomy.TaxonomyNodes;
import fr.irev.news.templating.ContentContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.jcr.RepositoryException;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The visitor's side of event registrations, mapped at {@value RegistrationPaths#PREFIX}{@code *}:
 *
 * <ul>
 *   <li>{@code POST /<eventId>}: the form of the event page ({@code
 *       application/x-www-form-urlencoded}, at most {@value #MAX_BODY_BYTES} bytes). Answers a
 *       complete French page, {@code Cache-Control: no-store}: 200 confirmed, on the waiting list,
 *       already registered, or "confirm again" (double-submit token, see {@link SameOrigin}); 409
 *       full or closed; 422 field errors (the form again, values kept); 403 a cross-site post; 404
 *       an unknown event; 405 another method; 411, 413, 415 a body without length, too large or of
 *       another type; 503 the repository failing (nothing was recorded).
 *   <li>{@code GET /<eventId>/places}: {@code application/json} with the seats left, for the page's
 *       optional script.
 * </ul>
 *
 * Nothing personal is logged. Confirmed and waiting registrations are saved before the answer is
 * written, with their e-mails queued in the same save.
 */
public final class RegistrationServlet extends RegistrationServletBase {

  private static final long serialVersionUID = 1L;

  /** Largest accepted form body, in bytes (the longest valid form, percent-encoded, fits). */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  /** Prefix of tokens derived by the server (forms posted without the script's token). */
  static final String DERIVED_PREFIX = "d-";

  /** Idempotency window of forms posted without the script's token, in seconds. */
  static final long DERIVED_TOKEN_WINDOW_SECONDS = 600;

  private static final Logger LOG = LoggerFactory.getLogger(RegistrationServlet.class);

  /** Start of the title of the page that says registrations are closed. */
  private static final String CLOSED_TITLE = "Inscriptions fermées";

  /** The content context of the request this thread serves (for the answer pages' suggestions). */
  private static final ThreadLocal<ContentContext> currentContext = new ThreadLocal<>();

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse given) throws IOException {
    if (AllowedMethods.answeredOptions(request, given, allow(parts(request)))) {
      return;
    }
    HttpServletResponse response = AllowedMethods.withoutBodyForHead(request, given);
    try {
      route(request, response);
    } catch (RepositoryException | RuntimeException e) {
      LOG.error(
          "Registration request failed ({}): {}",
          e.getClass().getSimpleName(),
          String.valueOf(e.getMessage()));
      ErrorPage.send(
          response,
          HttpServletResponse.SC_SERVICE_UNAVAILABLE,
          request.getContextPath(),
          !"HEAD".equals(request.getMethod()));
    }
  }

  private static String[] parts(HttpServletRequest request) {
    String path = request.getPathInfo() == null ? "" : request.getPathInfo();
    return path.startsWith("/") ? path.substring(1).split("/", -1) : new String[] {""};
  }

  /**
   * @param parts the path's segments after the servlet's mapping
   * @return the {@code Allow} value of the address: the seats left {@code GET, HEAD, OPTIONS}, the
   *     cancellation page {@code GET, HEAD, POST, OPTIONS}, an event's form target {@code POST,
   *     OPTIONS}; {@code null} for an address that does not exist
   */
  static String allow(String[] parts) {
    if (parts.length == 2 && RegistrationPaths.SEATS_SUFFIX.equals("/" + parts[1])) {
      return "GET, HEAD, OPTIONS";
    }
    if (parts.length == 1 && RegistrationPaths.CANCEL.equals(parts[0])) {
      return "GET, HEAD, POST, OPTIONS";
    }
    return parts.length != 1 || parts[0].isEmpty() ? null : "POST, OPTIONS";
  }

  private void route(HttpServletRequest request, HttpServletResponse response)
      throws IOException, RepositoryException {
    String[] parts = parts(request);
    String method = request.getMethod();
    Optional<ContentContext> context = context(request);
    Optional<RegistrationService> service = service();
    if (context.isEmpty() || service.isEmpty()) {
      ErrorPage.send(response, 503, request.getContextPath(), !"HEAD".equals(method));
      return;
    }
    currentContext.set(context.get());
    try {
      route(request, response, context.get(), service.get(), parts, method);
    } finally {
      currentContext.remove();
    }
  }

  private void route(
      HttpServletRequest request,
      HttpServletResponse response,
      ContentContext context,
      RegistrationService service,
      String[] parts,
      String method)
      throws IOException, RepositoryException {
    if (parts.length == 2 && RegistrationPaths.SEATS_SUFFIX.equals("/" + parts[1])) {
      if (!AllowedMethods.isGet(method)) {
        methodNotAllowed(request, response, allow(parts));
        return;
      }
      seats(request, response, context, service, parts[0], "GET".equals(method));
      return;
    }
    if (parts.length == 1 && RegistrationPaths.CANCEL.equals(parts[0])) {
      if (AllowedMethods.isGet(method)) {
        cancelPage(request, response, context, service, false);
      } else if ("POST".equals(method)) {
        cancelPage(request, response, context, service, true);
      } else {
        methodNotAllowed(request, response, allow(parts));
      }
      return;
    }
    if (parts.length != 1 || parts[0].isEmpty()) {
      ErrorPage.send(response, 404, request.getContextPath(), !"HEAD".equals(method));
      return;
    }
    if (!"POST".equals(method)) {
      methodNotAllowed(request, response, allow(parts));
      return;
    }
    register(request, response, context, service, parts[0]);
  }

  private void register(
      HttpServletRequest request,
      HttpServletResponse response,
      ContentContext context,
      RegistrationService service,
      String eventId)
      throws IOException, RepositoryException {
    String contextPath = request.getContextPath();
    // The raw header: Jetty's getContentType() throws on an unknown charset.
    String type = request.getHeader("Content-Type");
    if (type == null
        || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")
        || !utf8OrUnspecified(type)) {
      simple(
          response,
          415,
          "Formulaire non reconnu",
          "Le formulaire n’a pas été envoyé dans le format attendu. Retournez à la page de"
              + " l’événement pour vous inscrire.",
          contextPath);
      return;
    }
    FormBody.Result body = FormBody.read(request, MAX_BODY_BYTES);
    if (body instanceof FormBody.TooLarge) {
      simple(
          response,
          413,
          "Formulaire trop long",
          "Le formulaire envoyé dépasse la taille permise. Raccourcissez les champs les plus"
              + " longs (le commentaire, par exemple) puis renvoyez-le.",
          contextPath);
      return;
    }
    if (!(body instanceof FormBody.Fields fields)) {
      simple(
          response,
          400,
          "Formulaire illisible",
          "Le formulaire envoyé est illisible. Renvoyez-le depuis la page de l’événement.",
          contextPath);
      return;
    }
    Map<String, String[]> parameters = fields.fields();
    Optional<RegistrationEvent> found =
        service.event(context.session(NewsNodes.WORKSPACE), eventId);
    if (found.isEmpty()) {
      simple(
          response,
          404,
          "Événement introuvable",
          "Cet événement n’existe pas ou n’accepte pas d’inscription en ligne.",
          contextPath);
      return;
    }
    RegistrationEvent event = found.get();
    String eventUrl = eventUrl(context, event);
    String[] postedEvent = parameters.get(RegistrationHtml.EVENT_FIELD);
    if (postedEvent != null
        && (postedEvent.length != 1 || !event.eventId().equals(postedEvent[0]))) {
      answer(
          response,
          400,
          event,
          eventUrl,
          true,
          FormState.BLANK,
          List.of(
              new Notice(
                  NoticeKind.ERROR,
                  "Ce formulaire ne correspond pas à cet événement. Rechargez la page de"
                      + " l’événement puis renvoyez-le.")),
          contextPath);
      return;
    }
    SameOrigin.Verdict verdict = SameOrigin.of(request, context.siteUrl());
    if (verdict == SameOrigin.Verdict.CROSS_SITE) {
      simple(
          response,
          403,
          "Envoi refusé",
          "Ce formulaire a été envoyé depuis un autre site\u00a0: il n’a pas été pris en compte."
              + " Inscrivez-vous depuis la page de l’événement sur le site de l’IREV.",
          contextPath);
      return;
    }
    Map<String, String[]> asked = asked(parameters, event);
    Decision.Closed closed = RegistrationRules.closedReason(event.settings(), service.now());
    if (closed != null) {
      answer(
          response,
          409,
          CLOSED_TITLE,
          event,
          eventUrl,
          false,
          FormState.BLANK,
          List.of(new Notice(NoticeKind.INFO, closed.message())),
          contextPath);
      return;
    }
    RegistrationForm form = RegistrationForm.parse(asked, event.settings());
    boolean badToken =
        form.errors().stream().anyMatch(e -> e.field().equals(RegistrationForm.TOKEN));
    // A malformed token is not posted again: the page's script (or the server) makes a new one.
    String token = badToken ? "" : form.values().getOrDefault(RegistrationForm.TOKEN, "");
    boolean secure = request.isSecure() || context.siteUrl().startsWith("https:");
    if (verdict == SameOrigin.Verdict.UNKNOWN
        && !SameOrigin.doubleSubmitted(request, first(parameters, RegistrationHtml.CSRF_FIELD))) {
      String csrf = SameOrigin.issue(response, contextPath, secure);
      answer(
          response,
          200,
          event,
          eventUrl,
          true,
          new FormState(form.values(), form.errors(), token, csrf),
          List.of(
              new Notice(
                  NoticeKind.INFO,
                  "Pour confirmer votre inscription, vérifiez le formulaire puis cliquez à"
                      + " nouveau sur «\u00a0S’inscrire\u00a0».")),
          contextPath);
      return;
    }
    if (!form.valid()) {
      String csrf =
          verdict == SameOrigin.Verdict.UNKNOWN
              ? SameOrigin.issue(response, contextPath, secure)
              : null;
      answer(
          response,
          422,
          event,
          eventUrl,
          true,
          new FormState(form.values(), form.errors(), token, csrf),
          List.of(),
          contextPath);
      return;
    }
    NewRegistration posted = form.registration();
    RegistrationResult result =
        service.register(
            event,
            new NewRegistration(
                idempotencyKey(form),
                posted.lastName(),
                posted.firstName(),
                posted.email(),
                posted.seats()),
            form.details());
    result(response, event, eventUrl, form, result, contextPath);
  }

  private void result(
      HttpServletResponse response,
      RegistrationEvent event,
      String eventUrl,
      RegistrationForm form,
      RegistrationResult result,
      String contextPath)
      throws IOException {
    String email = form.registration().email();
    if (result instanceof RegistrationResult.Registered registered) {
      List<Notice> notices = new ArrayList<>();
      notices.add(new Notice(NoticeKind.SUCCESS, registered.decision().message()));
      boolean confirmed = registered.decision() instanceof Decision.Confirmed;
      if (confirmed && event.fields().confirmationMessage() != null) {
        notices.add(
            new Notice(
                NoticeKind.INFO, FrenchTypography.spaces(event.fields().confirmationMessage())));
      }
      notices.add(
          new Notice(
              NoticeKind.INFO,
              confirmed
                  ? "Un e-mail de confirmation est envoyé à "
                      + email
                      + ", avec l’événement à ajouter à votre agenda et un lien pour annuler."
                  : "Un e-mail est envoyé à "
                      + email
                      + ". Si une place se libère, vous serez inscrit et prévenu par e-mail."));
      answer(
          response,
          200,
          confirmed ? "Inscription confirmée" : "Liste d’attente",
          event,
          eventUrl,
          false,
          FormState.BLANK,
          notices,
          contextPath);
    } else if (result instanceof RegistrationResult.AlreadyRegistered) {
      info(
          response,
          event,
          eventUrl,
          "Vous êtes déjà inscrit à cet événement avec l’adresse "
              + email
              + ". Pour annuler, utilisez le lien reçu par e-mail.",
          contextPath);
    } else if (result instanceof RegistrationResult.Refused refused
        && refused.decision() instanceof Decision.TooManySeats) {
      answer(
          response,
          422,
          event,
          eventUrl,
          true,
          new FormState(
              form.values(),
              List.of(new FieldError(RegistrationForm.SEATS, refused.decision().message())),
              form.values().getOrDefault(RegistrationForm.TOKEN, ""),
              null),
          List.of(),
          contextPath);
    } else if (result instanceof RegistrationResult.Refused refused) {
      answer(
          response,
          409,
          refused.decision() instanceof Decision.Full ? "Complet" : CLOSED_TITLE,
          event,
          eventUrl,
          false,
          FormState.BLANK,
          List.of(new Notice(NoticeKind.ERROR, refused.decision().message())),
          contextPath);
    }
  }

  private void info(
      HttpServletResponse response,
      RegistrationEvent event,
      String eventUrl,
      String text,
      String contextPath)
      throws IOException {
    answer(
        response,
        200,
        event,
        eventUrl,
        false,
        FormState.BLANK,
        List.of(new Notice(NoticeKind.INFO, text)),
        contextPath);
  }

  /**
   * The cancellation page of a signed link: {@code GET} shows the registration and a button (mail
   * scanners follow links: a {@code GET} never cancels), {@code POST} cancels.
   */
  private void cancelPage(
      HttpServletRequest request,
      HttpServletResponse response,
      ContentContext context,
      RegistrationService service,
      boolean act)
      throws IOException, RepositoryException {
    String contextPath = request.getContextPath();
    // the body is read first, even for a refusal: a connection whose request body was left unread
    // may be closed under a client that reuses it (keep-alive)
    String token;
    try {
      request.setCharacterEncoding(StandardCharsets.UTF_8.name());
      token = first(request.getParameterMap(), RegistrationPaths.CANCEL_TOKEN);
    } catch (RuntimeException e) {
      // An unreadable body or query: IllegalArgumentException or the container's own exception.
      token = null;
    }
    if (act && SameOrigin.of(request, context.siteUrl()) == SameOrigin.Verdict.CROSS_SITE) {
      simple(
          response,
          403,
          "Envoi refusé",
          "Cette demande vient d’un autre site\u00a0: elle n’a pas été prise en compte. Utilisez le"
              + " lien reçu par e-mail.",
          contextPath);
      return;
    }
    CancellationLinks.Verification verification =
        token == null
            ? new CancellationLinks.Invalid(CancellationLinks.Reason.MALFORMED)
            : service.links().verify(token, service.now());
    if (verification instanceof CancellationLinks.Expired expired
        && stillRunning(context, service, expired.eventId())) {
      // Signed for an end the event has since been moved from: the link lives as long as it.
      verification =
          new CancellationLinks.Valid(
              expired.eventId(), expired.registrationId(), expired.expiredAt());
    }
    if (verification instanceof CancellationLinks.Expired) {
      simple(
          response,
          410,
          "Lien expiré",
          "Ce lien d’annulation a expiré\u00a0: l’événement est terminé.",
          contextPath);
      return;
    }
    if (!(verification instanceof CancellationLinks.Valid valid)) {
      simple(
          response,
          400,
          "Lien non valable",
          "Ce lien d’annulation n’est pas valable. Copiez-le en entier depuis l’e-mail reçu,"
              + " ou écrivez à l’IREV pour annuler votre inscription.",
          contextPath);
      return;
    }
    Optional<RegistrationEvent> event =
        service.event(context.session(NewsNodes.WORKSPACE), valid.eventId());
    Optional<fr.irev.news.registration.Registration> registration =
        event.isEmpty()
            ? Optional.empty()
            : service.store().registration(valid.eventId(), valid.registrationId());
    if (registration.isEmpty()) {
      simple(
          response,
          404,
          "Inscription introuvable",
          "Cette inscription n’existe plus\u00a0: elle a peut-être été supprimée après l’événement.",
          contextPath);
      return;
    }
    String eventUrl = eventUrl(context, event.get());
    Document doc =
        RegistrationHtml.page(
            "Annulation\u00a0: " + FrenchTypography.spaces(event.get().item().title()),
            event.get().item(),
            eventUrl,
            contextPath);
    Element main = RegistrationHtml.main(doc);
    fr.irev.news.registration.Registration current = registration.get();
    if (current.status() == fr.irev.news.registration.Registration.Status.CANCELLED) {
      main.appendElement("p")
          .addClass("irev-notice")
          .attr("role", "status")
          .text("Cette inscription est annulée.");
      write(response, 200, doc);
      return;
    }
    if (act) {
      service.cancel(event.get(), valid.registrationId());
      main.appendElement("p")
          .addClass("irev-notice irev-notice--success")
          .attr("role", "status")
          .attr("tabindex", "-1")
          .text(
              "Votre inscription est annulée. Un e-mail vous le confirme. Merci d’avoir libéré"
                  + " votre place.");
      write(response, 200, doc);
      return;
    }
    main.appendElement("p")
        .text(
            "Inscription "
                + FrenchTypography.de(current.firstName())
                + " "
                + current.lastName()
                + " ("
                + current.email()
                + ")"
                + (current.seats() > 1 ? " pour " + current.seats() + " personnes" : "")
                + (current.status() == fr.irev.news.registration.Registration.Status.WAITING
                    ? ", sur liste d’attente."
                    : ", confirmée."));
    Element form =
        main.appendElement("form")
            .attr("method", "post")
            .attr("action", contextPath + RegistrationPaths.PREFIX + RegistrationPaths.CANCEL)
            .addClass("irev-form");
    form.appendElement("input")
        .attr("type", "hidden")
        .attr("name", RegistrationPaths.CANCEL_TOKEN)
        .val(token);
    form.appendElement("p")
        .appendElement("button")
        .attr("type", "submit")
        .addClass("irev-button")
        .text("Annuler mon inscription");
    write(response, 200, doc);
  }

  /** Whether the event exists with a built-in registration and has not ended yet. */
  private static boolean stillRunning(
      ContentContext context, RegistrationService service, String eventId)
      throws RepositoryException {
    Optional<RegistrationEvent> event =
        service.event(context.session(NewsNodes.WORKSPACE), eventId);
    return event.isPresent()
        && service.now().isBefore(event.get().settings().eventEnd().toInstant());
  }

  /** Only the fields this event asks for; a missing token is derived from the content. */
  private static Map<String, String[]> asked(
      Map<String, String[]> parameters, RegistrationEvent event) {
    List<String> names = new ArrayList<>();
    names.add(RegistrationForm.LAST_NAME);
    names.add(RegistrationForm.FIRST_NAME);
    names.add(RegistrationForm.EMAIL);
    if (event.settings().maxSeatsPerRegistration() > 1) {
      names.add(RegistrationForm.SEATS);
    }
    var fields = event.fields();
    if (fields.askOrganisation()) {
      names.add(RegistrationForm.ORGANISATION);
    }
    if (fields.askFunction()) {
      names.add(RegistrationForm.FUNCTION);
    }
    if (fields.askCommune()) {
      names.add(RegistrationForm.COMMUNE);
    }
    if (fields.askPhone()) {
      names.add(RegistrationForm.PHONE);
    }
    if (fields.askNeeds()) {
      names.add(RegistrationForm.NEEDS);
    }
    if (fields.askComment()) {
      names.add(RegistrationForm.COMMENT);
    }
    names.add(RegistrationForm.CONSENT);
    Map<String, String[]> asked = new LinkedHashMap<>();
    for (String name : names) {
      String[] values = parameters.get(name);
      if (values != null) {
        asked.put(name, values);
      }
    }
    if (!asked.containsKey(RegistrationForm.CONSENT)) {
      asked.put(RegistrationForm.CONSENT, new String[] {""});
    }
    String[] token = parameters.get(RegistrationForm.TOKEN);
    if (token == null || token.length == 0 || token[0] == null || token[0].isBlank()) {
      asked.put(RegistrationForm.TOKEN, new String[] {derivedToken(event.eventId(), asked)});
    } else {
      asked.put(RegistrationForm.TOKEN, token);
    }
    return asked;
  }

  /**
   * The idempotency key the store records: the form's token joined to a digest of the posted
   * values, so that only the same form posted again is a replay (a double click), while the same
   * token with other values (the browser's Back button, then a colleague's registration) is a new
   * attempt.
   */
  static String idempotencyKey(RegistrationForm form) {
    String token = form.values().getOrDefault(RegistrationForm.TOKEN, "");
    if (token.startsWith(DERIVED_PREFIX)) {
      return token;
    }
    Map<String, String[]> values = new TreeMap<>();
    form.values().forEach((k, v) -> values.put(k, new String[] {v}));
    values.remove(RegistrationForm.TOKEN);
    return token + "." + digest("", values).substring(0, 22);
  }

  /**
   * The idempotency token of a form posted without the page's script: a digest of the event and
   * every value, valid for {@value #DERIVED_TOKEN_WINDOW_SECONDS} seconds, so that a double click
   * records one registration (field case C20) and the same person can register again later.
   */
  static String derivedToken(String eventId, Map<String, String[]> fields) {
    long window = System.currentTimeMillis() / 1000 / DERIVED_TOKEN_WINDOW_SECONDS;
    return DERIVED_PREFIX + digest(eventId + "\n" + window + "\n", fields);
  }

  /** SHA-256 of a prefix and the fields (names sorted, values stripped), URL-safe base64. */
  private static String digest(String prefix, Map<String, String[]> fields) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(prefix.getBytes(StandardCharsets.UTF_8));
      for (Map.Entry<String, String[]> e : new TreeMap<>(fields).entrySet()) {
        digest.update(e.getKey().getBytes(StandardCharsets.UTF_8));
        for (String v : e.getValue()) {
          digest.update((byte) 0);
          digest.update(String.valueOf(v).strip().getBytes(StandardCharsets.UTF_8));
        }
        digest.update((byte) 1);
      }
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }

  private void seats(
      HttpServletRequest request,
      HttpServletResponse response,
      ContentContext context,
      RegistrationService service,
      String eventId,
      boolean body)
      throws IOException, RepositoryException {
    Optional<RegistrationEvent> event =
        service.event(context.session(NewsNodes.WORKSPACE), eventId);
    if (event.isEmpty()) {
      json(response, 404, "{\"message\":\"Événement introuvable.\"}", body);
      return;
    }
    Availability availability = service.availability(event.get());
    String message = seatsMessage(availability);
    String json =
        "{\"ouvert\":"
            + (availability.closed() == null)
            + ",\"placesRestantes\":"
            + availability.seatsLeft()
            + ",\"placesListeAttente\":"
            + availability.waitingRoomLeft()
            + ",\"message\":\""
            + jsonEscape(message)
            + "\"}";
    json(response, 200, json, body);
  }

  /**
   * @return the French sentence about what is left, plain text
   */
  static String seatsMessage(Availability availability) {
    if (availability.closed() != null) {
      return availability.closed().message();
    }
    if (availability.seatsLeft() > 0) {
      return availability.seatsLeft() == 1
          ? "1 place restante."
          : availability.seatsLeft() + " places restantes.";
    }
    if (availability.waitingRoomLeft() > 0) {
      return "Complet\u00a0: vous pouvez vous inscrire sur la liste d’attente.";
    }
    return new Decision.Full().message();
  }

  private static void json(HttpServletResponse response, int status, String json, boolean body)
      throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    // the seats may be checked again by caches (nothing personal); an error is never kept
    response.setHeader("Cache-Control", status == 200 ? "no-cache" : "no-store");
    response.setContentLength(bytes.length);
    if (body) {
      response.getOutputStream().write(bytes);
    }
  }

  private static String jsonEscape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '<' -> out.append("\\u003c");
        default -> {
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /**
   * Whether a form's {@code Content-Type} names no charset or UTF-8 (the form declares {@code
   * accept-charset="UTF-8"}; any other charset is refused before Jetty tries to decode with it).
   */
  static boolean utf8OrUnspecified(String contentType) {
    for (String parameter : contentType.split(";")) {
      String p = parameter.strip().toLowerCase(Locale.ROOT);
      if (p.startsWith("charset=")) {
        String charset = p.substring("charset=".length()).replace("\"", "").strip();
        return charset.equals("utf-8") || charset.equals("utf8");
      }
    }
    return true;
  }

  private static String first(Map<String, String[]> parameters, String name) {
    String[] values = parameters.get(name);
    return values == null || values.length != 1 ? null : values[0];
  }

  private static String eventUrl(ContentContext context, RegistrationEvent event) {
    return context.contextPath() + "/actualites/" + event.item().urlName();
  }

  private void methodNotAllowed(
      HttpServletRequest request, HttpServletResponse response, String allow) throws IOException {
    response.setHeader("Allow", allow);
    simple(
        response,
        405,
        "Adresse réservée au formulaire",
        "Cette adresse reçoit le formulaire d’inscription. Pour vous inscrire, ouvrez la page de"
            + " l’événement.",
        request.getContextPath());
  }

  private static void simple(
      HttpServletResponse response, int status, String title, String text, String contextPath)
      throws IOException {
    Document doc = RegistrationHtml.page(title, null, null, contextPath);
    Element main = RegistrationHtml.main(doc);
    main.appendElement("p").addClass("irev-notice").attr("role", "alert").text(text);
    main.appendElement("p")
        .appendElement("a")
        .attr("href", contextPath + "/actualites")
        .text("Voir les actualités et événements");
    write(response, status, doc);
  }

  private void answer(
      HttpServletResponse response,
      int status,
      RegistrationEvent event,
      String eventUrl,
      boolean showForm,
      FormState state,
      List<Notice> notices,
      String contextPath)
      throws IOException {
    answer(response, status, "Inscription", event, eventUrl, showForm, state, notices, contextPath);
  }

  /**
   * The event's registration page.
   *
   * @param outcome the first words of the page's title, before the event's title: what happened
   *     ({@code "Inscription confirmée"}, {@code "Complet"}…); the title starts with {@code
   *     "Erreur"} when the form has errors or the request is refused as malformed (400), WCAG 3.3.1
   */
  private void answer(
      HttpServletResponse response,
      int status,
      String outcome,
      RegistrationEvent event,
      String eventUrl,
      boolean showForm,
      FormState state,
      List<Notice> notices,
      String contextPath)
      throws IOException {
    List<String> communes = List.of();
    if (showForm && event.fields().askCommune()) {
      try {
        communes =
            CommuneNames.of(currentContext.get().session(TaxonomyNodes.TERRITORIES_WORKSPACE));
      } catch (RepositoryException e) {
        LOG.warn("Commune suggestions unavailable: {}", e.toString());
      }
    }
    String eventTitle = FrenchTypography.spaces(event.item().title());
    Document doc =
        RegistrationHtml.page(
            "Inscription\u00a0: " + eventTitle, event.item(), eventUrl, contextPath);
    String title = outcome + "\u00a0: " + eventTitle;
    if (!state.errors().isEmpty() || status == 400) {
      title = "Erreur\u00a0: " + title;
    }
    RegistrationHtml.title(doc, title);
    RegistrationHtml.main(doc)
        .appendChild(
            RegistrationHtml.section(
                doc, event, showForm, state, notices, contextPath, communes, 2));
    write(response, status, doc);
  }

  private static void write(HttpServletResponse response, int status, Document doc)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    byte[] bytes = ("<!DOCTYPE html>\n" + doc.html()).getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType(ErrorPage.HTML_UTF8);
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
