package fr.irev.news.preview.repository;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import javax.jcr.NamespaceException;
import javax.jcr.NamespaceRegistry;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.apache.jackrabbit.core.RepositoryImpl;
import org.apache.jackrabbit.core.config.RepositoryConfig;

/** Starting Jackrabbit from the preview's configuration files, and what follows a start. */
final class RepositorySetup {

  /** Jackrabbit configuration: everything in memory (search index included). */
  static final String MEMORY_CONFIG = "/fr/irev/news/preview/repository/repository-memory.xml";

  /** Jackrabbit configuration: bundle persistence on the local file system. */
  static final String PERSISTENT_CONFIG =
      "/fr/irev/news/preview/repository/repository-persistent.xml";

  /** The Magnolia node-type stand-ins. */
  static final String MAGNOLIA_CND = "/fr/irev/news/preview/magnolia-nodetypes.cnd";

  private RepositorySetup() {}

  /**
   * @param config class-path resource of a {@code repository.xml}
   * @param home repository home ({@code ${rep.home}} in the configuration)
   * @return the started repository
   * @throws IOException when the configuration is missing
   * @throws RepositoryException when Jackrabbit cannot start
   */
  static RepositoryImpl start(String config, Path home) throws IOException, RepositoryException {
    try (InputStream xml = RepositorySetup.class.getResourceAsStream(config)) {
      if (xml == null) {
        throw new IOException("Missing repository configuration " + config);
      }
      return RepositoryImpl.create(RepositoryConfig.create(xml, home.toString()));
    }
  }

  /**
   * Registers a namespace unless the prefix is already bound to the same URI.
   *
   * @throws NamespaceException when the prefix is bound to another URI
   * @throws RepositoryException when the registry cannot be changed
   */
  static void registerNamespace(Session session, String prefix, String uri)
      throws RepositoryException {
    NamespaceRegistry registry = session.getWorkspace().getNamespaceRegistry();
    if (!Arrays.asList(registry.getPrefixes()).contains(prefix)) {
      registry.registerNamespace(prefix, uri);
      return;
    }
    String existing = registry.getURI(prefix);
    if (!existing.equals(uri)) {
      throw new NamespaceException(
          "Prefix '" + prefix + "' is bound to '" + existing + "', expected '" + uri + "'");
    }
  }

  /**
   * @param path absolute class-path resource
   * @return a UTF-8 reader; the caller closes it
   * @throws IOException when the resource is missing
   */
  static Reader resource(String path) throws IOException {
    InputStream in = RepositorySetup.class.getResourceAsStream(path);
    if (in == null) {
      throw new IOException("Missing class-path resource " + path);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
