package fr.irev.news.taxonomy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.jcr.ImportUUIDBehavior;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;

/**
 * Creates a subtree of new territories with their identifiers, as JCR system view events sent to
 * {@link Session#getImportContentHandler} (plain JCR: {@code Node.addNode} cannot choose an
 * identifier). Unsaved: the caller saves.
 */
final class SubtreeImport {

  private static final String SV = "http://www.jcp.org/jcr/sv/1.0";

  private SubtreeImport() {}

  /**
   * @param session the import's session
   * @param parent existing parent node
   * @param root the subtree's root
   * @param name node name of the root
   * @param newChildren new territories by parent identifier
   * @return number of nodes created
   * @throws RepositoryException when the import fails (e.g. an identifier already used)
   */
  static int create(
      Session session,
      Node parent,
      TerritoryPlan.Entry root,
      String name,
      Map<String, List<TerritoryPlan.Entry>> newChildren)
      throws RepositoryException {
    ContentHandler xml =
        session.getImportContentHandler(
            parent.getPath(), ImportUUIDBehavior.IMPORT_UUID_COLLISION_THROW);
    try {
      xml.startDocument();
      xml.startPrefixMapping("sv", SV);
      int count = emit(xml, root, name, newChildren);
      xml.endPrefixMapping("sv");
      xml.endDocument();
      return count;
    } catch (SAXException e) {
      Exception cause = e.getException();
      if (cause instanceof RepositoryException repositoryException) {
        throw repositoryException;
      }
      throw new RepositoryException(
          "Cannot create territory " + root.level().code() + " " + root.code() + ": " + e, e);
    }
  }

  private static int emit(
      ContentHandler xml,
      TerritoryPlan.Entry entry,
      String name,
      Map<String, List<TerritoryPlan.Entry>> newChildren)
      throws SAXException {
    AttributesImpl attributes = new AttributesImpl();
    attributes.addAttribute(SV, "name", "sv:name", "CDATA", name);
    xml.startElement(SV, "node", "sv:node", attributes);
    property(xml, "jcr:primaryType", "Name", TaxonomyNodes.TERRITORY_TYPE);
    property(xml, "jcr:uuid", "String", entry.identifier());
    property(xml, TaxonomyNodes.TITLE, "String", entry.title());
    property(xml, TaxonomyNodes.CAPTION, "String", entry.caption());
    property(xml, TaxonomyNodes.CODE, "String", entry.code());
    property(xml, TaxonomyNodes.LEVEL, "String", entry.level().code());
    if (!entry.ancestorIds().isEmpty()) {
      property(xml, TaxonomyNodes.ANCESTORS, "String", entry.ancestorIds().toArray(String[]::new));
    }
    int count = 1;
    List<String> taken = new ArrayList<>();
    for (TerritoryPlan.Entry child : newChildren.getOrDefault(entry.identifier(), List.of())) {
      String childName =
          taken.contains(child.name()) ? child.name() + "-" + child.code() : child.name();
      taken.add(childName);
      count += emit(xml, child, childName, newChildren);
    }
    xml.endElement(SV, "node", "sv:node");
    return count;
  }

  private static void property(ContentHandler xml, String name, String type, String... values)
      throws SAXException {
    AttributesImpl attributes = new AttributesImpl();
    attributes.addAttribute(SV, "name", "sv:name", "CDATA", name);
    attributes.addAttribute(SV, "type", "sv:type", "CDATA", type);
    if (values.length > 1 || TaxonomyNodes.ANCESTORS.equals(name)) {
      attributes.addAttribute(SV, "multiple", "sv:multiple", "CDATA", "true");
    }
    xml.startElement(SV, "property", "sv:property", attributes);
    for (String value : values) {
      xml.startElement(SV, "value", "sv:value", new AttributesImpl());
      xml.characters(value.toCharArray(), 0, value.length());
      xml.endElement(SV, "value", "sv:value");
    }
    xml.endElement(SV, "property", "sv:property");
  }
}
