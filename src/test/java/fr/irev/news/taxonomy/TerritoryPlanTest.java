package fr.irev.news.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Names, placement and identifiers of the plan, without a repository. */
class TerritoryPlanTest {

  @Test
  void epciSpanningTwoDepartementsGoUnderTheMostPopulatedOneAndListBoth() throws Exception {
    Map<String, TerritoryPlan.Entry> plan =
        TerritoryPlan.of(TerritoryFile.bundled(getClass().getClassLoader())).stream()
            .collect(Collectors.toMap(e -> e.level().code() + ":" + e.code(), Function.identity()));

    assertEquals(dep("62"), plan.get("epci:200069672").parentId()); // CC du Ternois
    assertEquals(dep("80"), plan.get("epci:200070985").parentId()); // CC de l'Est de la Somme
    assertEquals(dep("59"), plan.get("epci:245900758").parentId()); // CC Flandre Lys
    assertEquals(
        List.of(TerritoryIds.of(TerritoryLevel.REGION, "32"), dep("59"), dep("62")),
        plan.get("epci:245900758").ancestorIds());
    TerritoryPlan.Entry lille = plan.get("commune:59350");
    assertEquals("lille", lille.name());
    assertEquals(
        List.of(
            "481aad4a-a772-5cfc-acfb-b21b8003f9b6",
            "8c6e41cf-7234-5546-aed6-8f7b63a86db4",
            "e2069281-5b63-5f81-af03-63ce939c800a"),
        lille.ancestorIds());
    assertEquals("crevecoeur-sur-l-escaut", plan.get("commune:59161").name());
  }

  @Test
  void identifiersAreVersionFiveUuidsOfLevelAndCode() {
    UUID id = UUID.fromString(TerritoryIds.of(TerritoryLevel.COMMUNE, "02001"));
    assertEquals(5, id.version());
    assertEquals(2, id.variant());
    assertEquals(id.toString(), TerritoryIds.of(TerritoryLevel.COMMUNE, "02001"));
    // RFC 4122 appendix B's example: "www.example.com" in the DNS namespace
    assertEquals(
        "2ed6657d-e927-568b-95e1-2665a8aea6a2",
        TerritoryIds.v5(UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "www.example.com")
            .toString());
  }

  @Test
  void slugsAreAsciiLowerCaseWithSingleHyphens() {
    assertEquals("crevecoeur-sur-l-escaut", Slugs.of("Crèvecœur-sur-l'Escaut"));
    assertEquals("oeuilly", Slugs.of("Œuilly"));
    assertEquals("ca-du-boulonnais", Slugs.of("  CA du  Boulonnais "));
    assertEquals("x", Slugs.of("’«»"));
  }

  @Test
  void anInconsistentFileIsRejectedBeforeAnyWrite() {
    TerritoryFile file =
        new TerritoryFile(
            List.of(new TerritoryFile.Region("32", "Hauts-de-France")),
            List.of(new TerritoryFile.Departement("59", "Nord", "32")),
            List.of(),
            List.of(new TerritoryFile.Commune("99001", "Nulle part", "99", 0)));
    assertThrows(IllegalArgumentException.class, () -> TerritoryPlan.of(file));
  }

  private static String dep(String code) {
    return TerritoryIds.of(TerritoryLevel.DEPARTEMENT, code);
  }
}
