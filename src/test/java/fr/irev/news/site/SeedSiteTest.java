package fr.irev.news.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.preview.PreviewOptions;
import fr.irev.news.preview.PreviewServer;
import fr.irev.news.preview.support.RawHttp;
import fr.irev.news.testing.SeedFacts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real light module, descriptor and sample content served by the preview server on a free port,
 * read over real HTTP: the seed page of {@code shared/seed} as a visitor gets it.
 */
class SeedSiteTest {

  static final String SEED = SeedFacts.SEED;
  static final String NBSP = "\u00a0";
  static final String REGISTRATION = SeedFacts.REGISTRATION;

  private static PreviewServer server;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    server = PreviewServer.start(PreviewOptions.defaults().withPort(0).withInMemory());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(server.baseUri().resolve(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static Document page(String path) throws Exception {
    HttpResponse<String> response = get(path);
    assertEquals(200, response.statusCode(), path);
    return Jsoup.parse(response.body(), server.baseUri().resolve(path).toString());
  }

  /**
   * Text of an element with ASCII white space collapsed, keeping no-break spaces (jsoup's text()
   * does not).
   */
  static String text(Element element) {
    return element.wholeText().replaceAll("[ \\t\\r\\n]+", " ").trim();
  }

  @Test
  void detailPageShowsTheSeedEventInFrench() throws Exception {
    Document page = page("/actualites/" + SEED);

    assertEquals("fr", page.selectFirst("html").attr("lang"));
    assertEquals(1, page.select("h1").size());
    assertEquals(
        "Discriminations"
            + NBSP
            + ": journée d'approfondissement du cycle «"
            + NBSP
            + "Initier et conduire un plan de lutte contre les discriminations"
            + NBSP
            + "»",
        text(page.selectFirst("h1")));
    assertTrue(page.selectFirst(".irev-lead").text().startsWith("Au regard de la dynamique"));
    assertTrue(page.select(".irev-body p").size() >= 6);
    Element when = page.selectFirst(".irev-event time");
    assertEquals(SeedFacts.DATE_LINE, text(when));
    assertEquals("2021-11-30T09:00:00+01:00", when.attr("datetime"));
    assertTrue(page.selectFirst(".irev-event").text().contains("Lille"));
    assertTrue(text(page.body()).contains("Publié le 29\u00a0septembre 2021"));
    assertTrue(
        text(page.body())
            .contains("Mis à jour le 4\u00a0octobre 2021 à 10" + NBSP + "h" + NBSP + "50"));
  }

  @Test
  void registrationLinkIsTheRealTargetNotTheMailFilter() throws Exception {
    Document page = page("/actualites/" + SEED);

    Element register = page.selectFirst(".irev-event__register a");
    assertEquals(REGISTRATION, register.attr("href"));
    assertEquals("S'inscrire", register.text().replace('’', '\''));
    assertFalse(page.html().contains("urldefense"));
  }

  @Test
  void brochureCardNamesFormatAndSizeAndDownloads() throws Exception {
    Document page = page("/actualites/" + SEED);

    Element card = page.selectFirst(".irev-attachment");
    assertEquals(
        "PDF – 256,80" + NBSP + "Ko – 36" + NBSP + "pages",
        text(card.selectFirst(".irev-attachment__meta")));
    Element thumbnail = card.selectFirst("img.irev-attachment__thumbnail");
    assertEquals("240", thumbnail.attr("width"));
    assertEquals("310", thumbnail.attr("height")); // US Letter, 612 × 792 pt
    assertTrue(thumbnail.attr("alt").startsWith("Aperçu de la première page du document"));
    Element download = card.selectFirst("a.irev-attachment__download");
    assertEquals(
        "Télécharger «"
            + NBSP
            + "Plaquette de présentation de la journée d'approfondissement"
            + NBSP
            + "» (PDF, 256,80"
            + NBSP
            + "Ko, 36"
            + NBSP
            + "pages)",
        text(download));
    Element bookmark = card.selectFirst("a.irev-attachment__bookmark");
    assertEquals("/favoris?retour=%2Factualites%2F" + SEED, bookmark.attr("href"));
    Document help = page(bookmark.attr("href"));
    String itemUrl = server.baseUri().resolve("/actualites/" + SEED).toString();
    assertEquals(itemUrl, help.selectFirst(".irev-bookmark__address a").text());
    assertTrue(help.text().contains("Ctrl + D"));
    for (Element link : page.select("a[href]")) {
      assertFalse(
          link.attr("href").trim().toLowerCase().startsWith("javascript:"), link.outerHtml());
    }

    HttpResponse<byte[]> pdf =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(download.absUrl("href"))).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, pdf.statusCode());
    assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
    assertEquals(262_961, pdf.body().length);
    Path original = Path.of("../shared/data/pdfs/libtasn1-manual.pdf");
    if (Files.isRegularFile(original)) {
      assertArrayEquals(Files.readAllBytes(original), pdf.body());
    }
  }

  @Test
  void thematicsAndTerritoriesLinkToTheFilteredList() throws Exception {
    Document page = page("/actualites/" + SEED);

    List<String> tags = page.select(".irev-tags a").eachText();
    assertEquals(
        List.of("Discrimination", "Lutte contre les discriminations", "Hauts-de-France"), tags);
    for (Element tag : page.select(".irev-tags a")) {
      Document filtered =
          page(
              URI.create(tag.absUrl("href")).getRawPath()
                  + "?"
                  + URI.create(tag.absUrl("href")).getRawQuery());
      assertEquals(
          SeedFacts.LISTED,
          filtered.select(".irev-summary__title a").eachAttr("href").stream()
              .map(h -> h.substring(h.lastIndexOf('/') + 1))
              .toList(),
          tag.text());
    }
  }

