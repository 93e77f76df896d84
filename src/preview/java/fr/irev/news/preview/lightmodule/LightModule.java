package fr.irev.news.preview.lightmodule;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One light module as Magnolia reads it from {@code magnolia.resources.dir}: template definitions
 * ({@code templates/**}), dialogs ({@code dialogs/**}), virtual URI mappings and i18n messages. A
 * file that does not parse is skipped with a warning and listed in {@link #problems()}, as Magnolia
 * does with an invalid definition; the rest of the module still loads.
 */
public final class LightModule {

  private static final Logger LOG = LoggerFactory.getLogger(LightModule.class);
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern LOCALE_SUFFIX = Pattern.compile(".*_([a-z]{2}(?:_[A-Z]{2})?)");

  private final String name;
  private final Path root;
  private final Map<String, TemplateDefinition> templates = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> dialogs = new LinkedHashMap<>();
  private final List<VirtualUriMapping> mappings = new ArrayList<>();
  private final Map<String, Map<String, String>> bundles = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();

  private LightModule(String name, Path root) {
    this.name = name;
    this.root = root;
  }

  /**
   * Reads a light module.
   *
   * @param lightModules the folder holding light modules, e.g. {@code <project>/light-modules}
   * @param name module name, e.g. {@code irev-news}
   * @return the module; empty definitions when the folder does not exist
   * @throws IOException when a folder exists but cannot be listed
   */
  public static LightModule load(Path lightModules, String name) throws IOException {
    LightModule module = new LightModule(name, lightModules.resolve(name));
    for (Path file : module.files("templates", ".yaml")) {
      module
          .readYaml(file)
          .ifPresent(
              map -> {
                String id = module.id(module.root.resolve("templates"), file);
                module.templates.put(id, new TemplateDefinition(id, map));
              });
    }
    for (Path file : module.files("dialogs", ".yaml")) {
      module
          .readYaml(file)
          .ifPresent(
              map -> module.dialogs.put(module.id(module.root.resolve("dialogs"), file), map));
    }
    for (Path file : module.files("virtualUriMappings", ".yaml")) {
      module.readYaml(file).ifPresent(map -> module.addMapping(file, map));
    }
    for (Path file : module.files("i18n", ".properties")) {
      module.readProperties(file);
    }
    LOG.info(
        "Light module '{}': {} templates, {} dialogs, {} virtual URI mappings, {} problems",
        name,
        module.templates.size(),
        module.dialogs.size(),
        module.mappings.size(),
        module.problems.size());
    return module;
  }

  /**
   * @return module name
   */
  public String name() {
    return name;
  }

  /**
   * @return the module's folder (it may not exist)
   */
  public Path root() {
    return root;
  }

  /**
   * @param id template id, e.g. {@code irev-news:pages/news-list}
   * @return the definition, or empty when no YAML defines it
   */
  public Optional<TemplateDefinition> template(String id) {
    return Optional.ofNullable(id == null ? null : templates.get(id));
  }

  /**
   * @return every template definition by id, in file order (unmodifiable)
   */
  public Map<String, TemplateDefinition> templates() {
    return Collections.unmodifiableMap(templates);
  }

  /**
   * @return every dialog by id (e.g. {@code irev-news:components/text}), unmodifiable
   */
  public Map<String, Map<String, Object>> dialogs() {
    return Collections.unmodifiableMap(dialogs);
  }

  /**
   * @return the virtual URI mappings, sorted by file name (the first match wins)
   */
  public List<VirtualUriMapping> virtualUriMappings() {
    return Collections.unmodifiableList(mappings);
  }

  /**
   * @param locale the locale, e.g. {@link Locale#FRENCH}
   * @return the messages of that locale with Magnolia's fallbacks
   */
  public Messages messages(Locale locale) {
    List<Map<String, String>> chain = new ArrayList<>();
    String tag = locale.toString();
    if (!tag.equals(locale.getLanguage())) {
      chain.add(bundles.getOrDefault(tag, Map.of()));
    }
    chain.add(bundles.getOrDefault(locale.getLanguage(), Map.of()));
    chain.add(bundles.getOrDefault("", Map.of()));
    chain.add(bundles.getOrDefault("en", Map.of()));
    return new Messages(locale, chain);
  }

  /**
   * @return one line per file that could not be read (file and reason); empty when all loaded
   */
  public List<String> problems() {
    return Collections.unmodifiableList(problems);
  }

  private List<Path> files(String folder, String extension) throws IOException {
    Path dir = root.resolve(folder);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(extension))
          .sorted()
          .toList();
    }
  }

  private String id(Path base, Path file) {
    String relative = base.relativize(file).toString().replace('\\', '/');
    return name + ":" + relative.substring(0, relative.lastIndexOf('.'));
  }

  @SuppressWarnings("unchecked")
  private Optional<Map<String, Object>> readYaml(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Object value = YAML.readValue(reader, Object.class);
      if (value instanceof Map<?, ?> map) {
        return Optional.of((Map<String, Object>) map);
      }
      problem(file, "not a YAML mapping");
    } catch (IOException e) {
      problem(file, e.getMessage());
    }
    return Optional.empty();
  }

  private void addMapping(Path file, Map<String, Object> yaml) {
    Object type = yaml.get("class");
    Object from = yaml.get("fromUri");
    Object to = yaml.get("toUri");
    if (!VirtualUriMapping.REGEXP_CLASS.equals(type) || from == null || to == null) {
      problem(file, "not a RegexpVirtualUriMapping with fromUri and toUri");
      return;
    }
    try {
      String fileName = file.getFileName().toString();
      mappings.add(
          new VirtualUriMapping(
              fileName.substring(0, fileName.lastIndexOf('.')),
              Pattern.compile(from.toString()),
              to.toString()));
    } catch (PatternSyntaxException e) {
      problem(file, "invalid fromUri: " + e.getDescription());
    }
  }

  private void readProperties(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      problem(file, e.getMessage());
      return;
    }
    String base = file.getFileName().toString().replaceFirst("\\.properties$", "");
    var matcher = LOCALE_SUFFIX.matcher(base);
    String locale = matcher.matches() ? matcher.group(1) : "";
    Map<String, String> bundle = bundles.computeIfAbsent(locale, k -> new LinkedHashMap<>());
    properties.stringPropertyNames().forEach(k -> bundle.put(k, properties.getProperty(k)));
  }

  private void problem(Path file, String reason) {
    String line = root.relativize(file) + ": " + reason;
    problems.add(line);
    LOG.warn("Light module '{}': skipping '{}'", name, line);
  }
}
