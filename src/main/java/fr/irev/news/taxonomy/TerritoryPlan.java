package fr.irev.news.taxonomy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The territories tree a {@link TerritoryFile} describes, before any repository is touched: région
 * &gt; département &gt; EPCI &gt; commune.
 *
 * <ul>
 *   <li><b>EPCI placement.</b> The file gives no seat: an EPCI goes under the département holding
 *       the largest municipal population of its members (ties: most members, then lowest code). In
 *       the 2024 data three EPCI span two départements: CC du Ternois (62, one commune in 80), CC
 *       de l'Est de la Somme (80, one in 02), CC Flandre Lys (59 by population, 4 communes each).
 *   <li><b>Ancestors.</b> Each territory lists in {@link TaxonomyNodes#ANCESTORS} the identifiers
 *       of every territory that contains it, wholly or partly: a commune its région, its own
 *       département (from the commune's {@code departement}, even when its EPCI sits under another
 *       one) and its EPCI; an EPCI its région and every département it spans. A query on {@code
 *       ancestors} therefore finds a commune under its EPCI and under its département.
 *   <li><b>Names.</b> {@link Slugs#of} of the name; a name shared by several territories of the
 *       file (117 communes in 2024, e.g. two "Brie") gets {@code -<code>} appended ({@code
 *       brie-02117}), so that every name is unique in the workspace and filter URLs stay
 *       unambiguous.
 *   <li><b>Captions.</b> The name shown in pickers ({@link TaxonomyNodes#CAPTION}) is the title
 *       followed by a département code in brackets: a commune's own département (from its {@code
 *       departement}, like its ancestors, not the one its EPCI sits under), the département an EPCI
 *       is placed under, a département's own code; a région's caption is its title. The two "Brie"
 *       are {@code "Brie (02)"} and {@code "Brie (80)"}.
 *   <li>A commune of no EPCI goes directly under its département.
 * </ul>
 */
public final class TerritoryPlan {

  private TerritoryPlan() {}

  /**
   * One territory to import.
   *
   * @param identifier stable identifier ({@link TerritoryIds})
   * @param name node name (slug)
   * @param title official name
   * @param caption name shown in pickers ({@link TaxonomyNodes#CAPTION})
   * @param code INSEE or SIREN code
   * @param level level
   * @param parentId identifier of the parent territory, {@code null} for a région (root)
   * @param ancestorIds identifiers of the territories containing it, région first
   */
  public record Entry(
      String identifier,
      String name,
      String title,
      String caption,
      String code,
      TerritoryLevel level,
      String parentId,
      List<String> ancestorIds) {
    /** Copies the list. */
    public Entry {
      Objects.requireNonNull(identifier, "identifier");
      ancestorIds = List.copyOf(ancestorIds);
    }
  }

  /**
   * @param file the parsed file
   * @return the territories, parents before children (régions, départements, EPCI, communes)
   * @throws IllegalArgumentException when the file is inconsistent (a département of an unknown
   *     région, a commune of an unknown département, a missing code or name); nothing is imported
   */
  public static List<Entry> of(TerritoryFile file) {
    Map<String, TerritoryFile.Region> regions = index(file.regions(), TerritoryFile.Region::code);
    Map<String, TerritoryFile.Departement> departements =
        index(file.departements(), TerritoryFile.Departement::code);
    Map<String, TerritoryFile.Commune> communes =
        index(file.communes(), TerritoryFile.Commune::code);
    Map<String, String> epciOfCommune = new HashMap<>();
    Map<String, List<String>> departementsOfEpci = new LinkedHashMap<>();
    for (TerritoryFile.Epci epci : file.epci()) {
      departementsOfEpci.put(epci.code(), departementsOf(epci, communes));
      for (TerritoryFile.Member member : epci.membres()) {
        if (communes.containsKey(member.code())) {
          epciOfCommune.putIfAbsent(member.code(), epci.code());
        }
      }
    }
    List<Draft> drafts = new ArrayList<>();
    for (TerritoryFile.Region region : regions.values()) {
      drafts.add(
          new Draft(TerritoryLevel.REGION, region.code(), region.nom(), null, null, List.of()));
    }
    for (TerritoryFile.Departement dep : departements.values()) {
      String region = require(regions, dep.region(), "département " + dep.code()).code();
      String regionId = TerritoryIds.of(TerritoryLevel.REGION, region);
      drafts.add(
          new Draft(
              TerritoryLevel.DEPARTEMENT,
              dep.code(),
              dep.nom(),
              dep.code(),
              regionId,
              List.of(regionId)));
    }
    for (TerritoryFile.Epci epci : file.epci()) {
      List<String> deps = departementsOfEpci.get(epci.code());
      if (deps.isEmpty()) {
        continue; // no member commune in the file: nothing to place it under
      }
      String regionId = regionIdOf(departements, deps.get(0));
      List<String> ancestors = new ArrayList<>(List.of(regionId));
      deps.forEach(d -> ancestors.add(TerritoryIds.of(TerritoryLevel.DEPARTEMENT, d)));
      drafts.add(
          new Draft(
              TerritoryLevel.EPCI,
              epci.code(),
              epci.nom(),
              deps.get(0),
              ancestors.get(1),
              ancestors));
    }
    for (TerritoryFile.Commune commune : communes.values()) {
      String dep = require(departements, commune.departement(), "commune " + commune.code()).code();
      String depId = TerritoryIds.of(TerritoryLevel.DEPARTEMENT, dep);
      List<String> ancestors = new ArrayList<>(List.of(regionIdOf(departements, dep), depId));
      String epci = epciOfCommune.get(commune.code());
      String parent = depId;
      if (epci != null) {
        parent = TerritoryIds.of(TerritoryLevel.EPCI, epci);
        ancestors.add(parent);
      }
      drafts.add(
          new Draft(TerritoryLevel.COMMUNE, commune.code(), commune.nom(), dep, parent, ancestors));
    }
    return named(drafts);
  }

  /** The département codes an EPCI spans, its seat first (largest population, most members). */
  private static List<String> departementsOf(
      TerritoryFile.Epci epci, Map<String, TerritoryFile.Commune> communes) {
    Map<String, long[]> weight = new HashMap<>();
    for (TerritoryFile.Member member : epci.membres()) {
      TerritoryFile.Commune commune = communes.get(member.code());
      if (commune != null && commune.departement() != null) {
        long[] w = weight.computeIfAbsent(commune.departement(), d -> new long[2]);
        w[0] += commune.population();
        w[1]++;
      }
    }
    Comparator<String> seatFirst =
        Comparator.<String>comparingLong(d -> -weight.get(d)[0])
            .thenComparingLong(d -> -weight.get(d)[1])
            .thenComparing(Comparator.naturalOrder());
    List<String> deps = new ArrayList<>(weight.keySet());
    deps.sort(seatFirst);
    if (deps.size() > 2) {
      List<String> rest = new ArrayList<>(new TreeSet<>(deps.subList(1, deps.size())));
      rest.add(0, deps.get(0));
      return rest;
    }
    return deps;
  }

  private static String regionIdOf(
      Map<String, TerritoryFile.Departement> departements, String dep) {
    return TerritoryIds.of(TerritoryLevel.REGION, departements.get(dep).region());
  }

  private static List<Entry> named(List<Draft> drafts) {
    Map<String, Integer> uses = new HashMap<>();
    for (Draft draft : drafts) {
      uses.merge(Slugs.of(draft.title), 1, Integer::sum);
    }
    List<Entry> entries = new ArrayList<>(drafts.size());
    for (Draft d : drafts) {
      String slug = Slugs.of(d.title);
      String name = uses.get(slug) > 1 ? slug + "-" + Slugs.of(d.code) : slug;
      entries.add(
          new Entry(
              TerritoryIds.of(d.level, d.code),
              name,
              d.title,
              caption(d.title, d.departement),
              d.code,
              d.level,
              d.parentId,
              d.ancestors));
    }
    return entries;
  }

  /**
   * @param title a territory's title
   * @param departement the département code to show, {@code null} for none (a région)
   * @return {@code "<title> (<departement>)"}, or the title alone
   */
  static String caption(String title, String departement) {
    return departement == null ? title : title + " (" + departement + ")";
  }

  private static <T> Map<String, T> index(
      List<T> items, java.util.function.Function<T, String> code) {
    Map<String, T> byCode = new LinkedHashMap<>();
    for (T item : items) {
      String key = code.apply(item);
      if (key == null || key.isBlank()) {
        throw new IllegalArgumentException("A territory without code: " + item);
      }
      byCode.putIfAbsent(key, item);
    }
    return byCode;
  }

  private static <T> T require(Map<String, T> byCode, String code, String who) {
    T found = code == null ? null : byCode.get(code);
    if (found == null) {
      throw new IllegalArgumentException(who + ": unknown code " + code);
    }
    return found;
  }

  /** A territory before naming; {@code departement}: the code its caption shows, or null. */
  private record Draft(
      TerritoryLevel level,
      String code,
      String title,
      String departement,
      String parentId,
      List<String> ancestors) {
    Draft {
      if (title == null || title.isBlank()) {
        throw new IllegalArgumentException(level.code() + " " + code + " has no name");
      }
    }
  }
}
