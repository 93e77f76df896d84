package fr.irev.news.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.WireFeedInput;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * RSS 2.0 written by {@link RssFeed}, read back with a strict XML parser and with Rome. Runs in
 * both surefire runs (fr-FR / Europe/Paris and en-US / UTC) and sets other defaults itself.
 */
class RssFeedTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final String SITE = "https://irev.fr";

  private static byte[] feed(String title, String description) {
    return RssFeed.write(
        new RssFeed.FeedChannel(
            "IREV – Actualités",
            SITE + "/actualites",
            "Actualités de l'IREV",
            SITE + "/.irev-news/flux/actualites.rss",
            ZonedDateTime.of(2021, 10, 4, 10, 50, 0, 0, PARIS)),
        List.of(
            new RssFeed.FeedEntry(
                title,
                SITE + "/actualites/un",
                description,
                ZonedDateTime.of(2021, 9, 29, 10, 0, 0, 0, PARIS),
                List.of("Discrimination", "Égalité\u0002 femmes-hommes")),
            new RssFeed.FeedEntry("Deux", SITE + "/actualites/deux", null, null, List.of())));
  }

  private static Document strict(byte[] xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }

  private static Channel rome(byte[] xml) throws Exception {
    return (Channel) new WireFeedInput().build(new InputSource(new ByteArrayInputStream(xml)));
  }

  @Test
  void hostileTextGivesWellFormedXmlAndComesBackAsText() throws Exception {
    String title = "<script>alert('x')</script> & co ]]> \u0001\u0008\u000b\u001f\ufffe\ud800 fin";
    byte[] xml = feed(title, "Ligne <b>1</b> & \u0000suite\nLigne 2");

    Document document = strict(xml);
    assertEquals("rss", document.getDocumentElement().getTagName());
    Item item = rome(xml).getItems().get(0);
    assertEquals("<script>alert('x')</script> & co ]]> fin", item.getTitle());
    // the description is HTML text: the reader shows "<b>1</b> &", never bold
    assertEquals(
        "Ligne &lt;b&gt;1&lt;/b&gt; &amp; suite<br>Ligne 2", item.getDescription().getValue());
    assertTrue(
        new String(xml, StandardCharsets.UTF_8)
            .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    assertEquals(
        List.of("Discrimination", "Égalité femmes-hommes"),
        item.getCategories().stream().map(c -> c.getValue()).toList());
  }

  @Test
  void datesAreRfc822InEnglishAndGmtWhateverTheDefaults() throws Exception {
    Locale locale = Locale.getDefault();
    TimeZone zone = TimeZone.getDefault();
    byte[] xml;
    try {
      Locale.setDefault(Locale.FRANCE);
      TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Auckland"));
      xml = feed("Un", null);
    } finally {
      Locale.setDefault(locale);
      TimeZone.setDefault(zone);
    }
    Document document = strict(xml);
    assertEquals(
        "Wed, 29 Sep 2021 08:00:00 GMT",
        document.getElementsByTagName("pubDate").item(0).getTextContent());
    assertEquals(
        "Mon, 04 Oct 2021 08:50:00 GMT",
        document.getElementsByTagName("lastBuildDate").item(0).getTextContent());
    assertEquals(1, document.getElementsByTagName("pubDate").getLength(), "no date, no pubDate");
  }

  @Test
  void guidIsThePermanentLinkAndTheChannelNamesItself() throws Exception {
    byte[] xml = feed("Un", null);
    Channel channel = rome(xml);
    for (Item item : channel.getItems()) {
      assertEquals(item.getLink(), item.getGuid().getValue());
      assertTrue(item.getGuid().isPermaLink());
    }
    assertNull(channel.getItems().get(1).getDescription());
    assertEquals("fr-FR", channel.getLanguage());
    Document document = strict(xml);
    org.w3c.dom.Element self =
        (org.w3c.dom.Element)
            document.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link").item(0);
    assertEquals(SITE + "/.irev-news/flux/actualites.rss", self.getAttribute("href"));
    assertEquals("self", self.getAttribute("rel"));
    assertEquals("application/rss+xml", self.getAttribute("type"));
    // guid without isPermaLink="false": a permalink, as RSS 2.0 defaults it
    assertEquals(
        "",
        ((org.w3c.dom.Element) document.getElementsByTagName("guid").item(0))
            .getAttribute("isPermaLink"));
  }

  @Test
  void xmlCharsKeepsWhatXmlAllows() {
    assertEquals("a b", XmlChars.clean(" a\t\r\n b ", true));
    assertEquals("a\n\tb", XmlChars.clean("a\r\n\tb", false));
    assertEquals("é œ 😀", XmlChars.clean("é\u0085 œ\u007f \ud83d\ude00", true));
    assertEquals("x", XmlChars.clean("\udc00x\ud800", true));
    assertNull(XmlChars.clean("\u0001 \u0002", true));
    assertNull(XmlChars.clean(null, false));
  }
}
