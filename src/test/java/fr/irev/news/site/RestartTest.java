package fr.irev.news.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.news.NewsNodes;
import fr.irev.news.preview.PreviewOptions;
import fr.irev.news.preview.PreviewServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import javax.jcr.Session;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A persistent preview repository keeps the staff's edits across a restart. */
class RestartTest {

  @TempDir Path data;

  private static String title(PreviewServer server) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(server.baseUri().resolve("/actualites/" + SeedSiteTest.SEED))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    return Jsoup.parse(response.body()).selectFirst("h1").text();
  }

  @Test
  void anItemWithoutPublicationDateStillRenders() throws Exception {
    try (PreviewServer server =
        PreviewServer.start(PreviewOptions.defaults().withPort(0).withInMemory())) {
      Session session = server.repository().login(NewsNodes.WORKSPACE);
      try {
        session
            .getRootNode()
            .addNode("sans-date", NewsNodes.NODE_TYPE)
            .setProperty(NewsNodes.TITLE, "Brève sans date");
        session.save();
      } finally {
        session.logout();
      }
      HttpClient http = HttpClient.newHttpClient();
      for (String path : new String[] {"/actualites/sans-date", "/actualites"}) {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(server.baseUri().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path);
        assertTrue(response.body().contains("Brève sans date"), path);
      }
    }
  }

  @Test
  void editedContentSurvivesARestartAndSamplesAreNotImportedAgain() throws Exception {
    PreviewOptions options = PreviewOptions.defaults().withPort(0).withDataDir(data);
    try (PreviewServer first = PreviewServer.start(options)) {
      Session session = first.repository().login(NewsNodes.WORKSPACE);
      try {
        session.getNode("/" + SeedSiteTest.SEED).setProperty(NewsNodes.TITLE, "Titre modifié");
        session.save();
      } finally {
        session.logout();
      }
      assertEquals("Titre modifié", title(first));
    }
    try (PreviewServer second = PreviewServer.start(options)) {
      assertEquals("Titre modifié", title(second));
    }
  }
}
