package fr.irev.news.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Reading pages as the visitor sees them: rendered text ({@code innerText}, so hidden text is left
 * out and French no-break spaces U+00A0 are kept, which Selenium's {@code getText()} turns into
 * plain spaces), page loads, the focus, downloads. Waits are bounded (10 s unless said).
 */
final class Pages {

  /** Longest wait for a page, a script's text or a download. */
  static final Duration WAIT = Duration.ofSeconds(10);

  /** How often a wait looks again. */
  private static final Duration POLL = Duration.ofMillis(100);

  private Pages() {}

  /**
   * @return what the script returns, run in the current page with {@code arguments}
   */
  static Object run(WebDriver driver, String script, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(script, arguments);
  }

  /**
   * @return the rendered text of an element, runs of ASCII white space (line breaks included) as
   *     one space, trimmed; no-break spaces kept
   */
  static String text(WebDriver driver, WebElement element) {
    String raw = (String) run(driver, "return arguments[0].innerText;", element);
    return raw.replaceAll("[ \\t\\r\\n]+", " ").trim();
  }

  /**
   * @return {@link #text} of every element the CSS selector finds, in document order
   */
  static List<String> texts(WebDriver driver, String css) {
    return driver.findElements(By.cssSelector(css)).stream().map(e -> text(driver, e)).toList();
  }

  /**
   * @return {@link #text} of the one element the CSS selector finds first
   */
  static String text(WebDriver driver, String css) {
    return text(driver, driver.findElement(By.cssSelector(css)));
  }

  /**
   * Runs an action that loads a new document (follows a link, submits a form) and waits until the
   * new document is complete. The old document is marked with a script variable; the wait ends when
   * the current document lacks the mark (errors while the documents change are retried).
   */
  static void load(WebDriver driver, Runnable action) {
    String mark = UUID.randomUUID().toString();
    run(driver, "window.irevJourneyMark = arguments[0];", mark);
    action.run();
    new WebDriverWait(driver, WAIT, POLL)
        .ignoring(WebDriverException.class)
        .withMessage("a new page after the action, from " + driver.getCurrentUrl())
        .until(
            d ->
                (Boolean)
                    run(
                        d,
                        "return window.irevJourneyMark !== arguments[0]"
                            + " && document.readyState === 'complete';",
                        mark));
  }

  /**
   * Replaces the text of the focused field with key presses: Ctrl+A, Backspace, then the text
   * typed; a text longer than {@link Visitor#TYPED_MAX} is pasted instead ({@code
   * Input.insertText}: one {@code input} event, {@code maxlength} honoured as typing does).
   */
  static void replaceFocusedText(ChromeDriver driver, String text) {
    Actions keys =
        new Actions(driver)
            .keyDown(Keys.CONTROL)
            .sendKeys("a")
            .keyUp(Keys.CONTROL)
            .sendKeys(Keys.BACK_SPACE);
    if (!text.isEmpty() && text.length() <= Visitor.TYPED_MAX) {
      keys.sendKeys(text);
    }
    keys.perform();
    if (text.length() > Visitor.TYPED_MAX) {
      driver.executeCdpCommand("Input.insertText", Map.of("text", text));
    }
  }

  /**
   * Waits (at most 2 s) until the element with that {@code id} has the focus.
   *
   * @throws org.openqa.selenium.TimeoutException naming where the focus is instead
   */
  static void awaitFocus(WebDriver driver, String id) {
    new WebDriverWait(driver, Duration.ofSeconds(2), POLL)
        .withMessage(
            () ->
                "focus on #"
                    + id
                    + ", not on "
                    + describe(driver, driver.switchTo().activeElement()))
        .until(d -> id.equals(d.switchTo().activeElement().getAttribute("id")));
  }

  /** Waits until the text of the first element the selector finds satisfies a condition. */
  static String awaitText(WebDriver driver, String css, Function<String, Boolean> ready) {
    return new WebDriverWait(driver, WAIT, POLL)
        .withMessage("text of " + css)
        .until(
            d -> {
              List<WebElement> found = d.findElements(By.cssSelector(css));
              String now = found.isEmpty() ? null : text(d, found.get(0));
              return now != null && ready.apply(now) ? now : null;
            });
  }

  /**
   * @return the URL names ({@code /actualites/<name>}) of the list's items, in list order
   */
  static List<String> listed(WebDriver driver) {
    return driver.findElements(By.cssSelector(".irev-summary__title a")).stream()
        .map(a -> a.getAttribute("href"))
        .map(href -> href.substring(href.lastIndexOf('/') + 1))
        .toList();
  }

  /**
   * @return the one link or button of the page whose rendered text is exactly {@code text}, within
   *     the elements the CSS selector finds
   * @throws AssertionError when none or several match
   */
  static WebElement named(WebDriver driver, String css, String text) {
    List<WebElement> found =
        driver.findElements(By.cssSelector(css)).stream()
            .filter(e -> text.equals(text(driver, e)))
            .toList();
    if (found.size() != 1) {
      throw new AssertionError(
          found.size() + " elements «" + text + "» in " + css + " at " + driver.getCurrentUrl());
    }
    return found.get(0);
  }

  /**
   * @return whether the element shows a focus indicator: a non-zero outline or a box shadow
   */
  static boolean focusVisible(WebDriver driver, WebElement element) {
    return (Boolean)
        run(
            driver,
            "var s = getComputedStyle(arguments[0]);"
                + "return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)"
                + " || s.boxShadow !== 'none';",
            element);
  }

  /**
   * @return a short description of an element for messages: tag, id, class, text
   */
  static String describe(WebDriver driver, WebElement element) {
    return (String)
        run(
            driver,
            "var e = arguments[0]; if (!e) return 'nothing';"
                + "return '<' + e.tagName.toLowerCase() + (e.id ? ' id=' + e.id : '')"
                + " + (e.className ? ' class=' + e.className : '') + '> '"
                + " + (e.innerText || e.value || '').trim().slice(0, 60);",
            element);
  }

  /**
   * Waits for a finished download of that name (Chromium writes {@code .crdownload} files first)
   * and returns it.
   *
   * @param folder the browser's download folder
   * @param name the file name the server gives ({@code Content-Disposition})
   * @throws AssertionError when it has not arrived within {@link #WAIT}, listing what did
   */
  static Path awaitDownload(Path folder, String name) throws IOException, InterruptedException {
    Path file = folder.resolve(name);
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.isRegularFile(file) && !partial(folder)) {
        return file;
      }
      Thread.sleep(50);
    }
    try (Stream<Path> files = Files.list(folder)) {
      throw new AssertionError(
          "no download " + name + " within " + WAIT + "; folder holds " + files.toList());
    }
  }

  private static boolean partial(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".crdownload"));
    }
  }
}
