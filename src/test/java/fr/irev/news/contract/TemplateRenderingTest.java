package fr.irev.news.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import freemarker.cache.FileTemplateLoader;
import freemarker.core.Environment;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateDirectiveBody;
import freemarker.template.TemplateDirectiveModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Renders the light module's scripts with FreeMarker, the contract's context objects ({@code
 * content}, {@code ctx.getParameter}, {@code i18n[…]}, {@code cms.*}, {@code components}) as plain
 * stand-ins and {@link FakeFunctions} as {@code irevfn}, and checks the HTML the seed page must
 * give: structure, accessibility hooks, numbered links and their printed list. The preview server
 * renders the same scripts with the real {@code irevfn}; this test only guards the scripts.
 */
class TemplateRenderingTest {

  private Configuration configuration;
  private FakeFunctions irevfn;
  private Map<String, Object> i18n;

  @BeforeEach
  void setUp() throws IOException {
    configuration = FtlChecker.configuration();
    configuration.setTemplateLoader(new FileTemplateLoader(ProjectFiles.lightModules().toFile()));
    configuration.setObjectWrapper(
        new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_33).build());
    configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    configuration.setLogTemplateExceptions(false);
    configuration.setWrapUncheckedExceptions(true);
    irevfn = new FakeFunctions();
    Properties fr = MagnoliaContractTest.bundle("fr");
    i18n = new HashMap<>();
    fr.stringPropertyNames().forEach(k -> i18n.put(k, fr.getProperty(k)));
  }

  // ---------------------------------------------------------------- detail page

  @Test
  void detailPageRendersTheSeedEvent() throws Exception {
    Document page =
        render(
            "templates/pages/news-detail.ftl",
            Map.of("item", FakeFunctions.SEED_NAME),
            Map.of(),
            null);

    assertEquals("fr", page.selectFirst("html").attr("lang"));
    assertEquals(1, page.select("h1").size());
    assertTrue(page.selectFirst("h1").text().startsWith("Discriminations"));
    assertTrue(page.title().startsWith("Discriminations") && page.title().endsWith("– IREV"));
    assertEquals(
        "/.resources/irev-news/webresources/css/irev-news.css",
        page.selectFirst("link[rel=stylesheet]").attr("href"));
    assertTrue(page.head().html().contains("cms:page"), "[@cms.page /] in <head>");

    // skip link first, to the main landmark; banner, navigation and footer landmarks
    Element skip = page.selectFirst("body a");
    assertEquals("#contenu", skip.attr("href"));
    assertEquals("Aller au contenu", skip.text());
    assertEquals("main", page.getElementById("contenu").tagName());
    assertNotNull(page.selectFirst("header nav[aria-label] a[href=/actualites]"));
    assertNotNull(page.selectFirst("footer"));

    // event summary: date in <time>, place, audience, registration link numbered [1]
    Element event = page.selectFirst("section.irev-event");
    assertEquals("En pratique", event.selectFirst("h2").text());
    Element when = event.selectFirst("time");
    assertEquals("2021-11-30T09:00:00+01:00", when.attr("datetime"));
    assertEquals("le mardi 30 novembre 2021 de 9 h 00 à 16 h 30", when.text());
    assertTrue(event.text().contains("Lille"));
    Element register = event.selectFirst("a[data-fn]");
    assertEquals("1", register.attr("data-fn"));
    assertEquals("S’inscrire", register.text());
    assertEquals(FakeFunctions.REGISTRATION, register.attr("href"));

    // attachment card: title, "PDF – 256,80 Ko", download link [2] naming format and size,
    // "Favoris" = link to the bookmark help page for this page
    Element card = page.selectFirst(".irev-attachments article.irev-attachment");
    assertEquals("Plaquette de présentation", card.selectFirst("h3").text());
    assertEquals(
        "PDF – 256,80 Ko – 36 pages",
        card.selectFirst(".irev-attachment__meta").text().replace('\u00A0', ' '));
    assertEquals("240", card.selectFirst("img.irev-attachment__thumbnail").attr("width"));
    assertEquals("Document en anglais", card.selectFirst(".irev-attachment__language").text());
    Element download = card.selectFirst("a.irev-attachment__download");
    assertEquals("2", download.attr("data-fn"));
    assertTrue(download.text().contains("PDF, 256,80"), download.text());
    assertTrue(download.attr("href").startsWith("/.irev-news/download/"));
    assertEquals("en", download.attr("hreflang"));
    Element bookmark = card.selectFirst("a.irev-attachment__bookmark");
    assertEquals(
        "/favoris?retour=%2Factualites%2F" + FakeFunctions.SEED_NAME, bookmark.attr("href"));
    assertTrue(bookmark.text().startsWith("Favoris"));
    assertFalse(bookmark.hasAttr("data-fn"), "the bookmark is not a printed link");

    // thematics (ancestors first) and territories, numbered 3, 4, 5
    Elements tagLinks = page.select(".irev-tags a");
    assertEquals(
        List.of("Discrimination", "Lutte contre les discriminations", "Région Hauts-de-France"),
        tagLinks.eachText());
    assertEquals(List.of("3", "4", "5"), tagLinks.eachAttr("data-fn"));
    assertEquals(List.of("Thématiques", "Territoires"), page.select(".irev-tags h2").eachText());

    // publication and update, machine-readable
    assertEquals(
        List.of("2021-09-29", "2021-10-04T10:50:00+02:00"),
        page.select(".irev-dates time").eachAttr("datetime"));
    assertTrue(page.selectFirst(".irev-dates").text().contains("Publié le 29 septembre 2021"));

    // printed list of links: "Liens" then "[n] url", one per numbered link, in order
    Element notes = page.selectFirst("section.irev-footnotes");
    assertEquals("Liens", notes.selectFirst("h2").text());
    List<String> items = notes.select("li").eachText();
    assertEquals(5, items.size());
    assertEquals("[1] " + FakeFunctions.REGISTRATION, items.get(0));
    assertTrue(items.get(1).startsWith("[2] https://irev.fr/.irev-news/download/"));
    List<String> numbers = new ArrayList<>();
    for (Element a : page.select("a[data-fn]")) {
      numbers.add(a.attr("data-fn"));
    }
    assertEquals(List.of("1", "2", "3", "4", "5"), numbers);

    // the built-in registration section, once, after the attachments; closed (the seed is past)
    assertEquals(1, page.select("section.irev-registration").size());
    assertEquals(1, page.select("#inscription").size());
    assertTrue(
        page.selectFirst("section.irev-registration").text().contains("Cet événement est passé."));
    assertTrue(page.select("form.irev-form").isEmpty());

    // the editors' area comes after the item's content and before the taxonomy
    String html = page.html();
    assertTrue(html.indexOf("irev-attachments") < html.indexOf("data-test-area=\"main\""));
    assertTrue(html.indexOf("data-test-area=\"main\"") < html.indexOf("irev-tags"));

    // no javascript: link anywhere, no executable script: only the JSON-LD data block
    assertTrue(page.select("a[href^=javascript]").isEmpty());
    assertTrue(page.select(EXECUTABLE_SCRIPT).isEmpty());
    assertEquals(0, irevfn.notFoundCalls());
  }

  /** Script elements a browser runs: any but the JSON-LD data blocks. */
  static final String EXECUTABLE_SCRIPT = "script:not([type=application/ld+json])";

  @Test
  void detailPageHeadHasOpenGraphAndJsonLd() throws Exception {
    Document page =
        render(
            "templates/pages/news-detail.ftl",
            Map.of("item", FakeFunctions.SEED_NAME),
            Map.of(),
            null);
    String url = FakeFunctions.SITE + "/actualites/" + FakeFunctions.SEED_NAME;
    assertEquals("article", page.selectFirst("head meta[property=og:type]").attr("content"));
    assertTrue(
        page.selectFirst("head meta[property=og:title]").attr("content").startsWith("Discrim"));
    assertTrue(
        page.selectFirst("head meta[property=og:description]")
            .attr("content")
            .startsWith("Une journée"));
    assertEquals(url, page.selectFirst("head meta[property=og:url]").attr("content"));
    assertEquals("fr_FR", page.selectFirst("head meta[property=og:locale]").attr("content"));
    assertEquals("IREV", page.selectFirst("head meta[property=og:site_name]").attr("content"));
    assertEquals(url, page.selectFirst("head link[rel=canonical]").attr("href"));
    Elements data = page.select("head script[type=application/ld+json]");
    assertEquals(1, data.size());
    // printed as is (no HTML escaping: &quot; would break the JSON), and still one element
    assertEquals(FakeFunctions.jsonLd(), data.get(0).data());
  }

  @Test
  void eventSummaryOffersTheEventsCalendarFile() throws Exception {
    Document page =
        render(
            "templates/pages/news-detail.ftl",
            Map.of("item", FakeFunctions.SEED_NAME),
            Map.of(),
            null);
    Element link = page.selectFirst("section.irev-event a.irev-event__calendar-link");
    assertEquals(
        "/.irev-news/flux/evenement/" + FakeFunctions.SEED_NAME + ".ics", link.attr("href"));
    assertEquals("text/calendar", link.attr("type"));
    assertEquals("Ajouter à mon agenda (fichier iCalendar .ics)", link.text());
  }

  @Test
  void registerButtonLeadsToTheBuiltInFormOnlyWhileItIsOpen() throws Exception {
    for (boolean open : new boolean[] {false, true}) {
      irevfn = new FakeFunctions();
      irevfn.openRegistration(open);
      Document page =
          render(
              "templates/pages/news-detail.ftl",
              Map.of("item", FakeFunctions.SEED_NAME),
              Map.of(),
              null);

      Elements buttons = page.select(".irev-event__register a");
      assertEquals(1, buttons.size(), "open=" + open);
      Element register = buttons.get(0);
      assertEquals("S’inscrire", register.text());
      assertEquals(1, page.select("section.irev-registration#inscription").size(), "open=" + open);
      if (open) {
        assertEquals(FakeFunctions.REGISTRATION_ANCHOR, register.attr("href"));
        assertFalse(register.hasAttr("data-fn"), "an in-page link is not a printed link");
        assertEquals(1, page.select("section.irev-registration form.irev-form").size());
        assertEquals(
            List.of("/.resources/irev-news/webresources/js/registration.js"),
            page.select(EXECUTABLE_SCRIPT).eachAttr("src"));
      } else {
        assertEquals(FakeFunctions.REGISTRATION, register.attr("href"));
        assertEquals("1", register.attr("data-fn"));
        assertTrue(page.select("form").isEmpty());
        assertTrue(page.select(EXECUTABLE_SCRIPT).isEmpty());
      }
    }
  }

  @Test
  void unknownItemGivesTheFrenchNotFoundPage() throws Exception {
    for (Map<String, String> params :
        List.of(Map.of("item", "n-existe-pas"), Map.<String, String>of())) {
      irevfn = new FakeFunctions();
      Document page = render("templates/pages/news-detail.ftl", params, Map.of(), null);
      assertEquals(1, irevfn.notFoundCalls(), "irevfn.notFound() sets the 404 status");
      assertEquals("Actualité introuvable", page.selectFirst("h1").text());
      assertNotNull(page.selectFirst("main a[href=/actualites]"));
      assertTrue(page.select("section.irev-footnotes").isEmpty());
      assertEquals("fr", page.selectFirst("html").attr("lang"));
    }
  }

  @Test
  void detailPageEscapesItemText() throws Exception {
    Document page =
        render(
            "templates/pages/news-detail.ftl",
            Map.of("item", FakeFunctions.XSS_NAME),
            Map.of(),
            null);
    assertTrue(
        page.select(EXECUTABLE_SCRIPT + ", img:not(.irev-attachment__thumbnail), [onerror]")
            .isEmpty(),
        page.body().html());
    assertEquals("<script>alert('x')</script> & co", page.selectFirst("h1").text());
  }

  // ---------------------------------------------------------------- list page

  @Test
  void listPageShowsItemsFilterAndPagination() throws Exception {
    Document page =
        render(
            "templates/pages/news-list.ftl",
            Map.of("thematique", "lutte-contre-les-discriminations"),
            Map.of(),
            null);
    assertEquals(List.of("|lutte-contre-les-discriminations|"), irevfn.listingCalls());
    assertEquals(1, page.select("h1").size());
    assertEquals("Actualités", page.selectFirst("h1").text());
    assertTrue(page.selectFirst(".irev-filter").text().startsWith("Thématique"));
    assertNotNull(page.selectFirst(".irev-filter a[href=/actualites]"));

    Elements entries = page.select("ul.irev-list > li article");
    assertEquals(2, entries.size());
    Element event = entries.get(0);
    assertEquals("/actualites/" + FakeFunctions.SEED_NAME, event.selectFirst("h2 a").attr("href"));
    assertEquals(
        "2021-11-30T09:00:00+01:00",
        event.selectFirst(".irev-summary__when time").attr("datetime"));
    Element news = entries.get(1);
    assertTrue(news.select(".irev-summary__when").isEmpty(), "news items show no event date");
    assertEquals("2021-09-15", news.selectFirst(".irev-summary__published time").attr("datetime"));

    Element pagination = page.selectFirst("nav.irev-pagination[aria-label]");
    assertNotNull(pagination.selectFirst("a[rel=next]"));
    assertTrue(pagination.select("a[rel=prev]").isEmpty());
    assertEquals("Page 1 / 2", pagination.selectFirst("[aria-current=page]").text());

    // "S'abonner": the RSS feed and the calendar of the same filters, the feed also in <head>
    String query = "?thematique=lutte-contre-les-discriminations";
    Element alternate = page.selectFirst("head link[rel=alternate][type=application/rss+xml]");
    assertEquals("/.irev-news/flux/actualites.rss" + query, alternate.attr("href"));
    assertEquals("Actualités de l’IREV (RSS)", alternate.attr("title"));
    Elements feeds = page.select("section.irev-feeds a");
    assertEquals("S’abonner", page.selectFirst("section.irev-feeds h2").text());
    assertEquals(
        List.of("/.irev-news/flux/actualites.rss" + query, "/.irev-news/flux/agenda.ics" + query),
        feeds.eachAttr("href"));
    assertEquals(List.of("application/rss+xml", "text/calendar"), feeds.eachAttr("type"));
  }

  @Test
  void listPageShowsTheFrenchNoticeOfAnUnknownFilter() throws Exception {
    Document page =
        render(
            "templates/pages/news-list.ftl",
            Map.of("territoire", "inconnu", "page", "abc"),
            Map.of(),
            null);
    assertEquals(List.of("abc||inconnu"), irevfn.listingCalls());
    assertTrue(
        page.selectFirst(".irev-notice[role=status]")
            .text()
            .startsWith("Le territoire demandé n’existe pas"));
  }

  // ---------------------------------------------------------------- components and area

  @Test
  void componentsRenderTheSharedMacros() throws Exception {
    Document summary =
        render(
            "templates/components/event-summary.ftl",
            Map.of(),
            Map.of("item", FakeFunctions.SEED_ID),
            null);
    assertEquals(
        "le mardi 30 novembre 2021 de 9 h 00 à 16 h 30",
        summary.selectFirst("section.irev-event time").text());
    assertTrue(
        summary.select("[data-fn]").isEmpty(), "components are not in the page's list of links");

    Document tags =
        render(
            "templates/components/taxonomy-tags.ftl",
            Map.of(),
            Map.of("item", FakeFunctions.SEED_ID),
            null);
    assertEquals(3, tags.select(".irev-tags a").size());
    assertTrue(
        tags.select("[data-fn]").isEmpty(), "components are not in the page's list of links");

    Document pdf =
        render(
            "templates/components/pdf-attachment.ftl",
            Map.of(),
            Map.of(
                "asset",
                "jcr:" + FakeFunctions.PDF_ID,
                "title",
                "Programme",
                "description",
                "Détail"),
            null);
    Element card = pdf.selectFirst("article.irev-attachment");
    assertEquals("Programme", card.selectFirst("h2").text());
    assertFalse(
        card.selectFirst("a.irev-attachment__download").hasAttr("data-fn"),
        "components are not in the page's list of links");

    Document registration =
        render(
            "templates/components/event-registration.ftl",
            Map.of(),
            Map.of("item", FakeFunctions.SEED_ID),
            null);
    assertEquals(1, registration.select("section.irev-registration#inscription").size());
    assertTrue(registration.select("script").isEmpty(), "no script while registration is closed");

    for (String script :
        List.of("event-summary", "taxonomy-tags", "pdf-attachment", "event-registration")) {
      Document empty = render("templates/components/" + script + ".ftl", Map.of(), Map.of(), null);
      assertEquals("", empty.body().text(), script + " without a valid choice renders nothing");
    }
  }

  @Test
  void areaRendersItsComponentsInOrder() throws Exception {
    List<Map<String, Object>> components =
        List.of(Map.of("@name", "0"), Map.of("@name", "1"), Map.of("@name", "2"));
    Document area = render("templates/areas/main.ftl", Map.of(), Map.of(), components);
    assertEquals(
        List.of("0", "1", "2"),
        area.select("[data-test-component]").eachAttr("data-test-component"));
    Document none = render("templates/areas/main.ftl", Map.of(), Map.of(), List.of());
    assertEquals("", none.body().html().strip());
  }

  // ---------------------------------------------------------------- the stand-in is faithful

  @Test
  void fakeViewsUseOnlyPropertiesOfTheRealViewClasses() throws Exception {
    // The maps of FakeFunctions stand for the view beans: every name the templates can read
    // from them must be a JavaBean property of the real class (architecture.md, "Templating").
    for (Map.Entry<String, Map<String, Object>> sample : FakeFunctions.samples().entrySet()) {
      Class<?> view = Class.forName("fr.irev.news.templating." + sample.getKey());
      java.util.Set<String> properties = new java.util.TreeSet<>();
      for (java.beans.PropertyDescriptor p :
          java.beans.Introspector.getBeanInfo(view, Object.class).getPropertyDescriptors()) {
        if (p.getReadMethod() != null) {
          properties.add(p.getName());
        }
      }
      java.util.Set<String> unknown = new java.util.TreeSet<>(sample.getValue().keySet());
      unknown.removeAll(properties);
      assertEquals(java.util.Set.of(), unknown, view.getName() + " has no getter for");
    }
    Class<?> functions = Class.forName(MagnoliaContractTest.FUNCTIONS_CLASS);
    assertEquals(
        "NewsItemView", functions.getMethod("item", String.class).getReturnType().getSimpleName());
    assertEquals(
        "NewsItemView",
        functions.getMethod("itemById", String.class).getReturnType().getSimpleName());
    assertEquals(
        "ListingView",
        functions
            .getMethod("listing", String.class, String.class, String.class)
            .getReturnType()
            .getSimpleName());
    assertEquals(
        "AttachmentView",
        functions
            .getMethod("attachment", String.class, String.class, String.class)
            .getReturnType()
            .getSimpleName());
    assertEquals(
        "RegistrationView",
        functions.getMethod("registration", String.class).getReturnType().getSimpleName());
    Class<?> itemView = functions.getMethod("item", String.class).getReturnType();
    assertEquals(
        "RegistrationView",
        functions.getMethod("itemRegistration", itemView).getReturnType().getSimpleName());
  }

  // ---------------------------------------------------------------- rendering

  private Document render(
      String script,
      Map<String, String> parameters,
      Map<String, Object> content,
      List<Map<String, Object>> components)
      throws IOException, TemplateException {
    Map<String, Object> model = new LinkedHashMap<>();
    Map<String, Object> node = new LinkedHashMap<>(content);
    node.putIfAbsent("@name", "node");
    model.put("content", node);
    model.put("def", Map.of());
    model.put("ctx", new Ctx(parameters));
    model.put("i18n", i18n);
    model.put("cms", Map.of("page", PAGE, "area", AREA, "component", COMPONENT));
    model.put("irevfn", irevfn);
    if (components != null) {
      model.put("components", components);
    }
    StringWriter out = new StringWriter();
    configuration.getTemplate("irev-news/" + script).process(model, out);
    return Jsoup.parse(out.toString());
  }

  /** The part of Magnolia's {@code ctx} the contract lists. */
  public static final class Ctx {
    private final Map<String, String> parameters;

    Ctx(Map<String, String> parameters) {
      this.parameters = parameters;
    }

    public String getParameter(String name) {
      return parameters.get(name);
    }
  }

  private static final TemplateDirectiveModel PAGE =
      (env, params, loopVars, body) -> env.getOut().write("<!-- cms:page -->");

  private static final TemplateDirectiveModel AREA =
      (env, params, loopVars, body) ->
          env.getOut().write("<div data-test-area=\"" + params.get("name") + "\"></div>");

  private static final TemplateDirectiveModel COMPONENT =
      new TemplateDirectiveModel() {
        @Override
        public void execute(
            Environment env,
            @SuppressWarnings("rawtypes") Map params,
            TemplateModel[] loopVars,
            TemplateDirectiveBody body)
            throws TemplateException, IOException {
          Object content = params.get("content");
          if (!(content instanceof TemplateHashModel hash)) {
            throw new TemplateModelException("cms.component needs content=");
          }
          env.getOut().write("<div data-test-component=\"" + hash.get("@name") + "\"></div>");
        }
      };
}
