package fr.irev.news.bench;

import fr.irev.news.format.FrenchDates;
import fr.irev.news.news.EventSchedule;
import fr.irev.news.news.NewsItem;
import fr.irev.news.news.NewsKind;
import fr.irev.news.news.NewsNodes;
import fr.irev.news.news.NewsWriter;
import fr.irev.news.news.Place;
import fr.irev.news.preview.repository.PreviewRepository;
import fr.irev.news.taxonomy.TaxonomyNodes;
import fr.irev.news.taxonomy.TermScopes;
import fr.irev.news.taxonomy.TerritoryLevel;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;
import javax.jcr.query.Query;

/**
 * Generated news items for {@link ListingBenchmark}, written with {@link NewsWriter} into the
 * preview's repository, in folders ({@code mgnl:folder}) of {@value #BATCH} items, one session per
 * folder.
 *
 * <p>The spread, from a fixed seed (the same items every run): publication dates uniform over the
 * 10 years before a fixed day; one item in three is an event (start 0–90 days after publication,
 * one day or a few hours, a place in its first commune); 1 to 3 communes of the bootstrapped
 * territories, the département drawn by weight (Nord 45 %, Pas-de-Calais 25 %, Oise 12 %, Somme 9
 * %, Aisne 9 %: the population shares, tilted towards the two départements where most of the
 * politique de la ville's neighbourhoods are), then a commune of that département on a Zipf law (a
 * few communes, like the large towns, get most items); 1 or 2 of the bootstrapped thematics,
 * sub-thematics preferred; a title, a teaser and a body of a few paragraphs of French words.
 */
final class ListingData {

  /** Items per folder and per session. */
  static final int BATCH = 1_000;

  /** Start of every generated item's URL name. */
  static final String URL_PREFIX = "element-";

  /** Folder of the generated items, under the news workspace's root. */
  static final String ROOT = "banc-listes";

  private static final ZonedDateTime END =
      ZonedDateTime.of(2026, 11, 30, 12, 0, 0, 0, FrenchDates.PARIS);
  private static final Map<String, Double> DEPARTEMENT_WEIGHTS = new LinkedHashMap<>();

  static {
    DEPARTEMENT_WEIGHTS.put("59", 0.45); // Nord
    DEPARTEMENT_WEIGHTS.put("62", 0.25); // Pas-de-Calais
    DEPARTEMENT_WEIGHTS.put("60", 0.12); // Oise
    DEPARTEMENT_WEIGHTS.put("80", 0.09); // Somme
    DEPARTEMENT_WEIGHTS.put("02", 0.09); // Aisne
  }

  private static final String[] WORDS =
      ("quartier habitants rencontre politique ville contrat acteurs jeunes emploi "
              + "formation projet territoire association réseau égalité accès droits santé "
              + "éducation parents collège insertion entreprise commerce logement rénovation "
              + "cadre vie participation conseil citoyen atelier journée professionnels élus "
              + "délégués préfet médiation prévention discriminations laïcité numérique mobilité "
              + "culture sport femmes hommes enfance réussite solidarité cohésion sociale "
              + "diagnostic évaluation financement appel candidatures retour expérience outil")
          .split(" ");

  private final Random random = new Random(20261130L);
  private final Map<String, List<Commune>> communesByDepartement = new LinkedHashMap<>();
  private final List<String> thematicIds = new ArrayList<>();
  private final String filterId;
  private final String filterName;
  private final String filterTitle;
  private int written;
  private int matching;

  /** A commune: identifier, title, identifiers of what contains it. */
  private record Commune(String id, String title, Set<String> ancestors) {}

