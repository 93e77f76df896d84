package fr.irev.news.preview;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the preview server's command line into {@link PreviewOptions}. */
final class PreviewCommandLine {

  /** Printed for {@code --help} and after an invalid option. */
  static final String USAGE =
      String.join(
          System.lineSeparator(),
          "Usage : PreviewServer [--port N] [--host H] [--data DIR | --in-memory] [--project DIR]"
              + " [--public-url URL] [--page-cache]",
          "  --port N       port HTTP (défaut 8080 ; 0 = port libre) / HTTP port (default 8080; 0 = any free port)",
          "  --host H       interface d'écoute (défaut localhost) / interface to listen on (default localhost)",
          "  --data DIR     dépôt JCR persistant (défaut ./data/preview) / persistent JCR repository (default ./data/preview)",
          "  --in-memory    dépôt en mémoire, perdu à l'arrêt / in-memory repository, lost on stop",
          "  --project DIR  dossier contenant magnolia-module.xml et light-modules/ (défaut : dossier courant)",
          "                 folder holding magnolia-module.xml and light-modules/ (default: working directory)",
          "  --public-url URL  adresse publique du site pour les liens absolus (défaut http://<host>:<port>),",
          "                 jamais l'en-tête Host de la requête ; URL http(s) absolue sans requête ni fragment",
          "                 public address of the site for absolute links (default http://<host>:<port>),",
          "                 never the request's Host header; absolute http(s) URL without query or fragment",
          "  --smtp-host H  serveur SMTP des e-mails d'inscription (sans lui : boîte d'envoi visible par l'équipe)",
          "                 SMTP server for registration e-mails (without it: outbox shown to staff)",
          "  --smtp-port N  port SMTP / SMTP port;  --smtp-security NONE|STARTTLS|SMTPS",
          "  --mail-from A  adresse d'expédition / sender address",
          "  --staff-password P  mot de passe de l'équipe (utilisateur « equipe ») / staff password",
          "  --page-cache   garde les pages rendues en mémoire comme le cache de Magnolia sur une instance",
          "                 publique : vidé à chaque modification du contenu, 60 s au plus",
          "                 keeps rendered pages in memory like Magnolia's cache on a public instance:",
          "                 emptied on any content change, 60 s at most",
          "  --help         cette aide / this help");

  /** An invalid command line; the message says which option, in French and English. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /** Thrown for {@code --help}. */
  static final class HelpRequested extends Exception {
    private static final long serialVersionUID = 1L;
  }

  private PreviewCommandLine() {}

  /**
   * @param args the command line
   * @param defaults options before the command line applies
   * @return the options
   * @throws UsageException when an option is unknown, lacks its value or has an invalid one
   * @throws HelpRequested for {@code --help} or {@code -h}
   */
  static PreviewOptions parse(String[] args, PreviewOptions defaults)
      throws UsageException, HelpRequested {
    PreviewOptions options = defaults;
    boolean data = false;
    boolean memory = false;
    Map<String, String> mail = new LinkedHashMap<>(defaults.mail());
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--help", "-h" -> throw new HelpRequested();
        case "--port" -> options = options.withPort(port(value(args, ++i, arg)));
        case "--host" -> options = options.withHost(value(args, ++i, arg));
        case "--data" -> {
          options = options.withDataDir(path(value(args, ++i, arg), arg));
          data = true;
        }
        case "--project" -> options = options.withProjectDir(path(value(args, ++i, arg), arg));
        case "--public-url" -> options = publicUrl(options, value(args, ++i, arg));
        case "--in-memory" -> memory = true;
        case "--page-cache" -> options = options.withPageCache(true);
        case "--smtp-host" -> mail.put("irev.mail.host", value(args, ++i, arg));
        case "--smtp-port" ->
            mail.put("irev.mail.port", Integer.toString(port(value(args, ++i, arg))));
        case "--smtp-security" -> mail.put("irev.mail.security", value(args, ++i, arg));
        case "--mail-from" -> mail.put("irev.mail.from", value(args, ++i, arg));
        case "--staff-password" -> {
          String password = value(args, ++i, arg);
          if (password.length() < 8) {
            throw new UsageException(
                "Mot de passe trop court (8 caractères au moins) / password too short (8 characters"
                    + " at least)");
          }
          options = options.withStaffPassword(password);
        }
        default -> throw new UsageException("Option inconnue / unknown option: " + arg);
      }
    }
    if (data && memory) {
      throw new UsageException(
          "--data et --in-memory s'excluent / --data and --in-memory exclude each other");
    }
    options = options.withMail(mail);
    return memory ? options.withInMemory() : options;
  }

  private static String value(String[] args, int index, String option) throws UsageException {
    if (index >= args.length || args[index].startsWith("--")) {
      throw new UsageException("Valeur manquante pour / missing value for " + option);
    }
    return args[index];
  }

  private static int port(String text) throws UsageException {
    try {
      int port = Integer.parseInt(text);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException("Port invalide (0-65535) / invalid port (0-65535): " + text);
  }

  private static PreviewOptions publicUrl(PreviewOptions options, String url)
      throws UsageException {
    try {
      return options.withPublicUrl(url);
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          "URL publique invalide (URL http(s) absolue, sans requête ni fragment) / invalid public"
              + " URL (absolute http(s) URL, no query or fragment): "
              + url);
    }
  }

  private static Path path(String text, String option) throws UsageException {
    try {
      return Path.of(text).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new UsageException("Chemin invalide pour / invalid path for " + option + ": " + text);
    }
  }
}
