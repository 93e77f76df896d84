package fr.irev.news.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Wrapped links: the seed page's registration link, and samples built by the Proofpoint v1/v2/v3
 * and Safe Links rules described in {@link UrlUnwrapper}.
 */
class UrlUnwrapperTest {

  private static final String SEED =
      "https://urldefense.com/v3/__https://irev.fr/thematiques/discriminations-egalite-laicite/"
          + "inscription-journee-dapprofondissement-du-cycle-initier_!!DY3y3TSHDxRwb2ne!"
          + "046DNgWL5KHgdZeQN4HyFLiM22iPAJNVDsjcpp2c12K1Byd4yjrZOaWkQ-y_89psiv_A_5Z8$";

  /** v3: "%" and "#" replaced by "*", listed in the tail as Base64 of "%#" = "JSM". */
  private static final String V3_STARS =
      "https://urldefense.com/v3/__https://irev.fr/agenda?lieu=Lille*20Centre*inscription"
          + "__;JSM!!DY3y3TSHDxRwb2ne!abc$";

  private static String safeLink(String target) {
    return "https://eur01.safelinks.protection.outlook.com/?url="
        + URLEncoder.encode(target, StandardCharsets.UTF_8)
        + "&data=05%7C01%7Ccontact%40irev.fr%7C&sdata=abc%3D&reserved=0";
  }

  @Test
  void seedSample() {
    assertEquals(
        "https://irev.fr/thematiques/discriminations-egalite-laicite/"
            + "inscription-journee-dapprofondissement-du-cycle-initier",
        UrlUnwrapper.unwrap(SEED));
    assertTrue(UrlUnwrapper.isWrapped(SEED));
  }

  @Test
  void proofpointV3RestoresSingleStars() {
    assertEquals(
        "https://irev.fr/agenda?lieu=Lille%20Centre#inscription", UrlUnwrapper.unwrap(V3_STARS));
  }

  @Test
  void proofpointV3RestoresRunsAndNonAsciiCharacters() {
    // "**C" is a run of 4 (C is index 2, + 2); tail = Base64 of "%%%%#"
    assertEquals(
        "https://irev.fr/recherche?q=%%%%#top",
        UrlUnwrapper.unwrap(
            "https://urldefense.com/v3/__https://irev.fr/recherche?q=**C*top__;JSUlJSM!!tok$"));
    // tail = Base64 of the UTF-8 of "ééé"
    assertEquals(
        "https://irev.fr/événements/journée",
        UrlUnwrapper.unwrap(
            "https://urldefense.com/v3/__https://irev.fr/*v*nements/journ*e__;w6nDqcOp!!tok$"));
  }

  @Test
  void proofpointV3OtherShapes() {
    assertEquals(
        "https://irev.fr/actualites",
        UrlUnwrapper.unwrap("https://urldefense.com/v3/__https://irev.fr/actualites__!!tok!x$"));
    assertEquals(
        "https://irev.fr/actualites",
        UrlUnwrapper.unwrap("https://urldefense.com/v3/__https://irev.fr/actualites__;!!tok$"));
    assertEquals(
        "https://irev.fr/actualites",
        UrlUnwrapper.unwrap("https://urldefense.com/v3/__https://irev.fr/actualites__$"));
    assertEquals(
        "https://irev.fr/a__b",
        UrlUnwrapper.unwrap("https://urldefense.com/v3/__https://irev.fr/a__b__;!!tok$"));
    assertEquals(
        "https://irev.fr/actualites",
        UrlUnwrapper.unwrap(
            "https://urldefense.proofpoint.com/v3/__https://irev.fr/actualites__;!!tok$"));
  }

  @Test
  void proofpointV2() {
    // "-" stands for "%", "_" for "/"; the target's own "-" and "_" are "-2D" and "-5F"
    assertEquals(
        "https://irev.fr/actualites?thematique=lutte-contre-les-discriminations&page=2",
        UrlUnwrapper.unwrap(
            "https://urldefense.proofpoint.com/v2/url?u=https-3A__irev.fr_"
                + "actualites-3Fthematique-3Dlutte-2Dcontre-2Dles-2Ddiscriminations-26page-3D2"
                + "&d=DwMFaQ&c=abc&r=def&m=ghi&s=jkl&e="));
    assertEquals(
        "http://www.example.org/snake_case",
        UrlUnwrapper.unwrap(
            "https://urldefense.proofpoint.com/v2/url?u=http-3A__www.example.org_snake-5Fcase&d=x"));
    assertEquals(
        "https://irev.fr/actualites",
        UrlUnwrapper.unwrap(
            "https://urldefense.proofpoint.com/v2/url?u=https-3A__irev.fr_actualites&amp;d=x"));
  }

  @Test
  void proofpointV1() {
    assertEquals(
        "https://irev.fr/actualites?page=2",
        UrlUnwrapper.unwrap(
            "https://urldefense.proofpoint.com/v1/url?u=https%3A%2F%2Firev.fr%2Factualites%3Fpage%3D2"
                + "&k=abc%3D%0A&r=x&m=y&s=z"));
  }

