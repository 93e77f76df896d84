package fr.irev.news.preview.bootstrap;

import fr.irev.news.preview.repository.MagnoliaNames;
import fr.irev.news.preview.repository.PreviewRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.jcr.ImportUUIDBehavior;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays Magnolia's module install for the preview: creates the module's workspaces (plus {@code
 * website}, {@code dam} and {@code config}), registers its node type files at every start, and on
 * the first start only imports every {@code *.xml} below the class-path folders {@code
 * mgnl-bootstrap/<module>/} then {@code mgnl-bootstrap-samples/<module>/}.
 *
 * <p>As in Magnolia, the install is recorded as property {@code version} of {@code
 * config:/modules/<module>}; while it is there, later starts keep the (edited) content. The import
 * is all or nothing: files are imported into unsaved sessions, saved together at the end, and
 * nothing is saved when one fails. The extra install tasks of the descriptor's {@code
 * versionHandler} run after the files, in the same unsaved sessions (see {@link VersionHandlers}:
 * the territory import).
 *
 * <p>The preview has no users, groups or roles: bootstrap files of Magnolia's security workspaces
 * ({@value #USERROLES}, {@code usergroups}, {@code users}, e.g. {@code
 * userroles.irev-news-staff.xml}) are skipped, with one INFO line naming them, unless the module
 * itself declares that workspace.
 */
public final class BootstrapImporter {

  private static final Logger LOG = LoggerFactory.getLogger(BootstrapImporter.class);
  private static final List<String> PLATFORM_WORKSPACES =
      List.of(MagnoliaNames.WEBSITE, MagnoliaNames.DAM, MagnoliaNames.CONFIG);

  /** Magnolia's workspace of roles, whose bootstrap files the preview skips. */
  static final String USERROLES = "userroles";

  /** Magnolia's security workspaces, which the preview does not host. */
  static final Set<String> SECURITY_WORKSPACES = Set.of(USERROLES, "usergroups", "users");

  private final PreviewRepository repository;
  private final ClassLoader resources;

  /**
   * @param repository target repository
   * @param resources class loader holding the node type files and bootstrap folders
   */
  public BootstrapImporter(PreviewRepository repository, ClassLoader resources) {
    this.repository = repository;
    this.resources = resources;
  }

  /**
   * Installs the module, importing its bootstrap files unless it is installed already.
   *
   * @param module the module descriptor
   * @return number of files imported: 0 when the module was installed already; skipped files of the
   *     security workspaces are not counted
   * @throws IOException when a node type file is missing or a file cannot be read
   * @throws RepositoryException when a workspace, node type or file cannot be imported; the message
   *     names the file, and no bootstrap content is saved
   */
  public int install(ModuleDescriptor module) throws IOException, RepositoryException {
    Set<String> workspaces = new LinkedHashSet<>(module.workspaces());
    workspaces.addAll(PLATFORM_WORKSPACES);
    for (String workspace : workspaces) {
      repository.ensureWorkspace(workspace);
    }
    for (String file : module.nodeTypeFiles()) {
      registerNodeTypeFile(file);
    }
    if (isInstalled(module)) {
      LOG.info("Module '{}' already installed: bootstrap files skipped", module.name());
      return 0;
    }
    List<BootstrapFile> files = new ArrayList<>(files("mgnl-bootstrap/" + module.name()));
    files.addAll(files("mgnl-bootstrap-samples/" + module.name()));
    List<String> skipped = new ArrayList<>();
    files.removeIf(
        file -> {
          boolean security =
              SECURITY_WORKSPACES.contains(file.workspace())
                  && !module.workspaces().contains(file.workspace());
          if (security) {
            skipped.add(file.fileName());
          }
          return security;
        });
    if (!skipped.isEmpty()) {
      LOG.info(
          "Module '{}': {} bootstrap file(s) of Magnolia's security workspaces skipped (the preview"
              + " has no users, groups or roles): {}",
          module.name(),
          skipped.size(),
          skipped);
    }
    Map<String, Session> sessions = new LinkedHashMap<>();
    try {
      for (BootstrapFile file : files) {
        importFile(session(sessions, file.workspace()), file);
      }
      VersionHandlers.runExtraInstallTasks(
          module, resources, workspace -> session(sessions, workspace));
      markInstalled(session(sessions, MagnoliaNames.CONFIG), module);
      for (Session session : sessions.values()) {
        session.save();
      }
    } finally {
      sessions.values().forEach(Session::logout);
    }
    LOG.info("Module '{}' installed: {} bootstrap files imported", module.name(), files.size());
    return files.size();
  }

