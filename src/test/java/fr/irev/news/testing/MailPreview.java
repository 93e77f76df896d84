package fr.irev.news.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.irev.news.preview.PreviewOptions;
import fr.irev.news.preview.PreviewServer;
import java.util.Map;

/**
 * A preview server with the sample content (in-memory Jackrabbit, free port) that sends its e-mails
 * to a real SMTP server (GreenMail, free port, no TLS), started together: what the browser tests
 * and the registration site tests visit.
 *
 * @param server the running preview server
 * @param smtp the SMTP server receiving its e-mails
 */
public record MailPreview(PreviewServer server, GreenMail smtp) implements AutoCloseable {

  /**
   * Starts GreenMail, then the preview server sending to it from {@code inscriptions@irev.example}.
   *
   * @param staffPassword the staff password of the server
   * @return both, running
   * @throws Exception when either cannot start (GreenMail is stopped again then)
   */
  public static MailPreview start(String staffPassword) throws Exception {
    GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    try {
      PreviewServer server =
          PreviewServer.start(
              PreviewOptions.defaults()
                  .withPort(0)
                  .withInMemory()
                  .withStaffPassword(staffPassword)
                  .withMail(
                      Map.of(
                          "irev.mail.host", "127.0.0.1",
                          "irev.mail.port", Integer.toString(smtp.getSmtp().getPort()),
                          "irev.mail.security", "NONE",
                          "irev.mail.from", "inscriptions@irev.example")));
      return new MailPreview(server, smtp);
    } catch (Exception | Error e) {
      smtp.stop();
      throw e;
    }
  }

  /** Stops the preview server, then GreenMail. */
  @Override
  public void close() {
    server.close();
    smtp.stop();
  }
}
