package fr.irev.news.browser;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * The registrant's inbox, as the browser journeys read it: messages the site sent to the shared
 * site's GreenMail server, found by recipient and exact subject.
 */
final class Mailbox {

  /** Longest wait for a message, in milliseconds. */
  static final long WAIT_MS = 10_000;

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
    long deadline = System.currentTimeMillis() + WAIT_MS;
    List<String> seen = new ArrayList<>();
    do {
      site.server().registrations().outbox().sendDue();
      seen.clear();
      for (MimeMessage message : site.smtp().getReceivedMessages()) {
        if (addressedTo(message, to)) {
          if (subject.equals(message.getSubject())) {
            return message;
          }
          seen.add(message.getSubject());
        }
      }
      Thread.sleep(100);
    } while (System.currentTimeMillis() < deadline);
    throw new AssertionError("no e-mail «" + subject + "» to " + to + "; received " + seen);
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
