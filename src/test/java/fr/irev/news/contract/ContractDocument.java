package fr.irev.news.contract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The machine-readable part of {@code docs/magnolia-contract.md}: fenced code blocks whose info
 * string starts with {@code contract:}. One entry per line, the first whitespace-separated token
 * being the entry and the rest of the line a comment; blank lines and lines starting with {@code #}
 * are ignored.
 */
final class ContractDocument {

  private static final String FENCE = "```";
  private static final String PREFIX = "contract:";

  private final Path source;
  private final Map<String, Set<String>> blocks;

  private ContractDocument(Path source, Map<String, Set<String>> blocks) {
    this.source = source;
    this.blocks = blocks;
  }

  static ContractDocument read(Path file) throws IOException {
    return parse(file, Files.readString(file, StandardCharsets.UTF_8));
  }

  static ContractDocument parse(Path source, String markdown) {
    Map<String, Set<String>> blocks = new LinkedHashMap<>();
    String current = null;
    for (String rawLine : markdown.split("\\R", -1)) {
      String line = rawLine.strip();
      if (current == null) {
        if (line.startsWith(FENCE + PREFIX)) {
          String info = line.substring(FENCE.length()).strip();
          current = info.split("\\s+")[0].substring(PREFIX.length());
          if (blocks.containsKey(current)) {
            throw new IllegalStateException(
                source + ": block contract:" + current + " appears twice");
          }
          blocks.put(current, new LinkedHashSet<>());
        }
      } else if (line.startsWith(FENCE)) {
        current = null;
      } else if (!line.isEmpty() && !line.startsWith("#")) {
        blocks.get(current).add(line.split("\\s+")[0]);
      }
    }
    if (current != null) {
      throw new IllegalStateException(source + ": block contract:" + current + " is not closed");
    }
    Map<String, Set<String>> frozen = new LinkedHashMap<>();
    blocks.forEach((k, v) -> frozen.put(k, Collections.unmodifiableSet(v)));
    return new ContractDocument(source, Collections.unmodifiableMap(frozen));
  }

  /** The entries of block {@code contract:<name>}; fails when the block is missing or empty. */
  Set<String> entries(String name) {
    Set<String> entries = blocks.get(name);
    if (entries == null || entries.isEmpty()) {
      throw new IllegalStateException(
          source + " has no (or an empty) ```contract:" + name + "``` block");
    }
    return entries;
  }

  /** Union of several blocks. */
  Set<String> union(String... names) {
    Set<String> all = new LinkedHashSet<>();
    for (String name : names) {
      all.addAll(entries(name));
    }
    return all;
  }

  List<String> blockNames() {
    return new ArrayList<>(blocks.keySet());
  }

  Path source() {
    return source;
  }
}
