package fr.irev.news.browser;

import static fr.irev.news.testing.SeedFacts.NEXT_SESSION;
import static fr.irev.news.testing.SeedFacts.SEED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Contrast of the site's own colours (WCAG 1.4.3: 4.5:1, 3:1 for large text; 1.4.11: 3:1 for the
 * boundaries of fields and buttons), computed in Chromium with {@code getComputedStyle} from the
 * stylesheet as the browser applies it, beyond the elements the sample pages happen to show:
 *
 * <ul>
 *   <li>every screen rule of {@code irev-news.css} that sets a colour is built as elements in a
 *       real page (warnings, error notices, required marks, error fields…), hovered when its
 *       selector says {@code :hover}, and measured;
 *   <li>every kind of link and button of the list and detail pages (one per look: classes, font,
 *       colour, background) is measured under the mouse;
 *   <li>placeholders and disabled controls: the site uses none (asserted), and the browser's
 *       placeholder colour inside the site's fields is measured in case one is added.
 * </ul>
 *
 * The focus indicators' contrast is measured on every page by {@link AccessibilityAudit}.
 */
class AccessibilityContrastTest {

  @RegisterExtension static final BrowserClass ui = BrowserClass.withJavaScript();

  private static AccessibilityAudit audit;

  @BeforeAll
  static void start() throws Exception {
    audit = new AccessibilityAudit(ui.browser());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  private static double number(Map<String, Object> c, String key) {
    return ((Number) c.get(key)).doubleValue();
  }

  private static void hover(WebElement element) {
    ui.driver().executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    new Actions(ui.driver()).moveToElement(element).perform();
  }

  private static void mouseAway() {
    new Actions(ui.driver()).moveToLocation(0, Browser.HEIGHT - 1).perform();
  }

  @Test
  void everyColourOfTheStylesheet() {
    ui.driver().get(ui.site().url("/actualites/" + NEXT_SESSION));
    @SuppressWarnings("unchecked")
    List<String> selectors = (List<String>) audit.js("colourSelectors()");
    List<String> problems = new ArrayList<>();
    List<String> built = new ArrayList<>();
    List<String> notBuilt = new ArrayList<>();
    for (String selector : selectors) {
      WebElement element = (WebElement) audit.js("specimen(arguments[0])", selector);
      if (element == null) {
        notBuilt.add(selector);
        continue;
      }
      if (selector.contains(":hover")) {
        hover(element);
      } else if (selector.contains(":focus")) {
        ui.driver().executeScript("arguments[0].focus();", element);
      }
      Map<String, Object> c = map(audit.js("specimenContrast(arguments[0])", element));
      audit.js("removeSpecimens()");
      if (selector.contains(":hover")) {
        mouseAway();
      }
      if (!Boolean.TRUE.equals(c.get("painted"))) {
        notBuilt.add(selector + " (not shown on screen)");
        continue;
      }
      built.add(selector);
      System.out.println(
          "A11Y-COLOUR | `"
              + selector
              + "` | "
              + c.get("fg")
              + " on "
              + c.get("bg")
              + " | "
              + c.get("ratio")
              + ":1 (≥ "
              + c.get("required")
              + ")"
              + (c.containsKey("component")
                  ? " | boundary " + c.get("componentColors") + " " + c.get("component") + ":1"
                  : "")
              + " |");
      if (number(c, "ratio") < number(c, "required")) {
        problems.add(selector + ": " + AccessibilityAudit.contrastProblem(c));
      }
      if (c.containsKey("component") && number(c, "component") < 3) {
        problems.add(
            selector + ": boundary " + c.get("componentColors") + " " + c.get("component") + ":1");
      }
    }
    System.out.println("A11Y-COLOUR not built: " + notBuilt);
    assertEquals(List.of(), problems, "colour pairs below the WCAG thresholds");
    assertTrue(built.size() >= 30, "colour rules measured: " + built);
    assertTrue(
        built.containsAll(
            List.of(".irev-button", ".irev a:hover", ".irev-form__error", ".irev-notice--error")),
        built.toString());
  }

  @Test
  void linksAndButtonsUnderTheMouse() {
    List<String> problems = new ArrayList<>();
    int measured = 0;
    for (String path :
        List.of("/actualites", "/actualites/" + SEED, "/actualites/" + NEXT_SESSION)) {
      ui.driver().get(ui.site().url(path));
      @SuppressWarnings("unchecked")
      List<WebElement> targets =
          (List<WebElement>) audit.js("distinctLooks('a[href]:not(.irev-skip), button')");
      for (WebElement target : targets) {
        hover(target);
        Map<String, Object> c = map(audit.js("contrastOfElement(arguments[0])", target));
        c.put("kind", "hovered");
        measured++;
        if (number(c, "ratio") < number(c, "required")) {
          problems.add(path + ": " + AccessibilityAudit.contrastProblem(c));
        }
      }
      mouseAway();
    }
    assertEquals(List.of(), problems);
    assertTrue(measured >= 10, "kinds of links and buttons measured: " + measured);
  }

  @Test
  void placeholdersAndDisabledControls() {
    ui.driver().get(ui.site().url("/actualites/" + NEXT_SESSION));
    assertEquals(
        0L,
        ui.driver()
            .executeScript(
                "return document.querySelectorAll('[placeholder], :disabled, [aria-disabled=true]')"
                    + ".length;"),
        "the site's pages have no placeholder and no disabled control");
    // should one be added: the browser's placeholder colour in the site's text fields
    WebElement field =
        (WebElement) audit.js("specimen(arguments[0])", ".irev-form input[type=\"text\"]");
    ui.driver()
        .executeScript(
            "arguments[0].value = ''; arguments[0].setAttribute('placeholder', 'Exemple');", field);
    Map<String, Object> placeholder =
        map(audit.js("contrastOfElement(arguments[0], '::placeholder')", field));
    audit.js("removeSpecimens()");
    System.out.println(
        "A11Y-COLOUR placeholder: "
            + placeholder.get("fg")
            + " on "
            + placeholder.get("bg")
            + " "
            + placeholder.get("ratio")
            + ":1");
    assertTrue(
        number(placeholder, "ratio") >= 4.5, AccessibilityAudit.contrastProblem(placeholder));
    // and a disabled button of the site keeps its colours
    WebElement button =
        (WebElement) audit.js("specimen(arguments[0])", ".irev-form button.irev-button");
    ui.driver().executeScript("arguments[0].disabled = true;", button);
    Map<String, Object> disabled = map(audit.js("contrastOfElement(arguments[0])", button));
    audit.js("removeSpecimens()");
    assertTrue(number(disabled, "ratio") >= 4.5, AccessibilityAudit.contrastProblem(disabled));
  }
}
