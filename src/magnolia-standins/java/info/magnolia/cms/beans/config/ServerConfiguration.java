package info.magnolia.cms.beans.config;

/**
 * STAND-IN for Magnolia 6.4's {@code info.magnolia.cms.beans.config.ServerConfiguration}, reduced
 * to the members the adapter uses, with the same signatures. Compiled only in the default build;
 * never packaged.
 */
public class ServerConfiguration {

  private String defaultBaseUrl;

  /** Magnolia 6.4: the configured public address of the instance ({@code defaultBaseUrl}). */
  public String getDefaultBaseUrl() {
    return defaultBaseUrl;
  }

  /** Magnolia 6.4: sets the public address. */
  public void setDefaultBaseUrl(String defaultBaseUrl) {
    this.defaultBaseUrl = defaultBaseUrl;
  }
}
