package fr.irev.news.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewCommandLineTest {

  private static final PreviewOptions DEFAULTS = PreviewOptions.defaults();

  @Test
  void defaultsArePort8080AndAPersistentRepositoryUnderTheWorkingDirectory() throws Exception {
    PreviewOptions options = PreviewCommandLine.parse(new String[0], DEFAULTS);
    Path workingDir = Path.of("").toAbsolutePath();
    assertEquals(8080, options.port());
    assertEquals("localhost", options.host());
    assertEquals(workingDir, options.projectDir());
    assertEquals(workingDir.resolve("data/preview"), options.dataDir());
    assertFalse(options.inMemory());
    assertFalse(options.pageCache());
  }

  @Test
  void pageCacheIsAFlagThatKeepsTheOtherOptions() throws Exception {
    PreviewOptions options =
        PreviewCommandLine.parse(
            new String[] {"--in-memory", "--page-cache", "--port", "0"}, DEFAULTS);
    assertTrue(options.pageCache());
    assertTrue(options.inMemory());
    assertEquals(0, options.port());
    assertTrue(options.withPort(9000).withPublicUrl("https://irev.fr").pageCache());
    assertFalse(options.withPageCache(false).pageCache());
    assertThrows(
        PreviewCommandLine.UsageException.class,
        () -> PreviewCommandLine.parse(new String[] {"--page-cache", "oui"}, DEFAULTS));
    assertTrue(PreviewCommandLine.USAGE.contains("--page-cache"));
    assertTrue(PreviewCommandLine.USAGE.contains("vidé à chaque modification du contenu"));
    assertTrue(PreviewCommandLine.USAGE.contains("emptied on any content change"));
  }

  @Test
  void readsEveryOption(@TempDir Path dir) throws Exception {
    PreviewOptions options =
        PreviewCommandLine.parse(
            new String[] {
              "--port",
              "0",
              "--host",
              "0.0.0.0",
              "--project",
              dir.toString(),
              "--data",
              dir.resolve("d").toString()
            },
            DEFAULTS);
    assertEquals(0, options.port());
    assertEquals("0.0.0.0", options.host());
    assertEquals(dir.toAbsolutePath(), options.projectDir());
    assertEquals(dir.resolve("d").toAbsolutePath(), options.dataDir());
    assertTrue(PreviewCommandLine.parse(new String[] {"--in-memory"}, DEFAULTS).inMemory());
  }

  @Test
  void invalidOptionsAreRefused() {
    String[][] invalid = {
      {"--port"},
      {"--port", "x"},
      {"--port", "65536"},
      {"--port", "-1"},
      {"--nope"},
      {"--data", "d", "--in-memory"},
      {"--project", "--port"},
      {"extra"},
    };
    for (String[] args : invalid) {
      assertThrows(
          PreviewCommandLine.UsageException.class,
          () -> PreviewCommandLine.parse(args, DEFAULTS),
          String.join(" ", args));
    }
    assertThrows(
        PreviewCommandLine.HelpRequested.class,
        () -> PreviewCommandLine.parse(new String[] {"--help"}, DEFAULTS));
  }

  @Test
  void mainExitsWith2AndUsageOnInvalidOptionsWithoutStackTrace() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = PreviewMain.run(new String[] {"--port", "abc"}, print(out), print(err));
    assertEquals(2, exit);
    String message = err.toString(StandardCharsets.UTF_8);
    assertTrue(message.contains("Port invalide"), message);
    assertTrue(message.contains("Usage"), message);
    assertFalse(message.contains("Exception"), message);
    assertEquals(0, PreviewMain.run(new String[] {"-h"}, print(out), print(err)));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("--in-memory"));
  }

  @Test
  void publicUrlIsAnAbsoluteHttpUrlWithoutQueryOrFragment() throws Exception {
    assertEquals(null, DEFAULTS.publicUrl());
    String[][] valid = {
      {"https://www.irev.fr", "https://www.irev.fr"},
      {"https://www.irev.fr/", "https://www.irev.fr"},
      {"HTTP://LocalHost:8080", "http://localhost:8080"},
      {"https://irev.fr/site/", "https://irev.fr/site"},
      {"http://[::1]:9000", "http://[::1]:9000"},
    };
    for (String[] c : valid) {
      PreviewOptions options =
          PreviewCommandLine.parse(new String[] {"--public-url", c[0]}, DEFAULTS);
      assertEquals(c[1], options.publicUrl(), c[0]);
    }
    assertEquals("https://irev.fr", DEFAULTS.withPublicUrl("https://irev.fr/").publicUrl());
    String[] invalid = {
      "www.irev.fr",
      "/actualites",
      "ftp://irev.fr",
      "javascript:alert(1)",
      "https://",
      "https://irev.fr/?x=1",
      "https://irev.fr/#top",
      "https://user:pass@irev.fr",
      "https://irev.fr:99999",
      "https://irev.fr//x",
      "http://exa mple.org",
      "",
    };
    for (String url : invalid) {
      PreviewCommandLine.UsageException e =
          assertThrows(
              PreviewCommandLine.UsageException.class,
              () -> PreviewCommandLine.parse(new String[] {"--public-url", url}, DEFAULTS),
              url);
      assertTrue(e.getMessage().contains("URL publique invalide"), e.getMessage());
      assertTrue(e.getMessage().contains("invalid public URL"), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withPublicUrl(url), url);
    }
    assertThrows(
        PreviewCommandLine.UsageException.class,
        () -> PreviewCommandLine.parse(new String[] {"--public-url"}, DEFAULTS));
  }

  @Test
  void mainExitsWith2OnAnInvalidPublicUrlAndDocumentsTheOption() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        PreviewMain.run(
            new String[] {"--public-url", "https://irev.fr/?q=1"}, print(out), print(err));
    assertEquals(2, exit);
    String message = err.toString(StandardCharsets.UTF_8);
    assertTrue(message.contains("URL publique invalide"), message);
    assertTrue(message.contains("--public-url URL"), message);
    assertFalse(message.contains("Exception"), message);
    assertTrue(PreviewCommandLine.USAGE.contains("--public-url"));
    assertTrue(PreviewCommandLine.USAGE.contains("Host"));
  }

  @Test
  void defaultPublicUrlHostIsTheListeningHostOrLocalhostForWildcards() {
    assertEquals("localhost", PreviewServer.hostForUrl("localhost"));
    assertEquals("localhost", PreviewServer.hostForUrl("0.0.0.0"));
    assertEquals("localhost", PreviewServer.hostForUrl("::"));
    assertEquals("localhost", PreviewServer.hostForUrl("[::]"));
    assertEquals("[::1]", PreviewServer.hostForUrl("::1"));
    assertEquals("127.0.0.1", PreviewServer.hostForUrl("127.0.0.1"));
    assertEquals("preview.local", PreviewServer.hostForUrl("Preview.Local"));
  }

  @Test
  void mainExitsWith1WhenTheProjectIsMissing(@TempDir Path dir) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        PreviewMain.run(
            new String[] {"--project", dir.toString(), "--in-memory", "--port", "0"},
            print(new ByteArrayOutputStream()),
            print(err));
    assertEquals(1, exit);
    String message = err.toString(StandardCharsets.UTF_8);
    assertTrue(message.contains("magnolia-module.xml"), message);
    assertFalse(message.contains("\tat "), message);
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }
}
