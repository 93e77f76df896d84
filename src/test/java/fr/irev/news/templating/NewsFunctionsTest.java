package fr.irev.news.templating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.testing.SeedFacts;
import fr.irev.news.testing.TestSite;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seed event as the templates see it, on the module's real sample content. */
class NewsFunctionsTest {

  static final String SEED = SeedFacts.SEED;
  static final String NBSP = "\u00a0";

  private static TestSite site;
  private static NewsFunctions functions;

  @BeforeAll
  static void install() throws Exception {
    site = TestSite.withSampleContent();
    functions = new NewsFunctions(site);
  }

  @AfterAll
  static void close() throws Exception {
    site.close();
  }

  @Test
  void seedEventHasItsFrenchDateLines() {
    NewsItemView item = functions.item(SEED);

    assertTrue(item.isEvent());
    assertEquals("Événement", item.getKindLabel());
    assertEquals(SeedFacts.DATE_LINE, item.getDateLine());
    assertEquals("2021-11-30T09:00:00+01:00", item.getStartIso());
    assertEquals("2021-11-30T16:30:00+01:00", item.getEndIso());
    assertEquals("Publié le 29\u00a0septembre 2021", item.getPublishedLine());
    assertEquals("2021-09-29T10:00:00+02:00", item.getPublishedIso());
    assertEquals(
        "Mis à jour le 4\u00a0octobre 2021 à 10" + NBSP + "h" + NBSP + "50", item.getUpdatedLine());
  }

  @Test
  void seedEventHasPlaceRegistrationAndUrls() {
    NewsItemView item = functions.item(SEED);

    assertEquals("Lille", item.getPlaceCommune());
    assertEquals(
        "https://irev.fr/thematiques/discriminations-egalite-laicite/inscription-journee-dapprofondissement-du-cycle-initier",
        item.getRegistrationUrl());
    assertEquals(1, item.getRegistrationFootnote());
    assertEquals("/actualites/" + SEED, item.getUrl());
    assertEquals(TestSite.SITE_URL + "/actualites/" + SEED, item.getAbsoluteUrl());
  }

  @Test
  void brochureCardShowsFormatAndRealSize() {
    List<AttachmentView> attachments = functions.item(SEED).getAttachments();

    assertEquals(1, attachments.size());
    AttachmentView card = attachments.get(0);
    assertEquals("Plaquette de présentation de la journée d'approfondissement", card.getTitle());
    assertEquals("PDF", card.getFormat());
    assertEquals(262_961, card.getSizeBytes());
    assertEquals("256,80" + NBSP + "Ko", card.getSizeLabel());
    assertEquals(
        "Télécharger «"
            + NBSP
            + "Plaquette de présentation de la journée d'approfondissement"
            + NBSP
            + "» (PDF, 256,80"
            + NBSP
            + "Ko, 36"
            + NBSP
            + "pages)",
        card.getDownloadLabel());
    assertEquals(
        "/.irev-news/download/f167e1b0-6149-5e1a-91af-4d859c8a3f33/irev-plaquette-journee-approfondissement-ptlcd-nov-2021.pdf",
        card.getDownloadUrl());
    assertFalse(card.getBookmarkUrl().startsWith("javascript:"));
    assertEquals(36, card.getPageCount());
    assertEquals("PDF – 256,80" + NBSP + "Ko – 36" + NBSP + "pages", card.getMetaLabel());
    assertNull(card.getWarning());
    assertEquals(
        "/.irev-news/thumbnail/f167e1b0-6149-5e1a-91af-4d859c8a3f33/240.png?v="
            + java.time.OffsetDateTime.parse("2021-10-04T10:45:00+02:00")
                .toInstant()
                .toEpochMilli(),
        card.getThumbnailUrl());
  }

  @Test
  void thematicsComeWithTheirAncestorsAsFilterLinks() {
    NewsItemView item = functions.item(SEED);

    TermView thematic = item.getThematics().get(0);
    assertEquals("Lutte contre les discriminations", thematic.getTitle());
    assertEquals("/actualites?thematique=lutte-contre-les-discriminations", thematic.getUrl());
    assertEquals(
        List.of("Discrimination"),
        thematic.getAncestors().stream().map(TermView::getTitle).toList());
    assertEquals("/actualites?thematique=discrimination", thematic.getAncestors().get(0).getUrl());
    assertEquals("Hauts-de-France", item.getTerritories().get(0).getTitle());
    assertTrue(item.getTerritories().get(0).getAncestors().isEmpty());
  }

