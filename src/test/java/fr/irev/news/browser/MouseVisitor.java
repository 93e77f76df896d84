package fr.irev.news.browser;

import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** A visitor with a mouse: clicks links, buttons, fields and boxes, types into fields. */
public final class MouseVisitor implements Visitor {

  private final ChromeDriver driver;

  /**
   * @param driver the browser to click in
   */
  public MouseVisitor(ChromeDriver driver) {
    this.driver = driver;
  }

  @Override
  public String name() {
    return "souris";
  }

  @Override
  public void activate(WebElement control) {
    control.click();
  }

  @Override
  public void fill(WebElement field, String text) {
    field.click();
    Pages.replaceFocusedText(driver, text);
  }

  @Override
  public void tick(WebElement box, boolean checked) {
    if (box.isSelected() != checked) {
      box.click();
    }
  }
}