  @Test
  void printedPageListsEveryLinkAsANumberedFootnote() throws Exception {
    Document page = page("/actualites/" + SEED);

    List<String> notes = page.select(".irev-footnotes li").eachText();
    String base = server.baseUri().toString().replaceAll("/$", "");
    assertEquals(
        List.of(
            "[1] " + REGISTRATION,
            "[2] "
                + base
                + "/.irev-news/download/f167e1b0-6149-5e1a-91af-4d859c8a3f33/irev-plaquette-journee-approfondissement-ptlcd-nov-2021.pdf",
            "[3] " + base + "/actualites?thematique=discrimination",
            "[4] " + base + "/actualites?thematique=lutte-contre-les-discriminations",
            "[5] " + base + "/actualites?territoire=hauts-de-france"),
        notes);
    assertEquals("1", page.selectFirst(".irev-event__register a").attr("data-fn"));
    String css = get("/.resources/irev-news/webresources/css/irev-news.css").body();
    assertTrue(css.contains("@media print"));
    assertTrue(css.contains("attr(data-fn)"));
  }

  @Test
  void listShowsTheEventWithItsDate() throws Exception {
    HttpResponse<String> response = get("/actualites");
    Document list = Jsoup.parse(response.body());

    assertEquals(
        "text/html;charset=UTF-8",
        response.headers().firstValue("Content-Type").orElse("").replace(" ", ""));
    assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertNotNull(response.headers().firstValue("Content-Security-Policy").orElse(null));
    assertEquals(
        SeedFacts.LISTED,
        list.select(".irev-summary__title a").eachAttr("href").stream()
            .map(h -> h.substring(h.lastIndexOf('/') + 1))
            .toList());
    assertEquals(SeedFacts.NEXT_SESSION_TITLE, text(list.select(".irev-summary__title").get(0)));
    assertEquals(
        SeedFacts.LISTED_DATE_LINES,
        list.select(".irev-summary__when").stream().map(SeedSiteTest::text).toList());
    assertEquals(
        List.of("2027-03-16T09:00:00+01:00", "2021-11-30T09:00:00+01:00"),
        list.select(".irev-summary__when time").eachAttr("datetime"));
  }

  /** The "Favoris" help page's French texts: a no-break space before each ":" and inside "« »". */
  @Test
  void bookmarkHelpUsesFrenchNoBreakSpaces() throws Exception {
    Document help = page("/favoris?retour=%2Factualites%2F" + SEED);
    assertEquals(
        "Adresse de la page à ajouter" + NBSP + ":", text(help.selectFirst("main h1 + p")));
    assertEquals(
        List.of(
            "Windows et Linux" + NBSP + ": ouvrez la page puis appuyez sur Ctrl + D.",
            "Mac" + NBSP + ": ouvrez la page puis appuyez sur Cmd + D.",
            "Ou cliquez sur l’étoile à droite de la barre d’adresse.",
            "Android"
                + NBSP
                + ": ouvrez le menu du navigateur (⋮) puis touchez l’étoile ou «"
                + NBSP
                + "Ajouter aux favoris"
                + NBSP
                + "».",
            "iPhone et iPad"
                + NBSP
                + ": touchez le bouton Partager puis «"
                + NBSP
                + "Ajouter un signet"
                + NBSP
                + "»."),
        help.select("main li").stream().map(SeedSiteTest::text).toList());
  }

  @Test
  void bookmarkHelpNeverLinksToAnotherSite() throws Exception {
    for (String target :
        List.of(
            "https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)")) {
      Document help =
          page(
              "/favoris?retour="
                  + java.net.URLEncoder.encode(target, java.nio.charset.StandardCharsets.UTF_8));
      assertTrue(help.select(".irev-bookmark__address").isEmpty(), target);
      assertFalse(help.html().contains("evil.example"), target);
      assertFalse(help.html().contains("javascript:"), target);
    }
  }

  @Test
  void unknownItemsAndPagesGetAFrench404() throws Exception {
    for (String path :
        List.of(
            "/actualites/inconnu",
            "/actualites/detail",
            "/nulle-part",
            "/actualites/detail?item=../../config")) {
      HttpResponse<String> response = get(path);
      assertEquals(404, response.statusCode(), path);
      assertTrue(response.body().contains("lang=\"fr\""), path);
      assertTrue(response.body().contains("introuvable"), path);
      assertTrue(response.body().contains("<meta name=\"robots\" content=\"noindex\">"), path);
    }
  }

  @Test
  void malformedParametersNeverGiveA500() throws Exception {
    for (String target :
        List.of(
            "/actualites?page=%ZZ",
            "/actualites?page=abc",
            "/actualites?page=-1",
            "/actualites?page=99999999999999999999",
            "/actualites?thematique=%27%20OR%201%3D1",
            "/actualites?territoire=%3Cscript%3E",
            "/actualites/detail?item=%00",
            "/actualites/" + SEED + "?item=x&item=y",
            "/actualites/%C0%AF")) {
      RawHttp.Response response = RawHttp.send(server.baseUri(), "GET", target);
      assertTrue(response.status() < 500, target + " → " + response.status());
      assertFalse(response.body().contains("Exception"), target);
      assertFalse(response.body().contains("<script>"), target);
    }
  }
}
