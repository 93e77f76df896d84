package fr.irev.news.attachment;

import static fr.irev.news.jcr.JcrProperties.date;
import static fr.irev.news.jcr.JcrProperties.string;

import fr.irev.news.format.FrenchDates;
import fr.irev.news.jcr.Identifiers;
import java.util.Locale;
import java.util.Optional;
import javax.jcr.ItemNotFoundException;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/** Reads DAM assets by their DAM link. The session is the caller's: not logged out here. */
public final class DamAssets {

  private final Session session;

  /** @param session a session on workspace {@value DamNodes#WORKSPACE} */
  public DamAssets(Session session) {
    this.session = session;
  }

  /**
   * Extracts the identifier of a DAM link.
   *
   * @param damLink {@code jcr:<identifier>} or a bare identifier; may be {@code null}
   * @return the identifier, or empty when the link is not of that form
   */
  public static Optional<String> identifierOf(String damLink) {
    if (damLink == null) {
      return Optional.empty();
    }
    String id = damLink.trim();
    if (id.startsWith(DamNodes.LINK_PREFIX)) {
      id = id.substring(DamNodes.LINK_PREFIX.length());
    }
    return Identifiers.parse(id);
  }

  /**
   * @param damLink {@code jcr:<identifier>} or a bare identifier; may be {@code null}
   * @return the asset, or empty when the link is malformed, points nowhere, or not to an asset
   *     with a binary
   * @throws RepositoryException on repository failure
   */
  public Optional<DamAsset> find(String damLink) throws RepositoryException {
    Optional<String> id = identifierOf(damLink);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    Node asset;
    try {
      asset = session.getNodeByIdentifier(id.get());
    } catch (ItemNotFoundException e) {
      return Optional.empty();
    }
    if (!asset.isNodeType(DamNodes.ASSET_TYPE)
        || !asset.hasNode(DamNodes.RESOURCE)
        || !asset.getNode(DamNodes.RESOURCE).hasProperty(DamNodes.DATA)) {
      return Optional.empty();
    }
    Node resource = asset.getNode(DamNodes.RESOURCE);
    String fileName = string(resource, DamNodes.FILE_NAME);
    String extension = string(resource, DamNodes.EXTENSION);
    if (fileName == null) {
      fileName = asset.getName();
    }
    if (extension != null && !fileName.toLowerCase(Locale.ROOT).endsWith("." + extension.toLowerCase(Locale.ROOT))) {
      fileName = fileName + "." + extension;
    }
    String mimeType = string(resource, DamNodes.MIME_TYPE);
    return Optional.of(
        new DamAsset(
            asset.getIdentifier(),
            string(asset, DamNodes.TITLE),
            fileName,
            mimeType == null ? "application/octet-stream" : mimeType,
            resource.getProperty(DamNodes.DATA).getLength(),
            date(resource, DamNodes.LAST_MODIFIED, FrenchDates.PARIS)));
  }
}
