package fr.irev.news.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The light module, the descriptor and the Magnolia adapter use only what {@code
 * docs/magnolia-contract.md} lists. Each failure names the file and the key, variable or class that
 * is not in the contract.
 */
class MagnoliaContractTest {

  static final String FUNCTIONS_CLASS = "fr.irev.news.templating.NewsFunctions";

  private static ContractDocument contract;
  private static Path lightModules;
  private static Path module;

  @BeforeAll
  static void readContract() throws IOException {
    contract = ContractDocument.read(ProjectFiles.contract());
    lightModules = ProjectFiles.lightModules();
    module = ProjectFiles.module();
  }

  // ---------------------------------------------------------------- the contract itself

  @Test
  void contractHasEveryBlockTheCheckersRead() {
    for (String block :
        List.of(
            "yaml-keys:contentTypes",
            "yaml-keys:apps",
            "yaml-keys:app-descriptors",
            "yaml-keys:dialogs",
            "yaml-keys:fields",
            "yaml-keys:templates",
            "yaml-keys:virtualUriMappings",
            "yaml-named-maps",
            "field-types",
            "support-types",
            "content-view-types",
            "column-types",
            "field-property-types",
            "classes",
            "content-type-property-types",
            "render-types",
            "area-types",
            "label-keys",
            "ftl-context",
            "java-api",
            "descriptor-elements")) {
      assertFalse(contract.entries(block).isEmpty(), block);
    }
  }