  /**
   * Reads the bootstrapped territories and thematics.
   *
   * @param departementCode INSEE code of the département the benchmark filters on, e.g. {@code 59}
   * @throws IllegalStateException when the territories are not the full official data
   */
  ListingData(PreviewRepository repository, String departementCode) throws RepositoryException {
    for (String code : DEPARTEMENT_WEIGHTS.keySet()) {
      communesByDepartement.put(code, new ArrayList<>());
    }
    Session territories = repository.login(TaxonomyNodes.TERRITORIES_WORKSPACE);
    String[] filter = null;
    int communes = 0;
    try {
      for (Node node : all(territories, TaxonomyNodes.TERRITORY_TYPE)) {
        String level = string(node, TaxonomyNodes.LEVEL);
        String code = string(node, TaxonomyNodes.CODE);
        if (TerritoryLevel.DEPARTEMENT.code().equals(level) && departementCode.equals(code)) {
          filter = new String[] {node.getIdentifier(), node.getName(), string(node, "title")};
        }
        if (TerritoryLevel.COMMUNE.code().equals(level) && code != null && code.length() == 5) {
          List<Commune> list = communesByDepartement.get(code.substring(0, 2));
          if (list != null) {
            list.add(new Commune(node.getIdentifier(), string(node, "title"), ancestors(node)));
            communes++;
          }
        }
      }
    } finally {
      territories.logout();
    }
    if (filter == null || communes < 3_000) {
      throw new IllegalStateException(
          "expected the official territories (3 782 communes), found "
              + communes
              + " communes, département "
              + departementCode
              + (filter == null ? " missing" : " present"));
    }
    filterId = filter[0];
    filterName = filter[1];
    filterTitle = filter[2];
    for (List<Commune> list : communesByDepartement.values()) {
      list.sort((a, b) -> a.id().compareTo(b.id()));
      Collections.shuffle(list, random); // which communes are "large": fixed by the seed
    }
    Session thematics = repository.login(TaxonomyNodes.THEMATICS_WORKSPACE);
    try {
      List<String> leaves = new ArrayList<>();
      List<String> tops = new ArrayList<>();
      for (Node node : all(thematics, TaxonomyNodes.THEMATIC_TYPE)) {
        (node.getDepth() > 1 ? leaves : tops).add(node.getIdentifier());
      }
      Collections.sort(leaves);
      Collections.sort(tops);
      thematicIds.addAll(leaves.isEmpty() ? tops : leaves);
      if (thematicIds.isEmpty()) {
        throw new IllegalStateException("no thematic bootstrapped");
      }
    } finally {
      thematics.logout();
    }
  }

