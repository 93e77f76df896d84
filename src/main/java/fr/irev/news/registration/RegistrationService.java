package fr.irev.news.registration;

import fr.irev.news.jcr.References;
import fr.irev.news.mail.MailMessage;
import fr.irev.news.mail.MailOutbox;
import fr.irev.news.mail.MailSettings;
import fr.irev.news.mail.MailTransport;
import fr.irev.news.mail.OutboxWorker;
import fr.irev.news.mail.SmtpMailTransport;
import fr.irev.news.news.NewsMapper;
import fr.irev.news.news.NewsNodes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.query.Query;
import javax.jcr.query.QueryManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registrations of one web application: the store, the e-mail outbox and its worker, the signing
 * keys of cancellation links and the purge of expired personal data, over one {@link
 * RegistrationPlatform}. One instance per web application, shared by the module's servlets (so that
 * they share the per-event locks of the {@link RegistrationStore}); thread-safe.
 */
public final class RegistrationService implements AutoCloseable {

  /**
   * Address of the cancellation page, relative to the site: {@code GET} shows, {@code POST} acts.
   */
  public static final String CANCEL_PATH = "/.irev-news/registration/annulation";

  /** Parameter of {@link #CANCEL_PATH} holding the signed token. */
  public static final String CANCEL_TOKEN = "jeton";

  private static final Logger LOG = LoggerFactory.getLogger(RegistrationService.class);

  private final RegistrationPlatform platform;
  private final RegistrationStore store;
  private final MailOutbox outbox;
  private final OutboxWorker worker;
  private final PurgeScheduler purge;
  private volatile CancellationLinks links;

  /**
   * A service sending e-mail over SMTP with {@link SmtpMailTransport}.
   *
   * @param platform the host platform, not {@code null}
   */
  public RegistrationService(RegistrationPlatform platform) {
    this(platform, new SmtpMailTransport(platform.clock()), OutboxWorker.DEFAULT_INTERVAL);
  }

  /**
   * @param platform the host platform, not {@code null}
   * @param transport how e-mail is sent
   * @param outboxInterval how often the outbox retries when nothing wakes it
   */
  public RegistrationService(
      RegistrationPlatform platform, MailTransport transport, Duration outboxInterval) {
    this.platform = Objects.requireNonNull(platform, "platform");
    RegistrationStore.SessionOpener opener =
        () -> platform.openSystemSession(RegistrationNodes.WORKSPACE);
    this.store = new RegistrationStore(opener, platform.retention());
    this.outbox =
        new MailOutbox(
            opener::open,
            transport,
            () -> MailSettings.fromProperties(platform.mailProperties()),
            platform.clock());
    this.worker = new OutboxWorker(outbox, outboxInterval, Duration.ofSeconds(10));
    this.purge =
        new PurgeScheduler(
            new RegistrationPurge(opener, new PurgeEvents()),
            platform.clock(),
            PurgeScheduler.DEFAULT_INTERVAL);
  }

  /**
   * @return the e-mail outbox (one pass: {@link MailOutbox#sendDue()})
   */
  public MailOutbox outbox() {
    return outbox;
  }

  /** Asks the outbox to send now rather than at its next interval. */
  public void wakeOutbox() {
    worker.wake();
  }

  /**
   * The signer of cancellation links, its key created on first use.
   *
   * @return the links
   * @throws RepositoryException when the key cannot be read or created
   */
  public CancellationLinks links() throws RepositoryException {
    CancellationLinks current = links;
    if (current == null) {
      synchronized (this) {
        if (links == null) {
          links =
              new CancellationLinks(
                  SigningKeys.load(() -> platform.openSystemSession(RegistrationNodes.WORKSPACE)));
        }
        current = links;
      }
    }
    return current;
  }

  /**
   * @return the platform this service runs on
   */
  public RegistrationPlatform platform() {
    return platform;
  }

  /**
   * @return the store of registrations
   */
  public RegistrationStore store() {
    return store;
  }

  /**
   * @return the current instant of the platform's clock
   */
  public Instant now() {
    return platform.clock().instant();
  }