  @Test
  void everyContractEntryNamesItsSource() throws IOException {
    // Each entry line carries a [Sn] reference to the sources table, which must exist.
    String text = Files.readString(ProjectFiles.contract(), StandardCharsets.UTF_8);
    Set<String> defined = new TreeSet<>();
    Matcher row = Pattern.compile("(?m)^\\| (S\\d+) \\|").matcher(text);
    while (row.find()) {
      defined.add(row.group(1));
    }
    List<String> problems = new ArrayList<>();
    boolean inBlock = false;
    for (String line : text.split("\\R")) {
      String s = line.strip();
      if (s.startsWith("```contract:")) {
        inBlock = true;
      } else if (s.startsWith("```")) {
        inBlock = false;
      } else if (inBlock && !s.isEmpty() && !s.startsWith("#")) {
        Matcher ref = Pattern.compile("\\[(S\\d+)]").matcher(s);
        if (!ref.find()) {
          problems.add("no [Sn] source on: " + s);
        }
        ref.reset();
        while (ref.find()) {
          if (!defined.contains(ref.group(1))) {
            problems.add("unknown source " + ref.group(1) + " on: " + s);
          }
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  // ---------------------------------------------------------------- YAML

  @Test
  void everyYamlFileParsesAndUsesOnlyContractKeysAndTypes() throws IOException {
    List<Path> files = ProjectFiles.files(module, ".yaml");
    assertTrue(files.size() >= 15, "light module YAML files: " + files);
    YamlChecker checker = new YamlChecker(contract);
    List<String> violations = new ArrayList<>();
    for (Path file : files) {
      violations.addAll(checker.check(YamlDefinition.load(module, file)).violations);
    }
    assertNoViolations(violations);
  }

  @Test
  void yamlReferencesResolveInsideTheModule() throws IOException {
    YamlChecker checker = new YamlChecker(contract);
    Set<String> workspaces = new LinkedHashSet<>();
    for (Path file : ProjectFiles.files(module.resolve("contentTypes"), ".yaml")) {
      workspaces.add(
          YamlDefinition.load(module, file).root().path("datasource").path("workspace").asText());
    }
    assertEquals(Set.of("irev-news", "irev-thematics", "irev-territories"), workspaces);
    Set<String> declared = descriptorWorkspaces();
    assertTrue(declared.containsAll(workspaces), declared.toString());
    List<String> problems = new ArrayList<>();
    for (Path file : ProjectFiles.files(module, ".yaml")) {
      YamlDefinition def = YamlDefinition.load(module, file);
      problems.addAll(
          checker.references(
              def, checker.check(def), lightModules, ProjectFiles.MODULE, workspaces, declared));
    }
    assertNoViolations(problems);
  }

  @Test
  void theRegistrationsAppIsAnExplicitDescriptorOverADeclaredWorkspace() throws IOException {
    YamlDefinition app =
        YamlDefinition.load(module, module.resolve("apps/irev-registrations.yaml"));
    assertEquals(null, app.contentType());
    YamlChecker.Result result = new YamlChecker(contract).check(app);
    assertEquals(List.of(), result.violations);
    assertEquals("irev-registrations", result.appWorkspace);
    assertTrue(descriptorWorkspaces().contains("irev-registrations"));
  }

  /** The {@code workspaces/workspace} values of {@code magnolia-module.xml}. */
  private static Set<String> descriptorWorkspaces() throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      Document doc =
          factory
              .newDocumentBuilder()
              .parse(ProjectFiles.root().resolve("magnolia-module.xml").toFile());
      Set<String> workspaces = new LinkedHashSet<>();
      NodeList nodes = doc.getElementsByTagName("workspace");
      for (int i = 0; i < nodes.getLength(); i++) {
        workspaces.add(nodes.item(i).getTextContent().strip());
      }
      return workspaces;
    } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
      throw new IOException("Cannot read magnolia-module.xml: " + e.getMessage(), e);
    }
  }

  @Test
  void contentTypesDeclareTheArchitectureNames() throws IOException {
    // docs/architecture.md, "JCR names": namespace, node types and item properties.
    Map<String, String> nodeTypes = new LinkedHashMap<>();
    for (Path file : ProjectFiles.files(module.resolve("contentTypes"), ".yaml")) {
      YamlDefinition def = YamlDefinition.load(module, file);
      assertEquals(
          "https://irev.fr/jcr/irev-news/1.0",
          def.root().path("datasource").path("namespaces").path("irev").asText(),
          def.id());
      assertTrue(def.root().path("datasource").path("autoCreate").asBoolean(), def.id());
      nodeTypes.put(def.id(), def.root().path("model").path("nodeType").asText());
    }
    assertEquals(
        Map.of(
            "newsItem",
            "irev:newsItem",
            "thematic",
            "irev:thematic",
            "territory",
            "irev:territory"),
        nodeTypes);
    YamlDefinition news = YamlDefinition.load(module, module.resolve("contentTypes/newsItem.yaml"));
    Set<String> properties = new LinkedHashSet<>();
    news.root()
        .path("model")
        .path("properties")
        .forEach(p -> properties.add(p.path("name").asText()));
    assertEquals(
        new TreeSet<>(
            List.of(
                "title",
                "teaser",
                "body",
                "kind",
                "startDate",
                "endDate",
                "allDay",
                "placeName",
                "placeAddress",
                "placeCommune",
                "audience",
                "publicationDate",
                "thematics",
                "territories",
                "registrationUrl",
                "attachments",
                "registration")),
        new TreeSet<>(properties));
  }

  @Test
  void virtualUriMappingForwardsTheSeedAddress() throws IOException {
    YamlDefinition def =
        YamlDefinition.load(module, module.resolve("virtualUriMappings/news-detail.yaml"));
    Pattern from = Pattern.compile(def.root().path("fromUri").asText());
    String to = def.root().path("toUri").asText();
    String seed =
        "/actualites/discriminations-journee-dapprofondissement-du-cycle-initier-et-conduire-un-ptlcd";
    Matcher m = from.matcher(seed);
    assertTrue(m.matches());
    assertEquals(
        "forward:/actualites/detail?item="
            + "discriminations-journee-dapprofondissement-du-cycle-initier-et-conduire-un-ptlcd",
        m.replaceAll(to));
    for (String other :
        List.of(
            "/actualites",
            "/actualites/",
            "/actualites/A-Majuscule",
            "/actualites/a/b",
            "/actualites/-tiret",
            "/autre/chose",
            "/actualites/x.html")) {
      assertFalse(from.matcher(other).matches(), other);
    }
  }

  // ---------------------------------------------------------------- FTL

  @Test
  void everyFtlFileParsesAndUsesOnlyTheContractContext() throws IOException {
    List<Path> files = ProjectFiles.files(module, ".ftl");
    assertTrue(files.size() >= 7, "light module FTL files: " + files);
    FtlChecker checker = new FtlChecker(contract, lightModules, ProjectFiles.MODULE);
    List<String> violations = new ArrayList<>();
    for (Path file : files) {
      violations.addAll(checker.check(file).violations);
    }
    assertNoViolations(violations);
  }

  @Test
  void irevfnCallsArePublicMethodsOfNewsFunctions() throws IOException {
    FtlChecker checker = new FtlChecker(contract, lightModules, ProjectFiles.MODULE);
    List<FtlChecker.Use> uses = new ArrayList<>();
    for (Path file : ProjectFiles.files(module, ".ftl")) {
      uses.addAll(checker.check(file).functions);
    }
    assertFalse(uses.isEmpty());
    Class<?> functions;
    try {
      functions = Class.forName(FUNCTIONS_CLASS);
    } catch (ClassNotFoundException e) {
      fail(
          FUNCTIONS_CLASS
              + " does not exist (yet): the templates call "
              + uses.stream()
                  .map(
                      u ->
                          FtlChecker.FUNCTIONS
                              + "."
                              + u.member()
                              + (u.arity() >= 0 ? "/" + u.arity() : ""))
                  .distinct()
                  .sorted()
                  .collect(Collectors.joining(", "))
              + "; this test checks them against its public methods once the class is written");
      return;
    }
    assertNoViolations(FtlChecker.checkFunctions(uses, functions));
  }

  // ---------------------------------------------------------------- i18n

  @Test
  void frenchAndEnglishBundlesHaveTheSameKeys() throws IOException {
    Properties fr = bundle("fr");
    Properties en = bundle("en");
    Set<String> onlyFr = new TreeSet<>(fr.stringPropertyNames());
    onlyFr.removeAll(en.stringPropertyNames());
    Set<String> onlyEn = new TreeSet<>(en.stringPropertyNames());
    onlyEn.removeAll(fr.stringPropertyNames());
    assertEquals(Set.of(), onlyFr, "keys only in irev-news-messages_fr.properties");
    assertEquals(Set.of(), onlyEn, "keys only in irev-news-messages_en.properties");
    for (Properties p : List.of(fr, en)) {
      for (String key : p.stringPropertyNames()) {
        assertFalse(p.getProperty(key).isBlank(), key);
        assertTrue(YamlChecker.I18N_KEY.matcher(key).matches(), "key outside irev-news.*: " + key);
      }
    }
  }

  @Test
  void everyLabelKeyOfYamlAndFtlExistsInTheBundles() throws IOException {
    Properties fr = bundle("fr");
    Properties en = bundle("en");
    Map<String, String> used = new LinkedHashMap<>();
    YamlChecker yaml = new YamlChecker(contract);
    for (Path file : ProjectFiles.files(module, ".yaml")) {
      yaml.check(YamlDefinition.load(module, file))
          .labelKeys
          .forEach((path, key) -> used.putIfAbsent(key, ProjectFiles.display(file) + ": " + path));
    }
    FtlChecker ftl = new FtlChecker(contract, lightModules, ProjectFiles.MODULE);
    for (Path file : ProjectFiles.files(module, ".ftl")) {
      ftl.check(file).i18nKeys.forEach(used::putIfAbsent);
    }
    assertTrue(used.size() > 50, "i18n keys in use: " + used.size());
    List<String> missing = new ArrayList<>();
    used.forEach(
        (key, where) -> {
          if (!fr.containsKey(key) || !en.containsKey(key)) {
            missing.add(
                where
                    + ": i18n key "
                    + key
                    + " is missing from "
                    + (!fr.containsKey(key) ? "fr " : "")
                    + (!en.containsKey(key) ? "en" : ""));
          }
        });
    assertNoViolations(missing);
    Set<String> unused = new TreeSet<>(fr.stringPropertyNames());
    unused.removeAll(used.keySet());
    assertEquals(Set.of(), unused, "keys of the bundles that no YAML or FTL file uses");
  }

  @Test
  void bundlesAreUtf8AndFrenchUsesTypographicApostrophes() throws IOException {
    for (String locale : List.of("fr", "en")) {
      byte[] bytes = Files.readAllBytes(bundlePath(locale));
      String text = new String(bytes, StandardCharsets.UTF_8);
      assertEquals(-1, text.indexOf('\uFFFD'), locale + " bundle is not valid UTF-8");
    }
    Properties fr = bundle("fr");
    assertEquals("S’inscrire", fr.getProperty("irev-news.event.register"));
    assertEquals("Actualité introuvable", fr.getProperty("irev-news.notFound.title"));
    for (String key : fr.stringPropertyNames()) {
      assertFalse(fr.getProperty(key).contains("'"), "straight apostrophe in " + key);
    }
  }

  // ---------------------------------------------------------------- web resources

  @Test
  void stylesheetIsSelfContainedAndPrintsLinkNumbers() throws IOException {
    String css =
        Files.readString(module.resolve("webresources/css/irev-news.css"), StandardCharsets.UTF_8);
    assertFalse(css.contains("@import"), "no @import");
    assertFalse(css.contains("@font-face"), "no web fonts");
    assertFalse(
        Pattern.compile("url\\(\\s*['\"]?(https?:)?//").matcher(css).find(), "no external host");
    assertTrue(css.contains("@media print"));
    assertTrue(css.contains("content: \" [\" attr(data-fn) \"]\""));
    assertTrue(css.contains(".irev-footnotes {\n  display: none;"), "footnotes hidden on screen");
    assertTrue(css.contains(":focus-visible"), "visible focus");
    assertTrue(css.contains(".irev-skip:focus"), "skip link shown on focus");
  }

  // ---------------------------------------------------------------- descriptor and Java

  @Test
  void moduleDescriptorUsesOnlyContractElements() throws Exception {
    Path descriptor = ProjectFiles.root().resolve("magnolia-module.xml");
    if (!Files.isRegularFile(descriptor)) {
      return; // written by another part of the team; checked as soon as it exists
    }
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setValidating(false);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    Document doc = factory.newDocumentBuilder().parse(descriptor.toFile());
    Set<String> allowed = contract.entries("descriptor-elements");
    Set<String> unknown = new TreeSet<>();
    NodeList all = doc.getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      String name = ((Element) all.item(i)).getTagName();
      if (!allowed.contains(name)) {
        unknown.add(name);
      }
    }
    assertEquals("module", doc.getDocumentElement().getTagName());
    assertEquals(
        Set.of(), unknown, "elements of magnolia-module.xml not in contract:descriptor-elements");
  }

