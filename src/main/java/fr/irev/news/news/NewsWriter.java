package fr.irev.news.news;

import static fr.irev.news.jcr.JcrProperties.setDate;
import static fr.irev.news.jcr.JcrProperties.setString;
import static fr.irev.news.jcr.JcrProperties.setStrings;

import fr.irev.news.jcr.JcrNames;
import fr.irev.news.link.UrlUnwrapper;
import fr.irev.news.taxonomy.TermScopes;
import java.util.Calendar;
import java.util.List;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * Writes {@link NewsItem}s to workspace {@value NewsNodes#WORKSPACE}. Used by imports, tests and
 * the preview server; in Magnolia, the content app's form writes the same layout.
 */
public final class NewsWriter {

  private NewsWriter() {}

  /**
   * Creates or replaces the item named {@link NewsItem#urlName()} under {@code parentPath} and
   * saves the session. {@code mgnl:lastModified} is set to now; {@link NewsItem#identifier()} and
   * {@link NewsItem#lastModified()} are ignored.
   *
   * @param session a session on workspace {@value NewsNodes#WORKSPACE}
   * @param parentPath existing parent folder, e.g. {@code /}
   * @return the saved node
   * @throws IllegalArgumentException when the URL name is not a valid item name
   * @throws RepositoryException on repository failure; nothing is saved then
   */
  public static Node save(Session session, String parentPath, NewsItem item)
      throws RepositoryException {
    return save(session, parentPath, item, null);
  }

  /**
   * As {@link #save(Session, String, NewsItem)}, also writing the item's derived term scopes
   * ({@link NewsScopes}): with {@code scopes}, the tagged terms and all their ancestors; without
   * (no access to the taxonomies), the tagged terms only, completed by {@link NewsScopes#backfill}.
   *
   * @param scopes the taxonomies, or {@code null}
   */
  public static Node save(Session session, String parentPath, NewsItem item, TermScopes scopes)
      throws RepositoryException {
    if (!UrlNames.isValid(item.urlName())) {
      throw new IllegalArgumentException("Invalid URL name: '" + item.urlName() + "'");
    }
    Node parent = session.getNode(parentPath);
    Node node =
        parent.hasNode(item.urlName())
            ? parent.getNode(item.urlName())
            : parent.addNode(item.urlName(), NewsNodes.NODE_TYPE);
    write(node, item);
    NewsScopes.write(node, scopes);
    node.setProperty(JcrNames.MGNL_LAST_MODIFIED, Calendar.getInstance());
    session.save();
    return node;
  }

  private static void write(Node node, NewsItem item) throws RepositoryException {
    setString(node, NewsNodes.TITLE, item.title());
    setString(node, NewsNodes.TEASER, item.teaser());
    setString(node, NewsNodes.BODY, item.body());
    setString(node, NewsNodes.KIND, item.kind().code());
    EventSchedule schedule = item.schedule();
    setDate(node, NewsNodes.START_DATE, schedule == null ? null : schedule.start());
    setDate(node, NewsNodes.END_DATE, schedule == null ? null : schedule.end());
    node.setProperty(NewsNodes.ALL_DAY, schedule != null && schedule.allDay());
    Place place = item.place();
    setString(node, NewsNodes.PLACE_NAME, place == null ? null : place.name());
    setString(node, NewsNodes.PLACE_ADDRESS, place == null ? null : place.address());
    setString(node, NewsNodes.PLACE_COMMUNE, place == null ? null : place.commune());
    setString(node, NewsNodes.AUDIENCE, item.audience());
    setDate(node, NewsNodes.PUBLICATION_DATE, item.publicationDate());
    setStrings(node, NewsNodes.THEMATICS, item.thematicIds());
    setStrings(node, NewsNodes.TERRITORIES, item.territoryIds());
    String registration = item.registrationUrl();
    setString(
        node,
        NewsNodes.REGISTRATION_URL,
        registration == null ? null : UrlUnwrapper.unwrap(registration));
    writeAttachments(node, item.attachments());
  }

  private static void writeAttachments(Node node, List<Attachment> attachments)
      throws RepositoryException {
    if (node.hasNode(NewsNodes.ATTACHMENTS)) {
      node.getNode(NewsNodes.ATTACHMENTS).remove();
    }
    if (attachments.isEmpty()) {
      return;
    }
    Node folder = node.addNode(NewsNodes.ATTACHMENTS, JcrNames.MGNL_CONTENT_NODE);
    for (int i = 0; i < attachments.size(); i++) {
      Attachment attachment = attachments.get(i);
      Node child = folder.addNode(String.valueOf(i), JcrNames.MGNL_CONTENT_NODE);
      child.setProperty(NewsNodes.ATTACHMENT_ASSET, attachment.assetLink());
      setString(child, NewsNodes.ATTACHMENT_TITLE, attachment.title());
      setString(child, NewsNodes.ATTACHMENT_DESCRIPTION, attachment.description());
    }
  }
}
