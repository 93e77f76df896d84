package fr.irev.news.preview;

import java.io.IOException;
import java.io.PrintStream;
import javax.jcr.RepositoryException;

/** The command line run of the preview server, separated from {@code System.exit} for tests. */
final class PreviewMain {

  private PreviewMain() {}

  /**
   * Parses the options, starts the server, prints where it is and returns once it has stopped.
   *
   * @return the exit code: 0 after a normal stop or {@code --help}, 1 when the server cannot start,
   *     2 for invalid options
   */
  static int run(String[] args, PrintStream out, PrintStream err) {
    PreviewOptions options;
    try {
      options = PreviewCommandLine.parse(args, PreviewOptions.defaults());
    } catch (PreviewCommandLine.HelpRequested help) {
      out.println(PreviewCommandLine.USAGE);
      return 0;
    } catch (PreviewCommandLine.UsageException e) {
      err.println(e.getMessage());
      err.println(PreviewCommandLine.USAGE);
      return 2;
    }
    PreviewServer server;
    try {
      server = PreviewServer.start(options);
    } catch (IOException | RepositoryException | RuntimeException e) {
      err.println(
          "Le serveur d'aperçu n'a pas pu démarrer / the preview server could not start: "
              + e.getMessage());
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "preview-shutdown"));
    out.println("Preview ready: " + server.baseUri().resolve("actualites"));
    if (!server.baseUri().toString().equals(server.publicUrl() + "/")) {
      out.println("Public URL (absolute links): " + server.publicUrl());
    }
    try {
      server.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.close();
    }
    return 0;
  }
}
