package fr.irev.news.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.testing.SeedFacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The site's Content-Security-Policy ({@code default-src 'self'}: no inline script, no inline
 * style) breaks nothing: Chromium with JavaScript visits a page of every kind ({@link PageTour})
 * and no page reports a violation ({@code securitypolicyviolation}, {@link PageWatch}); the markup
 * of each page has no inline script (JSON-LD data apart), no event handler attribute ({@code
 * onclick=}…), no {@code style} attribute or element and no {@code javascript:} address; and the
 * registration form's own script runs under the policy (it fills the token, shows the seats left).
 */
class ContentSecurityPolicyTest {

  @RegisterExtension static final BrowserClass ui = BrowserClass.withJavaScript().withEvents();

  /**
   * What the policy would block in a page's markup, one line per finding.
   *
   * @param page the page
   * @return the findings, empty when none
   */
  static List<String> inlineCode(Document page) {
    List<String> found = new ArrayList<>();
    for (Element script : page.select("script")) {
      boolean data = "application/ld+json".equals(script.attr("type"));
      if (!data && !(script.hasAttr("src") && script.data().isBlank())) {
        found.add("inline script: " + script.outerHtml());
      }
    }
    for (Element style : page.select("style")) {
      found.add("style element: " + style.outerHtml());
    }
    for (Element element : page.getAllElements()) {
      for (Attribute attribute : element.attributes()) {
        String name = attribute.getKey().toLowerCase(java.util.Locale.ROOT);
        if (name.startsWith("on") || "style".equals(name)) {
          found.add(name + "= on <" + element.tagName() + ">");
        }
        if (attribute
            .getValue()
            .strip()
            .toLowerCase(java.util.Locale.ROOT)
            .startsWith("javascript:")) {
          found.add("javascript: address in " + name + " of <" + element.tagName() + ">");
        }
      }
    }
    return found;
  }

  @Test
  void noPageOfAnyKindReportsAViolationOrCarriesInlineCode() throws Exception {
    Map<String, List<String>> problems = new LinkedHashMap<>();
    try (PageWatch watch = new PageWatch(ui.browser())) {
      PageTour.run(
          ui.site(),
          ui.browser(),
          ui.events(),
          name -> {
            watch.awaitIdle();
            List<String> found = new ArrayList<>(watch.cspViolations());
            found.addAll(
                inlineCode(Jsoup.parse(ui.driver().getPageSource(), ui.driver().getCurrentUrl())));
            problems.put(name, found);
          });
    }
    assertEquals(PageTour.STOPS, List.copyOf(problems.keySet()));
    problems.values().removeIf(List::isEmpty);
    assertEquals(Map.of(), problems);
  }

  @Test
  void theRegistrationScriptRunsUnderThePolicy() throws Exception {
    try (PageWatch watch = new PageWatch(ui.browser())) {
      ui.driver().get(ui.site().url("/actualites/" + SeedFacts.NEXT_SESSION));
      watch.awaitIdle();
      String token =
          ui.browser()
              .driver()
              .findElement(By.cssSelector("#inscription input[name=token]"))
              .getDomProperty("value");
      assertTrue(token.matches("[0-9a-f-]{32,36}"), "token filled by the script: " + token);
      String seats = ui.driver().findElement(By.cssSelector("[data-irev-seats]")).getText();
      assertTrue(
          seats.matches(
              "\\d+ places? restantes?\\.|Complet\u00a0: .*|Cet événement est complet\\."),
          "seats shown by the script: " + seats);
      assertEquals(List.of(), watch.cspViolations());
    }
  }

  @Test
  void aViolationAndInlineCodeAreSeen() throws Exception {
    try (PageWatch watch = new PageWatch(ui.browser())) {
      ui.driver().get(ui.site().url("/actualites"));
      watch.awaitIdle();
      ui.browser()
          .driver()
          .executeScript(
              "document.querySelector('main').insertAdjacentHTML('beforeend',"
                  + " '<p style=\"color: red\">x</p>');");
      List<String> violations = watch.cspViolations();
      for (int i = 0; i < 40 && violations.isEmpty(); i++) {
        Thread.sleep(50); // the event is queued as a task of the page
        violations = watch.cspViolations();
      }
      assertEquals(1, violations.size(), violations.toString());
      assertTrue(violations.get(0).startsWith("style-src-attr "), violations.get(0));
    }
    Document page =
        Jsoup.parse(
            "<p onclick=\"x()\" style=\"color:red\">a</p><script>alert(1)</script>"
                + "<script type=\"application/ld+json\">{}</script><a href=\"javascript:x()\">b</a>");
    assertEquals(
        List.of(
            "inline script: <script>alert(1)</script>",
            "onclick= on <p>",
            "style= on <p>",
            "javascript: address in href of <a>"),
        inlineCode(page));
  }
}
