package fr.irev.news.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * French texts shown to visitors (and editors) use a no-break space (U+00A0) before {@code : ; ! ?
 * »} and after {@code «}, as {@code fr.irev.news.format.FrenchTypography} does for the staff's
 * texts: a plain space there lets a line start with the punctuation. Scanned: every value of the
 * French message bundle, the text of the FTL templates (FreeMarker comments, tags and
 * interpolations left out: they are code), the HTML resources of the preview, and every string
 * literal of the Java sources that write pages, e-mails, feeds and calendars ({@code src/main},
 * {@code src/preview}), except the files of {@link #ALLOWED}.
 */
class FrenchSpacingTest {

  /** A plain space or tab before high punctuation, or after an opening guillemet. */
  static final Pattern PLAIN =
      Pattern.compile("[ \\t]+[:;!?»]|«[ \\t]+|[ \\t]+\\\\u00bb|\\\\u00ab[ \\t]+");

  /** Files whose texts may keep plain spaces, with the reason. */
  static final Map<String, String> ALLOWED =
      Map.of(
          "src/preview/java/fr/irev/news/preview/PreviewCommandLine.java",
          "the --help text of a terminal program, French and English in aligned columns: not a"
              + " page, an e-mail or a feed");

  @Test
  void frenchBundleUsesNoBreakSpaces() throws IOException {
    Properties fr = new Properties();
    try (Reader reader =
        Files.newBufferedReader(
            ProjectFiles.module().resolve("i18n/irev-news-messages_fr.properties"),
            StandardCharsets.UTF_8)) {
      fr.load(reader);
    }
    List<String> found = new ArrayList<>();
    for (String key : new TreeSet<>(fr.stringPropertyNames())) {
      found.addAll(plainSpaces(key, fr.getProperty(key)));
    }
    assertEquals(List.of(), found, "plain spaces in irev-news-messages_fr.properties");
  }

  @Test
  void templatesUseNoBreakSpaces() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path file : ProjectFiles.files(ProjectFiles.module().resolve("templates"), ".ftl")) {
      String text = ftlText(Files.readString(file, StandardCharsets.UTF_8));
      found.addAll(plainSpaces(ProjectFiles.display(file), text));
    }
    Path previewResources = ProjectFiles.root().resolve("src/preview/resources");
    for (Path file : ProjectFiles.files(previewResources, ".html")) {
      found.addAll(
          plainSpaces(ProjectFiles.display(file), Files.readString(file, StandardCharsets.UTF_8)));
    }
    assertEquals(List.of(), found, "plain spaces in the templates' text");
  }

  @Test
  void javaTextsUseNoBreakSpaces() throws IOException {
    List<String> found = new ArrayList<>();
    for (String source : List.of("src/main/java", "src/preview/java")) {
      for (Path file : ProjectFiles.files(ProjectFiles.root().resolve(source), ".java")) {
        String name = ProjectFiles.display(file);
        if (ALLOWED.containsKey(name)) {
          continue;
        }
        for (String literal : stringLiterals(Files.readString(file, StandardCharsets.UTF_8))) {
          found.addAll(plainSpaces(name, literal));
        }
      }
    }
    assertEquals(List.of(), found, "plain spaces in the Java sources' string literals");
  }

  /** The scanners find what they are written for, and leave code and correct texts alone. */
  @Test
  void scannersTellPlainFromNoBreakSpaces() {
    assertEquals(4, plainSpaces("t", "Cycle « Initier » ; vraiment ?").size());
    assertEquals(List.of("t: «Note : fin»"), plainSpaces("t", "Note : fin"));
    assertEquals(
        List.of(), plainSpaces("t", "Note\u00a0: «\u00a0Initier\u00a0»\u00a0; 10:50 https://x.fr"));
    assertEquals(
        "<p>Adresse : </p> ",
        ftlText(
            "[#-- a comment : --]<p>Adresse : [#if !x.empty]${x!'a : b'}[/#if]</p>"
                + " [@news.fn number=a ! b /]"));
    assertEquals(
        List.of("Avis : ", "a\\u00a0: b", "«\\u00a0x »"),
        stringLiterals(
            "// \"commentaire : \"\nclass A { /* \"x : y\" */ String a = \"Avis : \";"
                + " char c = '\"'; String b = \"a\\u00a0: b\" + \"«\\u00a0x »\"; }"));
    assertEquals(1, plainSpaces("t", "«\\u00a0x »").size());
    assertEquals(List.of(), plainSpaces("t", "a\\u00a0: b"));
  }

  /** One line per plain space found: where, then the text around it. */
  static List<String> plainSpaces(String where, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = PLAIN.matcher(text);
    while (m.find()) {
      int from = Math.max(0, m.start() - 12);
      int to = Math.min(text.length(), m.end() + 12);
      found.add(where + ": «" + text.substring(from, to) + "»");
    }
    return found;
  }

  /**
   * The text of a template as a reader of its HTML source sees it: FreeMarker comments, directives
   * ({@code [#…]}, {@code [/#…]}), macro calls ({@code [@…]}, {@code [/@…]}) and interpolations
   * ({@code ${…}}) removed (square-bracket syntax, as every template of the module).
   */
  static String ftlText(String ftl) {
    StringBuilder out = new StringBuilder(ftl.length());
    int i = 0;
    while (i < ftl.length()) {
      if (ftl.startsWith("[#--", i)) {
        int end = ftl.indexOf("--]", i + 4);
        i = end < 0 ? ftl.length() : end + 3;
      } else if (ftl.startsWith("[#", i)
          || ftl.startsWith("[/#", i)
          || ftl.startsWith("[@", i)
          || ftl.startsWith("[/@", i)) {
        i = skipExpression(ftl, i + 1, '[', ']');
      } else if (ftl.startsWith("${", i)) {
        i = skipExpression(ftl, i + 2, '{', '}');
      } else {
        out.append(ftl.charAt(i++));
      }
    }
    return out.toString();
  }

  /** The index after the {@code close} matching an already opened {@code open}, quotes skipped. */
  private static int skipExpression(String ftl, int from, char open, char close) {
    int depth = 1;
    int i = from;
    while (i < ftl.length() && depth > 0) {
      char c = ftl.charAt(i);
      if (c == '"' || c == '\'') {
        int end = ftl.indexOf(c, i + 1);
        i = end < 0 ? ftl.length() : end + 1;
        continue;
      }
      if (c == open) {
        depth++;
      } else if (c == close) {
        depth--;
      }
      i++;
    }
    return i;
  }

  /**
   * The string literals of a Java source, as written (escapes such as {@code \u00a0} kept), text
   * blocks included; comments and character literals skipped.
   */
  static List<String> stringLiterals(String java) {
    List<String> literals = new ArrayList<>();
    int i = 0;
    while (i < java.length()) {
      char c = java.charAt(i);
      if (java.startsWith("//", i)) {
        int end = java.indexOf('\n', i);
        i = end < 0 ? java.length() : end;
      } else if (java.startsWith("/*", i)) {
        int end = java.indexOf("*/", i + 2);
        i = end < 0 ? java.length() : end + 2;
      } else if (java.startsWith("\"\"\"", i)) {
        int end = java.indexOf("\"\"\"", i + 3);
        literals.add(java.substring(i + 3, end < 0 ? java.length() : end));
        i = end < 0 ? java.length() : end + 3;
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < java.length() && java.charAt(j) != c && java.charAt(j) != '\n') {
          j += java.charAt(j) == '\\' ? 2 : 1;
        }
        if (c == '"') {
          literals.add(java.substring(i + 1, Math.min(j, java.length())));
        }
        i = j + 1;
      } else {
        i++;
      }
    }
    return literals;
  }
}
