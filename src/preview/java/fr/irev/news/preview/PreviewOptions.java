package fr.irev.news.preview;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How to start the preview server. Immutable; start from {@link #defaults()} and change what is
 * needed with the {@code with…} methods.
 *
 * @param port TCP port, 0 for a free one (1–65535 otherwise)
 * @param host interface to listen on, e.g. {@code localhost} (default) or {@code 0.0.0.0}
 * @param projectDir folder holding {@code magnolia-module.xml} and {@code light-modules/}
 * @param dataDir folder of the persistent repository; ignored when {@code inMemory}
 * @param inMemory {@code true} for a repository that lives in memory only
 * @param resources class loader where the node type files and {@code mgnl-bootstrap*} folders are
 *     looked up (the servlets and context attributes come from the server's own class loader)
 * @param publicUrl the site's public address used for absolute URLs (footnotes, bookmark links),
 *     e.g. {@code https://www.irev.fr}, without trailing slash; {@code null} for {@code
 *     http://<host>:<port>} of the server as started. Never taken from the request's {@code Host}.
 * @param mail SMTP settings ({@code irev.mail.*} keys of {@code fr.irev.news.mail.MailSettings});
 *     empty: no SMTP server, e-mails wait in the outbox (visible to staff)
 * @param staffPassword password of the preview's staff login (user {@value #STAFF_USER}); {@code
 *     null}: a random one, printed when the server starts
 * @param pageCache {@code true} to keep rendered pages in memory like Magnolia's cache on a public
 *     instance (see {@code fr.irev.news.preview.web.PageCache}: emptied on any content change, 60 s
 *     at most); {@code false} (default) renders every request, as an author instance does
 */
public record PreviewOptions(
    int port,
    String host,
    Path projectDir,
    Path dataDir,
    boolean inMemory,
    ClassLoader resources,
    String publicUrl,
    Map<String, String> mail,
    String staffPassword,
    boolean pageCache) {

  /** Default port. */
  public static final int DEFAULT_PORT = 8080;

  /** Checks the values. */
  public PreviewOptions {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0-65535: " + port);
    }
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(projectDir, "projectDir");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(resources, "resources");
    if (publicUrl != null) {
      publicUrl = checkPublicUrl(publicUrl);
    }
    mail = Map.copyOf(mail == null ? Map.of() : mail);
    if (staffPassword != null && staffPassword.length() < 8) {
      throw new IllegalArgumentException("the staff password must have at least 8 characters");
    }
  }

  /** User name of the preview's staff login. */
  public static final String STAFF_USER = "equipe";

  /**
   * @return port 8080 on {@code localhost}, the working directory as project, a persistent
   *     repository in {@code ./data/preview}, resources from the server's class path, the public
   *     URL of the server as started
   */
  public static PreviewOptions defaults() {
    Path workingDir = Path.of("").toAbsolutePath();
    return new PreviewOptions(
        DEFAULT_PORT,
        "localhost",
        workingDir,
        workingDir.resolve("data").resolve("preview"),
        false,
        PreviewOptions.class.getClassLoader(),
        null,
        Map.of(),
        null,
        false);
  }

  /**
   * @return these options with another port (0 = free port)
   */
  public PreviewOptions withPort(int newPort) {
    return new PreviewOptions(
        newPort,
        host,
        projectDir,
        dataDir,
        inMemory,
        resources,
        publicUrl,
        mail,
        staffPassword,
        pageCache);
  }

  /**
   * @return these options listening on another interface
   */
  public PreviewOptions withHost(String newHost) {
    return new PreviewOptions(
        port,
        newHost,
        projectDir,
        dataDir,
        inMemory,
        resources,
        publicUrl,
        mail,
        staffPassword,
        pageCache);
  }

  /**
   * @return these options with another project folder
   */
  public PreviewOptions withProjectDir(Path dir) {
    return new PreviewOptions(
        port, host, dir, dataDir, inMemory, resources, publicUrl, mail, staffPassword, pageCache);
  }

  /**
   * @return these options with a persistent repository in {@code dir}
   */
  public PreviewOptions withDataDir(Path dir) {
    return new PreviewOptions(
        port, host, projectDir, dir, false, resources, publicUrl, mail, staffPassword, pageCache);
  }

  /**
   * @return these options with an in-memory repository
   */
  public PreviewOptions withInMemory() {
    return new PreviewOptions(
        port,
        host,
        projectDir,
        dataDir,
        true,
        resources,
        publicUrl,
        mail,
        staffPassword,
        pageCache);
  }

  /**
   * @return these options reading bootstrap files and node types from {@code loader}
   */
  public PreviewOptions withResources(ClassLoader loader) {
    return new PreviewOptions(
        port,
        host,
        projectDir,
        dataDir,
        inMemory,
        loader,
        publicUrl,
        mail,
        staffPassword,
        pageCache);
  }

  /**
   * @param url the site's public address, an absolute {@code http} or {@code https} URL without
   *     query or fragment, e.g. {@code https://www.irev.fr} (a trailing {@code /} is dropped);
   *     {@code null} for the default, {@code http://<host>:<port>} of the server as started
   * @return these options building absolute URLs on {@code url}
   * @throws IllegalArgumentException when {@code url} is not such a URL
   */
  public PreviewOptions withPublicUrl(String url) {
    return new PreviewOptions(
        port, host, projectDir, dataDir, inMemory, resources, url, mail, staffPassword, pageCache);
  }

  /**
   * @return the normalized URL (lower-case scheme and host, no trailing {@code /})
   * @throws IllegalArgumentException when not an absolute http(s) URL with a host and without user
   *     information, query or fragment
   */
  static String checkPublicUrl(String url) {
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + url, e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("not an absolute http(s) URL: " + url);
    }
    if (uri.isOpaque() || uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException("no host in URL: " + url);
    }
    if (uri.getPort() > 65535) {
      throw new IllegalArgumentException("invalid port in URL: " + url);
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("user information in URL: " + url);
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("query or fragment in URL: " + url);
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
    if (path.contains("//")) {
      throw new IllegalArgumentException("empty path segment in URL: " + url);
    }
    return scheme
        + "://"
        + uri.getHost().toLowerCase(Locale.ROOT)
        + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")
        + path;
  }

  /**
   * @param settings SMTP settings ({@code irev.mail.*} keys)
   * @return these options sending e-mail with these settings
   */
  public PreviewOptions withMail(Map<String, String> settings) {
    return new PreviewOptions(
        port,
        host,
        projectDir,
        dataDir,
        inMemory,
        resources,
        publicUrl,
        settings,
        staffPassword,
        pageCache);
  }

  /**
   * @param on {@code true} to keep rendered pages in memory (Magnolia's public-instance cache)
   * @return these options with or without the page cache
   */
  public PreviewOptions withPageCache(boolean on) {
    return new PreviewOptions(
        port, host, projectDir, dataDir, inMemory, resources, publicUrl, mail, staffPassword, on);
  }

  /**
   * @param password the staff login's password, at least 8 characters
   * @return these options with that password
   */
  public PreviewOptions withStaffPassword(String password) {
    return new PreviewOptions(
        port, host, projectDir, dataDir, inMemory, resources, publicUrl, mail, password, pageCache);
  }
}
