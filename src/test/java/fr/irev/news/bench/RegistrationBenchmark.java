package fr.irev.news.bench;

import fr.irev.news.calendar.CalendarEvent;
import fr.irev.news.calendar.EventCalendar;
import fr.irev.news.format.FrenchDates;
import fr.irev.news.news.EventSchedule;
import fr.irev.news.news.NewsItem;
import fr.irev.news.news.NewsKind;
import fr.irev.news.news.NewsNodes;
import fr.irev.news.news.NewsWriter;
import fr.irev.news.news.Place;
import fr.irev.news.preview.PreviewOptions;
import fr.irev.news.preview.PreviewServer;
import fr.irev.news.registration.NewRegistration;
import fr.irev.news.registration.Registration;
import fr.irev.news.registration.RegistrationEvent;
import fr.irev.news.registration.RegistrationForm;
import fr.irev.news.registration.RegistrationMails;
import fr.irev.news.registration.RegistrationNodes;
import fr.irev.news.registration.RegistrationResult;
import fr.irev.news.registration.RegistrationService;
import fr.irev.news.registration.RegistrationSettings;
import fr.irev.news.registration.RegistrationSettingsMapper;
import fr.irev.news.registration.RegistrationSettingsMapper.RegistrationFields;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.jcr.Binary;
import javax.jcr.InvalidItemStateException;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Property;
import javax.jcr.PropertyIterator;
import javax.jcr.PropertyType;
import javax.jcr.Session;
import javax.jcr.Value;
import javax.jcr.nodetype.NodeType;
import javax.jcr.query.Query;

/**
 * Event registrations accepted per second: N concurrent HTTP clients posting the registration form
 * to the preview server ({@code POST /.irev-news/registration/<eventId>}, every attempt confirmed:
 * the capacity is larger than the round) against the raw cost of the same writes through JCR on the
 * same repository with N threads (each: login to {@value RegistrationNodes#WORKSPACE}, add a copy
 * of a real registration node with its queued e-mail subtree, save, logout). Each round uses a new
 * event (and a new folder for the raw writes); the two alternate (ABBA). Goal: HTTP rate ≥ 0.5 ×
 * raw JCR rate (medians).
 *
 * <p>The server runs on a persistent repository in a temporary folder (as the preview does by
 * default), without SMTP: e-mails stay queued in the outbox, as in the real path. The raw copy is
 * taken from the first registration the server saved (a confirmed one: properties, {@code mails}
 * folder, one {@code irev:mail} with its {@code .ics} attachment), with a new name, address and
 * token.
 *
 * <p>Arguments (all optional): {@code --clients 50}, {@code --registrations 500} per round and
 * side, {@code --rounds 5}, {@code --warmup 300} registrations per side, {@code --breakdown 500}
 * (registrations per event of the one-thread breakdown that follows the table, 0: none), {@code
 * --in-memory} (an in-memory repository instead).
 *
 * <pre>
 * mvn -Direv.build.dir=target-load -DskipTests test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=fr.irev.news.bench.RegistrationBenchmark
 * </pre>
 */
public final class RegistrationBenchmark {

  private static final ZonedDateTime START =
      ZonedDateTime.of(2031, 6, 12, 9, 0, 0, 0, FrenchDates.PARIS);

