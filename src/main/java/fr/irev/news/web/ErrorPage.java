package fr.irev.news.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The module servlets' error answers: a short French HTML page (no stack trace, no technical
 * message, no inline script or style, so any Content-Security-Policy allows it), {@code
 * Cache-Control: no-store} so that no shared cache keeps an error in place of a file.
 */
final class ErrorPage {

  /** Content type of the page. */
  static final String HTML_UTF8 = "text/html;charset=UTF-8";

  private ErrorPage() {}

  /**
   * Answers with the page of a status, unless the response is committed already (then nothing can
   * be changed and nothing is written). Headers set before (e.g. {@code Content-Range} of a 416)
   * are kept; {@code Cache-Control} is replaced.
   *
   * @param response the response; its buffer is reset
   * @param status HTTP status: 404, 412, 416 or 503 (any other gets a generic page)
   * @param contextPath the web application's context path, {@code ""} at the root; may be {@code
   *     null}
   * @param body {@code false} for a HEAD request: headers only
   * @throws IOException when writing fails (client gone)
   */
  static void send(HttpServletResponse response, int status, String contextPath, boolean body)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    byte[] page = html(status, contextPath).getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType(HTML_UTF8);
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setContentLength(page.length);
    if (body) {
      response.getOutputStream().write(page);
    }
  }

  /**
   * @param status HTTP status
   * @param contextPath context path, {@code ""} at the root; may be {@code null}
   * @return the page: {@code <title>} and {@code <h1>} name the problem, a paragraph explains it, a
   *     link leads to the site's home page; the module's stylesheet and a skip link to {@code main}
   *     as on the site's pages (RGAA 12.7)
   */
  static String html(int status, String contextPath) {
    String context = escape(contextPath == null ? "" : contextPath);
    String home = context + "/";
    return "<!DOCTYPE html>\n"
        + "<html lang=\"fr\">\n<head>\n<meta charset=\"UTF-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<meta name=\"robots\" content=\"noindex\">\n"
        + "<title>"
        + title(status)
        + " – IREV</title>\n"
        + "<link rel=\"stylesheet\" href=\""
        + context
        + "/.resources/irev-news/webresources/css/irev-news.css\">\n</head>\n"
        + "<body class=\"irev\">\n<a class=\"irev-skip\" href=\"#contenu\">Aller au contenu</a>\n"
        + "<main id=\"contenu\" class=\"irev-container irev-main\" tabindex=\"-1\">\n<h1>"
        + title(status)
        + "</h1>\n<p>"
        + message(status)
        + "</p>\n<p><a href=\""
        + home
        + "\">Retour à l’accueil du site</a></p>\n</main>\n</body>\n</html>\n";
  }

  /**
   * @return the title of a status's page
   */
  static String title(int status) {
    return switch (status) {
      case 404 -> "Fichier introuvable";
      case 412 -> "Condition non remplie";
      case 416 -> "Plage demandée non disponible";
      case 503 -> "Service indisponible";
      default -> "Erreur";
    };
  }

  private static String message(int status) {
    return switch (status) {
      case 404 ->
          "Le fichier demandé n’existe pas, n’est plus en ligne ou son adresse est incorrecte.";
      case 412 -> "Le fichier a changé depuis votre dernière visite. Veuillez recharger la page.";
      case 416 ->
          "La partie du fichier demandée n’existe pas. Veuillez télécharger le fichier entier.";
      case 503 -> "Ce service n’est pas disponible pour le moment. Veuillez réessayer plus tard.";
      default -> "La requête n’a pas pu être traitée. Veuillez réessayer plus tard.";
    };
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
