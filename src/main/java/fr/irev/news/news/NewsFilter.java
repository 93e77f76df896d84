package fr.irev.news.news;

import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * What a listing selects; every part is optional ({@code null}: not filtered) and the parts combine
 * (AND).
 *
 * @param thematicId identifier of a thematic: items whose {@link NewsNodes#THEMATIC_SCOPE} holds it
 *     (tagged with it or a descendant)
 * @param territoryId identifier of a territory: items whose {@link NewsNodes#TERRITORY_SCOPE} holds
 *     it
 * @param kind news only or events only
 * @param period upcoming or past events, or a month
 * @param text full-text words, already reduced to plain words separated by spaces
 */
public record NewsFilter(
    String thematicId, String territoryId, NewsKind kind, Period period, String text) {

  /** No filter: every item. */
  public static final NewsFilter ALL = new NewsFilter(null, null, null, null, null);

  /** The same filter with another thematic ({@code null}: none). */
  public NewsFilter withThematic(String id) {
    return new NewsFilter(id, territoryId, kind, period, text);
  }

  /** The same filter with another territory ({@code null}: none). */
  public NewsFilter withTerritory(String id) {
    return new NewsFilter(thematicId, id, kind, period, text);
  }

  /** The same filter with another kind ({@code null}: both). */
  public NewsFilter withKind(NewsKind other) {
    return new NewsFilter(thematicId, territoryId, other, period, text);
  }

  /**
   * A period.
   *
   * @param type which
   * @param from {@link Type#UPCOMING}, {@link Type#PAST}: start of the current day in Europe/Paris;
   *     {@link Type#MONTH}: first instant of the month in Europe/Paris
   * @param to {@link Type#MONTH}: first instant of the next month; otherwise {@code null}
   */
  public record Period(Type type, ZonedDateTime from, ZonedDateTime to) {
    public Period {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(from, "from");
    }

    /** Kinds of period. */
    public enum Type {
      /** Events not yet over (ending or starting on {@code from} or later), soonest first. */
      UPCOMING,
      /** Events over before {@code from}. */
      PAST,
      /**
       * Events under way at some point of [{@code from}, {@code to}) (starting in it, or started
       * before and ending in it or later), and news published in it.
       */
      MONTH
    }
  }
}
