package fr.irev.news.templating;

/** A page of this site to go back to, e.g. from the bookmark help page. */
public final class ReturnLinkView {
  private final String url;
  private final String absoluteUrl;

  ReturnLinkView(String url, String absoluteUrl) {
    this.url = url;
    this.absoluteUrl = absoluteUrl;
  }

  /**
   * @return the page's address on this site (with context path)
   */
  public String getUrl() {
    return url;
  }

  /**
   * @return the page's full address, to bookmark or copy
   */
  public String getAbsoluteUrl() {
    return absoluteUrl;
  }
}
