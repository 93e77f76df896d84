package fr.irev.news.testing;

/**
 * The facts of the seed page ({@code shared/seed/000_d8a4a6676d640c12.txt}) as the module must show
 * them, for the tests that check them at different layers (views, rendered pages). French no-break
 * spaces (U+00A0) are written out.
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

  private SeedFacts() {}
}
