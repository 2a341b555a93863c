package dev.procgroups.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One conformance script and what its header asks of the runtime. The header is a run of
 * {@code -- key: value} comment lines at the top of the file:
 * <pre>
 * -- conformance: perm_02_join      (the id)
 * -- tags: spec                     (spec = what pg-api.txt states; settled = SEMANTICS.md)
 * -- nodes: 1                       (the smallest cluster it needs)
 * -- deny: pg.join secret           (a policy rule: deny this action on this resource; repeatable)
 * -- describe: ...                  (one line for reports)
 * </pre>
 *
 * @param path the script's path relative to the suite root, with '/' separators
 */
public record ConformanceScript(
    String id, String path, Set<String> tags, int nodes, List<Denial> denials, String description,
    String source) {

  /** A policy rule of the script: {@code action} is denied on {@code resource} ({@code *} = any). */
  public record Denial(String action, String resource) {}

  public static ConformanceScript parse(String path, String source) {
    String id = null;
    String description = "";
    Set<String> tags = Set.of();
    int nodes = 1;
    List<Denial> denials = new ArrayList<>();
    for (String line : source.split("\n", -1)) {
      if (!line.startsWith("-- ")) {
        break;
      }
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(3, colon).trim();
      String value = line.substring(colon + 1).trim();
      switch (key) {
        case "conformance" -> id = value;
        case "tags" -> tags = Set.of(value.split("[,\\s]+"));
        case "nodes" -> nodes = Integer.parseInt(value);
        case "deny" -> {
          String[] parts = value.split("\\s+");
          if (parts.length != 2) {
            throw new IllegalArgumentException(path + ": deny takes an action and a resource: " + line);
          }
          denials.add(new Denial(parts[0], parts[1]));
        }
        case "describe" -> description = value;
        default -> { }
      }
    }
    if (id == null) {
      throw new IllegalArgumentException(path + ": no '-- conformance: <id>' header");
    }
    return new ConformanceScript(id, path, tags, nodes, List.copyOf(denials), description, source);
  }
}
