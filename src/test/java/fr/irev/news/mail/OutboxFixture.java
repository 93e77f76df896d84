package fr.irev.news.mail;

import fr.irev.news.registration.RegistrationNodes;
import fr.irev.news.testing.TestSite;
import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * A real in-memory Jackrabbit with the module's node types plus {@code irev:mail} (registered here
 * until the module CND has it), the registrations workspace, and a controllable clock.
 */
final class OutboxFixture implements AutoCloseable {

  static final String WORKSPACE = RegistrationNodes.WORKSPACE;

  /** The node type the outbox needs; the same text is proposed for the module CND. */
  static final String MAIL_CND =
      "<mgnl = 'http://www.magnolia.info/jcr/mgnl'>\n"
          + "<irev = 'https://irev.fr/jcr/irev-news/1.0'>\n"
          + "[irev:mail] > mgnl:contentNode\n";

  static final Instant T0 = Instant.parse("2021-11-20T08:00:00Z");

  final TestSite site;
  final TestClock clock = new TestClock(T0);

  OutboxFixture() throws Exception {
    site = TestSite.empty();
    Session session = site.repository().login(WORKSPACE);
    try {
      if (!session.getWorkspace().getNodeTypeManager().hasNodeType(MailNodes.NODE_TYPE)) {
        site.repository().registerNodeTypes(new StringReader(MAIL_CND));
      }
    } finally {
      session.logout();
    }
  }

  /** A new session on the registrations workspace; the caller logs it out. */
  Session login() throws RepositoryException {
    return site.repository().login(WORKSPACE);
  }

  /** An opener as the module would pass it: a new session per pass. */
  MailOutbox.SessionOpener opener() {
    return this::login;
  }

  /** A registration-like owner node {@code /<event>/<uuid>} (not saved). */
  static Node owner(Session session, String event) throws RepositoryException {
    Node root = session.getRootNode();
    Node folder =
        root.hasNode(event)
            ? root.getNode(event)
            : root.addNode(event, RegistrationNodes.FOLDER_TYPE);
    return folder.addNode(UUID.randomUUID().toString(), RegistrationNodes.NODE_TYPE);
  }

  /** Enqueues one message per address under new owners of one event, and saves once. */
  List<String> enqueueSaved(List<MailMessage> messages) throws RepositoryException {
    Session session = login();
    try {
      List<String> ids = new java.util.ArrayList<>();
      for (MailMessage m : messages) {
        ids.add(MailOutbox.enqueue(owner(session, "event-1"), m, clock.instant()));
      }
      session.save();
      return ids;
    } finally {
      session.logout();
    }
  }

  /** Every entry, newest first. */
  List<OutboxEntry> entries(MailState state) throws RepositoryException {
    Session session = login();
    try {
      return MailOutbox.entries(session, state, MailOutbox.MAX_ENTRIES);
    } finally {
      session.logout();
    }
  }

  static MailMessage message(int i) {
    return new MailMessage(
        "inscrit" + i + "@example.org",
        null,
        "Inscription n° " + i + " confirmée",
        "Bonjour,\nvotre inscription n° " + i + " est confirmée.",
        "<p>Bonjour,</p><p>inscription n° " + i + "</p>",
        List.of());
  }

  static MailSettings smtp(int port) {
    return new MailSettings(
        "127.0.0.1",
        port,
        MailSettings.Security.NONE,
        null,
        null,
        "evenements@irev.fr",
        "IREV",
        2_000,
        2_000);
  }

  /** A port nobody listens on (free when this returns). */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws Exception {
    site.close();
  }

  /** A clock the test moves by hand. */
  static final class TestClock extends Clock {
    private volatile Instant now;

    TestClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