  @Test
  void javaCodeUsesOnlyContractMagnoliaTypes() throws IOException {
    Set<String> allowed = contract.entries("java-api");
    Pattern reference =
        Pattern.compile("\\binfo\\.magnolia(?:\\.[a-z][A-Za-z0-9_]*)+\\.[A-Z][A-Za-z0-9_]*");
    List<String> problems = new ArrayList<>();
    Path root = ProjectFiles.root();
    for (Path file : ProjectFiles.files(root.resolve("src/main/java"), ".java")) {
      String code = stripComments(Files.readString(file, StandardCharsets.UTF_8));
      Matcher m = reference.matcher(code);
      while (m.find()) {
        if (!allowed.contains(m.group())) {
          problems.add(
              ProjectFiles.display(file) + ": " + m.group() + " is not in contract:java-api");
        }
      }
    }
    Path standins = root.resolve("src/magnolia-standins/java");
    for (Path file : ProjectFiles.files(standins.resolve("info/magnolia"), ".java")) {
      String type =
          standins
              .relativize(file)
              .toString()
              .replace('\\', '/')
              .replaceFirst("\\.java$", "")
              .replace('/', '.');
      if (!allowed.contains(type)) {
        problems.add(
            ProjectFiles.display(file) + ": stand-in " + type + " is not in contract:java-api");
      }
    }
    assertNoViolations(problems);
  }

