package fr.irev.news.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks YAML definitions against the contract: definition keys per kind, {@code $type}, {@code
 * class}, {@code appClass}, {@code type} and {@code renderType} values, label values that must be
 * i18n keys, and references to other files of the light module.
 *
 * <p>Apps come in two kinds: built from a content type (first line {@code !content-type:<name>},
 * keys of {@code contract:yaml-keys:apps} and {@code :fields}), or an explicit app descriptor (no
 * directive; also the keys of {@code contract:yaml-keys:app-descriptors}), whose own data source
 * workspace must be one the module descriptor declares.
 */
final class YamlChecker {

  /** A message key of our bundle. */
  static final Pattern I18N_KEY = Pattern.compile("irev-news\\.[A-Za-z0-9_.-]+");

  private static final Map<String, String[]> KEY_BLOCKS =
      Map.of(
          "contentTypes", new String[] {"yaml-keys:contentTypes"},
          "apps", new String[] {"yaml-keys:apps", "yaml-keys:fields"},
          "dialogs", new String[] {"yaml-keys:dialogs", "yaml-keys:fields"},
          "templates", new String[] {"yaml-keys:templates"},
          "virtualUriMappings", new String[] {"yaml-keys:virtualUriMappings"});

  /** Extra key block of apps without {@code !content-type:} (explicit app descriptors). */
  private static final String APP_DESCRIPTOR_KEYS = "yaml-keys:app-descriptors";

  /** Key path of an explicit app's own data source workspace. */
  private static final String APP_WORKSPACE = "datasource.workspace";

  private final ContractDocument contract;

  YamlChecker(ContractDocument contract) {
    this.contract = contract;
  }

  /** The result of checking one file. */
  static final class Result {
    final List<String> violations = new ArrayList<>();

    /** Label-like values (i18n keys) by key path. */
    final Map<String, String> labelKeys = new LinkedHashMap<>();

    /** Workspaces named by field data sources, by key path. */
    final Map<String, String> fieldWorkspaces = new LinkedHashMap<>();

    /** The workspace of an explicit app descriptor's own data source, or null. */
    String appWorkspace;
  }

  Result check(YamlDefinition def) {
    Result result = new Result();
    result.violations.addAll(def.problems());
    String where = ProjectFiles.display(def.file());
    String[] blocks = KEY_BLOCKS.get(def.kind());
    if (blocks == null) {
      result.violations.add(
          where
              + ": definition folder '"
              + def.kind()
              + "' is not in the contract (expected one of "
              + KEY_BLOCKS.keySet()
              + ")");
      return result;
    }
    if (def.root() == null || !def.root().isObject()) {
      result.violations.add(where + ": not a YAML map");
      return result;
    }
    Set<String> subModels = new LinkedHashSet<>();
    for (JsonNode subModel : def.root().path("model").path("subModels")) {
      subModels.add(subModel.path("name").asText());
    }
    if (isAppDescriptor(def)) {
      blocks = Arrays.copyOf(blocks, blocks.length + 1);
      blocks[blocks.length - 1] = APP_DESCRIPTOR_KEYS;
    }
    Walk walk = new Walk(def, where, contract.union(blocks), subModels, result);
    walk.node(def.root(), "", "", false);
    return result;
  }

  /** An app file without {@code !content-type:}: an explicit app descriptor. */
  private static boolean isAppDescriptor(YamlDefinition def) {
    return def.kind().equals("apps") && def.contentType() == null;
  }

  private final class Walk {
    private final YamlDefinition def;
    private final String where;
    private final Set<String> keys;
    private final Set<String> subModels;
    private final Result result;
    private final Set<String> namedMaps = contract.entries("yaml-named-maps");
    private final Set<String> labelKeys = contract.entries("label-keys");

    Walk(YamlDefinition def, String where, Set<String> keys, Set<String> subModels, Result result) {
      this.def = def;
      this.where = where;
      this.keys = keys;
      this.subModels = subModels;
      this.result = result;
    }

