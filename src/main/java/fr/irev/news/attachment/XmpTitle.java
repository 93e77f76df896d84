package fr.irev.news.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads {@code dc:title} from a catalog's XMP metadata when that is cheap: an unfiltered stream of
 * at most 256 KiB (the usual form; a filtered one would be decompressed in memory first), parsed
 * with DTDs and external entities refused.
 */
final class XmpTitle {

  private static final int MAX_BYTES = 256 * 1024;
  private static final String DC = "http://purl.org/dc/elements/1.1/";
  private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

  private XmpTitle() {}

  /**
   * @return the {@code x-default} (else first) {@code rdf:li} of {@code dc:title}, untrimmed, or
   *     {@code null} when absent, filtered, too large or not well-formed
   */
  static String of(COSDictionary catalog) {
    COSBase metadata = catalog.getDictionaryObject(COSName.METADATA);
    if (!(metadata instanceof COSStream stream)
        || stream.getFilters() != null
        || stream.getLength() > MAX_BYTES) {
      return null;
    }
    try (InputStream in = stream.createRawInputStream()) {
      byte[] xml = in.readNBytes(MAX_BYTES);
      Document document = parser().parse(new ByteArrayInputStream(xml));
      NodeList titles = document.getElementsByTagNameNS(DC, "title");
      if (titles.getLength() == 0) {
        return null;
      }
      NodeList items = ((Element) titles.item(0)).getElementsByTagNameNS(RDF, "li");
      String first = null;
      for (int i = 0; i < items.getLength(); i++) {
        Element item = (Element) items.item(i);
        if ("x-default".equals(item.getAttributeNS(XMLConstants.XML_NS_URI, "lang"))) {
          return item.getTextContent();
        }
        first = first == null ? item.getTextContent() : first;
      }
      return first != null ? first : titles.item(0).getTextContent();
    } catch (IOException | SAXException | ParserConfigurationException | RuntimeException e) {
      return null;
    }
  }

  private static DocumentBuilder parser() throws ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    DocumentBuilder builder = factory.newDocumentBuilder();
    builder.setErrorHandler(new DefaultHandler()); // fatal errors thrown, nothing printed
    return builder;
  }
}
