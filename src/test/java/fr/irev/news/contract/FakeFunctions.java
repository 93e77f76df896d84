package fr.irev.news.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for {@code irevfn} ({@code fr.irev.news.templating.NewsFunctions}) with the method
 * signatures of docs/architecture.md and the seed page's data (shared/seed), as plain maps: the
 * templates read views only through property names, so maps with the same names exercise them. Used
 * to render the scripts in {@link TemplateRenderingTest} and as the signature the FTL checker is
 * tested against.
 */
public final class FakeFunctions {

  static final String SEED_NAME =
      "discriminations-journee-dapprofondissement-du-cycle-initier-et-conduire-un-ptlcd";
  static final String SEED_ID = "3f1c2a9e-5b7d-4c8e-9a01-2b3c4d5e6f70";
  static final String XSS_NAME = "titre-a-echapper";
  static final String SITE = "https://irev.fr";
  static final String REGISTRATION =
      "https://irev.fr/thematiques/discriminations-egalite-laicite/inscription-journee-dapprofondissement-du-cycle-initier";
  static final String PDF_ID = "9d2e7c41-0b3a-4f5e-8c6d-1a2b3c4d5e6f";
  static final String PDF_FILE =
      "irev-plaquette_de_presentation_journee_dapprofondissement_du_cycle_initier_et_conduire_des_ptlcd_nov_2021_v4.pdf";

  private static final char NBSP = '\u00A0';
  private static final char NNBSP = '\u202F';

  /** In-page address of the registration section ({@code RegistrationView#getUrl()}). */
  static final String REGISTRATION_ANCHOR = "#inscription";

  private int notFoundCalls;
  private final List<String> listingCalls = new ArrayList<>();
  private boolean registrationOpen;

  public Map<String, Object> item(String urlName) {
    if (SEED_NAME.equals(urlName)) {
      return seedItem();
    }
    if (XSS_NAME.equals(urlName)) {
      Map<String, Object> item = seedItem();
      item.put("title", "<script>alert('x')</script> & co");
      item.put("teaser", "\"><img src=x onerror=alert(1)>");
      return item;
    }
    return null;
  }

  /**
   * The seed's built-in registration ({@code RegistrationView}): closed, as the seed event is past,
   * unless {@link #openRegistration(boolean)} switched it.
   *
   * @param urlName the item's URL name or identifier
   * @return the view as a map, or {@code null} for any other item
   */
  public Map<String, Object> registration(String urlName) {
    return SEED_NAME.equals(urlName) || SEED_ID.equals(urlName)
        ? registrationView(registrationOpen)
        : null;
  }

  /**
   * The registration of an item the page already has ({@code NewsFunctions#itemRegistration}).
   *
   * @param item an item from {@link #item(String)} or {@link #itemById(String)}, may be {@code
   *     null}
   * @return as {@link #registration(String)} for the item's URL name
   */
  public Map<String, Object> itemRegistration(Map<String, Object> item) {
    return item == null ? null : registration((String) item.get("urlName"));
  }

  /** Switches the seed's registration between closed (the default) and open. */
  void openRegistration(boolean open) {
    registrationOpen = open;
  }

  public Map<String, Object> itemById(String identifier) {
    return SEED_ID.equals(identifier) ? seedItem() : null;
  }

  public String notFound() {
    notFoundCalls++;
    return "";
  }

  public Map<String, Object> listing(
      String page, String thematique, String territoire, String type, String periode, String q) {
    return listing(page, thematique, territoire);
  }

  public Map<String, Object> listing(String page, String thematique, String territoire) {
    listingCalls.add(page + "|" + thematique + "|" + territoire);
    Map<String, Object> listing = new LinkedHashMap<>();
    boolean filtered = thematique != null && !thematique.isBlank();
    List<Map<String, Object>> items = new ArrayList<>();
    items.add(seedSummary());
    Map<String, Object> news = new LinkedHashMap<>();
    news.put("urlName", "appel-a-projets-2022");
    news.put("url", "/actualites/appel-a-projets-2022");
    news.put("title", "Appel à projets 2022");
    news.put("teaser", null);
    news.put("event", false);
    news.put("kindLabel", "Actualité");
    news.put("dateLine", null);
    news.put("startIso", null);
    news.put("publishedLine", "Publié le 15\u00a0septembre 2021");
    news.put("publishedIso", "2021-09-15");
    items.add(news);
    listing.put("items", items);
    listing.put("page", 1);
    listing.put("pageCount", 2);
    listing.put("total", 12);
    listing.put("previousUrl", null);
    listing.put("nextUrl", "/actualites?page=2" + (filtered ? "&thematique=" + thematique : ""));
    listing.put(
        "filterLabel",
        filtered ? "Thématique" + NBSP + ": Lutte contre les discriminations" : null);
    listing.put(
        "message",
        "inconnu".equals(territoire)
            ? "Le territoire demandé n’existe pas"
                + NNBSP
                + "; toutes les actualités sont affichées."
            : null);
    listing.put("empty", false);
    String query = filtered ? "?thematique=" + thematique : "";
    listing.put("rssUrl", "/.irev-news/flux/actualites.rss" + query);
    listing.put("calendarUrl", "/.irev-news/flux/agenda.ics" + query);
    listing.put("searchText", "");
    listing.put("appliedFilters", filtered ? List.of("thematique") : List.of());
    listing.put(
        "searchKept",
        filtered ? List.of(Map.of("name", "thematique", "value", thematique)) : List.of());
    return listing;
  }

