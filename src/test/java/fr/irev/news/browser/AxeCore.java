package fr.irev.news.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core (the npm package of {@code src/test/browser}, installed by {@code .ci/test-tools})
 * injected into the page a browser shows, run on the WCAG 2.0 and 2.1 A and AA rules. The pages'
 * Content-Security-Policy ({@code default-src 'self'}) does not apply: WebDriver's scripts are not
 * page scripts.
 */
public final class AxeCore {

  /** The axe tags run: WCAG 2.0 and 2.1, levels A and AA. */
  public static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

  /** Where npm puts axe-core, from the project folder. */
  static final Path HOME = Path.of("src", "test", "browser", "node_modules", "axe-core");

  private static String source;

  private AxeCore() {}

  /**
   * One rule broken on a page.
   *
   * @param rule axe rule id, e.g. {@code color-contrast}
   * @param impact minor, moderate, serious or critical
   * @param help the rule's one-line help
   * @param targets CSS selectors of the failing elements, each with axe's summary
   */
  public record Violation(String rule, String impact, String help, List<String> targets) {
    @Override
    public String toString() {
      return rule + " (" + impact + "): " + help + "\n      " + String.join("\n      ", targets);
    }
  }

  /**
   * What axe found on a page.
   *
   * @param version axe-core's version, as the injected script reports it
   * @param violations the rules broken
   * @param passes how many rules passed
   * @param incomplete ids of the rules axe could not decide (to review by hand)
   */
  public record Report(
      String version, List<Violation> violations, int passes, List<String> incomplete) {}

  /**
   * @return axe.min.js, read once
   * @throws AssertionError naming {@code .ci/test-tools} when it is not installed
   */
  static synchronized String source() {
    if (source == null) {
      Path file = HOME.resolve("axe.min.js");
      if (!Files.isRegularFile(file)) {
        fail(
            "axe-core is not installed ("
                + file.toAbsolutePath()
                + " is missing): run .ci/test-tools (npm ci --prefix src/test/browser)");
      }
      try {
        source = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new AssertionError("cannot read " + file, e);
      }
    }
    return source;
  }

  /**
   * @return the version npm installed ({@code package.json} of axe-core)
   */
  public static String installedVersion() {
    try {
      Matcher m =
          Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"")
              .matcher(Files.readString(HOME.resolve("package.json"), StandardCharsets.UTF_8));
      return m.find() ? m.group(1) : "?";
    } catch (IOException e) {
      return "?";
    }
  }

  /**
   * Runs axe on the page the driver shows (injecting it first when the page does not have it).
   *
   * @param driver a browser's driver, on the page to check
   * @return the report
   */
  @SuppressWarnings("unchecked")
  public static Report run(JavascriptExecutor driver) {
    if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'object';"))) {
      driver.executeScript(source());
    }
    Object result =
        driver.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]},"
                + " resultTypes: ['violations']}).then(function (r) {"
                + "  done({version: axe.version, passes: r.passes.length,"
                + "    incomplete: r.incomplete.map(function (i) { return i.id; }),"
                + "    violations: r.violations.map(function (v) {"
                + "      return {id: v.id, impact: v.impact, help: v.help,"
                + "        nodes: v.nodes.map(function (n) {"
                + "          return n.target.join(' ') + ' → '"
                + "            + (n.failureSummary || '').replace(/\\s+/g, ' '); })}; })});"
                + "}, function (e) { done({error: String(e)}); });",
            TAGS);
    Map<String, Object> map = (Map<String, Object>) result;
    if (map.containsKey("error")) {
      throw new AssertionError("axe.run failed: " + map.get("error"));
    }
    List<Violation> violations = new ArrayList<>();
    for (Map<String, Object> v : (List<Map<String, Object>>) map.get("violations")) {
      violations.add(
          new Violation(
              (String) v.get("id"),
              String.valueOf(v.get("impact")),
              (String) v.get("help"),
              (List<String>) v.get("nodes")));
    }
    return new Report(
        (String) map.get("version"),
        violations,
        ((Number) map.get("passes")).intValue(),
        (List<String>) map.get("incomplete"));
  }
}
