package fr.irev.news.preview.lightmodule;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A page or component template definition read from a light module's YAML, e.g. id {@code
 * irev-news:pages/news-list} from {@code <module>/templates/pages/news-list.yaml}.
 *
 * @param id template id: module name, {@code :}, path below {@code templates/} without extension
 * @param properties the YAML as read (nested maps and lists, unmodifiable), also what FTL sees as
 *     {@code def}
 */
public record TemplateDefinition(String id, Map<String, Object> properties) {

  /** Wraps the properties in an unmodifiable map. */
  public TemplateDefinition {
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  /**
   * @return {@code templateScript}, e.g. {@code /irev-news/templates/pages/news-list.ftl}, or
   *     {@code null} when absent
   */
  public String templateScript() {
    Object script = properties.get("templateScript");
    return script == null ? null : script.toString();
  }

  /**
   * @return {@code renderType}, {@code freemarker} when absent
   */
  public String renderType() {
    Object type = properties.get("renderType");
    return type == null ? "freemarker" : type.toString();
  }

  /**
   * @return names of the {@code areas} declared, empty when none
   */
  public Set<String> areaNames() {
    Set<String> names = new LinkedHashSet<>();
    if (properties.get("areas") instanceof Map<?, ?> areas) {
      areas.keySet().forEach(key -> names.add(String.valueOf(key)));
    }
    return Collections.unmodifiableSet(names);
  }
}
