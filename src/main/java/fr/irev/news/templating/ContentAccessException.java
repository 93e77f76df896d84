package fr.irev.news.templating;

/** A repository failure while rendering: a server fault, never caused by a visitor's input. */
public class ContentAccessException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what was being read
   * @param cause the repository's exception
   */
  public ContentAccessException(String message, Throwable cause) {
    super(message, cause);
  }
}
