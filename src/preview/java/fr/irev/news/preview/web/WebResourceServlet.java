package fr.irev.news.preview.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Light-module web resources, {@code /.resources/<module>/webresources/<path>} from {@code
 * <light-modules>/<module>/webresources/<path>}: regular files only (no directory listing), never
 * outside that folder (no {@code ..}, no link leading out), MIME type from the extension (UTF-8 for
 * text), {@code Last-Modified}, {@code Cache-Control} as pages ({@link
 * SecurityHeaders#PAGE_CACHE_CONTROL}, on a 304 too) and 304. Anything else is the French 404 page.
 */
public final class WebResourceServlet extends HttpServlet implements HttpMethods.Declared {

  private static final long serialVersionUID = 1L;
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.@+-]*");
  private static final Set<String> UTF8_TYPES =
      Set.of("application/javascript", "text/javascript", "application/json", "image/svg+xml");

  private final transient Path lightModules;

  /**
   * @param lightModules the light-modules folder
   */
  public WebResourceServlet(Path lightModules) {
    this.lightModules = lightModules.toAbsolutePath().normalize();
  }

  @Override
  public Set<String> allowedMethods() {
    return HttpMethods.GET_HEAD;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Path file = resolve(request.getPathInfo());
    if (file == null) {
      ErrorPages.send(response, HttpServletResponse.SC_NOT_FOUND, request.getContextPath());
      return;
    }
    long modified = Files.getLastModifiedTime(file).toMillis();
    // on the 304 too: it must carry the Cache-Control a 200 would have (RFC 9110 §15.4.5)
    response.setDateHeader("Last-Modified", modified);
    response.setHeader("Cache-Control", SecurityHeaders.PAGE_CACHE_CONTROL);
    long since = ifModifiedSince(request);
    if (since >= 0 && modified / 1000 <= since / 1000) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    response.setContentType(contentType(file.getFileName().toString()));
    response.setContentLengthLong(Files.size(file));
    try (InputStream in = Files.newInputStream(file)) {
      in.transferTo(response.getOutputStream());
    }
  }

  /**
   * @param pathInfo e.g. {@code /irev-news/webresources/css/site.css} (decoded)
   * @return the regular file inside the module's {@code webresources} folder, or {@code null}
   */
  Path resolve(String pathInfo) throws IOException {
    if (pathInfo == null) {
      return null;
    }
    String[] segments = pathInfo.split("/", -1);
    if (segments.length < 4 || !segments[0].isEmpty() || !"webresources".equals(segments[2])) {
      return null;
    }
    for (int i = 1; i < segments.length; i++) {
      if (!SEGMENT.matcher(segments[i]).matches() || segments[i].contains("..")) {
        return null;
      }
    }
    Path base = lightModules.resolve(segments[1]).resolve("webresources");
    Path file = base;
    for (int i = 3; i < segments.length; i++) {
      file = file.resolve(segments[i]);
    }
    file = file.normalize();
    if (!file.startsWith(base) || !Files.isRegularFile(file) || !Files.isDirectory(base)) {
      return null;
    }
    return file.toRealPath().startsWith(base.toRealPath()) ? file : null;
  }

  private String contentType(String fileName) {
    String type = getServletContext().getMimeType(fileName);
    if (type == null) {
      return "application/octet-stream";
    }
    String bare = type.contains(";") ? type.substring(0, type.indexOf(';')).trim() : type;
    if ((bare.startsWith("text/") || UTF8_TYPES.contains(bare)) && !type.contains("charset")) {
      return bare + ";charset=UTF-8";
    }
    return type;
  }

  private static long ifModifiedSince(HttpServletRequest request) {
    try {
      return request.getDateHeader("If-Modified-Since");
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }
}
