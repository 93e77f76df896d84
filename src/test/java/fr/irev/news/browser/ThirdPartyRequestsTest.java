package fr.irev.news.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * No page of the site makes the browser ask anything of another host (no web fonts, scripts, maps,
 * analytics, CDN): Chromium with JavaScript visits a page of every kind ({@link PageTour}) while
 * every request it sends is recorded through the DevTools protocol ({@link PageWatch}), and each
 * must go to the site itself. The pages' markup is checked too: no element that makes a browser
 * fetch something (style sheet, script, image, frame, media, form target…) names another host.
 * Links to other sites in the text ({@code <a href>}) are navigation, not requests, and are
 * allowed.
 */
class ThirdPartyRequestsTest {

  @RegisterExtension static final BrowserClass ui = BrowserClass.withJavaScript().withEvents();

  /** Attributes whose address the browser fetches (or posts to) by itself, per element. */
  private static final Map<String, List<String>> FETCHED =
      Map.ofEntries(
          Map.entry("link", List.of("href")),
          Map.entry("script", List.of("src")),
          Map.entry("img", List.of("src", "srcset")),
          Map.entry("source", List.of("src", "srcset")),
          Map.entry("iframe", List.of("src")),
          Map.entry("frame", List.of("src")),
          Map.entry("embed", List.of("src")),
          Map.entry("object", List.of("data")),
          Map.entry("video", List.of("src", "poster")),
          Map.entry("audio", List.of("src")),
          Map.entry("track", List.of("src")),
          Map.entry("input", List.of("src")),
          Map.entry("form", List.of("action")));

  /**
   * Whether an absolute address is on the site: same scheme, host (localhost or 127.0.0.1), port.
   */
  private static boolean ownSite(String address) {
    URI uri = URI.create(address);
    URI base = ui.site().server().baseUri();
    return "http".equals(uri.getScheme())
        && Set.of("localhost", "127.0.0.1").contains(uri.getHost())
        && uri.getPort() == base.getPort();
  }

  /** Every address a page's markup makes the browser fetch, made absolute against the page. */
  static List<String> fetchedAddresses(Document page) {
    List<String> out = new ArrayList<>();
    FETCHED.forEach(
        (tag, attributes) -> {
          for (Element element : page.select(tag)) {
            for (String attribute : attributes) {
              if (!element.hasAttr(attribute)) {
                continue;
              }
              if ("srcset".equals(attribute)) {
                for (String candidate : element.attr(attribute).split(",")) {
                  String url = candidate.strip().split("\\s+")[0];
                  out.add(URI.create(page.location()).resolve(url).toString());
                }
              } else {
                out.add(element.absUrl(attribute));
              }
            }
          }
        });
    for (Element refresh : page.select("meta[http-equiv~=(?i)refresh]")) {
      out.add(refresh.attr("content"));
    }
    return out;
  }

  @Test
  void everyRequestOfEveryKindOfPageGoesToTheSiteItself() throws Exception {
    Map<String, List<PageWatch.Request>> byPage = new LinkedHashMap<>();
    try (PageWatch watch = new PageWatch(ui.browser())) {
      PageTour.run(
          ui.site(),
          ui.browser(),
          ui.events(),
          name -> {
            long t0 = System.nanoTime();
            watch.awaitIdle();
            System.out.println(
                "TIMING "
                    + name
                    + " idle after "
                    + (System.nanoTime() - t0) / 1_000_000
                    + " ms at "
                    + System.currentTimeMillis());
            byPage.put(name, watch.requests());
            watch.clear();
            Document page = Jsoup.parse(ui.driver().getPageSource(), ui.driver().getCurrentUrl());
            for (String address : fetchedAddresses(page)) {
              assertTrue(ownSite(address), name + ": the markup fetches " + address);
            }
          });
    }
    assertEquals(PageTour.STOPS, List.copyOf(byPage.keySet()));
    int total = 0;
    for (Map.Entry<String, List<PageWatch.Request>> page : byPage.entrySet()) {
      for (PageWatch.Request request : page.getValue()) {
        assertTrue(ownSite(request.url()), page.getKey() + ": request to " + request);
        total++;
      }
    }
    List<PageWatch.Request> detail = byPage.get("détail de l’événement passé");
    assertTrue(
        detail.stream().anyMatch(r -> "Stylesheet".equals(r.type()) && r.url().endsWith(".css")),
        "the recorder sees the style sheet: " + detail);
    assertTrue(
        detail.stream().anyMatch(r -> "Image".equals(r.type()) && r.url().contains("/thumbnail/")),
        "the recorder sees the thumbnail: " + detail);
    assertTrue(
        byPage.get("détail de la session à venir").stream()
            .anyMatch(r -> "Fetch".equals(r.type()) && r.url().endsWith("/places")),
        "the recorder sees the script's request for the seats left");
    System.out.println(
        "ThirdPartyRequestsTest: " + total + " requests on " + byPage.size() + " pages, all local");
  }

  @Test
  void theMarkupCheckSeesAResourceOfAnotherHost() {
    Document page =
        Jsoup.parse(
            "<link rel=stylesheet href='https://fonts.example/f.css'><p><a"
                + " href='https://irev.fr/'>IREV</a></p><img srcset='/a.png 1x,"
                + " https://cdn.example/b.png 2x'>",
            ui.site().url("/actualites"));
    List<String> fetched = fetchedAddresses(page);
    assertEquals(
        Set.of("https://fonts.example/f.css", ui.site().url("/a.png"), "https://cdn.example/b.png"),
        Set.copyOf(fetched));
    assertFalse(ownSite("https://fonts.example/f.css"));
    assertTrue(ownSite(ui.site().url("/a.png")));
  }
}
