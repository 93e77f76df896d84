package fr.irev.news.news;

import static fr.irev.news.jcr.JcrProperties.bool;
import static fr.irev.news.jcr.JcrProperties.date;
import static fr.irev.news.jcr.JcrProperties.string;
import static fr.irev.news.jcr.JcrProperties.strings;

import fr.irev.news.format.FrenchDates;
import fr.irev.news.jcr.JcrNames;
import fr.irev.news.link.UrlUnwrapper;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;

/**
 * Reads a {@code irev:newsItem} node into a {@link NewsItem}. The only class, with {@link
 * NewsWriter}, that knows how a news item is laid out in JCR.
 */
public final class NewsMapper {

  private static final Pattern MULTI_FIELD_ENTRY =
      Pattern.compile(Pattern.quote(NewsNodes.ATTACHMENTS) + "[0-9]+");

  private NewsMapper() {}

  /**
   * Reads a news item. Dates come back in Europe/Paris. An event without a start date is read as an
   * event without schedule; a registration URL wrapped by an e-mail filter is unwrapped, and one
   * that is not an absolute http(s) URL is left out.
   *
   * @param node a node of type {@link NewsNodes#NODE_TYPE}
   * @return the item; its title is the node name when the title property is absent
   * @throws RepositoryException on repository failure or a property of the wrong type
   */
  public static NewsItem read(Node node) throws RepositoryException {
    String title = string(node, NewsNodes.TITLE);
    String registration = string(node, NewsNodes.REGISTRATION_URL);
    return new NewsItem(
        node.getIdentifier(),
        node.getName(),
        title == null ? node.getName() : title,
        string(node, NewsNodes.TEASER),
        string(node, NewsNodes.BODY),
        NewsKind.fromCode(string(node, NewsNodes.KIND)),
        schedule(node),
        place(node),
        string(node, NewsNodes.AUDIENCE),
        date(node, NewsNodes.PUBLICATION_DATE, FrenchDates.PARIS),
        date(node, JcrNames.MGNL_LAST_MODIFIED, FrenchDates.PARIS),
        strings(node, NewsNodes.THEMATICS),
        strings(node, NewsNodes.TERRITORIES),
        attachments(node),
        registrationUrl(registration));
  }

  /**
   * The real target of a stored registration address: unwrapped from e-mail security filters, and
   * only an absolute http(s) URL (never {@code javascript:} or {@code data:}).
   */
  private static String registrationUrl(String stored) {
    String url = stored == null ? null : UrlUnwrapper.unwrap(stored);
    return UrlUnwrapper.isAbsoluteHttp(url) ? url : null;
  }

  private static EventSchedule schedule(Node node) throws RepositoryException {
    ZonedDateTime start = date(node, NewsNodes.START_DATE, FrenchDates.PARIS);
    if (start == null) {
      return null;
    }
    ZonedDateTime end = date(node, NewsNodes.END_DATE, FrenchDates.PARIS);
    return new EventSchedule(start, end, bool(node, NewsNodes.ALL_DAY));
  }

  private static Place place(Node node) throws RepositoryException {
    Place place =
        new Place(
            string(node, NewsNodes.PLACE_NAME),
            string(node, NewsNodes.PLACE_ADDRESS),
            string(node, NewsNodes.PLACE_COMMUNE));
    return place.isEmpty() ? null : place;
  }

  /**
   * Attachments in order: the children of {@code attachments} (the layout this module writes), then
   * children of the item named {@code attachments0}, {@code attachments1}, … (how a Magnolia 6
   * {@code jcrMultiField} may name its entries: unconfirmed, see docs/magnolia-contract.md).
   */
  private static List<Attachment> attachments(Node node) throws RepositoryException {
    List<Attachment> attachments = new ArrayList<>();
    if (node.hasNode(NewsNodes.ATTACHMENTS)) {
      NodeIterator children = node.getNode(NewsNodes.ATTACHMENTS).getNodes();
      while (children.hasNext()) {
        attachment(children.nextNode(), attachments);
      }
    }
    NodeIterator entries = node.getNodes(NewsNodes.ATTACHMENTS + "*");
    while (entries.hasNext()) {
      Node entry = entries.nextNode();
      if (MULTI_FIELD_ENTRY.matcher(entry.getName()).matches()) {
        attachment(entry, attachments);
      }
    }
    return attachments;
  }

  private static void attachment(Node entry, List<Attachment> attachments)
      throws RepositoryException {
    String asset = string(entry, NewsNodes.ATTACHMENT_ASSET);
    if (asset != null) {
      attachments.add(
          new Attachment(
              asset,
              string(entry, NewsNodes.ATTACHMENT_TITLE),
              string(entry, NewsNodes.ATTACHMENT_DESCRIPTION)));
    }
  }
}
