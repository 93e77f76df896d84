package fr.irev.news.templating;

/** One choice of a listing facet: a link to the list with this filter and the others kept. */
public final class FacetView {
  private final String label;
  private final String url;
  private final long count;
  private final boolean selected;

  FacetView(String label, String url, long count, boolean selected) {
    this.label = label;
    this.url = url;
    this.count = count;
    this.selected = selected;
  }

  /**
   * @return e.g. {@code Nord}
   */
  public String getLabel() {
    return label;
  }

  /**
   * @return the list's address with this choice and the other applied filters (first page)
   */
  public String getUrl() {
    return url;
  }

  /**
   * @return number of items matching this choice and the other applied filters; -1 when not counted
   *     (period choices)
   */
  public long getCount() {
    return count;
  }

  /**
   * @return whether this choice is the applied filter
   */
  public boolean isSelected() {
    return selected;
  }
}