  /**
   * The built-in registration of an event, read with the visitor's own session (so that what the
   * visitor may not see cannot be registered for).
   *
   * @param newsSession a session on the news workspace
   * @param eventId the event's identifier as posted, may be {@code null} or malformed
   * @return empty when there is no such news item or it has no usable built-in registration
   * @throws RepositoryException on repository failure
   */
  public Optional<RegistrationEvent> event(Session newsSession, String eventId)
      throws RepositoryException {
    if (References.identifier(eventId).isEmpty()) {
      return Optional.empty();
    }
    Optional<Node> node = References.resolve(newsSession, eventId, NewsNodes.NODE_TYPE);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    return RegistrationEvent.of(node.get(), NewsMapper.read(node.get()));
  }

  /**
   * Every event with a usable built-in registration, for staff.
   *
   * @param newsSession a session on the news workspace
   * @return the events, soonest first
   * @throws RepositoryException on repository failure
   */
  public List<RegistrationEvent> events(Session newsSession) throws RepositoryException {
    QueryManager manager = newsSession.getWorkspace().getQueryManager();
    Query query =
        manager.createQuery(
            "SELECT * FROM ["
                + RegistrationSettingsNodes.NODE_TYPE
                + "] AS r WHERE NAME(r) = $name",
            Query.JCR_SQL2);
    query.bindValue(
        "name", newsSession.getValueFactory().createValue(RegistrationSettingsNodes.NODE));
    List<RegistrationEvent> events = new ArrayList<>();
    for (NodeIterator it = query.execute().getNodes(); it.hasNext(); ) {
      Node parent = it.nextNode().getParent();
      if (parent.isNodeType(NewsNodes.NODE_TYPE)) {
        RegistrationEvent.of(parent, NewsMapper.read(parent)).ifPresent(events::add);
      }
    }
    events.sort(
        java.util.Comparator.comparing(
            (RegistrationEvent e) -> e.item().schedule().start().toInstant()));
    return events;
  }

  /**
   * What is left for an event now.
   *
   * @param event the event
   * @return seats and waiting room left, and whether registrations are closed now
   * @throws RepositoryException on repository failure
   */
  public Availability availability(RegistrationEvent event) throws RepositoryException {
    return Availability.of(
        event.settings(),
        store.occupancy(event.eventId()),
        RegistrationRules.closedReason(event.settings(), now()));
  }

  /**
   * Records a valid form for an event, with the e-mails it sends queued in the same save.
   *
   * @param event the event
   * @param form a valid form ({@link RegistrationForm#valid()})
   * @return the result
   * @throws IllegalArgumentException when the form is not valid
   * @throws RepositoryException on repository failure (nothing saved, nothing sent)
   */
  public RegistrationResult register(RegistrationEvent event, RegistrationForm form)
      throws RepositoryException {
    if (!form.valid()) {
      throw new IllegalArgumentException("the form has errors");
    }
    return register(event, form.registration(), form.details());
  }

  /**
   * Records an attempt for an event, with the e-mails it sends queued in the same save.
   *
   * @param event the event
   * @param request the attempt (its token is the idempotency key)
   * @param details its optional fields
   * @return the result
   * @throws RepositoryException on repository failure (nothing saved, nothing sent)
   */
  public RegistrationResult register(
      RegistrationEvent event,
      NewRegistration request,
      RegistrationForm.RegistrationDetails details)
      throws RepositoryException {
    Instant now = now();
    RegistrationResult result =
        store.register(
            event.eventId(), event.settings(), request, details, now, new Mails(event, now));
    if (result instanceof RegistrationResult.Registered registered && !registered.duplicate()) {
      worker.wake();
    }
    return result;
  }

  /**
   * Cancels a registration and promotes from the waiting list, queuing the e-mails in the same
   * save.
   *
   * @param event the event
   * @param registrationId the registration's identifier
   * @return what was done; empty when this event has no such registration
   * @throws RepositoryException on repository failure (nothing saved)
   */
  public Optional<Cancellation> cancel(RegistrationEvent event, String registrationId)
      throws RepositoryException {
    Instant now = now();
    Optional<Cancellation> done =
        store.cancel(event.eventId(), registrationId, event.settings(), now, new Mails(event, now));
    worker.wake();
    return done;
  }

  /**
   * Confirms a waiting registration chosen by staff when its seats fit.
   *
   * @param event the event
   * @param registrationId the registration's identifier
   * @return what happened
   * @throws RepositoryException on repository failure (nothing saved)
   */
  public RegistrationStore.PromotionOutcome promote(RegistrationEvent event, String registrationId)
      throws RepositoryException {
    Instant now = now();
    RegistrationStore.PromotionOutcome outcome =
        store.promote(
            event.eventId(), registrationId, event.settings(), now, new Mails(event, now));
    worker.wake();
    return outcome;
  }

