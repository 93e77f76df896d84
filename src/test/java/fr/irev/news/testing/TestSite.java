package fr.irev.news.testing;

import fr.irev.news.news.NewsCounts;
import fr.irev.news.preview.bootstrap.BootstrapImporter;
import fr.irev.news.preview.bootstrap.ModuleDescriptor;
import fr.irev.news.preview.bootstrap.ModuleDescriptorParser;
import fr.irev.news.preview.repository.PreviewRepository;
import fr.irev.news.templating.ContentContext;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * A real in-memory Jackrabbit repository with the module's node types and workspaces, for tests;
 * also a {@link ContentContext} on it, as a request of {@code http://localhost:8080} would see it.
 * Close it after the test.
 */
public final class TestSite implements ContentContext, AutoCloseable {

  /** Site address the context reports. */
  public static final String SITE_URL = "http://localhost:8080";

  private final PreviewRepository repository;
  private final Map<String, Session> sessions = new HashMap<>();
  private int status = 200;
  private NewsCounts counts;

  private TestSite(PreviewRepository repository) {
    this.repository = repository;
  }

  /**
   * @return a repository with the module's node types and workspaces and no content
   */
  public static TestSite empty() throws Exception {
    TestSite site = new TestSite(PreviewRepository.inMemory());
    ModuleDescriptor module = descriptor();
    for (String workspace : module.workspaces()) {
      site.repository.ensureWorkspace(workspace);
    }
    site.repository.ensureWorkspace("dam");
    try (Reader cnd =
        new InputStreamReader(
            TestSite.class.getResourceAsStream("/mgnl-nodetypes/irev-news-nodetypes.cnd"),
            StandardCharsets.UTF_8)) {
      site.repository.registerNodeTypes(cnd);
    }
    return site;
  }

  /**
   * @return a repository where the module and its samples are installed as on first start
   */
  public static TestSite withSampleContent() throws Exception {
    TestSite site = new TestSite(PreviewRepository.inMemory());
    new BootstrapImporter(site.repository, TestSite.class.getClassLoader()).install(descriptor());
    return site;
  }

  private static ModuleDescriptor descriptor() throws Exception {
    return ModuleDescriptorParser.parse(Path.of("magnolia-module.xml"));
  }

  /**
   * @return the term scopes of this site's taxonomies, for {@code NewsWriter.save(…, scopes)}
   */
  public fr.irev.news.taxonomy.TermScopes scopes() throws RepositoryException {
    return new fr.irev.news.taxonomy.TermScopes(
        session(fr.irev.news.taxonomy.TaxonomyNodes.THEMATICS_WORKSPACE),
        session(fr.irev.news.taxonomy.TaxonomyNodes.TERRITORIES_WORKSPACE));
  }

  /**
   * @return the repository
   */
  public PreviewRepository repository() {
    return repository;
  }

  @Override
  public Session session(String workspace) throws RepositoryException {
    Session session = sessions.get(workspace);
    if (session == null || !session.isLive()) {
      session = repository.login(workspace);
      sessions.put(workspace, session);
    }
    return session;
  }

  @Override
  public String contextPath() {
    return "";
  }

  @Override
  public String siteUrl() {
    return SITE_URL;
  }

  @Override
  public void setStatus(int status) {
    this.status = status;
  }

  /**
   * Makes this context's {@link #newsCounts()} the given one, as the webapp's would be.
   *
   * @param counts a {@code NewsCounts} on this site's repository, or {@code null} for none
   */
  public void useNewsCounts(NewsCounts counts) {
    this.counts = counts;
  }

  @Override
  public NewsCounts newsCounts() {
    return counts;
  }

  /**
   * @return the last status set through {@link #setStatus(int)}, 200 by default
   */
  public int status() {
    return status;
  }

  @Override
  public void close() throws Exception {
    sessions.values().forEach(Session::logout);
    repository.close();
  }
}
