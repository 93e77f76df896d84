package fr.irev.news.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.format.FrenchSizes;
import fr.irev.news.news.Attachment;
import fr.irev.news.news.NewsItem;
import fr.irev.news.news.NewsKind;
import fr.irev.news.news.NewsNodes;
import fr.irev.news.news.NewsWriter;
import fr.irev.news.preview.PreviewOptions;
import fr.irev.news.preview.PreviewServer;
import fr.irev.news.testing.pdf.HostilePdfs;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.List;
import java.util.concurrent.Callable;
import javax.jcr.Node;
import javax.jcr.Session;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken PDFs uploaded to the DAM and attached to a news item: the page and its card
 * still answer quickly over HTTP, with a neutral icon and "nombre de pages inconnu" where the file
 * cannot be read, and the download and thumbnail addresses never fail.
 */
class HostileAttachmentsSiteTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final long MAX_MILLIS = 5_000;

  @TempDir static Path files;
  private static PreviewServer server;
  private static HostilePdfs pdfs;

  @BeforeAll
  static void start() throws Exception {
    server = PreviewServer.start(PreviewOptions.defaults().withPort(0).withInMemory());
    pdfs = new HostilePdfs(files);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** The card of an item whose only attachment is {@code file}, read over HTTP. */
  private static Element card(String name, Path file) throws Exception {
    return card(name, file, name + ".pdf");
  }

  private static Element card(String name, Path file, String fileName) throws Exception {
    String assetId;
    Session dam = server.repository().login("dam");
    try (InputStream in = Files.newInputStream(file)) {
      Node asset = dam.getRootNode().addNode(name, "mgnl:asset");
      Node resource = asset.addNode("jcr:content", "mgnl:resource");
      resource.setProperty("jcr:data", dam.getValueFactory().createBinary(in));
      resource.setProperty("jcr:mimeType", "application/pdf");
      resource.setProperty("jcr:lastModified", Calendar.getInstance());
      resource.setProperty("fileName", fileName);
      dam.save();
      assetId = asset.getIdentifier();
    } finally {
      dam.logout();
    }
    Session news = server.repository().login(NewsNodes.WORKSPACE);
    try {
      NewsWriter.save(
          news,
          "/",
          new NewsItem(
              null,
              name,
              "Fichier " + name,
              null,
              null,
              NewsKind.NEWS,
              null,
              null,
              null,
              ZonedDateTime.of(2021, 9, 29, 10, 0, 0, 0, ZoneId.of("Europe/Paris")),
              null,
              List.of(),
              List.of(),
              List.of(new Attachment("jcr:" + assetId, "Pièce " + name, null)),
              null));
    } finally {
      news.logout();
    }
    HttpResponse<String> page =
        timed(() -> get("/actualites/" + name, HttpResponse.BodyHandlers.ofString()));
    assertEquals(200, page.statusCode(), name);
    Document document = Jsoup.parse(page.body(), server.baseUri().toString());
    Element card = document.selectFirst(".irev-attachment");
    assertNotNull(card, name);
    assertEquals("Pièce " + name, card.selectFirst(".irev-attachment__title").text(), name);
    assertTrue(
        text(card, ".irev-attachment__meta")
            .startsWith("PDF – " + FrenchSizes.bytes(Files.size(file))),
        name + ": " + text(card, ".irev-attachment__meta"));

    Element download = card.selectFirst("a.irev-attachment__download");
    HttpResponse<byte[]> bytes =
        timed(() -> get(download.absUrl("href"), HttpResponse.BodyHandlers.ofByteArray()));
    assertEquals(200, bytes.statusCode(), name);
    assertEquals(Files.size(file), bytes.body().length, name);
    Element thumbnail = card.selectFirst("img.irev-attachment__thumbnail");
    if (thumbnail != null) {
      HttpResponse<byte[]> png =
          timed(() -> get(thumbnail.absUrl("src"), HttpResponse.BodyHandlers.ofByteArray()));
      assertEquals(200, png.statusCode(), name);
      assertTrue(png.headers().firstValue("Content-Type").orElse("").startsWith("image/"), name);
    }
    return card;
  }

  private static <T> HttpResponse<T> get(String target, HttpResponse.BodyHandler<T> body)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(server.baseUri().resolve(URI.create(target))).build(), body);
  }

  private static <T> T timed(Callable<T> call) throws Exception {
    long start = System.nanoTime();
    T result = call.call();
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis < MAX_MILLIS, "answered in " + millis + " ms");
    return result;
  }

  private static String text(Element card, String selector) {
    Element element = card.selectFirst(selector);
    return element == null ? null : element.wholeText().replaceAll("[ \\t\\r\\n]+", " ").trim();
  }

  @Test
  void readablePdfShowsThumbnailPagesAndLanguage() throws Exception {
    Element card = card("normal", pdfs.normal());

    assertNotNull(card.selectFirst("img.irev-attachment__thumbnail"));
    assertTrue(text(card, ".irev-attachment__meta").endsWith("4\u00a0pages"));
    assertEquals("Document en anglais", text(card, ".irev-attachment__language"));
    assertEquals("en-GB", card.selectFirst("a.irev-attachment__download").attr("hreflang"));
    assertTrue(text(card, "a.irev-attachment__download").endsWith(", 4\u00a0pages)"));
  }

  @Test
  void unreadableFilesShowAnIconUnknownPagesAndAWarning() throws Exception {
    assertUnreadable(
        card("protege", pdfs.userPassword()), "Ce document est protégé par un mot de passe.");
    assertUnreadable(card("vide", pdfs.empty()), "Ce fichier est vide.");
    assertUnreadable(
        card("html", pdfs.htmlNamedPdf()), "Ce fichier ne semble pas être un document PDF valide.");
  }

  private static void assertUnreadable(Element card, String warning) {
    assertNull(card.selectFirst("img.irev-attachment__thumbnail"));
    assertEquals("PDF", text(card, ".irev-attachment__icon"));
    assertTrue(text(card, ".irev-attachment__meta").endsWith("nombre de pages inconnu"));
    assertEquals(warning, text(card, ".irev-attachment__warning"));
  }

  @Test
  void ownerPasswordOnlyAndManyPagesAreReadable() throws Exception {
    Element owner = card("proprietaire", pdfs.ownerPasswordOnly());
    Element many = card("cinq-cents-pages", pdfs.manyPages());

    assertNull(owner.selectFirst(".irev-attachment__warning"));
    assertNotNull(owner.selectFirst("img.irev-attachment__thumbnail"));
    assertTrue(text(many, ".irev-attachment__meta").endsWith("500\u00a0pages"));
  }

  @Test
  void oddStoredFileNamesStillGiveAWorkingDownloadLink() throws Exception {
    // card() downloads through the card's own link and compares the bytes
    Element card = card("taux", pdfs.normal(), "Taux 100% quartiers\\été/2021\r\n.pdf");
    String href = card.selectFirst("a.irev-attachment__download").attr("href");
    assertTrue(href.endsWith("/Taux%20100_%20quartiers_%C3%A9t%C3%A9_2021.pdf"), href);
    HttpResponse<String> head =
        HTTP.send(
            HttpRequest.newBuilder(server.baseUri().resolve(URI.create(href)))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(
        "attachment; filename=\"Taux 100_ quartiers_ete_2021.pdf\"; "
            + "filename*=UTF-8''Taux%20100%25%20quartiers_%C3%A9t%C3%A9_2021.pdf",
        head.headers().firstValue("Content-Disposition").orElse(""));
  }

  @Test
  void brokenStructuresAndBombsStillGiveACardQuickly() throws Exception {
    for (Object[] hostile :
        new Object[][] {
          {"tronque", pdfs.truncated()},
          {"arbre-en-boucle", pdfs.pageTreeLoop()},
          {"xref-en-boucle", pdfs.xrefLoop()},
          {"page-geante", pdfs.hugePage()},
          {"bombe", pdfs.decompressionBomb()}
        }) {
      Element card = card((String) hostile[0], (Path) hostile[1]);
      String meta = text(card, ".irev-attachment__meta");
      assertTrue(meta.matches("PDF – .+ – (\\d+\\u00a0pages?|nombre de pages inconnu)"), meta);
      boolean unknown = meta.endsWith("nombre de pages inconnu");
      // a file whose pages are unknown never offers a thumbnail: the neutral icon instead
      if (unknown) {
        assertNull(card.selectFirst("img.irev-attachment__thumbnail"), (String) hostile[0]);
        assertEquals("PDF", text(card, ".irev-attachment__icon"), (String) hostile[0]);
      } else {
        assertTrue(
            card.selectFirst("img.irev-attachment__thumbnail") != null
                || card.selectFirst(".irev-attachment__icon") != null,
            (String) hostile[0]);
      }
      assertFalse(card.html().contains("Exception"), (String) hostile[0]);
    }
  }
}