    void node(JsonNode node, String path, String viaKey, boolean named) {
      if (node.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          String key = field.getKey();
          JsonNode value = field.getValue();
          String keyPath = path.isEmpty() ? key : path + "." + key;
          if (named) {
            node(value, keyPath, key, false);
            continue;
          }
          if (!keys.contains(key)) {
            violation(
                keyPath,
                "key '"
                    + key
                    + "' is not in contract:yaml-keys:"
                    + def.kind()
                    + (isAppDescriptor(def)
                        ? ", contract:yaml-keys:fields nor contract:" + APP_DESCRIPTOR_KEYS
                        : def.kind().equals("apps") || def.kind().equals("dialogs")
                            ? " nor contract:yaml-keys:fields"
                            : ""));
          }
          value(key, value, keyPath, viaKey);
          node(value, keyPath, key, namedMaps.contains(key) && value.isObject());
        }
      } else if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          node(node.get(i), path + "[" + i + "]", viaKey, false);
        }
      }
    }

    private void value(String key, JsonNode value, String keyPath, String viaKey) {
      switch (key) {
        case "$type" -> {
          String block =
              switch (viaKey) {
                case "datasource", "itemProvider" -> "support-types";
                case "contentViews" -> "content-view-types";
                case "columns" -> "column-types";
                default -> "field-types";
              };
          allowed(keyPath, value, block, Set.of());
        }
        case "class", "appClass" -> allowed(keyPath, value, "classes", Set.of());
        case "renderType" -> allowed(keyPath, value, "render-types", Set.of());
        case "type" -> {
          switch (def.kind()) {
            case "contentTypes" ->
                allowed(keyPath, value, "content-type-property-types", subModels);
            case "templates" -> allowed(keyPath, value, "area-types", Set.of());
            default -> allowed(keyPath, value, "field-property-types", Set.of());
          }
        }
        case "workspace" -> {
          if (isAppDescriptor(def) && keyPath.equals(APP_WORKSPACE)) {
            result.appWorkspace = value.asText();
          } else if (value.isTextual() && !viaKey.isEmpty() && !def.kind().equals("contentTypes")) {
            result.fieldWorkspaces.put(keyPath, value.asText());
          }
        }
        default -> {
          // nothing
        }
      }
      if (labelKeys.contains(key)) {
        if (!value.isTextual() || !I18N_KEY.matcher(value.asText()).matches()) {
          violation(
              keyPath,
              "'"
                  + key
                  + "' must be an i18n key irev-news.… (found "
                  + value
                  + "); put the text in i18n/irev-news-messages_*.properties");
        } else {
          result.labelKeys.put(keyPath, value.asText());
        }
      }
    }

    private void allowed(String keyPath, JsonNode value, String block, Set<String> extra) {
      String text = value.isValueNode() ? value.asText() : value.toString();
      if (!value.isTextual() || !(contract.entries(block).contains(text) || extra.contains(text))) {
        violation(keyPath, "value '" + text + "' is not in contract:" + block);
      }
    }

    private void violation(String keyPath, String message) {
      result.violations.add(where + ": " + keyPath + ": " + message);
    }
  }

  /**
   * References from one definition to other files of the module: template scripts, dialogs,
   * components, content types and field workspaces.
   *
   * @param lightModules the resource root (parent of the module folder)
   * @param moduleName the module name (first segment of ids and script paths)
   * @param workspaces the workspaces declared by the module's content types
   * @param descriptorWorkspaces the workspaces declared by the module descriptor ({@code
   *     magnolia-module.xml}), where an explicit app's data source must point
   */
  List<String> references(
      YamlDefinition def,
      Result checked,
      Path lightModules,
      String moduleName,
      Set<String> workspaces,
      Set<String> descriptorWorkspaces) {
    List<String> problems = new ArrayList<>();
    String where = ProjectFiles.display(def.file());
    Path module = lightModules.resolve(moduleName);
    if (def.kind().equals("apps")) {
      if (isAppDescriptor(def)) {
        if (!def.root().path("class").isTextual()) {
          problems.add(
              where
                  + ": an app without !content-type:<name> must name its descriptor class"
                  + " (class: …, see contract:classes)");
        }
        if (checked.appWorkspace == null) {
          problems.add(
              where + ": an app without !content-type:<name> needs " + APP_WORKSPACE + " (S50)");
        } else if (!descriptorWorkspaces.contains(checked.appWorkspace)) {
          problems.add(
              where
                  + ": "
                  + APP_WORKSPACE
                  + " "
                  + checked.appWorkspace
                  + " is not declared in magnolia-module.xml "
                  + descriptorWorkspaces);
        }
      } else if (!Files.isRegularFile(
          module.resolve("contentTypes/" + def.contentType() + ".yaml"))) {
        problems.add(
            where
                + ": !content-type:"
                + def.contentType()
                + " names no file contentTypes/"
                + def.contentType()
                + ".yaml");
      }
    }
    def.root()
        .findParents("templateScript")
        .forEach(
            parent -> {
              String script = parent.path("templateScript").asText();
              if (!script.startsWith("/" + moduleName + "/")
                  || !Files.isRegularFile(lightModules.resolve(script.substring(1)))) {
                problems.add(
                    where
                        + ": templateScript "
                        + script
                        + " is not a file of light-modules/"
                        + moduleName);
              }
            });
    if (def.root().has("dialog")) {
      String dialog = def.root().path("dialog").asText();
      if (!resolves(module, dialog, moduleName, "dialogs")) {
        problems.add(where + ": dialog " + dialog + " names no file dialogs/…");
      }
    }
    def.root()
        .findParents("availableComponents")
        .forEach(
            parent ->
                parent
                    .path("availableComponents")
                    .forEach(
                        component -> {
                          String id = component.path("id").asText();
                          if (!resolves(module, id, moduleName, "templates")) {
                            problems.add(
                                where
                                    + ": availableComponents id "
                                    + id
                                    + " names no file templates/…");
                          }
                        }));
    checked.fieldWorkspaces.forEach(
        (path, workspace) -> {
          if (!workspaces.contains(workspace)) {
            problems.add(
                where
                    + ": "
                    + path
                    + ": workspace "
                    + workspace
                    + " is not declared by a content type of the module "
                    + workspaces);
          }
        });
    return problems;
  }

  private static boolean resolves(Path module, String id, String moduleName, String folder) {
    String prefix = moduleName + ":";
    return id.startsWith(prefix)
        && Files.isRegularFile(
            module.resolve(folder + "/" + id.substring(prefix.length()) + ".yaml"));
  }
}
