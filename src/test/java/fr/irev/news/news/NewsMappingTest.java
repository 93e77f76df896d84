package fr.irev.news.news;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.testing.TestSite;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import javax.jcr.Node;
import javax.jcr.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Writes items to a real Jackrabbit repository and reads them back. */
class NewsMappingTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private TestSite site;
  private Session session;

  @BeforeEach
  void open() throws Exception {
    site = TestSite.empty();
    session = site.session(NewsNodes.WORKSPACE);
  }

  @AfterEach
  void close() throws Exception {
    site.close();
  }

  private static NewsItem event(
      String name, ZonedDateTime start, ZonedDateTime end, boolean allDay) {
    return new NewsItem(
        null,
        name,
        "Journée d'approfondissement « PTLCD »",
        "Chapô",
        "<p>Corps</p>",
        NewsKind.EVENT,
        new EventSchedule(start, end, allDay),
        new Place("IREV", "1 rue Exemple", "Lille"),
        "Pilotes des contrats de ville",
        ZonedDateTime.of(2021, 9, 29, 10, 0, 0, 0, PARIS),
        null,
        List.of("t1", "t2"),
        List.of("r1"),
        List.of(
            new Attachment("jcr:f167e1b0-6149-5e1a-91af-4d859c8a3f33", "Plaquette", "Programme"),
            new Attachment("jcr:00000000-0000-0000-0000-000000000001", null, null)),
        "https://irev.fr/inscription");
  }

  @Test
  void roundTripKeepsEveryField() throws Exception {
    ZonedDateTime start = ZonedDateTime.of(2021, 11, 30, 9, 0, 0, 0, PARIS);
    ZonedDateTime end = ZonedDateTime.of(2021, 11, 30, 16, 30, 0, 0, PARIS);
    NewsItem written = event("journee", start, end, false);
    NewsWriter.save(session, "/", written);

    NewsItem read =
        new NewsRepository(site.session(NewsNodes.WORKSPACE))
            .findByUrlName("journee")
            .orElseThrow();

    assertNotNull(read.identifier());
    assertNotNull(read.lastModified());
    assertEquals(
        new NewsItem(
            read.identifier(),
            written.urlName(),
            written.title(),
            written.teaser(),
            written.body(),
            written.kind(),
            written.schedule(),
            written.place(),
            written.audience(),
            written.publicationDate(),
            read.lastModified(),
            written.thematicIds(),
            written.territoryIds(),
            written.attachments(),
            written.registrationUrl()),
        read);
    assertEquals(PARIS, read.schedule().start().getZone());
  }

  @Test
  void datesAcrossDaylightSavingChangesKeepTheirInstants() throws Exception {
    // C1 and C2: 2022-03-27 01:00 → 04:00 lasts 2 h; 2021-10-31 01:00 → 04:00 lasts 4 h
    NewsWriter.save(
        session,
        "/",
        event(
            "printemps",
            ZonedDateTime.of(2022, 3, 27, 1, 0, 0, 0, PARIS),
            ZonedDateTime.of(2022, 3, 27, 4, 0, 0, 0, PARIS),
            false));
    NewsWriter.save(
        session,
        "/",
        event(
            "automne",
            ZonedDateTime.of(2021, 10, 31, 1, 0, 0, 0, PARIS),
            ZonedDateTime.of(2021, 10, 31, 4, 0, 0, 0, PARIS),
            false));
    NewsRepository repository = new NewsRepository(session);

    EventSchedule spring = repository.findByUrlName("printemps").orElseThrow().schedule();
    EventSchedule autumn = repository.findByUrlName("automne").orElseThrow().schedule();

    assertEquals(7_200, spring.end().toEpochSecond() - spring.start().toEpochSecond());
    assertEquals(14_400, autumn.end().toEpochSecond() - autumn.start().toEpochSecond());
    assertEquals(4, spring.end().getHour());
  }

  @Test
  void allDayEventKeepsItsCalendarDates() throws Exception {
    ZonedDateTime first = ZonedDateTime.of(2022, 6, 28, 0, 0, 0, 0, PARIS);
    ZonedDateTime last = ZonedDateTime.of(2022, 7, 8, 0, 0, 0, 0, PARIS);
    NewsWriter.save(session, "/", event("festival", first, last, true));

    EventSchedule read =
        new NewsRepository(session).findByUrlName("festival").orElseThrow().schedule();

    assertTrue(read.allDay());
    assertEquals("2022-06-28", read.start().toLocalDate().toString());
    assertEquals("2022-07-08", read.end().toLocalDate().toString());
  }

  @Test
  void wrappedRegistrationUrlIsStoredUnwrapped() throws Exception {
    NewsItem item =
        event("wrapped", ZonedDateTime.of(2021, 11, 30, 9, 0, 0, 0, PARIS), null, false);
    String wrapped =
        "https://urldefense.com/v3/__https://irev.fr/thematiques/discriminations-egalite-laicite/inscription-journee-dapprofondissement-du-cycle-initier_!!DY3y3TSHDxRwb2ne!046DNgWL5KHgdZeQN4HyFLiM22iPAJNVDsjcpp2c12K1Byd4yjrZOaWkQ-y_89psiv_A_5Z8$";
    NewsWriter.save(session, "/", withRegistration(item, wrapped));

    Node node = session.getNode("/wrapped");

    assertEquals(
        "https://irev.fr/thematiques/discriminations-egalite-laicite/inscription-journee-dapprofondissement-du-cycle-initier",
        node.getProperty(NewsNodes.REGISTRATION_URL).getString());
  }

  @Test
  void wrappedUrlWrittenByAnotherToolIsUnwrappedOnRead() throws Exception {
    NewsWriter.save(
        session,
        "/",
        event("tool", ZonedDateTime.of(2021, 11, 30, 9, 0, 0, 0, PARIS), null, false));
    session
        .getNode("/tool")
        .setProperty(
            NewsNodes.REGISTRATION_URL,
            "https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Firev.fr%2Finscription&data=05%7C01&reserved=0");
    session.save();

    assertEquals(
        "https://irev.fr/inscription",
        new NewsRepository(session).findByUrlName("tool").orElseThrow().registrationUrl());
  }

  @Test
  void newsWithoutScheduleAndEmptyFieldsReadsAsAbsent() throws Exception {
    Node node = session.getRootNode().addNode("breve", NewsNodes.NODE_TYPE);
    node.setProperty(NewsNodes.TEASER, "   ");
    node.setProperty(NewsNodes.KIND, "inconnu");
    session.save();

    NewsItem read = new NewsRepository(session).findByUrlName("breve").orElseThrow();

    assertEquals("breve", read.title());
    assertNull(read.teaser());
    assertEquals(NewsKind.NEWS, read.kind());
    assertNull(read.schedule());
    assertNull(read.place());
    assertFalse(read.isEvent());
    assertTrue(read.attachments().isEmpty());
  }

  @Test
  void invalidUrlNamesAreRefusedOnWriteAndNotFoundOnRead() throws Exception {
    NewsItem bad =
        event("Bad Name", ZonedDateTime.of(2021, 11, 30, 9, 0, 0, 0, PARIS), null, false);
    assertThrows(IllegalArgumentException.class, () -> NewsWriter.save(session, "/", bad));
    NewsRepository repository = new NewsRepository(session);
    for (String name : new String[] {null, "", "../etc", "a'] OR 1=1", "x".repeat(300), "A"}) {
      assertTrue(repository.findByUrlName(name).isEmpty(), "name " + name);
    }
    assertTrue(repository.findById("not-an-id").isEmpty());
    assertTrue(repository.findById(session.getRootNode().getIdentifier()).isEmpty());
  }

  @Test
  void listIsNewestFirstAndPaginates() throws Exception {
    for (int day = 1; day <= 5; day++) {
      NewsItem item =
          event("item-" + day, ZonedDateTime.of(2021, 11, day, 9, 0, 0, 0, PARIS), null, false);
      NewsWriter.save(
          session, "/", withPublication(item, ZonedDateTime.of(2021, 10, day, 9, 0, 0, 0, PARIS)));
    }
    NewsRepository repository = new NewsRepository(session);

    List<NewsItem> first = repository.list(NewsFilter.ALL, 0, 2);
    List<NewsItem> last = repository.list(NewsFilter.ALL, 4, 2);

    assertEquals(5, repository.tally(NewsFilter.ALL, Set.of(), Set.of()).total());
    assertEquals(List.of("item-5", "item-4"), first.stream().map(NewsItem::urlName).toList());
    assertEquals(List.of("item-1"), last.stream().map(NewsItem::urlName).toList());
  }

  @Test
  void multiFieldEntriesNamedAfterThePropertyAreReadToo() throws Exception {
    Node node = session.getRootNode().addNode("multi", NewsNodes.NODE_TYPE);
    for (int i = 0; i < 2; i++) {
      Node entry = node.addNode(NewsNodes.ATTACHMENTS + i, "mgnl:contentNode");
      entry.setProperty(NewsNodes.ATTACHMENT_ASSET, "jcr:00000000-0000-0000-0000-00000000000" + i);
      entry.setProperty(NewsNodes.ATTACHMENT_TITLE, "Pièce " + i);
    }
    node.addNode("attachmentsX", "mgnl:contentNode")
        .setProperty(NewsNodes.ATTACHMENT_ASSET, "jcr:x");
    session.save();

    List<Attachment> read =
        new NewsRepository(session).findByUrlName("multi").orElseThrow().attachments();

    assertEquals(List.of("Pièce 0", "Pièce 1"), read.stream().map(Attachment::title).toList());
  }

  @Test
  void itemsAreFoundByIdentifierOrByPathAsLinkFieldsStoreThem() throws Exception {
    Node node =
        NewsWriter.save(
            session,
            "/",
            event("lien", ZonedDateTime.of(2021, 11, 30, 9, 0, 0, 0, PARIS), null, false));
    NewsRepository repository = new NewsRepository(session);

    assertEquals("lien", repository.findById(node.getIdentifier()).orElseThrow().urlName());
    assertEquals(
        "lien", repository.findById("jcr:" + node.getIdentifier()).orElseThrow().urlName());
    assertEquals("lien", repository.findById("/lien").orElseThrow().urlName());
    for (String bad :
        new String[] {"/lien/../lien", "/li[en]", "/", "//", "/lien/", "relative", "/absent"}) {
      assertTrue(repository.findById(bad).isEmpty(), bad);
    }
  }

  @Test
  void registrationAddressesOtherThanHttpAreLeftOut() throws Exception {
    ZonedDateTime start = ZonedDateTime.of(2021, 11, 30, 9, 0, 0, 0, PARIS);
    for (String bad :
        new String[] {
          "javascript:alert(document.cookie)",
          "data:text/html,x",
          "/relative",
          "mailto:x@example.org"
        }) {
      NewsWriter.save(session, "/", withRegistration(event("bad", start, null, false), bad));
      assertNull(
          new NewsRepository(session).findByUrlName("bad").orElseThrow().registrationUrl(), bad);
    }
  }

  @Test
  void itemsWithoutPublicationDateAreListed() throws Exception {
    NewsItem undated =
        withPublication(
            event("sans-date", ZonedDateTime.of(2021, 11, 30, 9, 0, 0, 0, PARIS), null, false),
            null);
    NewsWriter.save(session, "/", undated);
    NewsWriter.save(
        session,
        "/",
        event("date", ZonedDateTime.of(2021, 11, 30, 9, 0, 0, 0, PARIS), null, false));

    List<NewsItem> items = new NewsRepository(session).list(NewsFilter.ALL, 0, 10);

    assertEquals(2, items.size());
  }

  static NewsItem withRegistration(NewsItem i, String url) {
    return new NewsItem(
        i.identifier(),
        i.urlName(),
        i.title(),
        i.teaser(),
        i.body(),
        i.kind(),
        i.schedule(),
        i.place(),
        i.audience(),
        i.publicationDate(),
        i.lastModified(),
        i.thematicIds(),
        i.territoryIds(),
        i.attachments(),
        url);
  }

  static NewsItem withPublication(NewsItem i, ZonedDateTime date) {
    return new NewsItem(
        i.identifier(),
        i.urlName(),
        i.title(),
        i.teaser(),
        i.body(),
        i.kind(),
        i.schedule(),
        i.place(),
        i.audience(),
        date,
        i.lastModified(),
        i.thematicIds(),
        i.territoryIds(),
        i.attachments(),
        i.registrationUrl());
  }
}
