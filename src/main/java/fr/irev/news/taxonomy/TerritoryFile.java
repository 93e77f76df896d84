package fr.irev.news.taxonomy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;

/**
 * The territories file: the JSON of {@code @etalab/decoupage-administratif} filtered to one région
 * (shipped as {@value #RESOURCE}, MIT licence in the same folder). Only the fields the import uses
 * are read; unknown fields are ignored, so a newer file of the same shape reads as well.
 *
 * @param regions the région(s)
 * @param departements départements, each with its {@code region} code
 * @param epci EPCI (SIREN code), each with its member communes' INSEE codes
 * @param communes communes (INSEE code) with their {@code departement} code and population
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TerritoryFile(
    List<Region> regions, List<Departement> departements, List<Epci> epci, List<Commune> communes) {

  /** Class-path location of the shipped file (Hauts-de-France, région 32). */
  public static final String RESOURCE = "irev-news/territoires/hauts-de-france.json";

  /** Lists never {@code null}. */
  public TerritoryFile {
    regions = copy(regions);
    departements = copy(departements);
    epci = copy(epci);
    communes = copy(communes);
  }

  /**
   * @param json the file's content; not closed here
   * @return the parsed file
   * @throws IOException when the stream fails or is not JSON of this shape (a message names the
   *     offending field)
   */
  public static TerritoryFile read(InputStream json) throws IOException {
    ObjectMapper mapper =
        new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    TerritoryFile file = mapper.readValue(json, TerritoryFile.class);
    if (file == null) {
      throw new IOException("Empty territories file");
    }
    return file;
  }

  /**
   * @param resources class loader holding {@value #RESOURCE}
   * @return the shipped file
   * @throws IOException when it is missing or unreadable
   */
  public static TerritoryFile bundled(ClassLoader resources) throws IOException {
    try (InputStream in = resources.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("Territories file not found on the class path: " + RESOURCE);
      }
      return read(in);
    }
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
  }

  /** A région: INSEE code and name. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Region(String code, String nom) {}

  /** A département: INSEE code, name and région code. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Departement(String code, String nom, String region) {}

  /** An EPCI: SIREN code, name and member communes. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Epci(String code, String nom, List<Member> membres) {
    /** Members never {@code null}. */
    public Epci {
      membres = copy(membres);
    }
  }

  /** A member commune of an EPCI, by INSEE code. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Member(String code, String nom) {}

  /** A commune: INSEE code, name, département code, municipal population (0 when absent). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Commune(String code, String nom, String departement, long population) {}
}
