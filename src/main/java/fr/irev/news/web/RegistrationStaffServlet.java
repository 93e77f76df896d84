package fr.irev.news.web;

import fr.irev.news.mail.MailAttachment;
import fr.irev.news.mail.MailMessage;
import fr.irev.news.mail.MailOutbox;
import fr.irev.news.news.NewsNodes;
import fr.irev.news.registration.Cancellation;
import fr.irev.news.registration.Registration;
import fr.irev.news.registration.RegistrationEvent;
import fr.irev.news.registration.RegistrationNodes;
import fr.irev.news.registration.RegistrationService;
import fr.irev.news.registration.RegistrationStore;
import fr.irev.news.registration.staff.Counts;
import fr.irev.news.registration.staff.EventSummary;
import fr.irev.news.registration.staff.Flash;
import fr.irev.news.registration.staff.OutboxEntry;
import fr.irev.news.registration.staff.OutboxMessage;
import fr.irev.news.registration.staff.RegistrationCsv;
import fr.irev.news.registration.staff.StaffPages;
import fr.irev.news.registration.staff.StaffUrls;
import fr.irev.news.registration.web.DoubleSubmitCookie;
import fr.irev.news.registration.web.SameOrigin;
import fr.irev.news.templating.ContentContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staff's registrations pages, mapped at {@code /.irev-news/staff/*} (addresses of {@code
 * StaffUrls.under}): the events with a built-in form and their counts, one event's registrations
 * with cancel and promote buttons, the CSV export (C11, C12), the e-mail outbox; in the preview
 * server also the login form. Only staff ({@code RegistrationPlatform#isStaff}) see them; every
 * {@code POST} needs the page's token (double-submit cookie, {@code SameSite=Strict}) and no
 * cross-site {@code Origin}. Answers are {@code Cache-Control: no-store}; nothing personal is
 * logged.
 */
public final class RegistrationStaffServlet extends RegistrationServletBase {

  private static final long serialVersionUID = 1L;

  /** Lifetime of the staff forms' token cookie, in seconds (eight hours, as a login). */
  static final int CSRF_MAX_AGE_SECONDS = 8 * 3600;

  /** Cookie holding the staff forms' token. */
  static final String CSRF_COOKIE = "irev-equipe-jeton";

  /** The staff forms' double-submit token. */
  private static final DoubleSubmitCookie CSRF =
      new DoubleSubmitCookie(CSRF_COOKIE, "/.irev-news/staff", CSRF_MAX_AGE_SECONDS, 20);

  private static final Logger LOG = LoggerFactory.getLogger(RegistrationStaffServlet.class);

  /** The methods every staff address answers (each page reads with GET, acts with POST). */
  private static final String ALLOW = "GET, HEAD, POST, OPTIONS";

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse given) throws IOException {
    if (AllowedMethods.answeredOptions(request, given, ALLOW)) {
      return;
    }
    HttpServletResponse response = AllowedMethods.withoutBodyForHead(request, given);
    try {
      route(request, response);
    } catch (RepositoryException | RuntimeException e) {
      LOG.error(
          "Staff registrations request failed ({}): {}",
          e.getClass().getSimpleName(),
          String.valueOf(e.getMessage()));
      ErrorPage.send(response, 503, request.getContextPath(), true);
    }
  }

  private void route(HttpServletRequest request, HttpServletResponse response)
      throws IOException, RepositoryException {
    Optional<ContentContext> context = context(request);
    Optional<RegistrationService> found = service();
    if (context.isEmpty() || found.isEmpty()) {
      ErrorPage.send(response, 503, request.getContextPath(), true);
      return;
    }
    RegistrationService service = found.get();
    String contextPath = request.getContextPath();
    StaffPages pages = new StaffPages(contextPath);
    String method = request.getMethod();
    List<String> parts;
    try {
      parts = segments(request.getPathInfo());
    } catch (IllegalArgumentException e) {
      ErrorPage.send(response, 404, contextPath, true);
      return;
    }
    boolean post = "POST".equals(method);
    if (!post && !AllowedMethods.isGet(method)) {
      response.setHeader("Allow", ALLOW);
      ErrorPage.send(response, 405, contextPath, !"HEAD".equals(method));
      return;
    }
    boolean secure = request.isSecure() || context.get().siteUrl().startsWith("https:");
    String csrf = CSRF.value(request);
    if (csrf == null) {
      csrf = CSRF.issue(response, contextPath, secure);
    }
    if (post && !postAllowed(request, context.get())) {
      expired(response, pages, contextPath);
      return;
    }
    if (parts.size() == 1 && parts.get(0).equals("login")) {
      login(request, response, service, pages, csrf, post, secure);
      return;
    }
    if (!service.platform().isStaff(request)) {
      if (service.platform().hasLoginForm()) {
        response.setStatus(303);
        response.setHeader("Location", contextPath + "/.irev-news/staff/login");
        response.setHeader("Cache-Control", "no-store");
        return;
      }
      ErrorPage.send(response, 403, contextPath, true);
      return;
    }
    Session news = context.get().session(NewsNodes.WORKSPACE);
    if (parts.isEmpty()) {
      html(response, 200, pages.events(summaries(service, news), null));
    } else if (parts.get(0).equals("outbox") && parts.size() <= 2 && !post) {
      outbox(response, service, pages, parts.size() == 2 ? parts.get(1) : null, contextPath);
    } else if (parts.get(0).equals("event") && parts.size() >= 2) {
      Optional<RegistrationEvent> event = service.event(news, parts.get(1));
      if (event.isEmpty()) {
        ErrorPage.send(response, 404, contextPath, true);
        return;
      }
      event(request, response, service, pages, event.get(), parts, csrf, post);
    } else {
      ErrorPage.send(response, 404, contextPath, true);
    }
  }

  private void event(
      HttpServletRequest request,
      HttpServletResponse response,
      RegistrationService service,
      StaffPages pages,
      RegistrationEvent event,
      List<String> parts,
      String csrf,
      boolean post)
      throws IOException, RepositoryException {
    String contextPath = request.getContextPath();
    if (parts.size() == 2 && !post) {
      html(
          response,
          200,
          eventPage(service, pages, event, csrf, flash(request.getParameter(DONE_PARAMETER))));
    } else if (parts.size() == 3 && parts.get(2).equals("inscriptions.csv") && !post) {
      List<Registration> registrations = service.store().registrations(event.eventId());
      response.setStatus(200);
      response.setContentType(RegistrationCsv.CONTENT_TYPE);
      response.setHeader("Cache-Control", "no-store");
      response.setHeader(
          "Content-Disposition",
          ContentDisposition.attachment(
              RegistrationCsv.fileName(event.item().urlName(), service.now())));
      RegistrationCsv.write(registrations, response.getOutputStream());
    } else if (parts.size() == 4 && post && parts.get(2).equals("cancel")) {
      Optional<Cancellation> done = service.cancel(event, parts.get(3));
      int people =
          done.map(c -> c.promoted().stream().mapToInt(Registration::seats).sum()).orElse(0);
      seeEvent(
          response, contextPath, event, done.isPresent() ? "annulee-" + people : "introuvable");
    } else if (parts.size() == 4 && post && parts.get(2).equals("promote")) {
      RegistrationStore.PromotionOutcome outcome = service.promote(event, parts.get(3));
      seeEvent(
          response, contextPath, event, "promotion-" + outcome.name().toLowerCase(Locale.ROOT));
    } else {
      ErrorPage.send(response, 404, contextPath, true);
    }
  }

  /** Query parameter of the event page naming what the previous action did. */
  static final String DONE_PARAMETER = "fait";

  /**
   * After an action, back to the event page (POST/redirect/GET: reloading it repeats nothing),
   * telling it what was done.
   */
  private static void seeEvent(
      HttpServletResponse response, String contextPath, RegistrationEvent event, String done) {
    response.setStatus(303);
    response.setHeader(
        "Location",
        StaffUrls.under(contextPath).event(event.eventId()) + "?" + DONE_PARAMETER + "=" + done);
    response.setHeader("Cache-Control", "no-store");
  }

  /** The message of {@link #DONE_PARAMETER}, or {@code null} for none or an unknown value. */
  static Flash flash(String done) {
    if (done == null) {
      return null;
    }
    if (done.equals("introuvable")) {
      return Flash.notFound();
    }
    if (done.startsWith("annulee-") && done.length() < 12) {
      try {
        return Flash.cancelled(Integer.parseInt(done.substring("annulee-".length())));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    for (RegistrationStore.PromotionOutcome outcome : RegistrationStore.PromotionOutcome.values()) {
      if (done.equals("promotion-" + outcome.name().toLowerCase(Locale.ROOT))) {
        return Flash.promotion(outcome);
      }
    }
    return null;
  }

  private static String eventPage(
      RegistrationService service,
      StaffPages pages,
      RegistrationEvent event,
      String csrf,
      Flash flash)
      throws RepositoryException {
    List<Registration> registrations = service.store().registrations(event.eventId());
    return pages.event(summary(event, registrations), registrations, csrf, flash);
  }

  private static List<EventSummary> summaries(RegistrationService service, Session news)
      throws RepositoryException {
    List<EventSummary> summaries = new ArrayList<>();
    for (RegistrationEvent event : service.events(news)) {
      summaries.add(summary(event, service.store().registrations(event.eventId())));
    }
    return summaries;
  }

  private static EventSummary summary(RegistrationEvent event, List<Registration> registrations) {
    return new EventSummary(
        event.eventId(),
        event.item().urlName(),
        event.item().title(),
        event.item().schedule().start(),
        event.settings().capacity(),
        Counts.of(registrations));
  }

  private void outbox(
      HttpServletResponse response,
      RegistrationService service,
      StaffPages pages,
      String messageId,
      String contextPath)
      throws IOException, RepositoryException {
    Session session = service.platform().openSystemSession(RegistrationNodes.WORKSPACE);
    try {
      if (messageId == null) {
        List<OutboxEntry> shown = new ArrayList<>();
        for (fr.irev.news.mail.OutboxEntry entry :
            MailOutbox.entries(session, null, MailOutbox.MAX_ENTRIES)) {
          shown.add(entry(entry));
        }
        html(response, 200, pages.outbox(shown));
        return;
      }
      Optional<MailMessage> message = MailOutbox.message(session, messageId);
      Optional<fr.irev.news.mail.OutboxEntry> entry = MailOutbox.entry(session, messageId);
      if (message.isEmpty() || entry.isEmpty()) {
        ErrorPage.send(response, 404, contextPath, true);
        return;
      }
      List<OutboxMessage.Attachment> attachments = new ArrayList<>();
      for (MailAttachment a : message.get().attachments()) {
        attachments.add(
            new OutboxMessage.Attachment(a.fileName(), a.contentType(), a.data().length));
      }
      html(
          response,
          200,
          pages.outboxMessage(
              new OutboxMessage(
                  entry(entry.get()), message.get().text(), message.get().html(), attachments)));
    } finally {
      session.logout();
    }
  }

  private static OutboxEntry entry(fr.irev.news.mail.OutboxEntry e) {
    OutboxEntry.State state =
        switch (e.state()) {
          case PENDING -> OutboxEntry.State.PENDING;
          case SENT -> OutboxEntry.State.SENT;
          case FAILED -> OutboxEntry.State.FAILED;
        };
    return new OutboxEntry(
        e.id(),
        e.to(),
        e.subject(),
        state,
        (int) Math.min(Integer.MAX_VALUE, e.attempts()),
        e.created(),
        e.sentAt(),
        e.lastError());
  }

  private void login(
      HttpServletRequest request,
      HttpServletResponse response,
      RegistrationService service,
      StaffPages pages,
      String csrf,
      boolean post,
      boolean secure)
      throws IOException {
    String contextPath = request.getContextPath();
    if (!service.platform().hasLoginForm()) {
      ErrorPage.send(response, 404, contextPath, true);
      return;
    }
    if (!post) {
      html(response, 200, pages.login(csrf, null, false));
      return;
    }
    String user = request.getParameter(StaffPages.USER_PARAMETER);
    String cookie =
        service.platform().login(user, request.getParameter(StaffPages.PASSWORD_PARAMETER), secure);
    if (cookie == null) {
      LOG.warn("Staff login refused");
      html(response, 401, pages.login(csrf, user, true));
      return;
    }
    response.addHeader("Set-Cookie", cookie);
    response.setStatus(303);
    response.setHeader("Location", contextPath + "/.irev-news/staff/");
    response.setHeader("Cache-Control", "no-store");
  }

  /** A refused staff post: a French page that says why and how to go on, nothing changed. */
  private static void expired(HttpServletResponse response, StaffPages pages, String contextPath)
      throws IOException {
    html(
        response,
        403,
        pages.message(
            "Action non effectuée",
            "Cette page a expiré ou ne vient pas de l’espace inscriptions\u00a0: rien n’a été"
                + " modifié. Rechargez la page puis recommencez."));
  }

  private static boolean postAllowed(HttpServletRequest request, ContentContext context) {
    if (SameOrigin.of(request, context.siteUrl()) == SameOrigin.Verdict.CROSS_SITE) {
      return false;
    }
    String given;
    try {
      request.setCharacterEncoding(StandardCharsets.UTF_8.name());
      given = request.getParameter(StaffPages.CSRF_PARAMETER);
    } catch (RuntimeException | IOException e) {
      // An unreadable body: IllegalArgumentException or the container's own exception.
      return false;
    }
    return CSRF.matches(request, given);
  }

  /** Decoded path segments after the servlet's mapping, empty ones dropped. */
  private static List<String> segments(String pathInfo) {
    List<String> parts = new ArrayList<>();
    if (pathInfo == null) {
      return parts;
    }
    for (String part : pathInfo.split("/")) {
      if (!part.isEmpty()) {
        parts.add(URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8));
      }
    }
    return parts;
  }

  private static void html(HttpServletResponse response, int status, String html)
      throws IOException {
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType(ErrorPage.HTML_UTF8);
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
