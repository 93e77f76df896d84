package fr.irev.news.preview.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The preview's French error pages (404 « Page introuvable », 400, 405, 500, 505…): a short HTML
 * page with a link back to {@code /actualites}, never a stack trace or a technical message. Like
 * the site's pages it has the module's stylesheet, a skip link to its {@code main} and one {@code
 * h1} (RGAA 12.7, 9.1).
 */
public final class ErrorPages {

  /** Content type of every HTML answer. */
  public static final String HTML_UTF8 = "text/html;charset=UTF-8";

  private static final String TEMPLATE = load();

  private ErrorPages() {}

  /**
   * @param status HTTP status, e.g. 404
   * @param contextPath the context path ({@code ""} at the root)
   * @return the page, UTF-8 HTML
   */
  public static String html(int status, String contextPath) {
    String context = escape(contextPath == null ? "" : contextPath);
    return TEMPLATE
        .replace("{{title}}", title(status))
        .replace("{{message}}", message(status))
        .replace("{{context}}", context)
        .replace("{{home}}", context + "/actualites")
        .replace("{{status}}", Integer.toString(status));
  }

  /**
   * Answers with the French page of a status, unless the response is committed already.
   *
   * @param response the response; its buffer is reset
   * @param status HTTP status, e.g. 404
   * @param contextPath the context path ({@code ""} at the root)
   * @throws IOException when writing fails (client gone)
   */
  public static void send(HttpServletResponse response, int status, String contextPath)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    byte[] body = html(status, contextPath).getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType(HTML_UTF8);
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /**
   * @return the title of a status's page
   */
  static String title(int status) {
    return switch (status) {
      case 400 -> "Requête invalide";
      case 403 -> "Accès refusé";
      case 404, 410 -> "Page introuvable";
      case 405 -> "Méthode non acceptée";
      case 413 -> "Requête trop volumineuse";
      case 501 -> "Requête non prise en charge";
      case 503 -> "Service indisponible";
      case 505 -> "Version HTTP non prise en charge";
      default -> status >= 500 ? "Erreur du site" : "Requête refusée";
    };
  }

  private static String message(int status) {
    return switch (status) {
      case 400 -> "L’adresse ou les paramètres de la requête ne sont pas valides.";
      case 403 -> "Vous n’avez pas accès à cette page.";
      case 404, 410 -> "La page demandée n’existe pas ou a été déplacée.";
      case 405 -> "Cette adresse n’accepte pas la méthode HTTP utilisée par cette requête.";
      case 413 -> "Les données envoyées sont trop volumineuses.";
      case 501 -> "Le site ne prend pas en charge ce type de requête.";
      case 503 -> "Ce service n’est pas disponible pour le moment. Veuillez réessayer plus tard.";
      case 505 ->
          "Le site ne prend pas en charge la version du protocole HTTP utilisée par la requête"
              + " (HTTP/1.0 et HTTP/1.1 sont acceptés).";
      default ->
          status >= 500
              ? "Une erreur est survenue lors de l’affichage de cette page. Veuillez réessayer plus tard."
              : "La requête n’a pas pu être traitée.";
    };
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  private static String load() {
    try (InputStream in = ErrorPages.class.getResourceAsStream("error-page.html")) {
      if (in == null) {
        throw new IllegalStateException("Missing resource error-page.html");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
