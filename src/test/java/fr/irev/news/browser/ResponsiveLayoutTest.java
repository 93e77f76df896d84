package fr.irev.news.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.testing.SeedFacts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The layout the stylesheet gives the list and the registration form, measured in Chromium at a
 * phone's width (375 px) and a desktop's (1280 px): the "Inscription" heading at the top of its
 * box, the consent box on the line of its label, and the list's items on a phone's first screen,
 * the facets after them (a link "Filtrer les actualités" leads there), beside them on a desktop.
 */
class ResponsiveLayoutTest {

  private static final int PHONE = 375;

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

  private static Map<String, Object> rect(ChromeDriver on, WebElement element) {
    @SuppressWarnings("unchecked")
    Map<String, Object> r =
        (Map<String, Object>)
            on.executeScript(
                "var r = arguments[0].getBoundingClientRect();"
                    + "return {top: r.top + scrollY, left: r.left, right: r.right,"
                    + " bottom: r.bottom + scrollY};",
                element);
    return r;
  }

  private static double n(Map<String, Object> rect, String key) {
    return ((Number) rect.get(key)).doubleValue();
  }

  private static String style(WebElement element, String property) {
    return (String)
        driver.executeScript(
            "return getComputedStyle(arguments[0])[arguments[1]];", element, property);
  }

  /** The heading sits at the top of the box: the box's padding above it, no margin added. */
  @Test
  void registrationHeadingStartsAtTheTopOfItsBox() {
    driver.get(site.url("/actualites/" + SeedFacts.NEXT_SESSION));
    WebElement section = driver.findElement(By.cssSelector("section.irev-registration"));
    WebElement heading = section.findElement(By.cssSelector("h2.irev-registration__title"));
    assertEquals("Inscription", heading.getText());
    assertEquals("0px", style(heading, "marginTop"));
    double inside =
        n(rect(driver, heading), "top")
            - n(rect(driver, section), "top")
            - Double.parseDouble(style(section, "borderTopWidth").replace("px", ""))
            - Double.parseDouble(style(section, "paddingTop").replace("px", ""));
    assertEquals(0.0, inside, 0.5, "space between the box's padding and the heading");
  }

  /** At 375 px the consent box is on the first line of its label, left of the label's text. */
  @Test
  void consentBoxSitsBesideItsLabelOnAPhone() {
    driver.get(site.url("/actualites/" + SeedFacts.NEXT_SESSION));
    for (int width : List.of(PHONE, Browser.WIDTH)) {
      browser.resize(width, Browser.HEIGHT);
      WebElement box = driver.findElement(By.id("irev-reg-consent"));
      WebElement label = driver.findElement(By.cssSelector("label[for=irev-reg-consent]"));
      Map<String, Object> b = rect(driver, box);
      Map<String, Object> l = rect(driver, label);
      String where = width + " px: box " + b + ", label " + l;
      assertTrue(n(b, "right") <= n(l, "left"), "box left of its label, " + where);
      assertTrue(n(b, "top") >= n(l, "top") - 1, "box not above the label, " + where);
      assertTrue(n(b, "bottom") <= n(l, "top") + 30, "box on the label's first line, " + where);
      if (width == PHONE) {
        assertTrue(n(l, "bottom") - n(l, "top") > 60, "label wraps beside the box, " + where);
      }
    }
  }

  /**
   * On a phone the first screen shows the first items, under a link down to the facets, which come
   * after the list; the link takes the keyboard's focus there (no script involved).
   */
  @Test
  void phoneListShowsItemsFirstThenTheFacets() {
    browser.resize(PHONE, Browser.HEIGHT);
    driver.get(site.url("/actualites"));
    WebElement jump = driver.findElement(By.cssSelector(".irev-facets__jump a"));
    assertEquals("Filtrer les actualités", jump.getText());
    assertTrue(jump.isDisplayed());
    assertEquals("#filtres", jump.getAttribute("href").replaceAll("^[^#]*", ""));
    List<WebElement> titles = driver.findElements(By.cssSelector(".irev-summary__title"));
    assertTrue(
        n(rect(driver, titles.get(0)), "bottom") < Browser.HEIGHT,
        "the first item's title on the first screen: " + rect(driver, titles.get(0)));
    WebElement facets = driver.findElement(By.cssSelector("nav.irev-facets"));
    WebElement lastItem =
        driver.findElements(By.cssSelector(".irev-list__item")).stream()
            .reduce((a, b) -> b)
            .orElseThrow();
    assertTrue(
        n(rect(driver, facets), "top") >= n(rect(driver, lastItem), "bottom"),
        "facets under the list");

    KeyboardVisitor keyboard = new KeyboardVisitor(driver);
    keyboard.tabTo(jump);
    keyboard.press(Keys.ENTER);
    assertEquals("filtres", driver.switchTo().activeElement().getAttribute("id"));
    keyboard.press(Keys.TAB);
    assertEquals(
        driver.findElements(By.cssSelector(".irev-facets__link")).get(0),
        driver.switchTo().activeElement(),
        "Tab goes on with the first facet");
    assertEquals(
        List.of("Type", "Période", "Thématiques", "Territoires"),
        driver.findElements(By.cssSelector(".irev-facets h2")).stream()
            .map(WebElement::getText)
            .toList());
  }

  /** On a desktop the facets sit beside the list, and the link down to them is not shown. */
  @Test
  void desktopListShowsTheFacetsBesideTheList() {
    driver.get(site.url("/actualites"));
    assertFalse(driver.findElement(By.cssSelector(".irev-facets__jump a")).isDisplayed());
    List<WebElement> facets = driver.findElements(By.cssSelector(".irev-facets__link"));
    assertTrue(facets.size() > 4, "facets");
    for (WebElement facet : facets) {
      assertTrue(facet.isDisplayed(), facet.getText());
    }
    WebElement list = driver.findElement(By.cssSelector("ul.irev-list"));
    Map<String, Object> first = rect(driver, facets.get(0));
    assertTrue(n(first, "left") >= n(rect(driver, list), "right"), "facets right of the list");
    assertTrue(n(first, "top") < n(rect(driver, list), "top") + 100, "facets at the list's top");
  }
}
