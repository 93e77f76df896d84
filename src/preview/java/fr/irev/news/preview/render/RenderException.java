package fr.irev.news.preview.render;

/**
 * A page could not be rendered because of the site's own files or content (unknown template,
 * missing script, template error), never because of the request. The message is for logs only.
 */
public final class RenderException extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what went wrong, naming the template or node
   * @param cause the underlying error, or {@code null}
   */
  public RenderException(String message, Throwable cause) {
    super(message, cause);
  }
}
