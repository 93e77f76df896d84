package fr.irev.news.preview;

import fr.irev.news.news.NewsCounts;
import fr.irev.news.news.NewsScopeWatcher;
import fr.irev.news.preview.bootstrap.BootstrapImporter;
import fr.irev.news.preview.bootstrap.ModuleDescriptor;
import fr.irev.news.preview.bootstrap.ModuleDescriptorParser;
import fr.irev.news.preview.lightmodule.LightModuleSource;
import fr.irev.news.preview.registration.PreviewRegistrationPlatform;
import fr.irev.news.preview.registration.StaffLogin;
import fr.irev.news.preview.render.ContextAttributes;
import fr.irev.news.preview.render.FreemarkerFactory;
import fr.irev.news.preview.render.PageRenderer;
import fr.irev.news.preview.repository.MagnoliaNames;
import fr.irev.news.preview.repository.PreviewRepository;
import fr.irev.news.preview.web.FrenchErrorHandler;
import fr.irev.news.preview.web.PageCache;
import fr.irev.news.preview.web.PreviewSite;
import fr.irev.news.registration.RegistrationService;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The preview server: Jetty 12 + Jackrabbit + Freemarker playing Magnolia 6.4 for this module. It
 * reads {@code <project>/magnolia-module.xml} and {@code <project>/light-modules/<module>} as they
 * are, installs the module (workspaces, node types, bootstrap files on first start) and serves the
 * site. Run {@link #main(String[])}, or {@link #start(PreviewOptions)} from tests.
 */
public final class PreviewServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PreviewServer.class);

  private final Server jetty;
  private final PreviewRepository repository;
  private final URI baseUri;
  private final String publicUrl;
  private final RegistrationService registrations;
  private final NewsScopeWatcher scopes;
  private final NewsCounts counts;
  private final PageCache pageCache;
  private final AtomicBoolean closed = new AtomicBoolean();

  private PreviewServer(
      Server jetty,
      PreviewRepository repository,
      URI baseUri,
      String publicUrl,
      RegistrationService registrations,
      NewsScopeWatcher scopes,
      NewsCounts counts,
      PageCache pageCache) {
    this.jetty = jetty;
    this.repository = repository;
    this.baseUri = baseUri;
    this.publicUrl = publicUrl;
    this.registrations = registrations;
    this.scopes = scopes;
    this.counts = counts;
    this.pageCache = pageCache;
  }

  /**
   * Starts the server and returns once it accepts requests.
   *
   * @param options what to serve, where
   * @return the running server; close it to stop Jetty and the repository
   * @throws IOException when the project's files are missing or invalid, or the port is taken
   * @throws RepositoryException when the repository cannot start or the module cannot be installed
   */
  public static PreviewServer start(PreviewOptions options)
      throws IOException, RepositoryException {
    Path project = options.projectDir();
    ModuleDescriptor descriptor =
        ModuleDescriptorParser.parse(project.resolve("magnolia-module.xml"));
    Path lightModules = project.resolve("light-modules");
    if (!Files.isDirectory(lightModules)) {
      throw new IOException("No light-modules folder in " + project);
    }
    PreviewRepository repository =
        options.inMemory()
            ? PreviewRepository.inMemory()
            : PreviewRepository.persistent(options.dataDir());
    Server jetty = null;
    RegistrationService registrations = null;
    NewsScopeWatcher scopes = null;
    NewsCounts counts = null;
    PageCache pageCache = null;
    try {
      ClassLoader classes = PreviewServer.class.getClassLoader();
      new BootstrapImporter(repository, options.resources()).install(descriptor);
      // what Magnolia does through the module class (IrevNewsModule), which the preview never loads
      scopes = new NewsScopeWatcher(repository::login);
      scopes.start();
      counts = new NewsCounts(repository::login, NewsCounts.DEFAULT_MAX_ENTRIES);
      counts.start();
      if (options.pageCache()) {
        pageCache = new PageCache(PageCache.DEFAULT_MAX_BYTES, PageCache.DEFAULT_TIME_TO_LIVE);
        pageCache.start(repository);
        counts.onRecount(pageCache::flush); // a list kept with stale counts goes
      }
      LightModuleSource module = new LightModuleSource(lightModules, descriptor.name());
      PageRenderer renderer =
          new PageRenderer(
              FreemarkerFactory.create(lightModules),
              module,
              contextAttributes(repository, classes));
      jetty = jetty(options);
      ServerConnector connector = (ServerConnector) jetty.getConnectors()[0];
      connector.open();
      int port = connector.getLocalPort();
      String publicUrl =
          options.publicUrl() != null
              ? options.publicUrl()
              : "http://" + hostForUrl(options.host()) + ":" + port;
      String password =
          options.staffPassword() != null ? options.staffPassword() : StaffLogin.randomPassword();
      PreviewRegistrationPlatform platform =
          new PreviewRegistrationPlatform(
              repository,
              publicUrl,
              options.mail(),
              new StaffLogin(PreviewOptions.STAFF_USER, password, Clock.systemUTC()),
              Clock.systemUTC());
      registrations = new RegistrationService(platform);
      jetty.setHandler(
          PreviewSite.create(
              repository,
              descriptor,
              module,
              lightModules,
              renderer,
              classes,
              publicUrl,
              registrations,
              counts,
              pageCache));
      jetty.start();
      registrations.start();
      if (options.staffPassword() == null) {
        LOG.info(
            "Staff pages: {}/.irev-news/staff/ (user '{}', password '{}' for this run)",
            publicUrl,
            PreviewOptions.STAFF_USER,
            password);
      }
      return new PreviewServer(
          jetty,
          repository,
          URI.create("http://localhost:" + port + "/"),
          publicUrl,
          registrations,
          scopes,
          counts,
          pageCache);
    } catch (Exception e) {
      stopQuietly(jetty);
      if (registrations != null) {
        registrations.close();
      }
      if (scopes != null) {
        scopes.close();
      }
      if (counts != null) {
        counts.close();
      }
      if (pageCache != null) {
        pageCache.close();
      }
      repository.close();
      if (e instanceof IOException io) {
        throw io;
      }
      if (e instanceof RepositoryException re) {
        throw re;
      }
      throw new IOException("Cannot start the preview server: " + e.getMessage(), e);
    }
  }

  private static ContextAttributes contextAttributes(
      PreviewRepository repository, ClassLoader classes) throws RepositoryException {
    Session config = repository.login(MagnoliaNames.CONFIG);
    try {
      return ContextAttributes.read(config, classes);
    } finally {
      config.logout();
    }
  }

  /**
   * @return the host as written in a URL: a wildcard address ({@code 0.0.0.0}, {@code ::}) is
   *     {@code localhost}, an IPv6 address is bracketed
   */
  static String hostForUrl(String host) {
    String bare =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (bare.isEmpty() || "0.0.0.0".equals(bare) || bare.matches("[0:]*::[0:]*")) {
      return "localhost";
    }
    return bare.indexOf(':') >= 0 ? "[" + bare + "]" : bare.toLowerCase(Locale.ROOT);
  }

  private static Server jetty(PreviewOptions options) {
    Server server = new Server();
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    // RFC 9112 §3.2.2: a request in absolute-form is accepted whatever its Host header says (the
    // target's authority wins); Jetty's RFC 9110 mode answers 400 when they differ.
    http.setHttpCompliance(
        HttpCompliance.RFC9110.with(
            "RFC9110_ABSOLUTE_FORM", HttpCompliance.Violation.MISMATCHED_AUTHORITY));
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(options.host());
    connector.setPort(options.port());
    server.addConnector(connector);
    server.setErrorHandler(new FrenchErrorHandler());
    server.setStopAtShutdown(false);
    return server;
  }

  /**
   * @return the site's root, e.g. {@code http://localhost:8080/} (always ends with {@code /})
   */
  public URI baseUri() {
    return baseUri;
  }

  /**
   * @return the site's public address used for absolute URLs, e.g. {@code http://localhost:8080} or
   *     the {@code --public-url} option (no trailing {@code /})
   */
  public String publicUrl() {
    return publicUrl;
  }

  /**
   * @return the registration service of the site (store, outbox, purge)
   */
  public RegistrationService registrations() {
    return registrations;
  }

  /**
   * @return the running repository (to read or change content in tests)
   */
  public PreviewRepository repository() {
    return repository;
  }

  /** Waits until the server stops. @throws InterruptedException when interrupted */
  public void join() throws InterruptedException {
    jetty.join();
  }

  /**
   * @return the watcher keeping the term scopes of items changed through plain JCR
   */
  public NewsScopeWatcher scopeWatcher() {
    return scopes;
  }

  /**
   * @return the listing's count cache
   */
  public NewsCounts newsCounts() {
    return counts;
  }

  /**
   * @return the page cache, when the server was started with {@link PreviewOptions#pageCache()}
   */
  public Optional<PageCache> pageCache() {
    return Optional.ofNullable(pageCache);
  }

  /**
   * Stops Jetty, the registration service, the scope watcher, the count cache and the page cache,
   * then the repository.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      stopQuietly(jetty);
      if (registrations != null) {
        registrations.close();
      }
      scopes.close();
      counts.close();
      if (pageCache != null) {
        pageCache.close();
      }
      repository.close();
      LOG.info("Preview server stopped");
    }
  }

  private static void stopQuietly(Server jetty) {
    if (jetty == null) {
      return;
    }
    try {
      jetty.stop();
    } catch (Exception e) {
      LOG.warn("Jetty did not stop cleanly: {}", e.getMessage());
    }
    for (Connector connector : jetty.getConnectors()) {
      if (connector instanceof ServerConnector opened && opened.isOpen()) {
        opened.close(); // opened before start: stop() leaves it open when start never ran
      }
    }
  }

  /**
   * Command line entry point; see {@link PreviewCommandLine#USAGE}. Exit code 2 for invalid
   * options, 1 when the server cannot start; Ctrl-C stops the server cleanly.
   *
   * @param args the options
   */
  public static void main(String[] args) {
    int exit = PreviewMain.run(args, System.out, System.err);
    if (exit >= 0) {
      System.exit(exit);
    }
  }
}