  // ---------------------------------------------------------------- the checkers catch errors

  @Test
  void checkersReportUnknownKeysTypesFunctionsAndVariables() throws IOException {
    Path fixtureRoot = fixtureLightModules();
    Path fixtureModule = fixtureRoot.resolve(ProjectFiles.MODULE);

    YamlChecker yaml = new YamlChecker(contract);
    List<String> yamlViolations = new ArrayList<>();
    for (Path file : ProjectFiles.files(fixtureModule, ".yaml")) {
      yamlViolations.addAll(yaml.check(YamlDefinition.load(fixtureModule, file)).violations);
    }
    String yamlReport = String.join("\n", yamlViolations);
    assertReports(
        yamlReport,
        "bad-dialog.yaml: form.properties.title.fieldType: key 'fieldType' is not in contract");
    assertReports(
        yamlReport,
        "bad-dialog.yaml: form.properties.title.$type: value 'superTextField' is not in contract:field-types");
    assertReports(
        yamlReport, "bad-dialog.yaml: form.properties.title.label: 'label' must be an i18n key");
    assertReports(
        yamlReport,
        "bad-dialog.yaml: form.properties.page.datasource.$type: value 'restDatasource' is not in contract:support-types");
    assertReports(yamlReport, "bad-app.yaml:3: YAML tag !inherit:other");
    assertReports(
        yamlReport,
        "bad-mapping.yaml: class: value 'info.magnolia.virtualuri.mapping.DefaultVirtualUriMapping' is not in contract:classes");
    assertReports(
        yamlReport, "bad-template.yaml: renderType: value 'jsp' is not in contract:render-types");
    assertReports(yamlReport, "bad-template.yaml: modelClass: key 'modelClass' is not in contract");
    // the fixture's valid parts are not reported
    assertFalse(yamlReport.contains("form.properties.ok"), yamlReport);
    // an explicit app descriptor: its own keys pass, unknown views and columns do not
    assertFalse(yamlReport.contains("bad-explicit-app.yaml: class"), yamlReport);
    assertFalse(yamlReport.contains("bad-explicit-app.yaml: appClass"), yamlReport);
    assertReports(
        yamlReport,
        "bad-explicit-app.yaml: subApps.browser.workbench.contentViews[0].$type: value 'gridView'"
            + " is not in contract:content-view-types");
    assertReports(
        yamlReport,
        "bad-explicit-app.yaml: subApps.browser.workbench.contentViews[0].columns[0].$type: value"
            + " 'fancyColumn' is not in contract:column-types");
    assertReports(
        yamlReport,
        "bad-explicit-app.yaml: subApps.browser.actions: key 'actions' is not in"
            + " contract:yaml-keys:apps, contract:yaml-keys:fields nor"
            + " contract:yaml-keys:app-descriptors");
    assertReports(yamlReport, "bad-app.yaml: class: key 'class' is not in contract:yaml-keys:apps");
    Path explicitApp = fixtureModule.resolve("apps/bad-explicit-app.yaml");
    YamlDefinition explicit = YamlDefinition.load(fixtureModule, explicitApp);
    String references =
        String.join(
            "\n",
            yaml.references(
                explicit,
                yaml.check(explicit),
                fixtureRoot,
                ProjectFiles.MODULE,
                Set.of("irev-news"),
                Set.of("irev-news", "irev-registrations")));
    assertReports(
        references,
        "bad-explicit-app.yaml: datasource.workspace not-declared is not declared in"
            + " magnolia-module.xml");

    FtlChecker ftl = new FtlChecker(contract, fixtureRoot, ProjectFiles.MODULE);
    FtlChecker.Result result = ftl.check(fixtureModule.resolve("templates/components/bad.ftl"));
    String ftlReport = String.join("\n", result.violations);
    String noHeader =
        String.join(
            "\n",
            ftl.check(fixtureModule.resolve("templates/components/no-header.ftl")).violations);
    assertReports(
        noHeader, "no-header.ftl:1:1: the script must start with [#ftl output_format=\"HTML\"]");
    assertReports(noHeader, "no-header.ftl: output format must be HTML with auto-escaping");
    assertReports(ftlReport, "top-level variable 'cmsfn' is not in contract:ftl-context");
    assertReports(ftlReport, "top-level variable 'state' is not in contract:ftl-context");
    assertReports(ftlReport, "'ctx.contextPath' is not in contract:ftl-context");
    assertReports(ftlReport, "'cms.include' is not in contract:ftl-context");
    assertReports(ftlReport, "?no_esc on 'content.text'");
    assertReports(ftlReport, "?interpret is not allowed");
    assertReports(ftlReport, "i18n[…] needs a string literal key");
    assertReports(
        ftlReport, "macro 'noSuchMacro' is not defined in /irev-news/templates/macros/lib.ftl");
    assertFalse(
        ftlReport.contains("'item'"), "locally assigned variables are not reported\n" + ftlReport);
    assertFalse(
        ftlReport.contains("'helper'"), "imported namespaces are not reported\n" + ftlReport);

    List<String> functionViolations =
        FtlChecker.checkFunctions(result.functions, FakeFunctions.class);
    String functionReport = String.join("\n", functionViolations);
    assertReports(
        functionReport,
        "irevfn.noSuchFunction(1 argument) is not a public method of "
            + FakeFunctions.class.getName());
    assertReports(functionReport, "irevfn.item(2 arguments) is not a public method");
    assertEquals(2, functionViolations.size(), functionReport);
    assertEquals("irev-news.fixture.title", result.i18nKeys.keySet().iterator().next());
  }

  // ---------------------------------------------------------------- helpers

  static Path fixtureLightModules() {
    return ProjectFiles.root().resolve("src/test/resources/contract/light-modules");
  }

  private static Path bundlePath(String locale) {
    return module.resolve("i18n/irev-news-messages_" + locale + ".properties");
  }

  static Properties bundle(String locale) throws IOException {
    Properties p = new Properties();
    try (Reader reader =
        Files.newBufferedReader(
            ProjectFiles.module().resolve("i18n/irev-news-messages_" + locale + ".properties"),
            StandardCharsets.UTF_8)) {
      p.load(reader);
    }
    return p;
  }

  private static String stripComments(String code) {
    return code.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ");
  }

  private static void assertReports(String report, String expected) {
    assertTrue(
        report.contains(expected),
        "expected a violation containing\n  " + expected + "\nin\n" + report);
  }

  private static void assertNoViolations(List<String> violations) {
    if (!violations.isEmpty()) {
      fail(
          violations.size()
              + " contract violation(s) (docs/magnolia-contract.md):\n  "
              + String.join("\n  ", violations));
    }
  }
}