  @Test
  void footnotesNumberEveryLinkInOrderWithAbsoluteUrls() {
    NewsItemView item = functions.item(SEED);

    List<String> urls = item.getFootnotes().stream().map(FootnoteView::getUrl).toList();
    assertEquals(
        List.of(
            "https://irev.fr/thematiques/discriminations-egalite-laicite/inscription-journee-dapprofondissement-du-cycle-initier",
            TestSite.SITE_URL
                + "/.irev-news/download/f167e1b0-6149-5e1a-91af-4d859c8a3f33/irev-plaquette-journee-approfondissement-ptlcd-nov-2021.pdf",
            TestSite.SITE_URL + "/actualites?thematique=discrimination",
            TestSite.SITE_URL + "/actualites?thematique=lutte-contre-les-discriminations",
            TestSite.SITE_URL + "/actualites?territoire=hauts-de-france"),
        urls);
    assertEquals(
        List.of(1, 2, 3, 4, 5), item.getFootnotes().stream().map(FootnoteView::getNumber).toList());
  }

  @Test
  void unknownOrMalformedItemsAreAbsent() {
    assertNull(functions.item("inconnu"));
    assertNull(functions.item(null));
    assertNull(functions.item("<script>"));
    assertNull(functions.itemById("' OR 1=1"));
    assertEquals("", functions.notFound());
    assertEquals(404, site.status());
  }

  @Test
  void listingFiltersByTermAndItsDescendants() {
    for (ListingView listing :
        List.of(
            functions.listing(null, null, null),
            functions.listing("1", "discrimination", null),
            functions.listing(null, "lutte-contre-les-discriminations", null),
            functions.listing(null, null, "hauts-de-france"))) {
      assertEquals(SeedFacts.LISTED.size(), listing.getTotal());
      assertEquals(SeedFacts.LISTED, urlNames(listing));
      assertEquals(
          SeedFacts.LISTED_DATE_LINES,
          listing.getItems().stream().map(NewsSummaryView::getDateLine).toList());
    }
    assertEquals(
        SeedFacts.NEXT_SESSION_TITLE,
        functions.listing(null, null, null).getItems().get(0).getTitle());
    ListingView nord = functions.listing(null, null, "nord");
    assertEquals(0, nord.getTotal());
    assertTrue(nord.isEmpty());
    assertEquals("Territoire" + NBSP + ": Nord (59)", nord.getFilterLabel());
  }

  @Test
  void malformedListingParametersGiveANoticeNotAnError() {
    ListingView garbage = functions.listing("%ZZ", "l'inconnue", "99999999999999999999");
    assertEquals(1, garbage.getPage());
    assertEquals(SeedFacts.LISTED.size(), garbage.getTotal());
    assertEquals(SeedFacts.LISTED, urlNames(garbage));
    assertEquals(
        "Thématique inconnue"
            + NBSP
            + ": le filtre n'est pas appliqué. Territoire inconnu"
            + NBSP
            + ": le filtre n'est pas appliqué. Numéro de page invalide"
            + NBSP
            + ": voici la première page.",
        garbage.getMessage());
    ListingView beyond = functions.listing("99999", null, null);
    assertEquals(1, beyond.getPage());
    assertEquals(
        "La page 99999 n'existe pas" + NBSP + ": voici la dernière page.", beyond.getMessage());
    assertNull(beyond.getNextUrl());
  }

  @Test
  void registrationOfTheLoadedItemIsTheSameAsByName() {
    RegistrationView byName = functions.registration(SEED);
    RegistrationView ofItem = functions.itemRegistration(functions.item(SEED));

    assertTrue(byName != null && ofItem != null, "the seed has a built-in registration");
    assertEquals(byName.getFormHtml(), ofItem.getFormHtml());
    assertEquals(byName.isOpen(), ofItem.isOpen());
    assertNull(functions.itemRegistration(null));
  }

  private static List<String> urlNames(ListingView listing) {
    return listing.getItems().stream().map(NewsSummaryView::getUrlName).toList();
  }
}