  /**
   * The personal cancellation link of a registration.
   *
   * @param event the event
   * @param registrationId the registration's identifier
   * @return the absolute address, expiring when the event ends
   * @throws RepositoryException when the signing key cannot be read
   */
  public String cancelUrl(RegistrationEvent event, String registrationId)
      throws RepositoryException {
    String token =
        links()
            .token(
                event.eventId(),
                registrationId,
                CancellationLinks.expiry(
                    event.settings().eventEnd(), CancellationLinks.DEFAULT_GRACE));
    return platform.siteUrl()
        + CANCEL_PATH
        + "?"
        + CANCEL_TOKEN
        + "="
        + URLEncoder.encode(token, StandardCharsets.UTF_8);
  }

  /** Queues the e-mails of each change in the store's session, saved with the change. */
  private final class Mails implements RegistrationStore.ChangeListener {
    private final RegistrationEvent event;
    private final RegistrationMails mails;
    private final Instant now;

    Mails(RegistrationEvent event, Instant now) {
      this.event = event;
      this.now = now;
      this.mails = new RegistrationMails(event, platform.siteUrl(), now);
    }

    @Override
    public void registered(Node node, RegistrationResult.Registered result)
        throws RepositoryException {
      boolean confirmed = result.decision() instanceof Decision.Confirmed;
      int position = result.decision() instanceof Decision.Waiting waiting ? waiting.position() : 0;
      queue(
          node,
          confirmed ? RegistrationMails.Kind.CONFIRMED : RegistrationMails.Kind.WAITING,
          result.registration(),
          position);
    }

    @Override
    public void cancelled(Node node, Registration cancelled) throws RepositoryException {
      queue(node, RegistrationMails.Kind.CANCELLED, cancelled, 0);
    }

    @Override
    public void promoted(Node node, Registration promoted) throws RepositoryException {
      queue(node, RegistrationMails.Kind.PROMOTED, promoted, 0);
    }

    private void queue(Node node, RegistrationMails.Kind kind, Registration r, int position)
        throws RepositoryException {
      String cancelUrl = kind == RegistrationMails.Kind.CANCELLED ? null : cancelUrl(event, r.id());
      try {
        MailOutbox.enqueue(node, mails.toRegistrant(kind, r, position, cancelUrl), now);
        MailMessage staff = mails.toStaff(kind, r);
        if (staff != null) {
          MailOutbox.enqueue(node, staff, now);
        }
      } catch (IllegalArgumentException e) {
        // An address the mail layer refuses: the registration stands, without its e-mail.
        LOG.warn(
            "Registration {} of event {}: e-mail not queued ({})",
            r.id(),
            event.eventId(),
            e.getMessage());
      }
    }
  }

  /**
   * Starts the background jobs (e-mail outbox, purge of expired registrations) and reads the
   * signing key of cancellation links, so that a broken key shows at start (logged at ERROR; the
   * e-mails then go without their link) rather than on a visitor's post.
   */
  public void start() {
    try {
      links();
    } catch (RepositoryException | RuntimeException e) {
      LOG.error("Cancellation links unavailable: {}", e.toString());
    }
    worker.start();
    purge.start();
  }

  /**
   * The purge asks the news item for its current end: a postponed event keeps its registrations.
   */
  private final class PurgeEvents implements RegistrationPurge.Events {
    @Override
    public Optional<Instant> currentRetainUntil(String eventId) throws RepositoryException {
      Session news = platform.openSystemSession(NewsNodes.WORKSPACE);
      try {
        Optional<Node> node = References.resolve(news, eventId, NewsNodes.NODE_TYPE);
        if (node.isEmpty()) {
          return Optional.empty();
        }
        var item = NewsMapper.read(node.get());
        return item.isEvent()
            ? Optional.of(store.retainUntil(RegistrationEvent.end(item.schedule())))
            : Optional.empty();
      } finally {
        news.logout();
      }
    }

    @Override
    public void purged(String eventId) {
      store.forget(eventId);
    }
  }

  /** Stops the background jobs (a pass under way finishes first). */
  @Override
  public void close() {
    purge.close();
    worker.close();
  }
}
