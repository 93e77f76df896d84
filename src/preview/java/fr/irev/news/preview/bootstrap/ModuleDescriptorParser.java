package fr.irev.news.preview.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads a Magnolia module descriptor with the JDK's DOM parser. The {@code <!DOCTYPE module SYSTEM
 * "module.dtd">} line is accepted but the DTD is never loaded, and external entities are off.
 */
public final class ModuleDescriptorParser {

  private ModuleDescriptorParser() {}

  /**
   * @param file the descriptor, e.g. {@code <project>/magnolia-module.xml}
   * @return the descriptor
   * @throws IOException when the file cannot be read, is not well-formed or has no {@code name}
   */
  public static ModuleDescriptor parse(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    }
  }

  /**
   * @param in descriptor XML; not closed here
   * @param source what to name in error messages (file or resource name)
   * @return the descriptor
   * @throws IOException when the stream fails, is not well-formed or has no {@code name}
   */
  public static ModuleDescriptor parse(InputStream in, String source) throws IOException {
    Element root;
    try {
      Document doc = builder().parse(new InputSource(in));
      root = doc.getDocumentElement();
    } catch (SAXException e) {
      throw new IOException("Invalid module descriptor " + source + ": " + e.getMessage(), e);
    }
    if (!"module".equals(root.getTagName())) {
      throw new IOException("Invalid module descriptor " + source + ": root is not <module>");
    }
    String name = text(child(root, "name"));
    if (name.isEmpty()) {
      throw new IOException("Invalid module descriptor " + source + ": <name> is missing");
    }
    List<String> workspaces = new ArrayList<>();
    List<String> nodeTypeFiles = new ArrayList<>();
    for (Element repository : children(child(root, "repositories"), "repository")) {
      for (Element workspace : children(child(repository, "workspaces"), "workspace")) {
        addIfPresent(workspaces, text(workspace));
      }
      for (Element file : children(repository, "nodeTypeFile")) {
        addIfPresent(nodeTypeFiles, text(file));
      }
    }
    List<ModuleDescriptor.Servlet> servlets = new ArrayList<>();
    for (Element servlet : children(child(root, "servlets"), "servlet")) {
      servlets.add(servlet(servlet));
    }
    return new ModuleDescriptor(
        name,
        text(child(root, "version")),
        workspaces,
        nodeTypeFiles,
        servlets,
        text(child(root, "versionHandler")));
  }

  private static ModuleDescriptor.Servlet servlet(Element servlet) {
    List<String> mappings = new ArrayList<>();
    for (Element mapping : children(child(servlet, "mappings"), "mapping")) {
      addIfPresent(mappings, text(mapping));
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (Element param : children(child(servlet, "params"), "param")) {
      String key = text(child(param, "name"));
      if (!key.isEmpty()) {
        params.put(key, text(child(param, "value")));
      }
    }
    return new ModuleDescriptor.Servlet(
        text(child(servlet, "name")), text(child(servlet, "class")), mappings, params);
  }

  private static DocumentBuilder builder() throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(false);
      factory.setValidating(false);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setEntityResolver(
          (publicId, systemId) -> new InputSource(InputStream.nullInputStream()));
      return builder;
    } catch (ParserConfigurationException e) {
      throw new IOException("XML parser unavailable", e);
    }
  }

  private static void addIfPresent(List<String> list, String value) {
    if (!value.isEmpty()) {
      list.add(value);
    }
  }

  private static Element child(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? null : found.get(0);
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    if (parent == null) {
      return found;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && name.equals(e.getTagName())) {
        found.add(e);
      }
    }
    return found;
  }

  private static String text(Element element) {
    return element == null ? "" : element.getTextContent().strip();
  }
}
