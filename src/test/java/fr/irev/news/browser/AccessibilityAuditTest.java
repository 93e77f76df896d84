package fr.irev.news.browser;

import static fr.irev.news.testing.SeedFacts.SEED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The audit itself can fail: on real pages of the preview server, each test breaks one thing in the
 * browser (a missing {@code alt}, a second {@code h1}, a hidden focus…) and checks that {@link
 * AccessibilityAudit} reports exactly that, and that axe-core runs although the pages forbid inline
 * scripts. A check that cannot fail would hide the defects the other Accessibility tests look for.
 */
class AccessibilityAuditTest {

  @RegisterExtension static final BrowserClass ui = BrowserClass.withJavaScript();

  private static AccessibilityAudit audit;

  @BeforeAll
  static void start() throws Exception {
    audit = new AccessibilityAudit(ui.browser());
  }

  /** One check of the audit, filling a list of problems. */
  private interface Check {
    void run(AccessibilityAudit audit, List<String> problems);
  }

  /** Opens a page, runs a script that breaks it, runs one check of the audit on it. */
  private static List<String> problemsAfter(String path, String breakIt, Check check) {
    ui.driver().get(ui.site().url(path));
    ui.driver().executeScript(breakIt);
    List<String> problems = new ArrayList<>();
    check.run(audit, problems);
    return problems;
  }

  private static void assertReported(List<String> problems, String... expected) {
    for (String e : expected) {
      assertTrue(problems.stream().anyMatch(p -> p.contains(e)), "\"" + e + "\" in " + problems);
    }
  }

  @Test
  void axeRunsUnderTheContentSecurityPolicyAndReportsViolations() throws Exception {
    HttpResponse<Void> head =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(ui.site().url("/actualites/" + SEED))).build(),
                HttpResponse.BodyHandlers.discarding());
    assertTrue(
        head.headers()
            .firstValue("Content-Security-Policy")
            .orElse("")
            .contains("default-src 'self'"),
        "the page forbids inline scripts");
    ui.driver().get(ui.site().url("/actualites/" + SEED));
    AxeCore.Report clean = AxeCore.run(ui.driver());
    assertEquals(AxeCore.installedVersion(), clean.version());
    assertEquals(List.of(), clean.violations());
    assertTrue(clean.passes() >= 10, "rules passed: " + clean.passes());

    ui.browser()
        .driver()
        .executeScript(
            "document.querySelector('img.irev-attachment__thumbnail').removeAttribute('alt');"
                + "document.querySelector('a.irev-attachment__download').textContent = '';");
    List<String> rules =
        AxeCore.run(ui.driver()).violations().stream().map(AxeCore.Violation::rule).toList();
    assertTrue(rules.containsAll(List.of("image-alt", "link-name")), rules.toString());
  }

  @Test
  void reportsLanguageAndHeadings() {
    assertReported(
        problemsAfter(
            "/actualites/" + SEED,
            "document.documentElement.lang = 'en';"
                + "var main = document.querySelector('main');"
                + "main.appendChild(document.createElement('h1')).textContent = 'Deux';"
                + "main.appendChild(document.createElement('h4')).textContent = 'Saut';",
            AccessibilityAudit::structure),
        "html lang is en, not fr",
        "2 h1 elements",
        "h1 → h4 skips a level");
  }

  @Test
  void reportsAMissingSkipLinkAndAnUnfocusableTarget() {
    assertReported(
        problemsAfter(
            "/actualites",
            "document.querySelector('a.irev-skip').remove();",
            AccessibilityAudit::keyboard),
        "first Tab stop is a.irev-banner__site");
    assertReported(
        problemsAfter(
            "/actualites",
            "document.querySelector('main').removeAttribute('tabindex');",
            AccessibilityAudit::keyboard),
        "has no tabindex=\"-1\"");
  }

  @Test
  void reportsAnInvisibleFocus() {
    assertReported(
        problemsAfter(
            "/actualites",
            "var a = document.querySelector('.irev-banner__site');"
                + "a.style.setProperty('outline', 'none', 'important');"
                + "a.style.setProperty('box-shadow', 'none', 'important');",
            AccessibilityAudit::keyboard),
        "focus not visible on a.irev-banner__site");
    assertReported(
        problemsAfter(
            "/actualites",
            "var a = document.querySelector('.irev-banner__site');"
                + "a.style.setProperty('outline-width', '1px', 'important');"
                + "a.style.setProperty('box-shadow', 'none', 'important');",
            AccessibilityAudit::keyboard),
        "outline 1px (< 2px)");
  }

  @Test
  void reportsUnlabelledAndUndescribedFields() {
    assertReported(
        problemsAfter(
            "/actualites",
            "document.querySelector('label[for=irev-q]').remove();"
                + "document.getElementById('irev-q').setAttribute('aria-invalid', 'true');",
            AccessibilityAudit::fields),
        "field without a visible label: input#irev-q",
        "invalid field without a shown message in aria-describedby: input#irev-q");
  }

  @Test
  void reportsDatesOutOfTimeOrNotMatching() {
    assertReported(
        problemsAfter(
            "/actualites/" + SEED,
            "var t = document.querySelector('.irev-event time');"
                + "t.setAttribute('datetime', '2021-11-29T09:00:00+01:00');"
                + "var p = document.querySelector('.irev-dates time');"
                + "p.replaceWith(document.createTextNode(p.textContent));",
            AccessibilityAudit::dates),
        "does not match the shown \"le mardi 30",
        "date not in <time datetime>");
  }

  @Test
  void reportsFileLinksWithoutFormatOrWithAWrongSize() {
    assertReported(
        problemsAfter(
            "/actualites/" + SEED,
            "var a = document.querySelector('a.irev-attachment__download');"
                + "a.firstChild.nodeValue = a.firstChild.nodeValue.replace('256,80', '256,81');",
            AccessibilityAudit::fileLinks),
        "link to a PDF of 256,80 Ko does not say \"PDF, 256,80 Ko\"");
    assertReported(
        problemsAfter(
            "/actualites/" + SEED,
            "document.querySelector('a.irev-attachment__download').textContent = 'Télécharger';",
            AccessibilityAudit::fileLinks),
        "link to a PDF file does not name its format");
  }

  @Test
  void reportsLowContrast() {
    assertReported(
        problemsAfter(
            "/actualites",
            "document.querySelector('.irev-footer p').style.color = '#999999';"
                + "document.getElementById('irev-q').style.borderColor = '#dddddd';",
            AccessibilityAudit::contrast),
        "#999999 on #f3f5f8",
        "component boundary below 3:1: input#irev-q");
  }

  @Test
  void frenchSizesAreWrittenAsTheSiteWritesThem() {
    assertEquals("1\u00a0octet", AccessibilityAudit.frenchSize(1));
    assertEquals("999\u00a0octets", AccessibilityAudit.frenchSize(999));
    assertEquals("256,80\u00a0Ko", AccessibilityAudit.frenchSize(262_963));
    assertEquals("1\u00a0024,00\u00a0Ko", AccessibilityAudit.frenchSize(1_048_575));
    assertEquals("1,20\u00a0Mo", AccessibilityAudit.frenchSize(1_258_291));
  }
}
