package fr.irev.news.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium ({@code /usr/bin/chromium}) driven through Debian's ChromeDriver
 * ({@code /usr/bin/chromedriver}), as the browser tests use it: French, 1280 × 900 CSS px by
 * default, a throw-away profile, downloads saved without asking into {@link #downloads()}, and no
 * background connection of its own (this machine's network is closed to everything but loopback).
 * Nothing is downloaded: both programs come from {@code .ci/test-tools}; the system properties
 * {@code irev.chromium} and {@code irev.chromedriver} name other binaries.
 *
 * <p>Close it after the test class (it stops the browser and deletes its profile).
 */
public final class Browser implements AutoCloseable {

  /** Default window width, CSS px. */
  public static final int WIDTH = 1280;

  /** Default window height, CSS px. */
  public static final int HEIGHT = 900;

  private final ChromeDriver driver;
  private final Path profile;
  private final Path downloads;
  private final boolean javaScript;

  private Browser(ChromeDriver driver, Path profile, Path downloads, boolean javaScript) {
    this.driver = driver;
    this.profile = profile;
    this.downloads = downloads;
    this.javaScript = javaScript;
  }

  /**
   * Starts a browser.
   *
   * @param javaScript false to start it with JavaScript turned off (the pages must work without)
   * @return a started browser
   * @throws IllegalStateException when Chromium or ChromeDriver is not installed, naming the
   *     command that installs them
   * @throws IOException when the profile folders cannot be made
   */
  public static Browser start(boolean javaScript) throws IOException {
    File chromium = new File(System.getProperty("irev.chromium", "/usr/bin/chromium"));
    File chromedriver = new File(System.getProperty("irev.chromedriver", "/usr/bin/chromedriver"));
    if (!chromium.canExecute() || !chromedriver.canExecute()) {
      throw new IllegalStateException(
          "Browser tests need Debian's Chromium and ChromeDriver ("
              + chromium
              + ", "
              + chromedriver
              + "): run .ci/test-tools (apt-get install chromium chromium-driver wrk)");
    }
    Path profile = Files.createTempDirectory("irev-chromium-");
    Path downloads = Files.createDirectories(profile.resolve("downloads"));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--disable-dev-shm-usage",
        "--force-device-scale-factor=1",
        "--hide-scrollbars",
        "--lang=fr-FR",
        "--window-size=" + WIDTH + "," + HEIGHT,
        "--user-data-dir=" + profile.resolve("profile"));
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "intl.accept_languages",
            "fr-FR,fr",
            "download.default_directory",
            downloads.toString(),
            "download.prompt_for_download",
            false,
            "webkit.webprefs.javascript_enabled",
            javaScript,
            "profile.managed_default_content_settings.javascript",
            javaScript ? 1 : 2));
    options.setExperimentalOption("excludeSwitches", List.of("enable-automation"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(chromedriver)
            .usingAnyFreePort()
            .withSilent(true)
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    driver.executeCdpCommand(
        "Browser.setDownloadBehavior",
        Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    Browser browser = new Browser(driver, profile, downloads, javaScript);
    browser.resize(WIDTH, HEIGHT);
    return browser;
  }

  /**
   * @return whether pages run their scripts in this browser
   */
  public boolean javaScript() {
    return javaScript;
  }

  /**
   * @return the WebDriver of this browser
   */
  public ChromeDriver driver() {
    return driver;
  }

  /**
   * @return the folder where downloads land (empty at start)
   */
  public Path downloads() {
    return downloads;
  }

  /**
   * Sets the size of the page's viewport (the layout width CSS media queries see).
   *
   * @param width CSS px
   * @param height CSS px
   */
  public void resize(int width, int height) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    driver.manage().window().setSize(new Dimension(width, height));
  }

  /**
   * Makes the page use its print style sheet ({@code @media print}), as when printing.
   *
   * @param print true for print media, false for screen
   */
  public void emulatePrint(boolean print) {
    driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", print ? "print" : ""));
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }
}
