package fr.irev.news.preview.web;

import fr.irev.news.preview.repository.MagnoliaNames;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.jcr.Binary;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Magnolia's DAM download, {@code /dam/jcr:<identifier>/<fileName>}: streams {@code
 * jcr:content/jcr:data} of the {@code mgnl:asset} with that identifier in workspace {@code dam},
 * with {@code Content-Type} from {@code jcr:mimeType}, {@code Content-Length}, {@code
 * Last-Modified} from {@code jcr:lastModified} (and 304 for a matching {@code If-Modified-Since}),
 * {@code Cache-Control} as pages ({@link SecurityHeaders#PAGE_CACHE_CONTROL}: the address stays the
 * same when staff replace the file, so a short lifetime), on the 304 too. The file name in the URL
 * is not checked, as in Magnolia. A malformed identifier, an unknown node or a node that is not an
 * asset with a binary gives the French 404.
 */
public final class DamServlet extends HttpServlet implements HttpMethods.Declared {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(DamServlet.class);
  private static final Pattern ASSET_PATH =
      Pattern.compile(
          "/jcr:([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(/[^/]*)?");

  @Override
  public Set<String> allowedMethods() {
    return HttpMethods.GET_HEAD;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Matcher matcher =
        ASSET_PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
    Node resource = matcher.matches() ? resource(request, matcher.group(1)) : null;
    if (resource == null) {
      ErrorPages.send(response, HttpServletResponse.SC_NOT_FOUND, request.getContextPath());
      return;
    }
    try {
      Binary binary = resource.getProperty("jcr:data").getBinary();
      try {
        long modified =
            resource.hasProperty("jcr:lastModified")
                ? resource.getProperty("jcr:lastModified").getDate().getTimeInMillis()
                : -1;
        response.setHeader("Cache-Control", SecurityHeaders.PAGE_CACHE_CONTROL);
        if (modified >= 0) {
          long since = ifModifiedSince(request);
          if (since >= 0 && modified / 1000 <= since / 1000) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
          }
          response.setDateHeader("Last-Modified", modified);
        }
        response.setContentType(
            resource.hasProperty("jcr:mimeType")
                ? resource.getProperty("jcr:mimeType").getString()
                : "application/octet-stream");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLengthLong(binary.getSize());
        try (InputStream in = binary.getStream()) {
          in.transferTo(response.getOutputStream());
        }
      } finally {
        binary.dispose();
      }
    } catch (RepositoryException e) {
      LOG.warn("Cannot stream DAM asset '{}': {}", matcher.group(1), e.getMessage());
      ErrorPages.send(response, HttpServletResponse.SC_NOT_FOUND, request.getContextPath());
    }
  }

  /**
   * @return the asset's {@code jcr:content} holding {@code jcr:data}, or {@code null}
   */
  private static Node resource(HttpServletRequest request, String identifier) {
    try {
      Session dam = PreviewContentContext.of(request).session(MagnoliaNames.DAM);
      Node asset = dam.getNodeByIdentifier(identifier);
      if (!asset.isNodeType(MagnoliaNames.ASSET) || !asset.hasNode("jcr:content")) {
        return null;
      }
      Node content = asset.getNode("jcr:content");
      return content.hasProperty("jcr:data") ? content : null;
    } catch (RepositoryException e) {
      LOG.debug("No DAM asset '{}': {}", identifier, e.getMessage());
      return null;
    }
  }

  private static long ifModifiedSince(HttpServletRequest request) {
    try {
      return request.getDateHeader("If-Modified-Since");
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }
}
