package fr.irev.news.testing;

import java.util.List;

/**
 * The facts of the seed page ({@code shared/seed/000_d8a4a6676d640c12.txt}) and of the module's
 * second sample item (an upcoming session with the built-in registration form) as the module must
 * show them, for the tests that check them at different layers (views, rendered pages). French
 * no-break spaces (U+00A0) are written out.
 */
public final class SeedFacts {

  /** URL name of the seed event. */
  public static final String SEED =
      "discriminations-journee-dapprofondissement-du-cycle-initier-et-conduire-un-ptlcd";

  /** When it takes place: "le mardi 30 novembre 2021 de 9 h 00 à 16 h 30". */
  public static final String DATE_LINE =
      "le mardi 30\u00a0novembre 2021 de 9\u00a0h\u00a000 à 16\u00a0h\u00a030";

  /** The real registration address behind the seed's e-mail security wrapper. */
  public static final String REGISTRATION =
      "https://irev.fr/thematiques/discriminations-egalite-laicite/inscription-journee-dapprofondissement-du-cycle-initier";

  /**
   * URL name of the second sample item ({@code
   * mgnl-bootstrap-samples/irev-news/irev-news.<name>.xml}): an event on 16 March 2027 with a
   * built-in registration form, published on 20 November 2026, with the seed's thematic ("Lutte
   * contre les discriminations") and territory ("Hauts-de-France").
   */
  public static final String NEXT_SESSION =
      "discriminations-nouvelle-session-du-cycle-initier-et-conduire-un-ptlcd";

  /** Title of {@link #NEXT_SESSION}, with its French no-break spaces. */
  public static final String NEXT_SESSION_TITLE =
      "Discriminations\u00a0: nouvelle session du cycle «\u00a0Initier et conduire un plan de lutte"
          + " contre les discriminations\u00a0»";

  /** When {@link #NEXT_SESSION} takes place: "le mardi 16 mars 2027 de 9 h 00 à 16 h 30". */
  public static final String NEXT_SESSION_DATE_LINE =
      "le mardi 16\u00a0mars 2027 de 9\u00a0h\u00a000 à 16\u00a0h\u00a030";

  /**
   * URL names of every sample item in list order, newest publication first: {@link #NEXT_SESSION}
   * (published 2026-11-20), then {@link #SEED} (2021-09-29). Both are listed under the seed's
   * thematics and territory.
   */
  public static final List<String> LISTED = List.of(NEXT_SESSION, SEED);

  /** Date lines of {@link #LISTED}, in the same order. */
  public static final List<String> LISTED_DATE_LINES = List.of(NEXT_SESSION_DATE_LINE, DATE_LINE);

  private SeedFacts() {}
}
