package fr.irev.news.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.testing.SeedFacts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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

  @RegisterExtension static final BrowserClass ui = BrowserClass.withJavaScript();

  private static final int PHONE = 375;

  @AfterEach
  void desktopAgain() {
    ui.browser().resize(Browser.WIDTH, Browser.HEIGHT);
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
        ui.driver()
            .executeScript(
                "return getComputedStyle(arguments[0])[arguments[1]];", element, property);
  }

  /** The heading sits at the top of the box: the box's padding above it, no margin added. */
  @Test
  void registrationHeadingStartsAtTheTopOfItsBox() {
    ui.driver().get(ui.site().url("/actualites/" + SeedFacts.NEXT_SESSION));
    WebElement section = ui.driver().findElement(By.cssSelector("section.irev-registration"));
    WebElement heading = section.findElement(By.cssSelector("h2.irev-registration__title"));
    assertEquals("Inscription", heading.getText());
    assertEquals("0px", style(heading, "marginTop"));
    double inside =
        n(rect(ui.driver(), heading), "top")
            - n(rect(ui.driver(), section), "top")
            - Double.parseDouble(style(section, "borderTopWidth").replace("px", ""))
            - Double.parseDouble(style(section, "paddingTop").replace("px", ""));
    assertEquals(0.0, inside, 0.5, "space between the box's padding and the heading");
  }

  /** At 375 px the consent box is on the first line of its label, left of the label's text. */
  @Test
  void consentBoxSitsBesideItsLabelOnAPhone() {
    ui.driver().get(ui.site().url("/actualites/" + SeedFacts.NEXT_SESSION));
    for (int width : List.of(PHONE, Browser.WIDTH)) {
      ui.browser().resize(width, Browser.HEIGHT);
      WebElement box = ui.driver().findElement(By.id("irev-reg-consent"));
      WebElement label = ui.driver().findElement(By.cssSelector("label[for=irev-reg-consent]"));
      Map<String, Object> b = rect(ui.driver(), box);
      Map<String, Object> l = rect(ui.driver(), label);
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
    ui.browser().resize(PHONE, Browser.HEIGHT);
    ui.driver().get(ui.site().url("/actualites"));
    WebElement jump = ui.driver().findElement(By.cssSelector(".irev-facets__jump a"));
    assertEquals("Filtrer les actualités", jump.getText());
    assertTrue(jump.isDisplayed());
    assertEquals("#filtres", jump.getAttribute("href").replaceAll("^[^#]*", ""));
    List<WebElement> titles = ui.driver().findElements(By.cssSelector(".irev-summary__title"));
    assertTrue(
        n(rect(ui.driver(), titles.get(0)), "bottom") < Browser.HEIGHT,
        "the first item's title on the first screen: " + rect(ui.driver(), titles.get(0)));
    WebElement facets = ui.driver().findElement(By.cssSelector("nav.irev-facets"));
    WebElement lastItem =
        ui.driver().findElements(By.cssSelector(".irev-list__item")).stream()
            .reduce((a, b) -> b)
            .orElseThrow();
    assertTrue(
        n(rect(ui.driver(), facets), "top") >= n(rect(ui.driver(), lastItem), "bottom"),
        "facets under the list");

    KeyboardVisitor keyboard = new KeyboardVisitor(ui.driver());
    keyboard.tabTo(jump);
    keyboard.press(Keys.ENTER);
    assertEquals("filtres", ui.driver().switchTo().activeElement().getAttribute("id"));
    keyboard.press(Keys.TAB);
    assertEquals(
        ui.driver().findElements(By.cssSelector(".irev-facets__link")).get(0),
        ui.driver().switchTo().activeElement(),
        "Tab goes on with the first facet");
    assertEquals(
        List.of("Type", "Période", "Thématiques", "Territoires"),
        ui.driver().findElements(By.cssSelector(".irev-facets h2")).stream()
            .map(WebElement::getText)
            .toList());
  }

  /** On a desktop the facets sit beside the list, and the link down to them is not shown. */
  @Test
  void desktopListShowsTheFacetsBesideTheList() {
    ui.driver().get(ui.site().url("/actualites"));
    assertFalse(ui.driver().findElement(By.cssSelector(".irev-facets__jump a")).isDisplayed());
    List<WebElement> facets = ui.driver().findElements(By.cssSelector(".irev-facets__link"));
    assertTrue(facets.size() > 4, "facets");
    for (WebElement facet : facets) {
      assertTrue(facet.isDisplayed(), facet.getText());
    }
    WebElement list = ui.driver().findElement(By.cssSelector("ul.irev-list"));
    Map<String, Object> first = rect(ui.driver(), facets.get(0));
    assertTrue(n(first, "left") >= n(rect(ui.driver(), list), "right"), "facets right of the list");
    assertTrue(
        n(first, "top") < n(rect(ui.driver(), list), "top") + 100, "facets at the list's top");
  }
}
