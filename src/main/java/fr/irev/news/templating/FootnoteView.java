package fr.irev.news.templating;

/** A numbered link of the printed page (FTL: {@code note.number}, {@code note.url}). */
public final class FootnoteView {
  private final int number;
  private final String url;
  private final String label;

  FootnoteView(int number, String url, String label) {
    this.number = number;
    this.url = url;
    this.label = label;
  }

  /**
   * @return number from 1, in document order
   */
  public int getNumber() {
    return number;
  }

  /**
   * @return the absolute address
   */
  public String getUrl() {
    return url;
  }

  /**
   * @return what the link is (its text)
   */
  public String getLabel() {
    return label;
  }
}