  @Test
  void safeLinks() {
    assertEquals(
        "https://irev.fr/actualites?thematique=laicite&page=2",
        UrlUnwrapper.unwrap(
            "https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Firev.fr%2Factualites"
                + "%3Fthematique%3Dlaicite%26page%3D2&data=05%7C01%7C&sdata=abc%3D&reserved=0"));
    assertEquals(
        "https://irev.fr/",
        UrlUnwrapper.unwrap(
            "HTTPS://NAM12.SAFELINKS.PROTECTION.OUTLOOK.COM/?url=https%3A%2F%2Firev.fr%2F&data=x"));
    // "+" is kept: a target URL has no space
    assertEquals(
        "https://irev.fr/recherche?q=a+b",
        UrlUnwrapper.unwrap(
            "https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Firev.fr%2Frecherche"
                + "%3Fq%3Da+b&data=x"));
  }

  @Test
  void nestedWrappers() {
    assertEquals(
        "https://irev.fr/agenda?lieu=Lille%20Centre#inscription",
        UrlUnwrapper.unwrap(safeLink(V3_STARS)));
    assertEquals(
        "https://irev.fr/actualites",
        UrlUnwrapper.unwrap(safeLink(safeLink("https://irev.fr/actualites"))));
  }

  @Test
  void atMostFiveWrappersAreRemoved() {
    String url = "https://irev.fr/";
    for (int i = 0; i < 5; i++) {
      url = safeLink(url);
    }
    assertEquals("https://irev.fr/", UrlUnwrapper.unwrap(url));
    assertEquals(
        "https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Firev.fr%2F"
            + "&data=05%7C01%7Ccontact%40irev.fr%7C&sdata=abc%3D&reserved=0",
        UrlUnwrapper.unwrap(safeLink(url)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://urldefense.com/v3/__javascript:alert(1)__;!!tok$",
        "https://urldefense.com/v3/__/actualites__;!!tok$",
        "https://urldefense.com/v3/__https://irev.fr/a*b*c__;JQ!!tok$",
        "https://urldefense.com/v3/__https://irev.fr/a*b__;JSM!!tok$",
        "https://urldefense.com/v3/__https://irev.fr/a*b__;J!!tok$",
        "https://urldefense.com/v3/__https://irev.fr/a**!b__;JSM!!tok$",
        "https://urldefense.com/v3/__https://irev.fr/actualites",
        "https://urldefense.com/v3/____;!!tok$",
        "https://urldefense.com/v3/__https:// irev.fr/__;!!tok$",
        "https://urldefense.com/v3/__https:///actualites__;!!tok$",
        "https://urldefense.proofpoint.com/v2/url?u=https-3A__irev.fr_a-ZZ&d=x",
        "https://urldefense.proofpoint.com/v2/url?u=https-3A__irev.fr_a-C3&d=x",
        "https://urldefense.proofpoint.com/v2/url?d=x&c=y",
        "https://urldefense.proofpoint.com/v2/url?u=javascript-3Aalert-281-29&d=x",
        "https://eur01.safelinks.protection.outlook.com/?url=javascript%3Aalert(1)&data=x",
        "https://eur01.safelinks.protection.outlook.com/?url=%2Factualites&data=x",
        "https://eur01.safelinks.protection.outlook.com/?url=mailto%3Acontact%40irev.fr&data=x",
        "https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Firev.fr%2F%0Aa&data=x",
        " https://eur01.safelinks.protection.outlook.com/?url=ftp%3A%2F%2Firev.fr%2F&data=x "
      })
  void wrapperThatCannotBeDecodedToHttpIsReturnedUnchanged(String url) {
    assertTrue(UrlUnwrapper.isWrapped(url));
    assertEquals(url, UrlUnwrapper.unwrap(url));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://irev.fr/actualites",
        "/actualites",
        "actualites/detail?item=x",
        "javascript:alert(1)",
        "pas une adresse",
        "",
        "https://urldefense.com/",
        "https://urldefense.com/v4/__https://irev.fr/__;!!tok$",
        "https://example.com/v3/__https://evil.example/__;!!tok$",
        "https://eur01.safelinks.protection.outlook.com/?data=x",
        "https://safelinks.protection.outlook.com.evil.example/?url=https%3A%2F%2Fevil.example%2F",
        "https://evil.example/?h=.safelinks.protection.outlook.com&url=https%3A%2F%2Fevil.example%2F"
      })
  void notWrappedIsReturnedAsIs(String url) {
    assertFalse(UrlUnwrapper.isWrapped(url));
    assertEquals(url, UrlUnwrapper.unwrap(url));
  }

  @Test
  void notWrappedIsTrimmed() {
    assertEquals(
        "https://irev.fr/actualites", UrlUnwrapper.unwrap("  https://irev.fr/actualites\n"));
    assertEquals("", UrlUnwrapper.unwrap("   "));
    assertEquals(
        "https://irev.fr/actualites",
        UrlUnwrapper.unwrap("\thttps://urldefense.com/v3/__https://irev.fr/actualites__;!!tok$ "));
    assertTrue(UrlUnwrapper.isWrapped(" " + SEED + " "));
  }

  @Test
  void nullGivesNull() {
    assertNull(UrlUnwrapper.unwrap(null));
    assertFalse(UrlUnwrapper.isWrapped(null));
  }
}