  public Map<String, Object> attachment(String damLink, String title, String description) {
    return attachment(damLink, title, description, 240);
  }

  public Map<String, Object> attachment(
      String damLink, String title, String description, int thumbnailWidth) {
    return ("jcr:" + PDF_ID).equals(damLink) ? attachmentView(title, description, 0) : null;
  }

  public String resourcesUrl() {
    return "/.resources/irev-news/webresources";
  }

  public String link(String path) {
    return path;
  }

  public String listUrl() {
    return "/actualites";
  }

  int notFoundCalls() {
    return notFoundCalls;
  }

  List<String> listingCalls() {
    return listingCalls;
  }

  /** One sample map per view class (simple name), for the faithfulness test. */
  static Map<String, Map<String, Object>> samples() {
    Map<String, Object> item = seedItem();
    Map<String, Map<String, Object>> samples = new LinkedHashMap<>();
    samples.put("NewsItemView", item);
    samples.put("NewsSummaryView", seedSummary());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> thematics = (List<Map<String, Object>>) item.get("thematics");
    samples.put("TermView", thematics.get(0));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> attachments = (List<Map<String, Object>>) item.get("attachments");
    samples.put("AttachmentView", attachments.get(0));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> footnotes = (List<Map<String, Object>>) item.get("footnotes");
    samples.put("FootnoteView", footnotes.get(0));
    Map<String, Object> listing = new FakeFunctions().listing("1", null, null);
    samples.put("ListingView", listing);
    samples.put("RegistrationView", registrationView(false));
    return samples;
  }

  // ------------------------------------------------------------------ seed data

  private static Map<String, Object> seedItem() {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("urlName", SEED_NAME);
    item.put("url", "/actualites/" + SEED_NAME);
    item.put("absoluteUrl", SITE + "/actualites/" + SEED_NAME);
    item.put(
        "title",
        "Discriminations"
            + NBSP
            + ": journée d’approfondissement du cycle "
            + "«"
            + NBSP
            + "Initier et conduire un plan de lutte contre les discriminations"
            + NBSP
            + "»");
    item.put(
        "teaser",
        "Une journée d’approfondissement est prévue le mardi 30\u00a0novembre de 9 h 00"
            + " à 16 h 30 à l’IREV.");
    item.put(
        "bodyHtml",
        "<p>La loi de programmation pour la ville et la cohésion urbaine du"
            + " 21\u00a0février 2014 a rendu obligatoire la prise en compte transversale de la lutte contre"
            + " les discriminations dans les contrats de ville.</p>");
    item.put("event", true);
    item.put("kindLabel", "Événement");
    item.put("dateLine", "le mardi 30\u00a0novembre 2021 de 9 h 00 à 16 h 30");
    item.put("startIso", "2021-11-30T09:00:00+01:00");
    item.put("endIso", "2021-11-30T16:30:00+01:00");
    item.put("placeName", "Locaux de l’IREV");
    item.put("placeAddress", null);
    item.put("placeCommune", "Lille");
    item.put("audience", "Participants du cycle de qualification d’avril 2021");
    item.put("registrationUrl", REGISTRATION);
    item.put("calendarUrl", "/.irev-news/flux/evenement/" + SEED_NAME + ".ics");
    item.put("jsonLd", jsonLd());
    item.put("registrationFootnote", 1);
    item.put("publishedLine", "Publié le 29\u00a0septembre 2021");
    item.put("publishedIso", "2021-09-29");
    item.put("updatedLine", "Mis à jour le 4\u00a0octobre 2021 à 10 h 50");
    item.put("updatedIso", "2021-10-04T10:50:00+02:00");
    Map<String, Object> discrimination =
        term(
            "discrimination",
            "Discrimination",
            "/actualites?thematique=discrimination",
            3,
            List.of());
    item.put(
        "thematics",
        List.of(
            term(
                "lutte-contre-les-discriminations",
                "Lutte contre les discriminations",
                "/actualites?thematique=lutte-contre-les-discriminations",
                4,
                List.of(discrimination))));
    item.put(
        "territories",
        List.of(
            term(
                "hauts-de-france",
                "Région Hauts-de-France",
                "/actualites?territoire=hauts-de-france",
                5,
                List.of())));
    item.put(
        "attachments",
        List.of(
            attachmentView(
                "Plaquette de présentation",
                "Journée d’approfondissement du cycle de qualification, novembre 2021",
                2)));
    item.put(
        "footnotes",
        List.of(
            footnote(1, REGISTRATION, "S’inscrire"),
            footnote(
                2,
                SITE + "/.irev-news/download/" + PDF_ID + "/" + PDF_FILE,
                "Plaquette de présentation"),
            footnote(3, SITE + "/actualites?thematique=discrimination", "Discrimination"),
            footnote(
                4,
                SITE + "/actualites?thematique=lutte-contre-les-discriminations",
                "Lutte contre les discriminations"),
            footnote(
                5, SITE + "/actualites?territoire=hauts-de-france", "Région Hauts-de-France")));
    return item;
  }

