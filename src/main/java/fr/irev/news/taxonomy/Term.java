package fr.irev.news.taxonomy;

import java.util.Objects;

/**
 * A thematic or a territory.
 *
 * @param identifier JCR identifier, never {@code null}
 * @param name node name (slug), used in filter URLs
 * @param title display name; the node name when no title is stored
 * @param path JCR path in its workspace, e.g. {@code
 *     /discrimination/lutte-contre-les-discriminations}
 * @param code official code of a territory, {@code null} for thematics or when unknown
 * @param level level of a territory, {@code null} for thematics
 * @param caption a territory's picker name ({@link TaxonomyNodes#CAPTION}, {@code "Brie (02)"}),
 *     {@code null} for thematics or when none is stored
 */
public record Term(
    String identifier,
    String name,
    String title,
    String path,
    String code,
    TerritoryLevel level,
    String caption) {
  public Term {
    Objects.requireNonNull(identifier, "identifier");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(path, "path");
  }

  /**
   * @return the name that tells homonyms apart: the caption ({@code "Brie (02)"}) when the term has
   *     one, else the title
   */
  public String label() {
    return caption == null || caption.isBlank() ? title : caption;
  }
}
