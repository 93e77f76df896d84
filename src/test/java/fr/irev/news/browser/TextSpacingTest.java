package fr.irev.news.browser;

import static fr.irev.news.testing.SeedFacts.NEXT_SESSION;
import static fr.irev.news.testing.SeedFacts.SEED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.registration.RegistrationForm;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Text spacing (WCAG 1.4.12, RGAA 10.12) at 320 px in Chromium: with the user's spacing stylesheet
 * of the criterion, the list, both sample detail pages, the form sent empty (errors) and an answer
 * page do not scroll sideways; and the staff pages' frame: a banner with the space's name, the
 * content away from the window's edges at 320 and 1280 px.
 */
class TextSpacingTest {

  @RegisterExtension static final BrowserClass ui = BrowserClass.withJavaScript();

  private static final int NARROW = 320;

  /** The spacing of WCAG 1.4.12, as a bookmarklet or a user stylesheet sets it. */
  private static final String SPACING =
      "*{line-height:1.5!important;letter-spacing:.12em!important;word-spacing:.16em!important}"
          + " p{margin-bottom:2em!important}";

  @AfterEach
  void desktopAgain() {
    ui.browser().resize(Browser.WIDTH, Browser.HEIGHT);
  }

  /**
   * Adds the spacing stylesheet as a constructed one: the page's CSP refuses a {@code <style>}
   * element, even one a WebDriver script adds, not the CSS object model.
   */
  private static void spaceText() {
    ui.driver()
        .executeScript(
            "var s = new CSSStyleSheet(); s.replaceSync(arguments[0]);"
                + " document.adoptedStyleSheets = document.adoptedStyleSheets.concat([s]);",
            SPACING);
    Object letterSpacing =
        ui.driver().executeScript("return getComputedStyle(document.body).letterSpacing;");
    assertTrue(!"normal".equals(letterSpacing), "spacing applied: " + letterSpacing);
  }

  private static long scrollWidth() {
    return ((Number) ui.driver().executeScript("return document.documentElement.scrollWidth;"))
        .longValue();
  }

  /** The elements wider than the window, for the failure message. */
  private static String overflowing() {
    return String.valueOf(
        ui.driver()
            .executeScript(
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
        ui.driver(),
        () ->
            ui.driver().findElement(By.cssSelector("form.irev-form button[type=submit]")).click());
  }

  @Test
  void spacedTextDoesNotWidenThePagesAt320Px() {
    ui.browser().resize(NARROW, Browser.HEIGHT);
    for (String path :
        List.of(
            "/actualites",
            "/actualites/" + SEED,
            "/actualites/" + NEXT_SESSION,
            "/.irev-news/registration/annulation?jeton=abc",
            "/.irev-news/staff/login")) {
      ui.driver().get(ui.site().url(path));
      assertNoSidewaysScroll(path);
    }
    ui.driver().get(ui.site().url("/actualites/" + NEXT_SESSION));
    submitForm();
    assertTrue(
        ui.driver().getTitle().startsWith("Erreur"),
        "the answer with errors: " + ui.driver().getTitle());
    assertNoSidewaysScroll("form sent empty");
  }

  @Test
  void staffPagesHaveABannerAndMargins() {
    for (int width : List.of(NARROW, Browser.WIDTH)) {
      ui.browser().resize(width, Browser.HEIGHT);
      ui.driver().get(ui.site().url("/.irev-news/staff/login"));
      assertEquals(
          "IREV – Inscriptions (équipe)",
          ui.driver().findElement(By.cssSelector("header .irev-staff__site")).getText());
      for (String css : List.of("h1", "header .irev-staff__site", "form")) {
        WebElement element = ui.driver().findElement(By.cssSelector(css));
        long left = element.getRect().getX();
        long right = element.getRect().getX() + element.getRect().getWidth();
        assertTrue(left >= 16, width + " px: " + css + " starts at " + left);
        assertTrue(right <= width - 16, width + " px: " + css + " ends at " + right);
      }
      assertTrue(scrollWidth() <= width, width + " px: " + overflowing());
    }
  }

  /**
   * The staff tables at 320 px: the page does not scroll sideways; a table wider than the window
   * scrolls in its own region, which a keyboard can focus and which is named by the table's caption
   * (WCAG 1.4.10 Reflow, data tables excepted from the single column).
   */
  @Test
  void staffTablesScrollInTheirOwnFocusableRegionAt320Px() throws Exception {
    try (EventFixtures events = new EventFixtures(ui.site())) {
      EventFixtures.Event event = events.add("tableau-etroit", 10, 0, 2);
      ui.driver().get(ui.site().url(event.path()));
      for (String[] field :
          List.of(
              new String[] {RegistrationForm.LAST_NAME, "Lefebvre-Delacroix-Vandenberghe"},
              new String[] {RegistrationForm.FIRST_NAME, "Marie-Christine"},
              new String[] {RegistrationForm.EMAIL, "marie-christine.lefebvre@example.org"},
              new String[] {RegistrationForm.SEATS, "1"})) {
        WebElement input = ui.driver().findElement(By.id("irev-reg-" + field[0]));
        input.clear();
        input.sendKeys(field[1]);
      }
      ui.driver().findElement(By.id("irev-reg-" + RegistrationForm.CONSENT)).click();
      Pages.load(
          ui.driver(),
          () ->
              ui.driver()
                  .findElement(By.cssSelector("form.irev-form button[type=submit]"))
                  .click());

      ui.driver().get(ui.site().url("/.irev-news/staff/login"));
      ui.driver().findElement(By.id("staff-username")).sendKeys("equipe");
      ui.driver().findElement(By.id("staff-password")).sendKeys(BrowserSite.STAFF_PASSWORD);
      Pages.load(ui.driver(), () -> ui.driver().findElement(By.cssSelector("form button")).click());

      ui.browser().resize(NARROW, Browser.HEIGHT);
      for (String path : List.of("/.irev-news/staff/", "/.irev-news/staff/event/" + event.id())) {
        ui.driver().get(ui.site().url(path));
        assertNoSidewaysScroll(path);
        List<WebElement> regions = ui.driver().findElements(By.cssSelector(".irev-staff-scroll"));
        assertTrue(!regions.isEmpty(), path + ": a table");
        for (WebElement region : regions) {
          assertEquals("region", region.getDomAttribute("role"), path);
          assertEquals("0", region.getDomAttribute("tabindex"), path);
          String caption =
              ui.driver()
                  .findElement(By.id(region.getDomAttribute("aria-labelledby")))
                  .getTagName();
          assertEquals("caption", caption, path);
          assertTrue(region.getRect().getWidth() <= NARROW, path + ": region within the window");
        }
        Number tableWidth =
            (Number)
                ui.driver()
                    .executeScript(
                        "return document.querySelector('.irev-staff-scroll').scrollWidth;");
        assertTrue(
            tableWidth.longValue() > NARROW, path + ": the table is wider, it scrolls inside");
      }
      EventFixtures.cancelRegistrations(
          ui.site(), event.id(), "marie-christine.lefebvre@example.org");
    }
  }
}
