package fr.irev.news.browser;

import com.icegreen.greenmail.util.GreenMail;
import fr.irev.news.preview.PreviewServer;
import fr.irev.news.testing.MailPreview;

/**
 * The preview server with the sample content (in-memory Jackrabbit) sending its e-mails to a real
 * SMTP server (GreenMail), as the browser tests visit it. Starting one takes a few seconds, so the
 * browser test classes share one per JVM ({@link #shared()}), stopped when the JVM exits.
 */
public final class BrowserSite implements AutoCloseable {

  /** The staff password of the server. */
  public static final String STAFF_PASSWORD = "équipe-navigateur-2031";

  private static BrowserSite shared;

  private final PreviewServer server;
  private final GreenMail smtp;

  private BrowserSite(PreviewServer server, GreenMail smtp) {
    this.server = server;
    this.smtp = smtp;
  }

  /**
   * @return the JVM's site, started on first use
   * @throws Exception when the SMTP or preview server cannot start
   */
  public static synchronized BrowserSite shared() throws Exception {
    if (shared == null) {
      shared = start();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
    }
    return shared;
  }

  private static BrowserSite start() throws Exception {
    MailPreview started = MailPreview.start(STAFF_PASSWORD);
    return new BrowserSite(started.server(), started.smtp());
  }

  /**
   * @return the running preview server
   */
  public PreviewServer server() {
    return server;
  }

  /**
   * @return the SMTP server receiving the site's e-mails
   */
  public GreenMail smtp() {
    return smtp;
  }

  /**
   * @param path a site path such as {@code /actualites}
   * @return its absolute address on the running server
   */
  public String url(String path) {
    return server.baseUri().resolve(path.startsWith("/") ? path.substring(1) : path).toString();
  }

  @Override
  public void close() {
    server.close();
    smtp.stop();
  }
}
