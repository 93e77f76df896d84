package fr.irev.news.browser;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registrant's inbox, as the browser tests read it: messages the site sent to the shared site's
 * GreenMail server, found by recipient (and exact subject), their inline text and cancellation
 * link. The one place where these tests wait for an e-mail.
 */
final class Mailbox {

  /** Longest wait for a message, in milliseconds. */
  static final long WAIT_MS = 10_000;

  private static final Pattern CANCEL_LINK =
      Pattern.compile("/\\.irev-news/registration/annulation\\?jeton=[A-Za-z0-9_%-]+");

  private Mailbox() {}

  /**
   * Sends what the site's outbox holds and waits for a message.
   *
   * @param site the shared site
   * @param to the recipient address (compared ignoring case)
   * @param subject the exact subject
   * @return the first such message
   * @throws AssertionError when none arrived within {@link #WAIT_MS}, listing the subjects received
   *     by that address
   */
  static MimeMessage await(BrowserSite site, String to, String subject) throws Exception {
    return await(site, to, subject::equals, "«" + subject + "» ");
  }

  /**
   * Sends what the site's outbox holds and waits for the first message to an address, whatever its
   * subject.
   *
   * @param site the shared site
   * @param to the recipient address (compared ignoring case)
   * @return the first such message
   * @throws AssertionError when none arrived within {@link #WAIT_MS}
   */
  static MimeMessage await(BrowserSite site, String to) throws Exception {
    return await(site, to, subject -> true, "");
  }

  private static MimeMessage await(
      BrowserSite site, String to, Predicate<String> subject, String what) throws Exception {
    long deadline = System.currentTimeMillis() + WAIT_MS;
    List<String> seen = new ArrayList<>();
    do {
      site.server().registrations().outbox().sendDue();
      seen.clear();
      for (MimeMessage message : site.smtp().getReceivedMessages()) {
        if (addressedTo(message, to)) {
          if (subject.test(message.getSubject())) {
            return message;
          }
          seen.add(message.getSubject());
        }
      }
      Thread.sleep(100);
    } while (System.currentTimeMillis() < deadline);
    throw new AssertionError("no e-mail " + what + "to " + to + "; received " + seen);
  }

  /**
   * @return the personal cancellation link of a registration e-mail (its plain text part), a path
   *     of the site: {@code /.irev-news/registration/annulation?jeton=…}
   * @throws AssertionError when it has none
   */
  static String cancelLink(MimeMessage message) throws Exception {
    Matcher link = CANCEL_LINK.matcher(inline(message, "text/plain"));
    if (!link.find()) {
      throw new AssertionError("no cancellation link in «" + message.getSubject() + "»");
    }
    return link.group();
  }

  private static boolean addressedTo(MimeMessage message, String to) throws Exception {
    var recipients = message.getRecipients(Message.RecipientType.TO);
    if (recipients == null) {
      return false;
    }
    for (var address : recipients) {
      if (((InternetAddress) address).getAddress().equalsIgnoreCase(to)) {
        return true;
      }
    }
    return false;
  }

  /**
   * @return the decoded content of the first inline part of that MIME type ({@code text/html},
   *     {@code text/plain}) in the message, depth first
   * @throws AssertionError when there is none
   */
  static String inline(Part part, String type) throws Exception {
    if (part.isMimeType("multipart/*")) {
      Multipart parts = (Multipart) part.getContent();
      for (int i = 0; i < parts.getCount(); i++) {
        BodyPart child = parts.getBodyPart(i);
        try {
          return inline(child, type);
        } catch (AssertionError notHere) {
          // try the next part
        }
      }
    } else if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      return part.getContent().toString();
    }
    throw new AssertionError("no " + type + " part");
  }
}
