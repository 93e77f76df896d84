package fr.irev.news.site.registration;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.irev.news.mail.MailSettings;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An SMTP server on one fixed loopback port (the preview server's mail settings name it once) that
 * goes down and comes back: a GreenMail server behind a small TCP relay on that port.
 *
 * <p>{@link #stop()} is a clean shutdown: the port refuses new connections at once (the outbox sees
 * "connection refused", as with a stopped server), the SMTP sessions already open finish, then
 * GreenMail stops. A hard stop in the middle of a session can cut it after the server has taken the
 * message and before its "250" reply reaches the client; the client must then send again, so the
 * recipient gets it twice (SMTP delivers at least once, RFC 5321 §6.1). This relay keeps that
 * window, which no client can close, out of the count of messages per recipient.
 *
 * <p>GreenMail forgets its messages when stopped, so the mail store of each stopped run is kept and
 * read with the current one.
 */
final class LoadSmtp implements AutoCloseable {

  private final int port;
  private final List<Managers> stopped = new ArrayList<>();
  private final Phaser sessions = new Phaser(1);
  private GreenMail greenMail;
  private ServerSocket listener;
  private Thread acceptor;

  /** Starts on a free loopback port. */
  LoadSmtp() {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    start();
  }

  /** The preview server's {@code irev.mail.*} settings for this server (plain SMTP). */
  Map<String, String> settings() {
    return Map.of(
        MailSettings.HOST, "127.0.0.1",
        MailSettings.PORT, Integer.toString(port),
        MailSettings.SECURITY, "none",
        MailSettings.FROM, "evenements@irev.fr",
        MailSettings.CONNECT_TIMEOUT, "2000",
        MailSettings.READ_TIMEOUT, "5000");
  }

  /** Starts a new GreenMail and opens the port again (nothing when running). */
  synchronized void start() {
    if (greenMail != null) {
      return;
    }
    GreenMail started =
        new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    started.start();
    try {
      ServerSocket socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
      listener = socket;
    } catch (IOException e) {
      started.stop();
      throw new UncheckedIOException(e);
    }
    greenMail = started;
    int upstream = started.getSmtp().getPort();
    ServerSocket accepting = listener;
    acceptor = new Thread(() -> accept(accepting, upstream), "load-smtp-relay");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Refuses new connections, lets open sessions finish, stops GreenMail, keeps its messages. */
  synchronized void stop() {
    if (greenMail == null) {
      return;
    }
    try {
      listener.close();
      acceptor.join(10_000);
      int phase = sessions.arrive();
      sessions.awaitAdvanceInterruptibly(phase, 20, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException | TimeoutException e) {
      throw new IllegalStateException("SMTP sessions still open after 20 s", e);
    }
    Managers managers = greenMail.getManagers();
    greenMail.stop();
    stopped.add(managers);
    greenMail = null;
  }

  private void accept(ServerSocket accepting, int upstream) {
    while (!accepting.isClosed()) {
      Socket client;
      try {
        client = accepting.accept();
      } catch (IOException e) {
        return; // closed by stop()
      }
      sessions.register();
      Thread relay = new Thread(() -> relay(client, upstream), "load-smtp-session");
      relay.setDaemon(true);
      relay.start();
    }
  }

  /** Copies both ways until both sides have finished, then ends the session. */
  private void relay(Socket client, int upstream) {
    try (client;
        Socket server = new Socket(InetAddress.getLoopbackAddress(), upstream)) {
      Thread up = new Thread(() -> pump(client, server), "load-smtp-up");
      up.setDaemon(true);
      up.start();
      pump(server, client);
      up.join(30_000);
    } catch (IOException e) {
      // the client sees the connection end, as with a server that went away
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      sessions.arriveAndDeregister();
    }
  }

  private static void pump(Socket from, Socket to) {
    try (InputStream in = from.getInputStream()) {
      OutputStream out = to.getOutputStream();
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
        out.flush();
      }
      to.shutdownOutput();
    } catch (IOException e) {
      // one side closed: the other copy ends too
    }
  }

  /** Every message received since the first start, by all runs. */
  synchronized List<MimeMessage> messages() {
    List<Managers> runs = new ArrayList<>(stopped);
    if (greenMail != null) {
      runs.add(greenMail.getManagers());
    }
    List<MimeMessage> all = new ArrayList<>();
    for (Managers managers : runs) {
      for (StoredMessage stored : managers.getImapHostManager().getAllMessages()) {
        all.add(stored.getMimeMessage());
      }
    }
    return all;
  }

  /** How many messages the runs stopped so far had received. */
  synchronized int receivedByStoppedRuns() {
    int count = 0;
    for (Managers managers : stopped) {
      count += managers.getImapHostManager().getAllMessages().size();
    }
    return count;
  }

  /** Messages received per recipient address (lower case), all runs together. */
  Map<String, Integer> perRecipient() throws MessagingException {
    Map<String, Integer> counts = new TreeMap<>();
    for (MimeMessage message : messages()) {
      for (Address to : message.getRecipients(MimeMessage.RecipientType.TO)) {
        String address = ((InternetAddress) to).getAddress().toLowerCase(Locale.ROOT);
        counts.merge(address, 1, Integer::sum);
      }
    }
    return counts;
  }

  @Override
  public void close() {
    stop();
  }
}
