package fr.irev.news.contract;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One YAML definition file of a light module, parsed with Jackson. The first-line Magnolia
 * directive {@code !content-type:<name>} of app files is taken off before parsing (and kept as
 * {@link #contentType()}); any other YAML tag is reported as a problem.
 *
 * @param file the file
 * @param kind the definition kind: first folder under the module root (apps, dialogs, …)
 * @param id the definition id without the module: path under the kind folder, without extension
 * @param root the parsed document (an object node when the file is well formed)
 * @param contentType the name after {@code !content-type:}, or null
 * @param problems tag problems found while reading
 */
record YamlDefinition(
    Path file, String kind, String id, JsonNode root, String contentType, List<String> problems) {

  private static final YAMLMapper MAPPER =
      YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final Pattern CONTENT_TYPE =
      Pattern.compile("^!content-type:([A-Za-z0-9_-]+)\\s*$");

  /** A YAML tag at the start of a value or of a document: "key: !tag", "- !tag", "!tag". */
  private static final Pattern TAG =
      Pattern.compile("^\\s*(?:-\\s+)?(?:[^#'\"]*?:\\s+)?(![A-Za-z][^\\s]*)");

  static YamlDefinition load(Path moduleRoot, Path file) throws IOException {
    Path relative = moduleRoot.relativize(file);
    String kind = relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
    String id =
        relative.getNameCount() > 1
            ? relative
                .subpath(1, relative.getNameCount())
                .toString()
                .replace('\\', '/')
                .replaceFirst("\\.ya?ml$", "")
            : relative.toString();
    List<String> problems = new ArrayList<>();
    String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\\R", -1);
    String contentType = null;
    boolean firstContent = true;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      Matcher directive = CONTENT_TYPE.matcher(trimmed);
      if (firstContent && directive.matches()) {
        contentType = directive.group(1);
        lines[i] = "";
      } else {
        Matcher tag = TAG.matcher(line);
        if (tag.find()) {
          problems.add(
              ProjectFiles.display(file)
                  + ":"
                  + (i + 1)
                  + ": YAML tag "
                  + tag.group(1)
                  + " is not in the contract (only a first-line !content-type:<name> in apps)");
        }
      }
      firstContent = false;
    }
    JsonNode root = MAPPER.readTree(String.join("\n", lines));
    return new YamlDefinition(file, kind, id, root, contentType, List.copyOf(problems));
  }
}
