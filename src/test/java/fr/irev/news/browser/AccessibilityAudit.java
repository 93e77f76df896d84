package fr.irev.news.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The accessibility audit of the page a browser shows: axe-core on the WCAG 2.1 A and AA rules
 * ({@link AxeCore}), then the checks axe cannot decide, made in the real page with the keyboard and
 * {@code getComputedStyle} ({@code accessibility-checks.js} beside this class):
 *
 * <ul>
 *   <li>{@code lang="fr"} on {@code html} (RGAA 8.3), one {@code h1}, heading levels that never
 *       skip one (RGAA 9.1);
 *   <li>the first Tab stop is a skip link whose target is the {@code main} element, which receives
 *       the focus on Enter, the next Tab going on inside it (RGAA 12.7);
 *   <li>every element reached with Tab, in document order, shows a focus indicator measured against
 *       its unfocused look (WCAG 2.4.7, RGAA 10.7; rule in {@code focusIndicator} of the script: 2
 *       CSS px at least, 3:1 against the colours next to it);
 *   <li>every field has a visible label ({@code label for} or {@code aria-labelledby}), and every
 *       field marked {@code aria-invalid="true"} points with {@code aria-describedby} to a shown
 *       message (RGAA 11.1, 11.2, 11.10);
 *   <li>every date of the visible text is in {@code <time datetime>} with a valid value standing
 *       for the shown Paris date and time (free text typed by editors or quoted from e-mails
 *       excepted);
 *   <li>links to files name their format in their accessible name, and links to stored documents
 *       (PDF) their exact size, checked against the bytes served (RGAA 6.1);
 *   <li>text against its background 4.5:1 (3:1 when large), text fields and buttons against what
 *       surrounds them 3:1 (WCAG 1.4.3, 1.4.11), with the site's colours as the browser computes
 *       them.
 * </ul>
 *
 * Each audited page prints one line of the results table of {@code docs/accessibility.md}.
 */
public final class AccessibilityAudit {

  private static final String NBSP = "\u00a0";

  /**
   * Free text the module shows as it is: typed by editors (rich text, teaser, document description)
   * or an e-mail's text on the staff pages. A date written in it is not marked up by the module (a
   * manual check, docs/accessibility.md).
   */
  static final String FREE_TEXT =
      ".irev-body, .irev-lead, .irev-summary__teaser, .irev-attachment__description,"
          + " .irev-staff-body";

  private static String script;

  private final ChromeDriver driver;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /**
   * @param browser the browser whose current page is audited
   */
  public AccessibilityAudit(Browser browser) {
    this.driver = browser.driver();
  }

  /**
   * One audited page: the axe violations and the state of each further check.
   *
   * @param page what the page is (type and state)
   * @param axe axe's report
   * @param checks check name to "pass", "n/a" (nothing of the kind on the page) or "FAIL"
   * @param problems every problem found, readable
   */
  public record Outcome(
      String page, AxeCore.Report axe, Map<String, String> checks, List<String> problems) {

    /**
     * @return the line of the results table
     */
    public String row() {
      return "| "
          + page
          + " | "
          + axe.violations().size()
          + " | "
          + String.join(" | ", checks.values())
          + " |";
    }
  }

  /**
   * Audits the current page and fails with every problem found.
   *
   * @param page what the page is, for the messages and the results table
   * @return the outcome (all checks passed)
   */
  public Outcome check(String page) {
    Outcome outcome = audit(page);
    System.out.println("A11Y-ROW " + outcome.row());
    System.out.println(
        "A11Y-AXE "
            + page
            + ": "
            + outcome.axe().passes()
            + " rules passed, to review: "
            + outcome.axe().incomplete());
    if (!outcome.problems().isEmpty()) {
      fail(
          page
              + " ("
              + driver.getCurrentUrl()
              + "): "
              + outcome.problems().size()
              + " accessibility problem(s)\n  - "
              + String.join("\n  - ", outcome.problems()));
    }
    return outcome;
  }

