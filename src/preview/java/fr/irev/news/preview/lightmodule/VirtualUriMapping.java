package fr.irev.news.preview.lightmodule;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code RegexpVirtualUriMapping} from {@code <module>/virtualUriMappings/*.yaml}: when the whole
 * request path matches {@code fromUri}, the request goes to {@code toUri} with {@code $1}… replaced
 * by the groups. {@code toUri} starts with {@code forward:}, {@code redirect:} (302) or {@code
 * permanent:} (301); without prefix it forwards.
 *
 * @param name file name without extension
 * @param fromUri the regular expression, matched against the whole path (context path excluded)
 * @param toUri the target with its prefix, e.g. {@code forward:/actualites/detail?item=$1}
 */
public record VirtualUriMapping(String name, Pattern fromUri, String toUri) {

  /** The class name Magnolia uses for such a mapping. */
  public static final String REGEXP_CLASS =
      "info.magnolia.virtualuri.mapping.RegexpVirtualUriMapping";

  /** What to do with a matching request. */
  public enum Kind {
    /** Server-side forward to the target. */
    FORWARD,
    /** 302 redirect. */
    REDIRECT,
    /** 301 redirect. */
    PERMANENT
  }

  /**
   * The outcome of a match.
   *
   * @param kind forward or redirect
   * @param target path and query, groups substituted, e.g. {@code /actualites/detail?item=x}
   */
  public record Target(Kind kind, String target) {}

  /**
   * @param path request path without context path and query, as received (still percent-encoded),
   *     e.g. {@code /actualites/journee}
   * @return the target, or empty when the path does not match
   */
  public Optional<Target> apply(String path) {
    Matcher matcher = fromUri.matcher(path);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    Kind kind = Kind.FORWARD;
    String to = toUri;
    if (to.startsWith("forward:")) {
      to = to.substring("forward:".length());
    } else if (to.startsWith("redirect:")) {
      kind = Kind.REDIRECT;
      to = to.substring("redirect:".length());
    } else if (to.startsWith("permanent:")) {
      kind = Kind.PERMANENT;
      to = to.substring("permanent:".length());
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < to.length(); i++) {
      char c = to.charAt(i);
      if (c == '$' && i + 1 < to.length() && Character.isDigit(to.charAt(i + 1))) {
        int group = to.charAt(++i) - '0';
        String value = group <= matcher.groupCount() ? matcher.group(group) : null;
        out.append(value == null ? "" : value);
      } else {
        out.append(c);
      }
    }
    return Optional.of(new Target(kind, out.toString()));
  }
}
