package fr.irev.news.browser;

import static fr.irev.news.testing.SeedFacts.NEXT_SESSION;
import static fr.irev.news.testing.SeedFacts.SEED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Text spacing (WCAG 1.4.12, RGAA 10.12) at 320 px in Chromium: with the user's spacing stylesheet
 * of the criterion, the list, both sample detail pages, the form sent empty (errors) and an answer
 * page do not scroll sideways; and the staff pages' frame: a banner with the space's name, the
 * content away from the window's edges at 320 and 1280 px.
 */
class TextSpacingTest {

  private static final int NARROW = 320;

  /** The spacing of WCAG 1.4.12, as a bookmarklet or a user stylesheet sets it. */
  private static final String SPACING =
      "*{line-height:1.5!important;letter-spacing:.12em!important;word-spacing:.16em!important}"
          + " p{margin-bottom:2em!important}";

  private static BrowserSite site;
  private static Browser browser;
  private static ChromeDriver driver;

  @BeforeAll
  static void start() throws Exception {
    site = BrowserSite.shared();
    browser = Browser.start(true);
    driver = browser.driver();
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
  }

  @AfterEach
  void desktopAgain() {
    browser.resize(Browser.WIDTH, Browser.HEIGHT);
  }

  /**
   * Adds the spacing stylesheet as a constructed one: the page's CSP refuses a {@code <style>}
   * element, even one a WebDriver script adds, not the CSS object model.
   */
  private static void spaceText() {
    driver.executeScript(
        "var s = new CSSStyleSheet(); s.replaceSync(arguments[0]);"
            + " document.adoptedStyleSheets = document.adoptedStyleSheets.concat([s]);",
        SPACING);
    Object letterSpacing =
        driver.executeScript("return getComputedStyle(document.body).letterSpacing;");
    assertTrue(!"normal".equals(letterSpacing), "spacing applied: " + letterSpacing);
  }

  private static long scrollWidth() {
    return ((Number) driver.executeScript("return document.documentElement.scrollWidth;"))
        .longValue();
  }

  /** The elements wider than the window, for the failure message. */
  private static String overflowing() {
    return String.valueOf(
        driver.executeScript(
            "var w = document.documentElement.clientWidth, out = [];"
                + " document.querySelectorAll('body *').forEach(function (e) {"
                + "   var r = e.getBoundingClientRect();"
                + "   if (r.right > w + 0.5) out.push(e.tagName + '.' + e.className + ' in .'"
                + " + e.parentElement.className + ' \"' + e.textContent.slice(0, 30) + '\" '"
                + "     + Math.round(r.right));"
                + " }); return out.slice(0, 8).join(', ');"));
  }

  private static void assertNoSidewaysScroll(String what) {
    spaceText();
    long width = scrollWidth();
    assertTrue(width <= NARROW, what + ": scrollWidth " + width + " > 320; " + overflowing());
  }

  private static void submitForm() {
    Pages.load(
        driver,
        () -> driver.findElement(By.cssSelector("form.irev-form button[type=submit]")).click());
  }

  @Test
  void spacedTextDoesNotWidenThePagesAt320Px() {
    browser.resize(NARROW, Browser.HEIGHT);
    for (String path :
        List.of(
            "/actualites",
            "/actualites/" + SEED,
            "/actualites/" + NEXT_SESSION,
            "/.irev-news/registration/annulation?jeton=abc",
            "/.irev-news/staff/login")) {
      driver.get(site.url(path));
      assertNoSidewaysScroll(path);
    }
    driver.get(site.url("/actualites/" + NEXT_SESSION));
    submitForm();
    assertTrue(
        driver.getTitle().startsWith("Erreur"), "the answer with errors: " + driver.getTitle());
    assertNoSidewaysScroll("form sent empty");
  }

  @Test
  void staffPagesHaveABannerAndMargins() {
    for (int width : List.of(NARROW, Browser.WIDTH)) {
      browser.resize(width, Browser.HEIGHT);
      driver.get(site.url("/.irev-news/staff/login"));
      assertEquals(
          "IREV – Inscriptions (équipe)",
          driver.findElement(By.cssSelector("header .irev-staff__site")).getText());
      for (String css : List.of("h1", "header .irev-staff__site", "form")) {
        WebElement element = driver.findElement(By.cssSelector(css));
        long left = element.getRect().getX();
        long right = element.getRect().getX() + element.getRect().getWidth();
        assertTrue(left >= 16, width + " px: " + css + " starts at " + left);
        assertTrue(right <= width - 16, width + " px: " + css + " ends at " + right);
      }
      assertTrue(scrollWidth() <= width, width + " px: " + overflowing());
    }
  }
}
