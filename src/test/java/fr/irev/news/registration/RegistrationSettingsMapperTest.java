package fr.irev.news.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.format.FrenchDates;
import fr.irev.news.news.NewsNodes;
import fr.irev.news.registration.RegistrationSettingsMapper.RegistrationFields;
import fr.irev.news.testing.LogCapture;
import fr.irev.news.testing.TestSite;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import java.util.function.Consumer;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RegistrationSettingsMapperTest {

  private static final ZonedDateTime END =
      ZonedDateTime.of(2026, 3, 12, 17, 0, 0, 0, FrenchDates.PARIS);
  private static final ZonedDateTime OPENS =
      ZonedDateTime.of(2026, 1, 5, 9, 0, 0, 0, FrenchDates.PARIS);
  private static final ZonedDateTime CLOSES =
      ZonedDateTime.of(2026, 3, 10, 23, 59, 0, 0, FrenchDates.PARIS);

  private TestSite site;
  private Session session;
  private Node item;

  @BeforeEach
  void setUp() throws Exception {
    site = TestSite.empty();
    session = site.session(NewsNodes.WORKSPACE);
    item = session.getRootNode().addNode("atelier-renovation", NewsNodes.NODE_TYPE);
    session.save();
  }

  @AfterEach
  void tearDown() throws Exception {
    site.close();
  }

  @Test
  void roundTripKeepsEverySettingAndField() throws Exception {
    RegistrationSettings settings =
        new RegistrationSettings(true, OPENS, CLOSES, END, 100, true, 50, 4);
    RegistrationFields fields =
        new RegistrationFields(
            true,
            false,
            true,
            false,
            true,
            true,
            "J’accepte que mes données servent à l’organisation de l’atelier.",
            "Votre inscription est confirmée.",
            "evenements@irev.fr");
    RegistrationSettingsMapper.write(item, true, settings, fields);
    session.save();

    Node reread = freshItem();
    assertEquals(Optional.of(settings), RegistrationSettingsMapper.read(reread, END));
    assertEquals(Optional.of(fields), RegistrationSettingsMapper.readFields(reread));
    Node node = reread.getNode(RegistrationSettingsNodes.NODE);
    assertEquals(RegistrationSettingsNodes.NODE_TYPE, node.getPrimaryNodeType().getName());
    assertEquals(100L, node.getProperty(RegistrationSettingsNodes.CAPACITY).getLong());
  }

  @Test
  void writingAgainReplacesValuesAndRemovesClearedOnes() throws Exception {
    RegistrationSettingsMapper.write(
        item,
        true,
        new RegistrationSettings(true, OPENS, CLOSES, END, 100, true, 50, 4),
        new RegistrationFields(true, true, true, true, true, true, "a", "b", "x@irev.fr"));
    RegistrationSettings simple = RegistrationSettings.simple(END, 20);
    RegistrationSettingsMapper.write(item, true, simple, null);
    session.save();

    Node reread = freshItem();
    assertEquals(Optional.of(simple), RegistrationSettingsMapper.read(reread, END));
    assertEquals(
        Optional.of(RegistrationFields.NONE), RegistrationSettingsMapper.readFields(reread));
  }

  @Test
  void defaultsWhenOnlyEnabledAndCapacityAreSet() throws Exception {
    Node node = settingsNode();
    node.setProperty(RegistrationSettingsNodes.ENABLED, true);
    node.setProperty(RegistrationSettingsNodes.CAPACITY, 30L);
    session.save();

    RegistrationSettings read = RegistrationSettingsMapper.read(freshItem(), END).orElseThrow();
    assertEquals(new RegistrationSettings(false, null, null, END, 30, false, 0, 1), read);
    assertEquals(RegistrationSettings.DEFAULT_MAX_SEATS, read.maxSeatsPerRegistration());
    assertEquals(
        Optional.of(RegistrationFields.NONE), RegistrationSettingsMapper.readFields(freshItem()));
  }

  @Test
  void numbersTypedInTheContentAppAreReadFromText() throws Exception {
    Node node = settingsNode();
    node.setProperty(RegistrationSettingsNodes.ENABLED, true);
    node.setProperty(RegistrationSettingsNodes.OPEN, true);
    node.setProperty(RegistrationSettingsNodes.CAPACITY, " 12 ");
    node.setProperty(RegistrationSettingsNodes.WAITING_LIST, true);
    node.setProperty(RegistrationSettingsNodes.WAITING_LIST_SIZE, "5");
    node.setProperty(RegistrationSettingsNodes.MAX_SEATS, "");
    session.save();

    assertEquals(
        Optional.of(new RegistrationSettings(true, null, null, END, 12, true, 5, 1)),
        RegistrationSettingsMapper.read(freshItem(), END));
  }

  @Test
  void noSettingsNodeGivesEmpty() throws Exception {
    assertEquals(Optional.empty(), RegistrationSettingsMapper.read(item, END));
    assertEquals(Optional.empty(), RegistrationSettingsMapper.readFields(item));
  }

  @Test
  void disabledOrUnsetEnabledGivesEmpty() throws Exception {
    RegistrationSettingsMapper.write(
        item, false, RegistrationSettings.simple(END, 10), RegistrationFields.NONE);
    session.save();
    assertEquals(Optional.empty(), RegistrationSettingsMapper.read(freshItem(), END));
    assertEquals(Optional.empty(), RegistrationSettingsMapper.readFields(freshItem()));

    item.getNode(RegistrationSettingsNodes.NODE)
        .getProperty(RegistrationSettingsNodes.ENABLED)
        .remove();
    session.save();
    assertEquals(Optional.empty(), RegistrationSettingsMapper.read(freshItem(), END));
  }

  @Test
  void noEventEndGivesEmpty() throws Exception {
    RegistrationSettingsMapper.write(item, true, RegistrationSettings.simple(END, 10), null);
    session.save();
    assertEquals(Optional.empty(), RegistrationSettingsMapper.read(freshItem(), null));
  }

  @Test
  void invalidValuesGiveEmptyAndAWarningNamingTheItem() throws Exception {
    List<Consumer<Node>> invalid =
        List.of(
            n -> set(n, RegistrationSettingsNodes.CAPACITY, -1L),
            n -> remove(n, RegistrationSettingsNodes.CAPACITY),
            n -> set(n, RegistrationSettingsNodes.CAPACITY, "douze"),
            n -> set(n, RegistrationSettingsNodes.CAPACITY, 10_000_000_000L),
            n -> set(n, RegistrationSettingsNodes.CAPACITY, 2.5d),
            n -> set(n, RegistrationSettingsNodes.WAITING_LIST_SIZE, -3L),
            n -> set(n, RegistrationSettingsNodes.MAX_SEATS, 0L),
            n -> setDate(n, RegistrationSettingsNodes.OPENS_AT, CLOSES.plusDays(1)),
            n -> setDate(n, RegistrationSettingsNodes.OPENS_AT, END.plusHours(1)),
            n -> set(n, RegistrationSettingsNodes.CLOSES_AT, "demain midi"));
    for (int i = 0; i < invalid.size(); i++) {
      RegistrationSettingsMapper.write(
          item,
          true,
          new RegistrationSettings(true, OPENS, CLOSES, END, 10, true, 2, 2),
          RegistrationFields.NONE);
      invalid.get(i).accept(item.getNode(RegistrationSettingsNodes.NODE));
      session.save();
      try (LogCapture err = new LogCapture()) {
        assertEquals(
            Optional.empty(), RegistrationSettingsMapper.read(freshItem(), END), "case " + i);
        assertTrue(
            err.text().contains("WARN")
                && err.text().contains("/atelier-renovation")
                && err.text().contains("no registration form"),
            "case " + i + ": " + err.text());
      }
    }
  }

  @Test
  void implausibleStaffAddressIsLeftOut() throws Exception {
    RegistrationSettingsMapper.write(
        item,
        true,
        RegistrationSettings.simple(END, 10),
        new RegistrationFields(
            false, false, false, false, false, false, null, null, "a@b.fr, c@d.fr"));
    session.save();
    try (LogCapture err = new LogCapture()) {
      RegistrationFields fields = RegistrationSettingsMapper.readFields(freshItem()).orElseThrow();
      assertEquals(null, fields.staffEmail());
      assertTrue(err.text().contains("/atelier-renovation"), err.text());
      assertTrue(!err.text().contains("a@b.fr"), "no address in the log: " + err.text());
    }
  }

  @Test
  void datesComeBackInParisWhateverTheJvmZone() throws Exception {
    TimeZone original = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
      Node node = settingsNode();
      node.setProperty(RegistrationSettingsNodes.ENABLED, true);
      node.setProperty(RegistrationSettingsNodes.CAPACITY, 10L);
      // As a content app in another zone might store them: same instants, other offsets.
      Calendar opens = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
      opens.setTimeInMillis(OPENS.toInstant().toEpochMilli());
      node.setProperty(RegistrationSettingsNodes.OPENS_AT, opens);
      Calendar closes = new GregorianCalendar(TimeZone.getTimeZone("America/Cayenne"));
      closes.setTimeInMillis(CLOSES.toInstant().toEpochMilli());
      node.setProperty(RegistrationSettingsNodes.CLOSES_AT, closes);
      session.save();

      ZonedDateTime endInTokyo = END.withZoneSameInstant(ZoneId.of("Asia/Tokyo"));
      RegistrationSettings read =
          RegistrationSettingsMapper.read(freshItem(), endInTokyo).orElseThrow();
      assertEquals(OPENS, read.opensAt());
      assertEquals(CLOSES, read.closesAt());
      assertEquals(END, read.eventEnd());
      assertEquals(FrenchDates.PARIS, read.opensAt().getZone());
      assertEquals("23:59", read.closesAt().toLocalTime().toString());
    } finally {
      TimeZone.setDefault(original);
    }
  }

  private Node settingsNode() throws RepositoryException {
    return item.addNode(RegistrationSettingsNodes.NODE, RegistrationSettingsNodes.NODE_TYPE);
  }

  /** The item as a new session sees it (what was saved, not the transient state). */
  private Node freshItem() throws RepositoryException {
    return site.repository().login(NewsNodes.WORKSPACE).getNode(item.getPath());
  }

  private static void set(Node node, String name, Object value) {
    try {
      if (node.hasProperty(name)) {
        node.getProperty(name).remove();
      }
      if (value instanceof Long l) {
        node.setProperty(name, l);
      } else if (value instanceof Double d) {
        node.setProperty(name, d);
      } else {
        node.setProperty(name, (String) value);
      }
    } catch (RepositoryException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void setDate(Node node, String name, ZonedDateTime value) {
    try {
      fr.irev.news.jcr.JcrProperties.setDate(node, name, value);
    } catch (RepositoryException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void remove(Node node, String name) {
    try {
      node.getProperty(name).remove();
    } catch (RepositoryException e) {
      throw new IllegalStateException(e);
    }
  }
}
