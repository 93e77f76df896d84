package fr.irev.news.preview.repository;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import javax.jcr.ImportUUIDBehavior;
import javax.jcr.Repository;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.SimpleCredentials;
import javax.jcr.nodetype.InvalidNodeTypeDefinitionException;
import org.apache.jackrabbit.commons.cnd.CndImporter;
import org.apache.jackrabbit.commons.cnd.ParseException;
import org.apache.jackrabbit.core.RepositoryImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded Jackrabbit 2 repository playing Magnolia's JCR for the preview server: the {@code
 * mgnl} and {@code irev} namespaces and the Magnolia node-type stand-ins ({@code
 * magnolia-nodetypes.cnd}) are registered on creation.
 *
 * <p>Thread-safe; the sessions it hands out are not. Close it to shut Jackrabbit down (open
 * sessions are logged out); an in-memory repository also deletes its temporary folder.
 */
public final class PreviewRepository implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PreviewRepository.class);
  private static final Pattern WORKSPACE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

  private final RepositoryImpl repository;
  private final Path home;
  private final boolean temporary;
  private final AtomicBoolean closed = new AtomicBoolean();

  private PreviewRepository(RepositoryImpl repository, Path home, boolean temporary) {
    this.repository = repository;
    this.home = home;
    this.temporary = temporary;
  }

  /**
   * Starts a repository whose content lives in memory only (search index too); its configuration
   * files go to a temporary folder deleted on {@link #close()}.
   *
   * @return an open repository, with namespaces and Magnolia node types registered
   * @throws RepositoryException when Jackrabbit cannot start or the temporary folder cannot be made
   */
  public static PreviewRepository inMemory() throws RepositoryException {
    Path home;
    try {
      home = Files.createTempDirectory("irev-preview-jcr-");
    } catch (IOException e) {
      throw new RepositoryException("Cannot create a temporary repository folder", e);
    }
    return open(RepositorySetup.MEMORY_CONFIG, home, true);
  }

  /**
   * Starts (or reopens) a repository kept on disk: bundle persistence on the local file system, no
   * database. Content survives a restart. Only one process may open a folder at a time.
   *
   * @param dataDir folder of the repository, created when absent
   * @return an open repository, with namespaces and Magnolia node types registered
   * @throws RepositoryException when Jackrabbit cannot start (e.g. the folder is in use or not
   *     writable)
   */
  public static PreviewRepository persistent(Path dataDir) throws RepositoryException {
    Path home = dataDir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(home);
    } catch (IOException e) {
      throw new RepositoryException("Cannot create the repository folder " + home, e);
    }
    return open(RepositorySetup.PERSISTENT_CONFIG, home, false);
  }

  private static PreviewRepository open(String config, Path home, boolean temporary)
      throws RepositoryException {
    RepositoryImpl impl = null;
    try {
      impl = RepositorySetup.start(config, home);
      PreviewRepository repo = new PreviewRepository(impl, home, temporary);
      Session session = repo.login(null);
      try {
        RepositorySetup.registerNamespace(
            session, MagnoliaNames.MGNL_PREFIX, MagnoliaNames.MGNL_URI);
        RepositorySetup.registerNamespace(
            session, MagnoliaNames.IREV_PREFIX, MagnoliaNames.IREV_URI);
      } finally {
        session.logout();
      }
      try (Reader cnd = RepositorySetup.resource(RepositorySetup.MAGNOLIA_CND)) {
        repo.registerNodeTypes(cnd);
      }
      LOG.info("JCR repository ready in '{}' ({})", home, temporary ? "in memory" : "on disk");
      return repo;
    } catch (IOException | RepositoryException | RuntimeException e) {
      if (impl != null) {
        impl.shutdown();
      }
      if (temporary) {
        TempFolders.deleteQuietly(home);
      }
      if (e instanceof RepositoryException re) {
        throw re;
      }
      throw new RepositoryException("Cannot start the preview repository in " + home, e);
    }
  }

  /**
   * Opens an administrator session (credentials {@code admin}/{@code admin}).
   *
   * @param workspace workspace name, e.g. {@code website}
   * @return a new session; the caller logs it out
   * @throws javax.jcr.NoSuchWorkspaceException when the workspace does not exist
   * @throws RepositoryException on other repository failures or after {@link #close()}
   */
  public Session login(String workspace) throws RepositoryException {
    if (closed.get()) {
      throw new RepositoryException("The preview repository is closed");
    }
    return repository.login(new SimpleCredentials("admin", "admin".toCharArray()), workspace);
  }

  /**
   * Creates a workspace unless it exists already.
   *
   * @param name workspace name: letters, digits, {@code -} and {@code _}, starting with a letter or
   *     digit (e.g. {@code irev-news})
   * @throws IllegalArgumentException when the name has another shape
   * @throws RepositoryException when the workspace cannot be created
   */
  public void ensureWorkspace(String name) throws RepositoryException {
    if (name == null || !WORKSPACE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Invalid workspace name: '" + name + "'");
    }
    Session session = login(null);
    try {
      String[] existing = session.getWorkspace().getAccessibleWorkspaceNames();
      if (!Arrays.asList(existing).contains(name)) {
        session.getWorkspace().createWorkspace(name);
        LOG.info("Created workspace '{}'", name);
      }
    } finally {
      session.logout();
    }
  }

  /**
   * Registers the node types (and namespaces) of a CND file, re-registering those that exist, so
   * that the same file can be registered again at each start.
   *
   * @param cnd the CND text; not closed here
   * @throws IOException when the reader fails
   * @throws InvalidNodeTypeDefinitionException when the CND does not parse
   * @throws RepositoryException when a type cannot be (re-)registered, e.g. a non-trivial change to
   *     a type that content already uses
   */
  public void registerNodeTypes(Reader cnd) throws IOException, RepositoryException {
    Session session = login(null);
    try {
      CndImporter.registerNodeTypes(cnd, session, true);
    } catch (ParseException e) {
      throw new InvalidNodeTypeDefinitionException("Invalid CND: " + e.getMessage(), e);
    } finally {
      session.logout();
    }
  }

  /**
   * Imports a JCR system-view document below a node and saves, keeping the identifiers of the
   * document ({@link ImportUUIDBehavior#IMPORT_UUID_COLLISION_THROW}).
   *
   * @param workspace target workspace, which must exist
   * @param parentPath absolute path of an existing node, e.g. {@code /} or {@code /modules}
   * @param xml the document; not closed here
   * @throws IOException when the stream fails
   * @throws javax.jcr.PathNotFoundException when the parent does not exist
   * @throws javax.jcr.ItemExistsException when an identifier or a same-name node already exists
   * @throws RepositoryException when the document is invalid or breaks a node-type constraint;
   *     nothing is saved then
   */
  public void importSystemView(String workspace, String parentPath, InputStream xml)
      throws IOException, RepositoryException {
    Session session = login(workspace);
    try {
      session.importXML(parentPath, xml, ImportUUIDBehavior.IMPORT_UUID_COLLISION_THROW);
      session.save();
    } finally {
      session.logout();
    }
  }

  /**
   * @return the JCR repository (for code written against {@code javax.jcr} only)
   */
  public Repository repository() {
    return repository;
  }

  /**
   * @return the folder of the repository (temporary for an in-memory one)
   */
  public Path home() {
    return home;
  }

  /**
   * @return {@code true} when content is lost on {@link #close()}
   */
  public boolean isInMemory() {
    return temporary;
  }

  /** Shuts Jackrabbit down (idempotent); an in-memory repository deletes its folder. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    repository.shutdown();
    if (temporary) {
      TempFolders.deleteQuietly(home);
    }
    LOG.info("JCR repository in '{}' shut down", home);
  }
}