  /** The seed's JSON-LD as {@code NewsItemView#getJsonLd()} writes it ({@code <} escaped). */
  static String jsonLd() {
    return "{\"@context\":\"https://schema.org\",\"@type\":\"Event\",\"name\":\"Discriminations"
        + NBSP
        + ": journée d’approfondissement\",\"startDate\":\"2021-11-30T09:00:00+01:00\","
        + "\"endDate\":\"2021-11-30T16:30:00+01:00\","
        + "\"eventStatus\":\"https://schema.org/EventScheduled\","
        + "\"location\":{\"@type\":\"Place\",\"name\":\"Locaux de l’IREV\"},"
        + "\"description\":\"\\u003C/script\\u003E \\u0026 co\","
        + "\"url\":\""
        + SITE
        + "/actualites/"
        + SEED_NAME
        + "\"}";
  }

  private static Map<String, Object> registrationView(boolean open) {
    String heading =
        "<section class=\"irev-registration\" id=\"inscription\""
            + " aria-labelledby=\"inscription-titre\">"
            + "<h2 id=\"inscription-titre\" class=\"irev-registration__title\">Inscription</h2>";
    String body =
        open
            ? "<p class=\"irev-registration__seats\" data-irev-seats aria-live=\"polite\"></p>"
                + "<form class=\"irev-form\" method=\"post\" action=\"/.irev-news/registration/"
                + SEED_ID
                + "\" accept-charset=\"UTF-8\" data-irev-registration>"
                + "<button type=\"submit\" class=\"irev-button\">Envoyer mon inscription</button>"
                + "</form>"
            : "<p class=\"irev-notice irev-notice--info\" role=\"status\" tabindex=\"-1\">"
                + "Cet événement est passé.</p>";
    Map<String, Object> registration = new LinkedHashMap<>();
    registration.put("formHtml", heading + body + "</section>");
    registration.put("open", open);
    registration.put("url", REGISTRATION_ANCHOR);
    return registration;
  }

  private static Map<String, Object> seedSummary() {
    Map<String, Object> item = seedItem();
    Map<String, Object> summary = new LinkedHashMap<>();
    for (String key :
        List.of(
            "urlName",
            "url",
            "title",
            "teaser",
            "event",
            "kindLabel",
            "dateLine",
            "startIso",
            "publishedLine",
            "publishedIso")) {
      summary.put(key, item.get(key));
    }
    return summary;
  }

  private static Map<String, Object> term(
      String name, String title, String url, int footnote, List<Map<String, Object>> ancestors) {
    Map<String, Object> term = new LinkedHashMap<>();
    term.put("name", name);
    term.put("title", title);
    term.put("url", url);
    term.put("footnote", footnote);
    term.put("ancestors", ancestors);
    return term;
  }

  private static Map<String, Object> attachmentView(
      String title, String description, int footnote) {
    Map<String, Object> attachment = new LinkedHashMap<>();
    attachment.put("title", title);
    attachment.put("description", description);
    attachment.put("fileName", PDF_FILE);
    attachment.put("format", "PDF");
    attachment.put("sizeBytes", 262_963L);
    attachment.put("sizeLabel", "256,80" + NBSP + "Ko");
    attachment.put("downloadUrl", "/.irev-news/download/" + PDF_ID + "/" + PDF_FILE);
    attachment.put(
        "downloadLabel",
        "Télécharger la plaquette de présentation (PDF, 256,80"
            + NBSP
            + "Ko, 36"
            + NBSP
            + "pages)");
    attachment.put("pageCount", 36);
    attachment.put("pagesLabel", "36" + NBSP + "pages");
    attachment.put("metaLabel", "PDF – 256,80" + NBSP + "Ko – 36" + NBSP + "pages");
    attachment.put("language", "en");
    attachment.put("languageLabel", "Document en anglais");
    attachment.put("warning", null);
    attachment.put("thumbnailUrl", "/.irev-news/thumbnail/" + PDF_ID + "/240.png");
    attachment.put("thumbnailWidth", 240);
    attachment.put("thumbnailHeight", 310);
    attachment.put("thumbnailAlt", "Aperçu de la première page du document");
    attachment.put("footnote", footnote);
    attachment.put("bookmarkUrl", "/favoris?retour=%2Factualites%2F" + SEED_NAME);
    return attachment;
  }

  private static Map<String, Object> footnote(int number, String url, String label) {
    Map<String, Object> footnote = new LinkedHashMap<>();
    footnote.put("number", number);
    footnote.put("url", url);
    footnote.put("label", label);
    return footnote;
  }
}
