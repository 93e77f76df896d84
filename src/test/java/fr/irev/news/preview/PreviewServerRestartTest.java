package fr.irev.news.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.preview.support.Fixtures;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.jcr.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A persistent preview keeps edited content across a restart (no second bootstrap). */
class PreviewServerRestartTest {

  @Test
  void editedContentSurvivesARestart(@TempDir Path data) throws Exception {
    PreviewOptions options =
        PreviewOptions.defaults()
            .withPort(0)
            .withDataDir(data)
            .withProjectDir(Fixtures.site())
            .withResources(Fixtures.resources());
    try (PreviewServer server = PreviewServer.start(options)) {
      Session website = server.repository().login("website");
      try {
        website.getNode("/actualites").setProperty("title", "Titre modifié");
        website.save();
      } finally {
        website.logout();
      }
    }
    try (PreviewServer server = PreviewServer.start(options)) {
      HttpResponse<String> page =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(server.baseUri().resolve("actualites")).build(),
                  HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("<h1>Titre modifié</h1>"), page.body());
      assertTrue(!server.repository().isInMemory());
    }
  }
}
