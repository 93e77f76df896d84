package fr.irev.news.attachment;

import static fr.irev.news.jcr.JcrProperties.date;
import static fr.irev.news.jcr.JcrProperties.string;

import fr.irev.news.format.FrenchDates;
import fr.irev.news.jcr.JcrNames;
import fr.irev.news.jcr.References;
import java.io.FilterInputStream;
import java.io.IOException;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;
import javax.jcr.Binary;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/** Reads DAM assets by their DAM link. The session is the caller's: not logged out here. */
public final class DamAssets {

  private final Session session;

  /**
   * @param session a session on workspace {@value DamNodes#WORKSPACE}
   */
  public DamAssets(Session session) {
    this.session = session;
  }

  /**
   * @param damLink {@code jcr:<identifier>}, a bare identifier or an absolute path; may be {@code
   *     null} or malformed
   * @return the asset, or empty when the link is malformed, points nowhere, or not to an asset with
   *     a binary
   * @throws RepositoryException on repository failure
   */
  public Optional<DamAsset> find(String damLink) throws RepositoryException {
    Optional<Node> found = References.resolve(session, damLink, DamNodes.ASSET_TYPE);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Node asset = found.get();
    if (!asset.hasNode(DamNodes.RESOURCE)
        || !asset.getNode(DamNodes.RESOURCE).hasProperty(DamNodes.DATA)) {
      return Optional.empty();
    }
    Node resource = asset.getNode(DamNodes.RESOURCE);
    String fileName = string(resource, DamNodes.FILE_NAME);
    String extension = string(resource, DamNodes.EXTENSION);
    if (fileName == null) {
      fileName = asset.getName();
    }
    if (extension != null
        && !fileName.toLowerCase(Locale.ROOT).endsWith("." + extension.toLowerCase(Locale.ROOT))) {
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
            lastModified(asset, resource)));
  }

  /**
   * The binary of an asset, for inspection or rendering. Nothing is read until the source is
   * opened; it must be opened on the thread that owns this session (JCR sessions are not shared
   * between threads): the attachment services copy the stream on the caller's thread.
   *
   * @param asset an asset found by {@link #find(String)} on this session
   * @return a source opening a new stream on each call (closing it disposes of the JCR {@code
   *     Binary}); {@code open} throws {@code IOException} when the asset no longer has a binary
   */
  public BinarySource source(DamAsset asset) {
    return () -> {
      try {
        Binary binary =
            session
                .getNodeByIdentifier(asset.identifier())
                .getNode(DamNodes.RESOURCE)
                .getProperty(DamNodes.DATA)
                .getBinary();
        // JCR 2.0 §5.10.5: a Binary is disposed of once read; closing the stream does it
        return new FilterInputStream(binary.getStream()) {
          @Override
          public void close() throws IOException {
            try {
              super.close();
            } finally {
              binary.dispose();
            }
          }
        };
      } catch (RepositoryException e) {
        throw new IOException("Cannot read the binary of DAM asset " + asset.identifier(), e);
      }
    };
  }

  private static ZonedDateTime lastModified(Node asset, Node resource) throws RepositoryException {
    ZonedDateTime binary = date(resource, DamNodes.LAST_MODIFIED, FrenchDates.PARIS);
    return binary != null ? binary : date(asset, JcrNames.MGNL_LAST_MODIFIED, FrenchDates.PARIS);
  }
}