  private void registerNodeTypeFile(String path) throws IOException, RepositoryException {
    String name = path.startsWith("/") ? path.substring(1) : path;
    URL url = resources.getResource(name);
    if (url == null) {
      throw new IOException("Node type file not found on the class path: " + path);
    }
    try (Reader cnd = new InputStreamReader(url.openStream(), StandardCharsets.UTF_8)) {
      repository.registerNodeTypes(cnd);
    } catch (RepositoryException e) {
      throw new RepositoryException(
          "Cannot register node types of " + path + ": " + e.getMessage(), e);
    }
  }

  private List<BootstrapFile> files(String folder) throws IOException {
    Map<String, BootstrapFile> byName = new LinkedHashMap<>();
    for (ClasspathFolder.Entry entry : ClasspathFolder.list(resources, folder)) {
      if (!entry.fileName().endsWith(".xml")) {
        continue;
      }
      BootstrapFile file = BootstrapFile.parse(entry.fileName(), entry.url()).orElse(null);
      if (file == null) {
        LOG.warn("Ignoring bootstrap file '{}': its name has no workspace and path", entry.url());
      } else if (byName.putIfAbsent(file.fileName(), file) != null) {
        LOG.warn("Ignoring duplicate bootstrap file '{}'", entry.url());
      }
    }
    List<BootstrapFile> sorted = new ArrayList<>(byName.values());
    sorted.sort(BootstrapFile.IMPORT_ORDER);
    return sorted;
  }

  private Session session(Map<String, Session> sessions, String workspace)
      throws RepositoryException {
    Session session = sessions.get(workspace);
    if (session == null) {
      session = repository.login(workspace);
      sessions.put(workspace, session);
    }
    return session;
  }

  private static void importFile(Session session, BootstrapFile file)
      throws IOException, RepositoryException {
    try (InputStream xml = file.url().openStream()) {
      Node parent = createParents(session, file.parentPath());
      session.importXML(parent.getPath(), xml, ImportUUIDBehavior.IMPORT_UUID_COLLISION_THROW);
      LOG.debug("Imported '{}' into {}:{}", file.fileName(), file.workspace(), file.parentPath());
    } catch (RepositoryException e) {
      throw new RepositoryException(
          "Cannot import bootstrap file " + file.fileName() + ": " + e.getMessage(), e);
    }
  }

  private static Node createParents(Session session, String path) throws RepositoryException {
    Node node = session.getRootNode();
    for (String segment : path.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      node =
          node.hasNode(segment)
              ? node.getNode(segment)
              : node.addNode(segment, MagnoliaNames.CONTENT);
    }
    return node;
  }

  private boolean isInstalled(ModuleDescriptor module) throws RepositoryException {
    Session config = repository.login(MagnoliaNames.CONFIG);
    try {
      String path = "/modules/" + module.name();
      return config.nodeExists(path) && config.getNode(path).hasProperty("version");
    } finally {
      config.logout();
    }
  }

  private static void markInstalled(Session config, ModuleDescriptor module)
      throws RepositoryException {
    Node node = createParents(config, "/modules/" + module.name());
    node.setProperty("version", module.version().isEmpty() ? "0" : module.version());
  }
}