  private RegistrationBenchmark() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.log.fr.irev", "warn");
    int clients = Bench.intOption(args, "clients", 50);
    int perRound = Bench.intOption(args, "registrations", 500);
    int rounds = Bench.intOption(args, "rounds", 5);
    int warmup = Bench.intOption(args, "warmup", 300);
    int breakdown = Bench.intOption(args, "breakdown", 500);
    boolean inMemory = List.of(args).contains("--in-memory");
    Path work = Files.createTempDirectory("irev-bench-registration-");
    PreviewOptions options =
        PreviewOptions.defaults()
            .withPort(0)
            .withDataDir(work.resolve("data"))
            .withStaffPassword("banc-d-essai-inscriptions");
    if (inMemory) {
      options = options.withInMemory();
    }
    try (PreviewServer server = PreviewServer.start(options)) {
      run(server, clients, perRound, rounds, warmup, breakdown, inMemory);
    } finally {
      Bench.deleteTree(work);
    }
    System.exit(0); // Jackrabbit and the HTTP client leave non-daemon threads behind
  }

  private static void run(
      PreviewServer server,
      int clients,
      int perRound,
      int rounds,
      int warmup,
      int breakdown,
      boolean inMemory)
      throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    String warmEvent = addEvent(server, "banc-chauffe", warmup + 1);
    check(viaHttp(server, http, warmEvent, "chauffe", clients, warmup), warmup, "warm-up HTTP");
    Template template = Template.of(server, warmEvent);
    String warmFolder = rawFolder(server, "chauffe");
    check(viaJcr(server, template, warmFolder, clients, warmup), warmup, "warm-up JCR");

    System.out.printf("## Registrations per second: HTTP form vs raw JCR writes%n%n");
    System.out.println(Bench.machine());
    System.out.printf(
        Locale.ROOT,
        "- repository: %s; %d clients / threads; %d registrations per round and side, each round"
            + " on a new event; %d rounds, alternating (ABBA); warm-up %d per side%n"
            + "- one registration node: %s%n%n",
        inMemory ? "in memory" : "persistent (bundle FS persistence, temporary folder)",
        clients,
        perRound,
        rounds,
        warmup,
        template.describe());
    double[] httpRates = new double[rounds];
    double[] jcrRates = new double[rounds];
    List<List<String>> rows = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      String eventId = addEvent(server, "banc-" + round, perRound + 1);
      String folder = rawFolder(server, "tour-" + round);
      Result viaHttp;
      Result viaJcr;
      if ((round & 1) == 0) {
        viaHttp = viaHttp(server, http, eventId, "tour" + round, clients, perRound);
        viaJcr = viaJcr(server, template, folder, clients, perRound);
      } else {
        viaJcr = viaJcr(server, template, folder, clients, perRound);
        viaHttp = viaHttp(server, http, eventId, "tour" + round, clients, perRound);
      }
      check(viaHttp, perRound, "HTTP round " + round);
      check(viaJcr, perRound, "JCR round " + round);
      httpRates[round] = viaHttp.rate();
      jcrRates[round] = viaJcr.rate();
      rows.add(
          List.of(
              Integer.toString(round + 1),
              Integer.toString(viaHttp.done()),
              seconds(viaHttp.nanos()),
              Bench.rate(viaHttp.rate()),
              Integer.toString(viaJcr.done()),
              seconds(viaJcr.nanos()),
              Bench.rate(viaJcr.rate()),
              Integer.toString(viaJcr.retries()),
              Bench.ratio(viaHttp.rate(), viaJcr.rate())));
    }
    double httpMedian = Bench.median(httpRates);
    double jcrMedian = Bench.median(jcrRates);
    boolean met = httpMedian >= 0.5 * jcrMedian;
    rows.add(
        List.of(
            "median",
            "",
            "",
            Bench.rate(httpMedian),
            "",
            "",
            Bench.rate(jcrMedian),
            "",
            "**" + Bench.ratio(httpMedian, jcrMedian) + "**"));
    Bench.table(
        List.of(
            "round",
            "HTTP registrations",
            "HTTP s",
            "HTTP reg/s",
            "JCR registrations",
            "JCR s",
            "JCR reg/s",
            "JCR save retries",
            "ratio HTTP/JCR"),
        rows);
    System.out.println("Verdict (goal HTTP ≥ 0.5 × raw JCR, medians): " + (met ? "met" : "MISSED"));
    System.out.println();
    if (breakdown > 0) {
      breakdown(server, http, template, breakdown);
    }
  }

  /**
   * Where the time of one registration goes, one thread, in process: each step on its own event (or
   * folder) growing to {@code size} registrations, timed per call; medians over the first and the
   * last 100 calls, to show what grows with the event.
   */
  private static void breakdown(PreviewServer server, HttpClient http, Template template, int size)
      throws Exception {
    RegistrationService service = server.registrations();
    String withMails = addEvent(server, "detail-complet", size + 1);
    String withoutMails = addEvent(server, "detail-sans-courriel", size + 1);
    String overHttp = addEvent(server, "detail-http", size + 1);
    String folder = rawFolder(server, "detail");
    RegistrationEvent event;
    Session news = server.repository().login(NewsNodes.WORKSPACE);
    try {
      event = service.event(news, withMails).orElseThrow();
    } finally {
      news.logout();
    }
    String[] steps = {
      "HTTP POST, whole path, 1 client",
      "`RegistrationService.availability` (servlet, before the lock): reads every registration",
      "`RegistrationService.register` (the locked part: session, query, decide, add, mails, save)",
      "`RegistrationStore.register` without mails (`ChangeListener.NONE`)",
      "JCR-SQL2 query of the event's registrations, identifiers only (own session)",
      "same query, reading the 9 properties `RegistrationJcr.read` reads on each",
      "raw JCR: login, add the copied node tree, save, logout",
      "of the locked part: `RegistrationMails.toRegistrant` (text, HTML, .ics), new each time",
      "of which `EventCalendar.bytes` (ical4j) of the event",
      "of the locked part: `RegistrationService.cancelUrl` (signed link)"
    };
    Bench.Samples[] early = new Bench.Samples[steps.length];
    Bench.Samples[] late = new Bench.Samples[steps.length];
    for (int s = 0; s < steps.length; s++) {
      early[s] = new Bench.Samples();
      late[s] = new Bench.Samples();
    }
    AtomicInteger unused = new AtomicInteger();
    for (int i = 0; i < size; i++) {
      int index = i;
      long[] nanos = new long[steps.length];
      nanos[0] =
          timed(
              () -> {
                String failure =
                    post(
                        server,
                        http,
                        overHttp,
                        "detail-http-" + index + "@exemple.fr",
                        "h" + index);
                if (failure != null) {
                  throw new IllegalStateException(failure);
                }
              });
      nanos[1] = timed(() -> service.availability(event));
      Map<String, String[]> fields =
          Map.of(
              RegistrationForm.LAST_NAME, new String[] {"Lefèvre"},
              RegistrationForm.FIRST_NAME, new String[] {"Zoë"},
              RegistrationForm.EMAIL, new String[] {"detail-" + index + "@exemple.fr"},
              RegistrationForm.CONSENT, new String[] {"oui"},
              RegistrationForm.TOKEN, new String[] {"detail-" + index});
      RegistrationForm form = RegistrationForm.parse(fields, event.settings());
      nanos[2] = timed(() -> confirmed(service.register(event, form)));
      NewRegistration bare =
          new NewRegistration(
              "sans-" + index, "Lefèvre", "Zoë", "sans-" + index + "@exemple.fr", 1);
      nanos[3] =
          timed(
              () ->
                  confirmed(
                      service
                          .store()
                          .register(withoutMails, event.settings(), bare, service.now())));
      nanos[4] = timed(() -> query(server, withMails, false));
      nanos[5] = timed(() -> query(server, withMails, true));
      nanos[6] = timed(() -> viaJcrOnce(server, template, folder, index, unused));
      Registration registration = service.store().registrations(withMails).get(index);
      nanos[7] =
          timed(
              () ->
                  new RegistrationMails(event, server.publicUrl(), service.now())
                      .toRegistrant(
                          RegistrationMails.Kind.CONFIRMED,
                          registration,
                          0,
                          service.cancelUrl(event, registration.id())));
      nanos[8] =
          timed(
              () ->
                  EventCalendar.bytes(
                      CalendarEvent.of(event.item(), server.publicUrl(), service.now())));
      nanos[9] = timed(() -> service.cancelUrl(event, registration.id()));
      Bench.Samples[] into = i < 100 ? early : i >= size - 100 ? late : null;
      if (into != null) {
        for (int s = 0; s < steps.length; s++) {
          into[s].add(nanos[s]);
        }
      }
    }
    System.out.printf(
        "### Where the time goes: one thread, in process, each event growing to %d registrations%n%n",
        size);
    List<List<String>> rows = new ArrayList<>();
    for (int s = 0; s < steps.length; s++) {
      rows.add(
          List.of(
              steps[s],
              Bench.ms(early[s].median()),
              Bench.ms(late[s].median()),
              Bench.ms(late[s].percentile(90))));
    }
    Bench.table(
        List.of(
            "step",
            "ms per call, median, registrations 1–100",
            "ms, median, registrations " + (size - 99) + "–" + size,
            "ms, p90, same"),
        rows);
  }

  @FunctionalInterface
  private interface Step {
    void run() throws Exception;
  }

  private static long timed(Step step) throws Exception {
    long start = System.nanoTime();
    step.run();
    return System.nanoTime() - start;
  }

  private static void confirmed(RegistrationResult result) {
    if (!(result instanceof RegistrationResult.Registered registered)
        || registered.duplicate()
        || registered.registration().status() != Registration.Status.CONFIRMED) {
      throw new IllegalStateException("not confirmed: " + result);
    }
  }

  /** The properties {@code RegistrationJcr.read} reads on every registration. */
  private static final String[] READ = {
    RegistrationNodes.EVENT_ID,
    RegistrationNodes.STATUS,
    RegistrationNodes.SEATS,
    RegistrationNodes.LAST_NAME,
    RegistrationNodes.FIRST_NAME,
    RegistrationNodes.EMAIL,
    RegistrationNodes.EMAIL_KEY,
    RegistrationNodes.TOKEN,
    RegistrationNodes.CREATED
  };

  /** The store's query of an event's registrations, in a session of its own. */
  private static int query(PreviewServer server, String eventId, boolean read) throws Exception {
    Session session = server.repository().login(RegistrationNodes.WORKSPACE);
    try {
      Query query =
          session
              .getWorkspace()
              .getQueryManager()
              .createQuery(
                  "SELECT * FROM ["
                      + RegistrationNodes.NODE_TYPE
                      + "] AS r WHERE r.["
                      + RegistrationNodes.EVENT_ID
                      + "] = $eventId",
                  Query.JCR_SQL2);
      query.bindValue("eventId", session.getValueFactory().createValue(eventId));
      int count = 0;
      for (NodeIterator it = query.execute().getNodes(); it.hasNext(); ) {
        Node node = it.nextNode();
        count += node.getIdentifier().length();
        if (read) {
          for (String name : READ) {
            count += node.getProperty(name).getString().length();
          }
        }
      }
      return count;
    } finally {
      session.logout();
    }
  }

  /** What one side of a round did. */
  private record Result(int done, int failures, int retries, long nanos, String firstFailure) {
    double rate() {
      return done / (nanos / 1e9);
    }
  }

  private static void check(Result result, int expected, String what) {
    if (result.done() != expected || result.failures() > 0) {
      throw new IllegalStateException(
          what
              + ": "
              + result.done()
              + " of "
              + expected
              + " done, "
              + result.failures()
              + " failures; first: "
              + result.firstFailure());
    }
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.2f", nanos / 1e9);
  }

  /** {@code n} confirmed registrations posted by {@code clients} threads released together. */
  private static Result viaHttp(
      PreviewServer server, HttpClient http, String eventId, String prefix, int clients, int n)
      throws Exception {
    return concurrently(
        clients,
        n,
        (i, retries) ->
            post(server, http, eventId, prefix + "-" + i + "@exemple.fr", prefix + "-" + i));
  }

  /** Posts the form; {@code null} when confirmed, else what came back. */
  private static String post(
      PreviewServer server, HttpClient http, String eventId, String email, String token)
      throws Exception {
    String body =
        "lastName=Lef%C3%A8vre&firstName=Zo%C3%AB&email="
            + URLEncoder.encode(email, StandardCharsets.UTF_8)
            + "&consent=oui&token="
            + URLEncoder.encode(token, StandardCharsets.UTF_8)
            + "&evenement="
            + eventId;
    HttpRequest request =
        HttpRequest.newBuilder(
                server.baseUri().resolve(URI.create(".irev-news/registration/" + eventId)))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Origin", server.publicUrl())
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200
        || !response.body().contains("Votre inscription est confirmée.")) {
      return "HTTP " + response.statusCode();
    }
    return null;
  }

  /** {@code n} copies of the template saved by {@code clients} threads, one session each. */
  private static Result viaJcr(
      PreviewServer server, Template template, String folder, int clients, int n) throws Exception {
    return concurrently(
        clients, n, (i, retries) -> viaJcrOnce(server, template, folder, i, retries));
  }

  /** One raw registration: login, add a copy of the template, save (again on a conflict). */
  private static String viaJcrOnce(
      PreviewServer server, Template template, String folder, int i, AtomicInteger retries)
      throws Exception {
    String email = folder + "-" + i + "@exemple.fr";
    String token = folder + "-" + i;
    for (int attempt = 0; ; attempt++) {
      Session session = server.repository().login(RegistrationNodes.WORKSPACE);
      try {
        template.copy(session.getNode("/" + folder), email, token);
        session.save();
        return null;
      } catch (InvalidItemStateException e) {
        if (attempt >= 10) {
          throw e;
        }
        retries.incrementAndGet(); // a concurrent save of the same folder: again
      } finally {
        session.logout();
      }
    }
  }

  /** One unit of work; returns {@code null} when done, else why it failed. */
  @FunctionalInterface
  private interface Work {
    String run(int index, AtomicInteger retries) throws Exception;
  }

  private static Result concurrently(int clients, int n, Work work) throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    AtomicInteger retries = new AtomicInteger();
    String[] firstFailure = {null};
    CountDownLatch ready = new CountDownLatch(clients);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> threads = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        threads.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  for (int i; (i = next.getAndIncrement()) < n; ) {
                    String failure;
                    try {
                      failure = work.run(i, retries);
                    } catch (Exception e) {
                      failure = e.toString();
                    }
                    if (failure == null) {
                      done.incrementAndGet();
                    } else {
                      failures.incrementAndGet();
                      synchronized (firstFailure) {
                        if (firstFailure[0] == null) {
                          firstFailure[0] = failure;
                        }
                      }
                    }
                  }
                  return null;
                }));
      }
      ready.await();
      long start = System.nanoTime();
      go.countDown();
      for (Future<?> thread : threads) {
        thread.get(10, TimeUnit.MINUTES);
      }
      long nanos = System.nanoTime() - start;
      return new Result(done.get(), failures.get(), retries.get(), nanos, firstFailure[0]);
    } finally {
      pool.shutdownNow();
    }
  }

  /** An open event with room for {@code capacity} people, no waiting list; its id. */
  private static String addEvent(PreviewServer server, String urlName, int capacity)
      throws Exception {
    Session session = server.repository().login(NewsNodes.WORKSPACE);
    try {
      ZonedDateTime end = START.withHour(17);
      NewsItem item =
          new NewsItem(
              null,
              urlName,
              "Journée d’étude « Quartiers & discriminations » – " + urlName,
              "Une journée pour les pilotes des contrats de ville.",
              "<p>Programme de la journée.</p>",
              NewsKind.EVENT,
              new EventSchedule(START, end, false),
              new Place("Salle Jean-Moulin", "12 rue des Arts; Lille", "Lille"),
              "Pilotes des contrats de ville",
              START.minusMonths(2),
              null,
              List.of(),
              List.of(),
              List.of(),
              null);
      Node node = NewsWriter.save(session, "/", item);
      RegistrationSettingsMapper.write(
          node,
          true,
          new RegistrationSettings(true, null, null, end, capacity, false, 0, 1),
          RegistrationFields.NONE);
      session.save();
      return node.getIdentifier();
    } finally {
      session.logout();
    }
  }

  /** A folder for the raw writes of one round, as the real path's event folder; its name. */
  private static String rawFolder(PreviewServer server, String name) throws Exception {
    Session session = server.repository().login(RegistrationNodes.WORKSPACE);
    try {
      String folder = "brut-" + name;
      Node node = session.getRootNode().addNode(folder, RegistrationNodes.FOLDER_TYPE);
      node.setProperty(RegistrationNodes.RETAIN_UNTIL, java.util.Calendar.getInstance());
      session.save();
      return folder;
    } finally {
      session.logout();
    }
  }

  /** A property as saved: its values, or the bytes of a binary. */
  private record Prop(String name, boolean multiple, Value[] values, byte[] binary) {}

  /**
   * A registration node as the server saved it (type, mixins, properties that are not protected,
   * children), to write again with another name, address and token.
   */
  private record Template(
      String name,
      String type,
      List<String> mixins,
      List<Prop> properties,
      List<Template> children,
      String email,
      String token) {

    /** The first registration of an event, read from the repository. */
    static Template of(PreviewServer server, String eventId) throws Exception {
      Session session = server.repository().login(RegistrationNodes.WORKSPACE);
      try {
        Node registration = session.getNode("/" + eventId).getNodes().nextNode();
        return read(
            registration,
            registration.getProperty(RegistrationNodes.EMAIL).getString(),
            registration.getProperty(RegistrationNodes.TOKEN).getString());
      } finally {
        session.logout();
      }
    }

    private static Template read(Node node, String email, String token) throws Exception {
      List<String> mixins = new ArrayList<>();
      for (NodeType mixin : node.getMixinNodeTypes()) {
        mixins.add(mixin.getName());
      }
      List<Prop> properties = new ArrayList<>();
      for (PropertyIterator it = node.getProperties(); it.hasNext(); ) {
        Property property = it.nextProperty();
        if (property.getDefinition().isProtected()) {
          continue;
        }
        if (property.isMultiple()) {
          properties.add(new Prop(property.getName(), true, property.getValues(), null));
        } else if (property.getType() == PropertyType.BINARY) {
          Binary binary = property.getBinary();
          try (InputStream in = binary.getStream()) {
            properties.add(new Prop(property.getName(), false, null, in.readAllBytes()));
          } finally {
            binary.dispose();
          }
        } else {
          properties.add(
              new Prop(property.getName(), false, new Value[] {property.getValue()}, null));
        }
      }
      List<Template> children = new ArrayList<>();
      for (NodeIterator it = node.getNodes(); it.hasNext(); ) {
        children.add(read(it.nextNode(), email, token));
      }
      return new Template(
          node.getName(),
          node.getPrimaryNodeType().getName(),
          mixins,
          properties,
          children,
          email,
          token);
    }

    /** Adds a copy under {@code parent} (unsaved), with a new name, e-mail address and token. */
    void copy(Node parent, String newEmail, String newToken) throws Exception {
      copy(parent, newEmail, newToken, true);
    }

    private void copy(Node parent, String newEmail, String newToken, boolean renamed)
        throws Exception {
      boolean uuidName = renamed || name.matches("[0-9a-f]{8}-[0-9a-f-]{27}");
      Node node = parent.addNode(uuidName ? UUID.randomUUID().toString() : name, type);
      for (String mixin : mixins) {
        node.addMixin(mixin);
      }
      for (Prop property : properties) {
        if (property.multiple()) {
          node.setProperty(property.name(), property.values());
        } else if (property.binary() != null) {
          Binary binary =
              parent
                  .getSession()
                  .getValueFactory()
                  .createBinary(new ByteArrayInputStream(property.binary()));
          try {
            node.setProperty(property.name(), binary);
          } finally {
            binary.dispose();
          }
        } else {
          Value value = property.values()[0];
          String text = value.getType() == PropertyType.STRING ? value.getString() : "";
          if (text.equalsIgnoreCase(email)) {
            node.setProperty(property.name(), newEmail);
          } else if (text.equals(token)) {
            node.setProperty(property.name(), newToken);
          } else {
            node.setProperty(property.name(), value);
          }
        }
      }
      for (Template child : children) {
        child.copy(node, newEmail, newToken, false);
      }
    }

    /** The node's shape in one line, for the results. */
    String describe() {
      StringBuilder out = new StringBuilder();
      describe(out);
      return out.toString();
    }

    private void describe(StringBuilder out) {
      out.append(renamedName()).append(" `").append(type).append("` (");
      out.append(String.join(", ", properties.stream().map(Prop::name).toList())).append(')');
      if (!children.isEmpty()) {
        out.append(" > [");
        for (int i = 0; i < children.size(); i++) {
          if (i > 0) {
            out.append("; ");
          }
          children.get(i).describe(out);
        }
        out.append(']');
      }
    }

    private String renamedName() {
      return name.matches("[0-9a-f]{8}-[0-9a-f-]{27}") ? "<uuid>" : name;
    }
  }
}
