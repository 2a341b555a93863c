package dev.procgroups.conformance;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One conformance case (a script) and what its header asks of the runtime. The header is a run of
 * {@code -- key: value} comment lines at the top of the file (CONTRACT.md, "Cases"):
 *
 * <pre>
 * -- conformance: perm_02_join      (the id)
 * -- tags: spec                     (spec = pg-api.txt; settled = SEMANTICS.md; project = ours)
 * -- nodes: 1                       (the smallest cluster it needs)
 * -- needs: core policy             (the capabilities it uses)
 * -- deny: pg.join secret           (a policy rule: deny this action on this resource; repeatable)
 * -- covers: perm:pg.join           (rows of pg-api.txt it checks, for COVERAGE.md)
 * -- describe: ...                  (one line for reports)
 * </pre>
 *
 * @param path the script's path relative to the suite root, with '/' separators
 */
public record ConformanceScript(
    String id,
    String path,
    Set<String> tags,
    int nodes,
    Set<Capability> needs,
    List<Denial> denials,
    List<String> covers,
    String description,
    String source) {

  /**
   * A policy rule of the script: {@code action} is denied on {@code resource} ({@code *} = any).
   */
  public record Denial(String action, String resource) {}

  public static ConformanceScript parse(String path, String source) {
    String id = null;
    String description = "";
    Set<String> tags = Set.of();
    int nodes = 1;
    Set<Capability> needs = EnumSet.of(Capability.CORE);
    List<Denial> denials = new ArrayList<>();
    List<String> covers = new ArrayList<>();
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
        case "tags" -> tags = Set.of(words(value));
        case "nodes" -> nodes = Integer.parseInt(value);
        case "needs" -> {
          for (String word : words(value)) {
            needs.add(
                Capability.of(word)
                    .orElseThrow(
                        () ->
                            new IllegalArgumentException(
                                path + ": unknown capability '" + word + "' in: " + line)));
          }
        }
        case "deny" -> {
          String[] parts = words(value);
          if (parts.length != 2) {
            throw new IllegalArgumentException(
                path + ": deny takes an action and a resource: " + line);
          }
          denials.add(new Denial(parts[0], parts[1]));
        }
        case "covers" -> covers.addAll(List.of(words(value)));
        case "describe" -> description = value;
        default -> {}
      }
    }
    if (id == null) {
      throw new IllegalArgumentException(path + ": no '-- conformance: <id>' header");
    }
    return new ConformanceScript(
        id,
        path,
        tags,
        nodes,
        Set.copyOf(needs),
        List.copyOf(denials),
        List.copyOf(covers),
        description,
        source);
  }

  /** The same script with other policy rules and cluster size (the adapter's side). */
  ConformanceScript with(int clusterSize, List<Denial> rules) {
    return new ConformanceScript(
        id, path, tags, clusterSize, needs, List.copyOf(rules), covers, description, source);
  }

  private static String[] words(String value) {
    return value.split("[,\\s]+");
  }
}