  /**
   * Audits the current page.
   *
   * @param page what the page is
   * @return the outcome, problems included
   */
  public Outcome audit(String page) {
    List<String> problems = new ArrayList<>();
    AxeCore.Report axe = AxeCore.run(driver);
    assertEquals(AxeCore.installedVersion(), axe.version(), "injected axe-core version");
    if (axe.passes() < 5) {
      problems.add("axe passed only " + axe.passes() + " rules: did it run on the page?");
    }
    for (AxeCore.Violation v : axe.violations()) {
      problems.add("axe " + v);
    }
    Map<String, String> checks = new LinkedHashMap<>();
    checks.put("lang, h1, headings", structure(problems));
    checks.put("fields", fields(problems));
    checks.put("dates", dates(problems));
    checks.put("file links", fileLinks(problems));
    checks.put("contrast", contrast(problems));
    checks.put("skip link, focus", keyboard(problems));
    return new Outcome(page, axe, checks, problems);
  }

  // ---------------------------------------------------------------- in-page script

  /**
   * Runs a function of {@code window.irevA11y} in the page (injecting the script when missing).
   *
   * @param call e.g. {@code "structure()"}
   * @param args the script's arguments
   * @return what it returns, as WebDriver converts it
   */
  public Object js(String call, Object... args) {
    if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.irevA11y === 'object';"))) {
      driver.executeScript(script());
    }
    return driver.executeScript("return window.irevA11y." + call + ";", args);
  }

  private static synchronized String script() {
    if (script == null) {
      try (InputStream in =
          AccessibilityAudit.class.getResourceAsStream("accessibility-checks.js")) {
        if (in == null) {
          throw new IllegalStateException("accessibility-checks.js is not on the class path");
        }
        script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return script;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  private static String status(int before, List<String> problems, boolean applies) {
    if (problems.size() > before) {
      return "FAIL";
    }
    return applies ? "pass" : "n/a";
  }

  // ---------------------------------------------------------------- structure

  String structure(List<String> problems) {
    int before = problems.size();
    Map<String, Object> s = map(js("structure()"));
    if (!"fr".equals(s.get("lang"))) {
      problems.add("html lang is " + s.get("lang") + ", not fr");
    }
    if (((Number) s.get("h1")).intValue() != 1) {
      problems.add(s.get("h1") + " h1 elements, not exactly one");
    }
    int previous = 0;
    for (Map<String, Object> h : list(s.get("headings"))) {
      int level = ((Number) h.get("level")).intValue();
      if (previous == 0 && level != 1) {
        problems.add("first heading is h" + level + " \"" + h.get("text") + "\", not the h1");
      } else if (level > previous + 1) {
        problems.add("heading h" + previous + " → h" + level + " skips a level: " + h.get("text"));
      }
      previous = level;
    }
    return status(before, problems, true);
  }

  // ---------------------------------------------------------------- keyboard

  /**
   * Tabs through the whole page from its top: the skip link first, then every tabbable element in
   * document order, each with a visible focus indicator; then Enter on the skip link.
   */
  String keyboard(List<String> problems) {
    int before = problems.size();
    Map<String, Object> skip = map(js("skipLink()"));
    if (skip.get("first") == null) {
      problems.add("nothing can take the focus: no skip link");
      return "FAIL";
    }
    if (!"a".equals(skip.get("tag")) || !"Aller au contenu".equals(skip.get("text"))) {
      problems.add(
          "first Tab stop is " + skip.get("first") + ", not the link \"Aller au contenu\"");
    }
    if (skip.get("target") == null || !Boolean.TRUE.equals(skip.get("targetIsMain"))) {
      problems.add(
          "skip link " + skip.get("href") + " does not lead to main (" + skip.get("target") + ")");
    } else if (!Boolean.TRUE.equals(skip.get("targetFocusable"))) {
      problems.add("skip link target " + skip.get("target") + " has no tabindex=\"-1\"");
    }
    @SuppressWarnings("unchecked")
    List<String> order = (List<String>) js("snapshotFocusables()");
    js("focusTop()");
    Actions keys = new Actions(driver);
    keys.sendKeys(Keys.TAB).perform();
    int visited = 0;
    boolean outOfOrder = false;
    for (int step = 0; step < order.size() + 2; step++) {
      Map<String, Object> focus = map(js("focusIndicator()"));
      int index = ((Number) focus.get("index")).intValue();
      if (index == -2 || (index == 0 && step > 0)) {
        break; // past the last element: focus left the page, or came back to the top
      }
      if (index != step) {
        problems.add(
            "Tab stop "
                + (step + 1)
                + " is "
                + focus.get("element")
                + ", expected "
                + (step < order.size() ? order.get(step) : "the end of the page"));
        outOfOrder = true;
        break;
      }
      if (!Boolean.TRUE.equals(focus.get("ok"))) {
        problems.add("focus not visible on " + focus.get("element") + ": " + focus.get("reason"));
      }
      visited++;
      keys.sendKeys(Keys.TAB).perform();
    }
    if (visited < order.size() && !outOfOrder) {
      problems.add("Tab reaches " + visited + " of the " + order.size() + " tabbable elements");
    }
    if (skip.get("target") != null) {
      js("focusSkipLink()");
      keys.sendKeys(Keys.ENTER).perform();
      String active = (String) js("active()");
      if (!active.equals(skip.get("target"))) {
        problems.add("Enter on the skip link puts the focus on " + active + ", not its target");
      } else if (skip.get("firstInMain") != null) {
        keys.sendKeys(Keys.TAB).perform();
        String next = (String) js("active()");
        if (!next.equals(skip.get("firstInMain"))) {
          problems.add(
              "after the skip link, Tab goes to " + next + ", not " + skip.get("firstInMain"));
        }
      }
    }
    driver.executeScript("if (document.activeElement) { document.activeElement.blur(); }");
    return status(before, problems, true);
  }

  // ---------------------------------------------------------------- fields

  /**
   * @return the page's fields as the script describes them ({@code fields()})
   */
  public List<Map<String, Object>> fieldList() {
    return list(js("fields()"));
  }

  String fields(List<String> problems) {
    int before = problems.size();
    List<Map<String, Object>> fields = fieldList();
    for (Map<String, Object> f : fields) {
      if (!Boolean.TRUE.equals(f.get("shown"))) {
        continue;
      }
      boolean labelled = false;
      for (Map<String, Object> label : list(f.get("labels"))) {
        labelled |= Boolean.TRUE.equals(label.get("shown")) && !"".equals(label.get("text"));
      }
      for (Map<String, Object> label : list(f.get("labelledBy"))) {
        labelled |= Boolean.TRUE.equals(label.get("shown")) && !"".equals(label.get("text"));
      }
      if (!labelled) {
        problems.add("field without a visible label: " + f.get("element"));
      }
      if ("true".equals(f.get("invalid"))) {
        boolean described = false;
        for (Map<String, Object> d : list(f.get("described"))) {
          described |= Boolean.TRUE.equals(d.get("shown")) && !"".equals(d.get("text"));
        }
        if (!described) {
          problems.add(
              "invalid field without a shown message in aria-describedby: " + f.get("element"));
        }
      }
    }
    return status(before, problems, !fields.isEmpty());
  }

  // ---------------------------------------------------------------- dates

  String dates(List<String> problems) {
    int before = problems.size();
    List<Map<String, Object>> dates = list(js("dates(arguments[0])", FREE_TEXT));
    for (Map<String, Object> d : dates) {
      if (!Boolean.TRUE.equals(d.get("inTime"))) {
        problems.add(
            "date not in <time datetime>: \"" + d.get("text") + "\" in " + d.get("element"));
      } else if (!Boolean.TRUE.equals(d.get("valid"))) {
        problems.add("invalid datetime=\"" + d.get("datetime") + "\" of \"" + d.get("text") + "\"");
      } else if (!d.get("shownDate").equals(d.get("datetimeDate"))
          || (d.get("shownTime") != null
              && d.get("datetimeTime") != null
              && !d.get("shownTime").equals(d.get("datetimeTime")))) {
        problems.add(
            "datetime=\""
                + d.get("datetime")
                + "\" ("
                + d.get("datetimeDate")
                + " "
                + d.get("datetimeTime")
                + " in Paris) does not match the shown \""
                + d.get("text")
                + "\"");
      }
    }
    return status(before, problems, !dates.isEmpty());
  }

  /**
   * @return the dates the page shows ({@code dates()} of the script), free text excepted
   */
  public List<Map<String, Object>> dateList() {
    return list(js("dates(arguments[0])", FREE_TEXT));
  }

  // ---------------------------------------------------------------- links to files

  String fileLinks(List<String> problems) {
    int before = problems.size();
    List<Map<String, Object>> links = list(js("fileLinks()"));
    for (Map<String, Object> link : links) {
      String href = (String) link.get("href");
      WebElement a =
          driver.findElements(By.cssSelector("a[href]")).stream()
              .filter(e -> href.equals(e.getDomProperty("href")))
              .findFirst()
              .orElseThrow();
      String name = spaces(a.getAccessibleName());
      String format = format(href, (String) link.get("type"));
      if (format == null) {
        problems.add("link to a file of unknown format: " + link.get("element"));
        continue;
      }
      if (!name.contains(format)) {
        problems.add(
            "link to a " + format + " file does not name its format: \"" + name + "\" " + href);
      }
      if (format.equals("PDF")) {
        String size = spaces(frenchSize(bytes(href)));
        String shown = spaces((String) link.get("text"));
        if (!name.contains(format + ", " + size) || !shown.contains(format + ", " + size)) {
          problems.add(
              "link to a PDF of "
                  + size
                  + " does not say \""
                  + format
                  + ", "
                  + size
                  + "\": name \""
                  + name
                  + "\", text \""
                  + shown
                  + "\"");
        }
      }
    }
    return status(before, problems, !links.isEmpty());
  }

  /** The format a link's accessible name must state, from its type or address. */
  private static String format(String href, String type) {
    String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
    String path = URI.create(href).getPath().toLowerCase(Locale.ROOT);
    if (t.equals("application/pdf") || path.endsWith(".pdf")) {
      return "PDF";
    }
    if (t.equals("text/calendar") || path.endsWith(".ics")) {
      return "iCalendar";
    }
    if (t.equals("application/rss+xml")) {
      return "RSS";
    }
    if (t.equals("text/csv") || path.endsWith(".csv")) {
      return "CSV";
    }
    return null;
  }

  private long bytes(String href) {
    try {
      HttpResponse<byte[]> response =
          http.send(
              HttpRequest.newBuilder(URI.create(href)).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, response.statusCode(), href);
      return response.body().length;
    } catch (IOException e) {
      throw new AssertionError("cannot download " + href, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /**
   * A size as French readers expect it (binary multiples, two decimals, decimal comma, no-break
   * spaces), written here independently of the module's formatter.
   *
   * @param bytes a file's size
   * @return e.g. "256,80 Ko" (with U+00A0)
   */
  static String frenchSize(long bytes) {
    if (bytes < 1024) {
      return bytes + NBSP + (bytes < 2 ? "octet" : "octets");
    }
    String unit = bytes < 1024L * 1024 ? "Ko" : bytes < 1024L * 1024 * 1024 ? "Mo" : "Go";
    long divisor = unit.equals("Ko") ? 1024 : unit.equals("Mo") ? 1024 * 1024 : 1024 * 1024 * 1024;
    BigDecimal value =
        BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(divisor), 2, RoundingMode.HALF_UP);
    String[] parts = value.toPlainString().split("\\.");
    StringBuilder integer = new StringBuilder(parts[0]);
    for (int i = integer.length() - 3; i > 0; i -= 3) {
      integer.insert(i, NBSP);
    }
    return integer + "," + parts[1] + NBSP + unit;
  }

  private static String spaces(String text) {
    return text == null ? "" : text.replace(NBSP, " ").replaceAll("\\s+", " ").strip();
  }

  // ---------------------------------------------------------------- contrast

  String contrast(List<String> problems) {
    int before = problems.size();
    for (Map<String, Object> c : list(js("textContrast()"))) {
      double ratio = ((Number) c.get("ratio")).doubleValue();
      double required = ((Number) c.get("required")).doubleValue();
      if (Boolean.TRUE.equals(c.get("image"))) {
        problems.add("text on a background image (contrast unknown): " + c.get("element"));
      } else if (ratio < required) {
        problems.add(contrastProblem(c));
      }
    }
    for (Map<String, Object> c : list(js("componentContrast()"))) {
      if (((Number) c.get("ratio")).doubleValue() < 3) {
        problems.add(
            "component boundary below 3:1: "
                + c.get("element")
                + " border "
                + c.get("borderColor")
                + " "
                + c.get("border")
                + ":1, fill "
                + c.get("fillColor")
                + " "
                + c.get("fill")
                + ":1, around "
                + c.get("around"));
      }
    }
    return status(before, problems, true);
  }

  /**
   * @param c a contrast measure of the script
   * @return its readable problem
   */
  static String contrastProblem(Map<String, Object> c) {
    return c.get("kind")
        + " contrast "
        + c.get("ratio")
        + ":1 < "
        + c.get("required")
        + ":1, "
        + c.get("fg")
        + " on "
        + c.get("bg")
        + " ("
        + c.get("size")
        + "px, "
        + c.get("weight")
        + "): "
        + c.get("element");
  }
}
