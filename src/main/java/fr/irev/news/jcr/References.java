package fr.irev.news.jcr;

import java.util.Optional;
import java.util.regex.Pattern;
import javax.jcr.ItemNotFoundException;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.query.Query;

/**
 * Resolves references coming from requests or stored by Magnolia's link fields (an identifier, with
 * or without the {@code jcr:} prefix of DAM links, or an absolute path) after checking their shape,
 * so that malformed input gives "absent" instead of reaching {@code Session.getNodeByIdentifier} or
 * {@code Session.getNode}, which Jackrabbit (and so Magnolia) answer with a {@code
 * RepositoryException}.
 */
public final class References {

  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final String DAM_PREFIX = "jcr:";
  private static final int MAX_PATH = 1_000;

  private References() {}

  /**
   * @param candidate raw value, may be {@code null}; surrounding white space and a {@code jcr:}
   *     prefix are ignored
   * @return the identifier, or empty when it is not a UUID
   */
  public static Optional<String> identifier(String candidate) {
    if (candidate == null) {
      return Optional.empty();
    }
    String id = candidate.trim();
    if (id.startsWith(DAM_PREFIX)) {
      id = id.substring(DAM_PREFIX.length());
    }
    return UUID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
  }

  /**
   * Whether a value can be a JCR local name as Magnolia's apps create them (apostrophes, quotes,
   * accents and spaces included).
   *
   * @return {@code true} for 1 to 200 characters, none of {@code /:[]|*} nor a control character,
   *     other than {@code .} and {@code ..}; {@code false} for {@code null}
   */
  public static boolean isLocalName(String name) {
    if (name == null || name.isEmpty() || name.length() > 200) {
      return false;
    }
    if (name.equals(".") || name.equals("..")) {
      return false;
    }
    return name.chars().noneMatch(c -> c < 0x20 || c == 0x7f || "/:[]|*".indexOf(c) >= 0);
  }

  /**
   * Resolves a reference to a node of a given type.
   *
   * @param session session on the workspace of the referenced node
   * @param reference identifier ({@code jcr:} prefix allowed) or absolute path; may be {@code null}
   *     or malformed
   * @param nodeType required node type, e.g. {@code irev:thematic}
   * @return the node, or empty when the reference is malformed, points nowhere or to a node of
   *     another type
   * @throws RepositoryException on repository failure
   */
  public static Optional<Node> resolve(Session session, String reference, String nodeType)
      throws RepositoryException {
    Optional<Node> node = Optional.empty();
    Optional<String> id = identifier(reference);
    if (id.isPresent()) {
      try {
        node = Optional.of(session.getNodeByIdentifier(id.get()));
      } catch (ItemNotFoundException e) {
        return Optional.empty();
      }
    } else if (isAbsolutePath(reference) && session.nodeExists(reference.trim())) {
      node = Optional.of(session.getNode(reference.trim()));
    }
    if (node.isPresent() && !node.get().isNodeType(nodeType)) {
      return Optional.empty();
    }
    return node;
  }

  private static boolean isAbsolutePath(String reference) {
    if (reference == null) {
      return false;
    }
    String path = reference.trim();
    if (!path.startsWith("/") || path.length() < 2 || path.length() > MAX_PATH) {
      return false;
    }
    for (String segment : path.substring(1).split("/", -1)) {
      if (!isLocalName(segment)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Finds a node by its local name anywhere in the session's workspace, with a JCR-SQL2 query and a
   * bind variable (never concatenated input: field case C13).
   *
   * @param session session on the workspace to search
   * @param nodeType node type to look for, e.g. {@code irev:newsItem}
   * @param name local name; the caller checks its shape first
   * @return the first match in the query's order, or empty
   * @throws RepositoryException on repository failure
   */
  public static Optional<Node> findByLocalName(Session session, String nodeType, String name)
      throws RepositoryException {
    Query query =
        session
            .getWorkspace()
            .getQueryManager()
            .createQuery(
                "SELECT * FROM [" + nodeType + "] AS n WHERE LOCALNAME(n) = $name", Query.JCR_SQL2);
    query.bindValue("name", session.getValueFactory().createValue(name));
    query.setLimit(1);
    NodeIterator nodes = query.execute().getNodes();
    return nodes.hasNext() ? Optional.of(nodes.nextNode()) : Optional.empty();
  }
}
