package fr.irev.news.mail;

import static fr.irev.news.mail.MailNodes.ATTACHMENTS;
import static fr.irev.news.mail.MailNodes.ATTEMPTS;
import static fr.irev.news.mail.MailNodes.CONTENT_TYPE;
import static fr.irev.news.mail.MailNodes.CREATED;
import static fr.irev.news.mail.MailNodes.DATA;
import static fr.irev.news.mail.MailNodes.FILE_NAME;
import static fr.irev.news.mail.MailNodes.FOLDER_TYPE;
import static fr.irev.news.mail.MailNodes.HTML;
import static fr.irev.news.mail.MailNodes.LAST_ERROR;
import static fr.irev.news.mail.MailNodes.NEXT_ATTEMPT;
import static fr.irev.news.mail.MailNodes.REPLY_TO;
import static fr.irev.news.mail.MailNodes.SENT_AT;
import static fr.irev.news.mail.MailNodes.STATE;
import static fr.irev.news.mail.MailNodes.SUBJECT;
import static fr.irev.news.mail.MailNodes.TEXT;
import static fr.irev.news.mail.MailNodes.TO;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import javax.jcr.Binary;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;

/** Reads and writes message nodes (layout in {@link MailNodes}); no save here. */
final class MailJcr {

  private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

  private MailJcr() {}

  /** Writes the message's fields (not its state) on a new node. */
  static void writeMessage(Node node, MailMessage message) throws RepositoryException {
    node.setProperty(TO, message.to());
    setOrRemove(node, REPLY_TO, message.replyTo());
    node.setProperty(SUBJECT, message.subject());
    node.setProperty(TEXT, message.text());
    setOrRemove(node, HTML, message.html());
    if (message.attachments().isEmpty()) {
      return;
    }
    Node folder = node.addNode(ATTACHMENTS, FOLDER_TYPE);
    int index = 0;
    for (MailAttachment attachment : message.attachments()) {
      Node file = folder.addNode(Integer.toString(index++), FOLDER_TYPE);
      file.setProperty(FILE_NAME, attachment.fileName());
      file.setProperty(CONTENT_TYPE, attachment.contentType());
      Binary binary =
          node.getSession()
              .getValueFactory()
              .createBinary(new ByteArrayInputStream(attachment.data()));
      try {
        file.setProperty(DATA, binary);
      } finally {
        binary.dispose();
      }
    }
  }

  /**
   * The stored message.
   *
   * @throws IllegalArgumentException when the stored values do not make a valid message
   * @throws RepositoryException on repository failure
   */
  static MailMessage readMessage(Node node) throws RepositoryException {
    List<MailAttachment> attachments = new ArrayList<>();
    if (node.hasNode(ATTACHMENTS)) {
      for (NodeIterator files = node.getNode(ATTACHMENTS).getNodes(); files.hasNext(); ) {
        Node file = files.nextNode();
        attachments.add(
            new MailAttachment(
                string(file, FILE_NAME), string(file, CONTENT_TYPE), bytes(file, DATA)));
      }
    }
    String text = string(node, TEXT);
    return new MailMessage(
        string(node, TO),
        string(node, REPLY_TO),
        string(node, SUBJECT),
        text == null ? "" : text,
        string(node, HTML),
        attachments);
  }

  /** The staff view of a message node. */
  static OutboxEntry entry(Node node) throws RepositoryException {
    Node folder = node.getParent();
    String ownerPath = folder.getDepth() > 0 ? folder.getParent().getPath() : folder.getPath();
    return new OutboxEntry(
        node.getIdentifier(),
        string(node, TO),
        string(node, SUBJECT),
        MailState.fromJcr(string(node, STATE)).orElse(MailState.FAILED),
        node.hasProperty(ATTEMPTS) ? node.getProperty(ATTEMPTS).getLong() : 0,
        date(node, CREATED),
        date(node, NEXT_ATTEMPT),
        date(node, SENT_AT),
        string(node, LAST_ERROR),
        ownerPath);
  }

  /** The exact string value (not trimmed), or null when absent. */
  static String string(Node node, String name) throws RepositoryException {
    return node.hasProperty(name) ? node.getProperty(name).getString() : null;
  }

  static Instant date(Node node, String name) throws RepositoryException {
    return node.hasProperty(name) ? node.getProperty(name).getDate().toInstant() : null;
  }

  static void setDate(Node node, String name, Instant value) throws RepositoryException {
    node.setProperty(name, calendar(value));
  }

  static Calendar calendar(Instant value) {
    Calendar calendar = new GregorianCalendar(UTC);
    calendar.setTimeInMillis(value.toEpochMilli());
    return calendar;
  }

  static void setOrRemove(Node node, String name, String value) throws RepositoryException {
    if (value != null) {
      node.setProperty(name, value);
    } else if (node.hasProperty(name)) {
      node.getProperty(name).remove();
    }
  }

  private static byte[] bytes(Node node, String name) throws RepositoryException {
    if (!node.hasProperty(name)) {
      throw new IllegalArgumentException("an attachment has no data");
    }
    Binary binary = node.getProperty(name).getBinary();
    try (InputStream in = binary.getStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new RepositoryException("Cannot read an attachment of a queued message", e);
    } finally {
      binary.dispose();
    }
  }
}
