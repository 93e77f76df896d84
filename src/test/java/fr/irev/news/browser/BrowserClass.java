package fr.irev.news.browser;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What a browser test class shares across its tests, as a JUnit extension: the JVM's shared site
 * ({@link BrowserSite#shared()}), one Chromium of its own, and its {@link EventFixtures} when it
 * adds events. Declared as {@code @RegisterExtension static final BrowserClass ui = …}; started
 * before the class's own {@code @BeforeAll} methods, closed after its {@code @AfterAll} ones: the
 * browser and the fixtures each even when the other fails to close.
 */
final class BrowserClass implements BeforeAllCallback, AfterAllCallback {

  private final Boolean javaScript;
  private final boolean withEvents;
  private BrowserSite site;
  private Browser browser;
  private EventFixtures events;

  private BrowserClass(Boolean javaScript, boolean withEvents) {
    this.javaScript = javaScript;
    this.withEvents = withEvents;
  }

  /**
   * @return a class with a Chromium that runs the pages' JavaScript
   */
  static BrowserClass withJavaScript() {
    return new BrowserClass(true, false);
  }

  /**
   * @return a class with a Chromium that has JavaScript turned off
   */
  static BrowserClass withoutJavaScript() {
    return new BrowserClass(false, false);
  }

  /**
   * @return a class that talks HTTP to the site without a browser
   */
  static BrowserClass withoutBrowser() {
    return new BrowserClass(null, false);
  }

  /**
   * @return the same class, with event fixtures removed after its tests
   */
  BrowserClass withEvents() {
    return new BrowserClass(javaScript, true);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    site = BrowserSite.shared();
    if (withEvents) {
      events = new EventFixtures(site);
    }
    if (javaScript != null) {
      browser = Browser.start(javaScript);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      if (events != null) {
        events.close();
      }
    }
  }

  /**
   * @return the JVM's shared site
   */
  BrowserSite site() {
    return site;
  }

  /**
   * @return the class's Chromium
   * @throws IllegalStateException for a class without a browser
   */
  Browser browser() {
    if (browser == null) {
      throw new IllegalStateException("This test class has no browser");
    }
    return browser;
  }

  /**
   * @return the class's Chromium's driver
   */
  ChromeDriver driver() {
    return browser().driver();
  }

  /**
   * @return the class's event fixtures
   * @throws IllegalStateException for a class declared without them
   */
  EventFixtures events() {
    if (events == null) {
      throw new IllegalStateException("This test class has no event fixtures");
    }
    return events;
  }
}
