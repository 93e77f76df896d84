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
 */
public record Term(
    String identifier, String name, String title, String path, String code, TerritoryLevel level) {
  public Term {
    Objects.requireNonNull(identifier, "identifier");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(path, "path");
  }
}