  /**
   * @return number of communes per département code, e.g. {@code {59=648, …}}
   */
  Map<String, Integer> communeCounts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    communesByDepartement.forEach((code, list) -> counts.put(code, list.size()));
    return counts;
  }

  int thematicCount() {
    return thematicIds.size();
  }

  /**
   * @return the filtered département's node name (the value of {@code territoire=})
   */
  String filterName() {
    return filterName;
  }

  String filterTitle() {
    return filterTitle;
  }

  /**
   * @return items written so far
   */
  int written() {
    return written;
  }

  /**
   * @return items written so far that are tagged with a commune of the filtered département
   */
  int matching() {
    return matching;
  }

  /**
   * Writes items until {@code total} are in the repository, {@value #BATCH} per folder and session,
   * with {@link NewsWriter#save(Session, String, NewsItem, TermScopes)} (the items' derived term
   * scopes written as the site's own writes do).
   *
   * @param repository the repository the taxonomies were read from (the server may have restarted)
   */
  void growTo(PreviewRepository repository, int total) throws RepositoryException {
    while (written < total) {
      int count = Math.min(BATCH - written % BATCH, total - written);
      Session session = repository.login(NewsNodes.WORKSPACE);
      Session thematics = repository.login(TaxonomyNodes.THEMATICS_WORKSPACE);
      Session territories = repository.login(TaxonomyNodes.TERRITORIES_WORKSPACE);
      try {
        TermScopes scopes = new TermScopes(thematics, territories);
        Node root = session.getRootNode();
        Node top = root.hasNode(ROOT) ? root.getNode(ROOT) : root.addNode(ROOT, "mgnl:folder");
        String folderName = String.format(Locale.ROOT, "lot-%04d", written / BATCH);
        if (!top.hasNode(folderName)) {
          top.addNode(folderName, "mgnl:folder");
          session.save();
        }
        String folder = top.getPath() + "/" + folderName;
        for (int i = 0; i < count; i++) {
          NewsWriter.save(session, folder, next(), scopes);
        }
      } finally {
        territories.logout();
        thematics.logout();
        session.logout();
      }
    }
  }

  private NewsItem next() {
    int n = written++;
    ZonedDateTime published =
        END.minusMinutes((long) (random.nextDouble() * 10 * 365.25 * 24 * 60))
            .truncatedTo(ChronoUnit.MINUTES);
    boolean event = n % 3 == 2;
    List<Commune> communes = new ArrayList<>();
    int communeCount = 1 + (random.nextInt(10) < 2 ? 1 + random.nextInt(2) : 0);
    while (communes.size() < communeCount) {
      Commune commune = commune();
      if (!communes.contains(commune)) {
        communes.add(commune);
      }
    }
    List<String> territoryIds = new ArrayList<>();
    boolean inFilter = false;
    for (Commune commune : communes) {
      territoryIds.add(commune.id());
      inFilter |= commune.ancestors().contains(filterId);
    }
    if (inFilter) {
      matching++;
    }
    Set<String> thematics = new HashSet<>();
    int thematicCount = random.nextInt(3) == 0 ? 2 : 1;
    while (thematics.size() < thematicCount && thematics.size() < thematicIds.size()) {
      thematics.add(thematicIds.get(random.nextInt(thematicIds.size())));
    }
    EventSchedule schedule = null;
    Place place = null;
    if (event) {
      ZonedDateTime start =
          published.plusDays(random.nextInt(91)).withHour(9 + random.nextInt(6)).withMinute(0);
      boolean allDay = random.nextInt(4) == 0;
      schedule =
          allDay
              ? new EventSchedule(
                  start.truncatedTo(ChronoUnit.DAYS), start.truncatedTo(ChronoUnit.DAYS), true)
              : new EventSchedule(start, start.plusHours(2 + random.nextInt(5)), false);
      place =
          new Place(
              "Salle " + capitalized(word()),
              (1 + random.nextInt(120)) + " rue de la " + capitalized(word()),
              communes.get(0).title());
    }
    String title = capitalized(words(6 + random.nextInt(7))) + " à " + communes.get(0).title();
    return new NewsItem(
        null,
        URL_PREFIX + String.format(Locale.ROOT, "%06d", n),
        title,
        capitalized(words(20 + random.nextInt(20))) + ".",
        "<p>"
            + capitalized(words(50 + random.nextInt(40)))
            + ".</p><p>"
            + capitalized(words(40 + random.nextInt(40)))
            + ".</p><p>"
            + capitalized(words(20 + random.nextInt(30)))
            + ".</p>",
        event ? NewsKind.EVENT : NewsKind.NEWS,
        schedule,
        place,
        event ? "Professionnels de la politique de la ville" : null,
        published,
        null,
        new ArrayList<>(thematics),
        territoryIds,
        List.of(),
        null);
  }

  private Commune commune() {
    double draw = random.nextDouble();
    String departement = null;
    for (Map.Entry<String, Double> weight : DEPARTEMENT_WEIGHTS.entrySet()) {
      departement = weight.getKey();
      draw -= weight.getValue();
      if (draw < 0) {
        break;
      }
    }
    List<Commune> list = communesByDepartement.get(departement);
    return list.get(zipf(list.size()));
  }

  /** A rank in [0, n) with probability ∝ 1 / (rank + 1): inverse of the harmonic CDF. */
  private int zipf(int n) {
    double harmonic = Math.log(n) + 0.5772;
    double target = random.nextDouble() * harmonic;
    int rank = (int) Math.floor(Math.exp(target - 0.5772)) - 1;
    return Math.max(0, Math.min(n - 1, rank));
  }

  private String words(int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        text.append(i % 11 == 10 ? ", " : " ");
      }
      text.append(word());
    }
    return text.toString();
  }

  private String word() {
    return WORDS[random.nextInt(WORDS.length)];
  }

  private static String capitalized(String text) {
    return text.substring(0, 1).toUpperCase(Locale.FRENCH) + text.substring(1);
  }

  private static List<Node> all(Session session, String nodeType) throws RepositoryException {
    Query query =
        session
            .getWorkspace()
            .getQueryManager()
            .createQuery("SELECT * FROM [" + nodeType + "]", Query.JCR_SQL2);
    List<Node> nodes = new ArrayList<>();
    for (NodeIterator it = query.execute().getNodes(); it.hasNext(); ) {
      nodes.add(it.nextNode());
    }
    return nodes;
  }

  private static Set<String> ancestors(Node node) throws RepositoryException {
    Set<String> ids = new HashSet<>();
    if (node.hasProperty(TaxonomyNodes.ANCESTORS)) {
      for (Value value : node.getProperty(TaxonomyNodes.ANCESTORS).getValues()) {
        ids.add(value.getString());
      }
    }
    return ids;
  }

  private static String string(Node node, String property) throws RepositoryException {
    return node.hasProperty(property) ? node.getProperty(property).getString() : null;
  }
}
