package fr.irev.news.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * A visitor without a mouse: reaches each control by pressing Tab (or Shift+Tab when it lies before
 * the focus) until it has the focus, then presses Enter (links, buttons), Space (check boxes) or
 * types (fields), always into the focused element ({@code driver.switchTo().activeElement()});
 * never clicks. Every control reached must show a visible focus indicator (an outline or a box
 * shadow: WCAG 2.4.7).
 */
public final class KeyboardVisitor implements Visitor {

  /** Most key presses to reach one control before giving up. */
  static final int MAX_PRESSES = 150;

  /**
   * Script fragment: the number of Tab stops from the focus {@code a} to {@code t} lying after it,
   * counted in document order over the visible controls without a negative {@code tabindex} (an
   * estimate: the page has no positive {@code tabindex}); at least 1.
   */
  private static final String STOPS_BETWEEN =
      "var all = Array.prototype.filter.call(document.querySelectorAll("
          + "'a[href], button, input, select, textarea, [tabindex]'), function (e) {"
          + " return !e.disabled && e.type !== 'hidden' && e.tabIndex >= 0"
          + " && e.getClientRects().length > 0; });"
          + "var from = all.indexOf(a), to = all.indexOf(t);"
          + "return from >= 0 && to > from ? to - from : 1;";

  private final ChromeDriver driver;

  /**
   * @param driver the browser to type into
   */
  public KeyboardVisitor(ChromeDriver driver) {
    this.driver = driver;
  }

  @Override
  public String name() {
    return "clavier";
  }

  @Override
  public void activate(WebElement control) {
    tabTo(control);
    press(Keys.ENTER);
  }

  @Override
  public void fill(WebElement field, String text) {
    tabTo(field);
    Pages.replaceFocusedText(driver, text);
  }

  @Override
  public void tick(WebElement box, boolean checked) {
    tabTo(box);
    if (box.isSelected() != checked) {
      press(Keys.SPACE);
    }
  }

  /** Presses one key in the focused element. */
  void press(CharSequence key) {
    new Actions(driver).sendKeys(key).perform();
  }

  /**
   * Presses Tab (Shift+Tab when the target precedes the focus) until {@code target} has the focus,
   * then checks that the focus is visible.
   *
   * @param target a focusable element of the current page
   * @return the number of key presses it took
   * @throws AssertionError after {@value #MAX_PRESSES} presses, naming the target and where the
   *     focus is
   */
  int tabTo(WebElement target) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    for (int presses = 0; presses <= MAX_PRESSES; presses++) {
      long where =
          ((Number)
                  js.executeScript(
                      "var a = document.activeElement, t = arguments[0];"
                          + "if (a === t) return 0;"
                          + "if (!a || a === document.body || a === document.documentElement)"
                          + " return 1;"
                          + "if (!(a.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING))"
                          + " return -1;"
                          + STOPS_BETWEEN,
                      target))
              .longValue();
      if (where == 0) {
        assertTrue(
            Pages.focusVisible(driver, target),
            "no visible focus indicator on " + Pages.describe(driver, target));
        return presses;
      }
      if (where > 1) {
        // several stops ahead: press that many Tabs at once, then check where the focus is
        new Actions(driver).sendKeys(Keys.TAB.toString().repeat((int) where)).perform();
        presses += (int) where - 1;
      } else if (where > 0) {
        press(Keys.TAB);
      } else {
        new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
      }
    }
    throw new AssertionError(
        "not reachable with Tab in "
            + MAX_PRESSES
            + " presses: "
            + Pages.describe(driver, target)
            + "; focus is on "
            + Pages.describe(driver, driver.switchTo().activeElement()));
  }
}
