package fr.irev.news.contract;

import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateObject;
import freemarker.template.Configuration;
import freemarker.template.Template;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks FreeMarker scripts against {@code contract:ftl-context}: every variable a script does not
 * define itself, every member of a Magnolia context object, every directive and every {@code
 * i18n['…']} lookup; {@code irevfn.*} calls are collected for a reflection check against the
 * functions class. Also: the {@code [#ftl output_format="HTML"]} header, {@code ?no_esc} only on
 * {@code bodyHtml}, {@code formHtml} and {@code jsonLd}, no template-evaluating built-ins, imports
 * inside the module and macros that exist in the imported library.
 */
final class FtlChecker {

  static final String HEADER = "[#ftl output_format=\"HTML\"]";
  static final String FUNCTIONS = "irevfn";

  /** Parameter roles through which a script defines a name. */
  private static final Set<String> DEFINING_ROLES =
      Set.of(
          "assignment target",
          "target loop variable",
          "parameter name",
          "catch-all parameter name",
          "namespace");

  /** Built-ins that evaluate text as a template or reach Java: never in our scripts. */
  private static final Set<String> FORBIDDEN_BUILTINS =
      Set.of("eval", "eval_json", "interpret", "new", "api");

  /** One use of {@code irevfn.member}: {@code arity} arguments, or -1 when not called. */
  record Use(String member, int arity, String where) {}

  /** What one script uses. */
  static final class Result {
    final List<String> violations = new ArrayList<>();

    /** i18n keys looked up, with where. */
    final Map<String, String> i18nKeys = new LinkedHashMap<>();

    final List<Use> functions = new ArrayList<>();

    /** Import namespace -> script path. */
    final Map<String, String> imports = new LinkedHashMap<>();
  }

  private final ContractDocument contract;
  private final Path lightModules;
  private final String moduleName;
  private final Configuration configuration;
  private final Map<Path, Set<String>> macrosByLibrary = new HashMap<>();

  /**
   * @param lightModules resource root: script paths "/irev-news/…" resolve against it
   * @param moduleName the module whose files the scripts may import
   */
  FtlChecker(ContractDocument contract, Path lightModules, String moduleName) {
    this.contract = contract;
    this.lightModules = lightModules;
    this.moduleName = moduleName;
    this.configuration = configuration();
  }

  /**
   * FreeMarker as Magnolia 6.4 configures it for parsing: 2.3.33 rules, tag syntax auto-detected.
   */
  static Configuration configuration() {
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_33);
    cfg.setTagSyntax(Configuration.AUTO_DETECT_TAG_SYNTAX);
    cfg.setDefaultEncoding(StandardCharsets.UTF_8.name());
    cfg.setLocale(Locale.FRANCE);
    return cfg;
  }

  /** Parses a script (throws on a syntax error). */
  Template parse(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return new Template(ProjectFiles.display(file), reader, configuration);
    }
  }

  Result check(Path file) throws IOException {
    Result result = new Result();
    String name = ProjectFiles.display(file);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (!text.startsWith(HEADER)) {
      result.violations.add(name + ":1:1: the script must start with " + HEADER);
    }
    Template template = parse(file);
    if (!(template.getOutputFormat() instanceof HTMLOutputFormat) || !template.getAutoEscaping()) {
      result.violations.add(name + ": output format must be HTML with auto-escaping");
    }
    List<FreemarkerAst.Ref> nodes = FreemarkerAst.nodes(template.getRootTreeNode());

    Set<String> defined = new LinkedHashSet<>();
    for (FreemarkerAst.Ref ref : nodes) {
      for (FreemarkerAst.Param p : FreemarkerAst.params(ref.node())) {
        if (p.value() instanceof String s && DEFINING_ROLES.contains(p.role())) {
          defined.add(s);
        }
      }
    }
    Set<String> context = contract.entries("ftl-context");

    for (FreemarkerAst.Ref ref : nodes) {
      TemplateObject node = ref.node();
      String where = FreemarkerAst.where(name, node);
      String kind = FreemarkerAst.kind(node);
      switch (kind) {
        case "Identifier" -> {
          String variable = node.getCanonicalForm();
          if (!defined.contains(variable) && !context.contains(variable)) {
            result.violations.add(
                where + ": top-level variable '" + variable + "' is not in contract:ftl-context");
          }
        }
        case "Dot" -> dot(ref, defined, context, where, result);
        case "DynamicKeyName" -> dynamicKey(node, defined, context, where, result);
        case "LibraryLoad", "Include" -> include(node, kind, where, result);
        default -> {
          if (FreemarkerAst.isBuiltIn(node)) {
            builtIn(node, where, result);
          }
        }
      }
    }
    // Macros called through an import namespace must exist in the imported library.
    for (FreemarkerAst.Ref ref : nodes) {
      if (FreemarkerAst.kind(ref.node()).equals("UnifiedCall")
          && FreemarkerAst.param(ref.node(), "callee") instanceof TemplateObject callee
          && FreemarkerAst.kind(callee).equals("Dot")
          && FreemarkerAst.param(callee, "left-hand operand") instanceof TemplateObject ns
          && result.imports.containsKey(ns.getCanonicalForm())) {
        String macro = String.valueOf(FreemarkerAst.param(callee, "right-hand operand"));
        String library = result.imports.get(ns.getCanonicalForm());
        Set<String> macros = macros(lightModules.resolve(library.substring(1)));
        if (!macros.contains(macro)) {
          result.violations.add(
              FreemarkerAst.where(name, ref.node())
                  + ": macro '"
                  + macro
                  + "' is not defined in "
                  + library);
        }
      }
    }
    return result;
  }

  private void dot(
      FreemarkerAst.Ref ref,
      Set<String> defined,
      Set<String> context,
      String where,
      Result result) {
    TemplateObject node = ref.node();
    Object left = FreemarkerAst.param(node, "left-hand operand");
    String member = String.valueOf(FreemarkerAst.param(node, "right-hand operand"));
    if (!(left instanceof TemplateObject target)
        || !FreemarkerAst.kind(target).equals("Identifier")) {
      return;
    }
    String variable = target.getCanonicalForm();
    if (defined.contains(variable)) {
      return;
    }
    if (variable.equals(FUNCTIONS)) {
      int arity = -1;
      if (ref.parent() != null
          && FreemarkerAst.kind(ref.parent()).equals("MethodCall")
          && ref.role().equals("callee")) {
        arity = (int) FreemarkerAst.count(ref.parent(), "argument value");
      }
      result.functions.add(new Use(member, arity, where));
      return;
    }
    if (!context.contains(variable + "." + member) && !context.contains(variable + ".*")) {
      result.violations.add(
          where + ": '" + variable + "." + member + "' is not in contract:ftl-context");
    }
  }

  private void dynamicKey(
      TemplateObject node, Set<String> defined, Set<String> context, String where, Result result) {
    Object left = FreemarkerAst.param(node, "left-hand operand");
    if (!(left instanceof TemplateObject target)
        || !FreemarkerAst.kind(target).equals("Identifier")
        || defined.contains(target.getCanonicalForm())) {
      return;
    }
    String variable = target.getCanonicalForm();
    String key = FreemarkerAst.literal(FreemarkerAst.param(node, "enclosed operand"));
    if (variable.equals("content") && key != null && key.startsWith("@")) {
      if (!context.contains("content['" + key + "']")) {
        result.violations.add(where + ": 'content['" + key + "']' is not in contract:ftl-context");
      }
      return;
    }
    if (variable.equals("content") && key != null && context.contains("content.*")) {
      return;
    }
    if (!context.contains(variable + "[]")) {
      result.violations.add(where + ": '" + variable + "[…]' is not in contract:ftl-context");
    } else if (key == null) {
      result.violations.add(where + ": " + variable + "[…] needs a string literal key");
    } else if (variable.equals("i18n")) {
      result.i18nKeys.put(key, where);
    }
  }

  private void include(TemplateObject node, String kind, String where, Result result) {
    String path = FreemarkerAst.literal(FreemarkerAst.param(node, "template name"));
    if (path == null
        || !path.startsWith("/" + moduleName + "/")
        || !Files.isRegularFile(lightModules.resolve(path.substring(1)))) {
      result.violations.add(
          where
              + ": "
              + kind
              + " of "
              + path
              + " – only existing files of /"
              + moduleName
              + "/… may be imported");
      return;
    }
    if (kind.equals("LibraryLoad")
        && FreemarkerAst.param(node, "namespace") instanceof String namespace) {
      result.imports.put(namespace, path);
    }
  }

  private void builtIn(TemplateObject node, String where, Result result) {
    String builtIn = String.valueOf(FreemarkerAst.param(node, "right-hand operand"));
    Object target = FreemarkerAst.param(node, "left-hand operand");
    String targetForm = target instanceof TemplateObject t ? t.getCanonicalForm() : "";
    // jsonLd (NewsItemView#getJsonLd) is JSON written by Jackson with '<', '>' and '&' as JSON
    // unicode escapes: printed inside <script type="application/ld+json">, nothing in it can close
    // the
    // element or open a comment, and HTML escaping would corrupt the JSON (&quot;).
    if (builtIn.equals("no_esc")
        && !targetForm.endsWith(".bodyHtml")
        && !targetForm.endsWith(".formHtml")
        && !targetForm.endsWith(".jsonLd")) {
      result.violations.add(
          where
              + ": ?no_esc on '"
              + targetForm
              + "' – only bodyHtml (sanitised by irevfn), formHtml (built element by element"
              + " by irevfn) and jsonLd (JSON with <, > and & escaped by irevfn) may be output"
              + " without escaping");
    }
    if (FORBIDDEN_BUILTINS.contains(builtIn)) {
      result.violations.add(where + ": ?" + builtIn + " is not allowed in our scripts");
    }
  }

  /** Names of the macros and functions a library defines. */
  Set<String> macros(Path library) {
    return macrosByLibrary.computeIfAbsent(
        library,
        file -> {
          Set<String> names = new LinkedHashSet<>();
          try {
            for (FreemarkerAst.Ref ref : FreemarkerAst.nodes(parse(file).getRootTreeNode())) {
              if (FreemarkerAst.kind(ref.node()).equals("Macro")
                  && FreemarkerAst.param(ref.node(), "assignment target") instanceof String macro) {
                names.add(macro);
              }
            }
          } catch (IOException e) {
            throw new IllegalStateException("cannot parse " + file, e);
          }
          return names;
        });
  }

  /**
   * Checks collected {@code irevfn} uses against the public methods of the functions class: calls
   * need a public method of that name taking that many arguments; other uses a getter.
   */
  static List<String> checkFunctions(List<Use> uses, Class<?> functions) {
    List<String> violations = new ArrayList<>();
    for (Use use : uses) {
      boolean found = false;
      for (Method m : functions.getMethods()) {
        if (m.getDeclaringClass() == Object.class || Modifier.isStatic(m.getModifiers())) {
          continue;
        }
        if (use.arity() >= 0) {
          found |=
              m.getName().equals(use.member())
                  && (m.getParameterCount() == use.arity()
                      || (m.isVarArgs() && use.arity() >= m.getParameterCount() - 1));
        } else {
          String cap =
              use.member().isEmpty()
                  ? ""
                  : Character.toUpperCase(use.member().charAt(0)) + use.member().substring(1);
          found |=
              m.getParameterCount() == 0
                  && (m.getName().equals("get" + cap) || m.getName().equals("is" + cap));
        }
      }
      if (!found) {
        violations.add(
            use.where()
                + ": "
                + FUNCTIONS
                + "."
                + use.member()
                + (use.arity() >= 0
                    ? "(" + use.arity() + " argument" + (use.arity() == 1 ? "" : "s") + ")"
                    : "")
                + " is not a public "
                + (use.arity() >= 0 ? "method" : "getter")
                + " of "
                + functions.getName());
      }
    }
    return violations;
  }
}
