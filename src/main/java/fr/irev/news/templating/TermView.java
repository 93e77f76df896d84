package fr.irev.news.templating;

import java.util.List;

/** A thematic or territory as shown on a page: a link to the list filtered by it. */
public final class TermView {
  private final String name;
  private final String title;
  private final String url;
  private final int footnote;
  private final List<TermView> ancestors;

  TermView(String name, String title, String url, int footnote, List<TermView> ancestors) {
    this.name = name;
    this.title = title;
    this.url = url;
    this.footnote = footnote;
    this.ancestors = List.copyOf(ancestors);
  }

  /**
   * @return the term's slug
   */
  public String getName() {
    return name;
  }

  /**
   * @return display name
   */
  public String getTitle() {
    return title;
  }

  /**
   * @return address of the news list filtered by this term (with context path)
   */
  public String getUrl() {
    return url;
  }

  /**
   * @return footnote number of the link in the printed page
   */
  public int getFootnote() {
    return footnote;
  }

  /**
   * @return parent terms, root first; empty for a root term
   */
  public List<TermView> getAncestors() {
    return ancestors;
  }
}
