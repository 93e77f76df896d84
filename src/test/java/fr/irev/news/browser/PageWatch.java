package fr.irev.news.browser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.v156.network.Network;
import org.openqa.selenium.devtools.v156.network.model.ResourceType;
import org.openqa.selenium.devtools.v156.page.Page;
import org.openqa.selenium.devtools.v156.page.model.ScriptIdentifier;

/**
 * Watches what the pages of a {@link Browser} do, through the Chrome DevTools Protocol: every
 * request the browser sends (address and resource type, browser cache off so that every resource is
 * really asked for) and, in a browser with JavaScript, every Content-Security-Policy violation the
 * pages report ({@code securitypolicyviolation} events, collected by a listener installed before
 * any page script runs). Events arrive on DevTools' own thread: {@link #awaitIdle()} waits for the
 * page's own script to be done (the seats left filled in) and the requests in flight to end before
 * they are read.
 */
final class PageWatch implements AutoCloseable {

  /**
   * One request.
   *
   * @param url its address
   * @param type what the browser asked it for ({@code Document}, {@code Stylesheet}, {@code
   *     Script}, {@code Image}, {@code Fetch}…; {@code Other} when unknown)
   */
  record Request(String url, String type) {}

  /**
   * How long no request may be in flight, once the page is ready, before it counts as loaded, in
   * milliseconds: long enough for a script's {@code .then} on a loaded two-core CI machine.
   */
  static final long QUIET_MS = 500;

  /**
   * True when every registration form whose script fetches the seats left ({@code
   * data-irev-seats-url}) has its {@code [data-irev-seats]} text filled in: the fetch was sent,
   * answered and shown (registration.js).
   */
  private static final String SEATS_SHOWN =
      "return Array.prototype.every.call(document.querySelectorAll('form[data-irev-seats-url]'),"
          + " function (form) {"
          + "  var section = form.closest('section');"
          + "  var seats = section ? section.querySelector('[data-irev-seats]') : null;"
          + "  return !seats || seats.textContent.trim() !== '';"
          + "});";

  /** Name of the page's array that the listener fills, one line per violation. */
  private static final String VIOLATIONS = "__irevCspViolations";

  private static final String LISTENER =
      "if (!window."
          + VIOLATIONS
          + ") {"
          + "  window."
          + VIOLATIONS
          + " = [];"
          + "  document.addEventListener('securitypolicyviolation', function (e) {"
          + "    window."
          + VIOLATIONS
          + ".push(e.effectiveDirective + ' ' + e.blockedURI + ' ' + (e.sample || ''));"
          + "  }, true);"
          + "}";

  private final Browser browser;
  private final DevTools devTools;
  private final ScriptIdentifier listener;
  private final List<Request> requests = new ArrayList<>();
  private final Map<String, String> inFlight = new HashMap<>();
  private final Set<String> ended = new HashSet<>();

  /**
   * Starts watching: opens a DevTools session on the browser, turns its cache off and records
   * requests from now on.
   *
   * @param browser a started browser
   */
  PageWatch(Browser browser) {
    this.browser = browser;
    this.devTools = browser.driver().getDevTools();
    devTools.createSessionIfThereIsNotOne();
    devTools.send(
        Network.enable(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty()));
    devTools.send(Network.setCacheDisabled(true));
    devTools.addListener(
        Network.requestWillBeSent(),
        sent -> {
          synchronized (this) {
            if (sent.getType().orElse(null) == ResourceType.DOCUMENT) {
              inFlight.clear(); // a new page: what the previous one still waited for is abandoned
            }
            requests.add(
                new Request(
                    sent.getRequest().getUrl(),
                    sent.getType().map(ResourceType::toString).orElse("Other")));
            String id = sent.getRequestId().toString();
            if (!ended.contains(id)) { // DevTools may deliver the end first
              inFlight.put(id, sent.getRequest().getUrl());
            }
          }
        });
    devTools.addListener(Network.loadingFinished(), done -> ended(done.getRequestId().toString()));
    devTools.addListener(
        Network.loadingFailed(), failed -> ended(failed.getRequestId().toString()));
    devTools.send(Page.enable(Optional.empty()));
    listener =
        devTools.send(
            Page.addScriptToEvaluateOnNewDocument(
                LISTENER, Optional.empty(), Optional.empty(), Optional.empty()));
  }

  private synchronized void ended(String requestId) {
    inFlight.remove(requestId);
    ended.add(requestId);
  }

  /**
   * Waits until the page is ready (with JavaScript: the seats left that registration.js fetches are
   * shown, on pages with a registration form) and then no request has been in flight for {@value
   * #QUIET_MS} ms (at most 10 s in all), so that the requests of a page just loaded, including
   * those its script sends after loading, are all recorded.
   *
   * @throws InterruptedException when interrupted
   * @throws AssertionError when the page is not ready or requests are still in flight after 10 s
   */
  void awaitIdle() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    long quietSince = System.nanoTime();
    int seen = -1;
    boolean ready = !browser.javaScript();
    while (System.nanoTime() < deadline) {
      if (!ready) {
        ready = Boolean.TRUE.equals(browser.driver().executeScript(SEATS_SHOWN));
      }
      synchronized (this) {
        if (!ready || !inFlight.isEmpty() || requests.size() != seen) {
          seen = requests.size();
          quietSince = System.nanoTime();
        } else if (System.nanoTime() - quietSince > Duration.ofMillis(QUIET_MS).toNanos()) {
          return;
        }
      }
      Thread.sleep(25);
    }
    synchronized (this) {
      throw new AssertionError(
          (ready ? "" : "seats left not shown; ")
              + "requests still in flight: "
              + inFlight.values());
    }
  }

  /**
   * @return the requests recorded since the start or the last {@link #clear()}, in order
   */
  synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Forgets the requests recorded so far. */
  synchronized void clear() {
    requests.clear();
  }

  /**
   * The Content-Security-Policy violations the current page reported, one line each ({@code
   * <directive> <blocked URI> <sample>}). Needs JavaScript in the browser (the listener is a
   * script); always empty without it.
   *
   * @return the violations, in order, empty when none
   */
  List<String> cspViolations() {
    Object found =
        browser
            .driver()
            .executeScript("return window." + VIOLATIONS + " ? window." + VIOLATIONS + " : null;");
    List<String> out = new ArrayList<>();
    if (found instanceof List<?> list) {
      list.forEach(line -> out.add(String.valueOf(line)));
    } else {
      throw new AssertionError(
          "the violation listener did not run on " + browser.driver().getCurrentUrl());
    }
    return out;
  }

  @Override
  public void close() {
    devTools.send(Page.removeScriptToEvaluateOnNewDocument(listener));
    devTools.send(Network.setCacheDisabled(false));
    devTools.clearListeners();
  }
}
