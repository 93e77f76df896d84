package fr.irev.news.preview.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.preview.support.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModuleDescriptorParserTest {

  @Test
  void readsWorkspacesNodeTypesAndServletsWithoutLoadingTheDtd() throws IOException {
    ModuleDescriptor module =
        ModuleDescriptorParser.parse(Fixtures.site().resolve("magnolia-module.xml"));
    assertEquals("irev-news", module.name());
    assertEquals("0.1.0", module.version());
    assertEquals(List.of("irev-news", "irev-thematics"), module.workspaces());
    assertEquals(List.of("/mgnl-nodetypes/preview-test-nodetypes.cnd"), module.nodeTypeFiles());
    ModuleDescriptor.Servlet servlet = module.servlets().get(0);
    assertEquals("fr.irev.news.preview.web.EchoTestServlet", servlet.className());
    assertEquals(List.of("/.irev-news/echo/*", "/.irev-news/echo-too"), servlet.mappings());
    assertEquals(Map.of("greeting", "Bonjour"), servlet.params());
  }

  @Test
  void externalEntitiesAreNotResolved() throws IOException {
    String xml =
        "<?xml version=\"1.0\"?>\n"
            + "<!DOCTYPE module SYSTEM \"module.dtd\" [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>\n"
            + "<module><name>m&x;</name></module>";
    ModuleDescriptor module = parse(xml);
    assertTrue(module.name().startsWith("m"));
    assertEquals("m", module.name().strip());
  }

  @Test
  void missingNameOrBrokenXmlIsAnIoException() {
    assertThrows(IOException.class, () -> parse("<module><version>1</version></module>"));
    assertThrows(IOException.class, () -> parse("<module><name>x</module>"));
    assertThrows(IOException.class, () -> parse("<other><name>x</name></other>"));
  }

  private static ModuleDescriptor parse(String xml) throws IOException {
    return ModuleDescriptorParser.parse(
        new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test");
  }
}
