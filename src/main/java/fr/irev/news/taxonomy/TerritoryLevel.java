package fr.irev.news.taxonomy;

import java.util.Optional;

/** Administrative level of a territory, stored in {@link TaxonomyNodes#LEVEL} by its code. */
public enum TerritoryLevel {
  REGION("region"),
  DEPARTEMENT("departement"),
  EPCI("epci"),
  COMMUNE("commune");

  private final String code;

  TerritoryLevel(String code) {
    this.code = code;
  }

  /**
   * @return the stored value
   */
  public String code() {
    return code;
  }

  /**
   * @param code stored value, may be {@code null}
   * @return the level, or empty for {@code null} or an unknown value (thematics have none)
   */
  public static Optional<TerritoryLevel> fromCode(String code) {
    for (TerritoryLevel level : values()) {
      if (level.code.equals(code)) {
        return Optional.of(level);
      }
    }
    return Optional.empty();
  }
}
