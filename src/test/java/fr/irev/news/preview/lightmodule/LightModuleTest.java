package fr.irev.news.preview.lightmodule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.preview.support.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LightModuleTest {

  private static LightModule fixture() throws IOException {
    return LightModule.load(Fixtures.site().resolve("light-modules"), "irev-news");
  }

  @Test
  void readsEveryTemplateDialogAndMappingOfTheFixture() throws IOException {
    LightModule module = fixture();
    assertEquals(List.of(), module.problems());
    assertEquals(
        Set.of(
            "irev-news:pages/news-list",
            "irev-news:pages/news-detail",
            "irev-news:pages/broken",
            "irev-news:components/text"),
        module.templates().keySet());
    TemplateDefinition list = module.template("irev-news:pages/news-list").orElseThrow();
    assertEquals("/irev-news/templates/pages/news-list.ftl", list.templateScript());
    assertEquals("freemarker", list.renderType());
    assertEquals(Set.of("main"), list.areaNames());
    assertTrue(module.template("irev-news:pages/nope").isEmpty());
    assertTrue(module.template(null).isEmpty());
    assertEquals(
        Set.of("irev-news:components/text", "irev-news:pages/news-list"),
        module.dialogs().keySet());
    @SuppressWarnings("unchecked")
    Map<String, Object> form =
        (Map<String, Object>) module.dialogs().get("irev-news:components/text").get("form");
    assertTrue(form.containsKey("properties"));
    assertEquals(2, module.virtualUriMappings().size());
  }

  @Test
  void virtualUriMappingsForwardAndRedirectWithGroups() throws IOException {
    List<VirtualUriMapping> mappings = fixture().virtualUriMappings();
    VirtualUriMapping detail = mappings.get(0);
    assertEquals("news-detail", detail.name());
    VirtualUriMapping.Target target = detail.apply("/actualites/journee-2021").orElseThrow();
    assertEquals(VirtualUriMapping.Kind.FORWARD, target.kind());
    assertEquals("/actualites/detail?item=journee-2021", target.target());
    assertTrue(detail.apply("/actualites/Journee").isEmpty());
    assertTrue(detail.apply("/actualites/a/b").isEmpty());
    VirtualUriMapping old = mappings.get(1);
    assertEquals(
        VirtualUriMapping.Kind.PERMANENT,
        old.apply("/anciennes-actualites/x").orElseThrow().kind());
    VirtualUriMapping redirect =
        new VirtualUriMapping("r", java.util.regex.Pattern.compile("/a/(.*)"), "redirect:/b/$1$2");
    assertEquals(
        new VirtualUriMapping.Target(VirtualUriMapping.Kind.REDIRECT, "/b/x"),
        redirect.apply("/a/x").orElseThrow());
  }

  @Test
  void messagesAreFrenchWithFallbacksAndFormatting() throws IOException {
    Messages fr = fixture().messages(Locale.FRENCH);
    assertEquals("Actualités et événements", fr.get("irev-news.list.title"));
    assertEquals("3 actualités", fr.format("irev-news.list.count", 3));
    assertEquals("Only in English", fr.get("irev-news.only.english"));
    assertEquals("irev-news.unknown", fr.get("irev-news.unknown"));
    assertEquals("", fr.get(null));
    assertEquals("News and events", fixture().messages(Locale.ENGLISH).get("irev-news.list.title"));
  }

  @Test
  void brokenFilesAreSkippedAndReported() throws IOException {
    Path broken = Fixtures.resource("/preview/broken-light-modules");
    LightModule module = LightModule.load(broken, "irev-news");
    assertEquals(Set.of("irev-news:pages/good"), module.templates().keySet());
    assertEquals(4, module.problems().size(), module.problems().toString());
    assertTrue(module.virtualUriMappings().isEmpty());
    LightModule absent = LightModule.load(broken, "nope");
    assertTrue(absent.templates().isEmpty());
    assertEquals("nope", absent.name());
  }
}
