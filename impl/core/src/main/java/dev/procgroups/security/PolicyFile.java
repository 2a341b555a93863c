package dev.procgroups.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a {@link RulePolicy} from JSON:
 *
 * <pre>
 * {
 *   "default": "deny",                       // optional, "allow" or "deny"; default "deny"
 *   "rules": [
 *     {"effect": "allow", "action": "pg.*", "resource": "*"},
 *     {"effect": "deny", "action": "pg.join", "resource": "admin.*", "process": "{n1&#64;*"}
 *   ]
 * }
 * </pre>
 *
 * {@code action}, {@code resource} and {@code process} (matched against the PID string) are globs
 * and default to {@code *}. Unknown keys are errors, so a typo never silently widens a policy.
 */
public final class PolicyFile {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> TOP_KEYS = Set.of("default", "rules");
  private static final Set<String> RULE_KEYS = Set.of("effect", "action", "resource", "process");

  private PolicyFile() {}

  public static RulePolicy load(Path file) throws IOException, PolicyException {
    return parse(Files.readString(file));
  }

  public static RulePolicy parse(String json) throws PolicyException {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new PolicyException("policy is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new PolicyException("policy must be a JSON object");
    }
    checkKeys(root, TOP_KEYS, "policy");
    Rule.Effect defaultEffect =
        root.has("default") ? effect(root.get("default"), "default") : Rule.Effect.DENY;
    JsonNode rulesNode = root.path("rules");
    if (!rulesNode.isMissingNode() && !rulesNode.isArray()) {
      throw new PolicyException("rules must be a JSON array");
    }
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < rulesNode.size(); i++) {
      rules.add(rule(rulesNode.get(i), "rules[" + (i + 1) + "]"));
    }
    return new RulePolicy(rules, defaultEffect);
  }

  private static Rule rule(JsonNode node, String where) throws PolicyException {
    if (!node.isObject()) {
      throw new PolicyException(where + " must be a JSON object");
    }
    checkKeys(node, RULE_KEYS, where);
    if (!node.has("effect")) {
      throw new PolicyException(where + " needs an effect");
    }
    return new Rule(
        effect(node.get("effect"), where + ".effect"),
        glob(node, "process", where),
        glob(node, "action", where),
        glob(node, "resource", where));
  }

  private static Glob glob(JsonNode rule, String key, String where) throws PolicyException {
    JsonNode value = rule.get(key);
    if (value == null) {
      return Glob.of("*");
    }
    if (!value.isTextual()) {
      throw new PolicyException(where + "." + key + " must be a string");
    }
    return Glob.of(value.asText());
  }

  private static Rule.Effect effect(JsonNode value, String where) throws PolicyException {
    String text = value.isTextual() ? value.asText().toLowerCase(Locale.ROOT) : "";
    return switch (text) {
      case "allow" -> Rule.Effect.ALLOW;
      case "deny" -> Rule.Effect.DENY;
      default -> throw new PolicyException(where + " must be \"allow\" or \"deny\", got " + value);
    };
  }

  private static void checkKeys(JsonNode node, Set<String> allowed, String where)
      throws PolicyException {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new PolicyException(
            "unknown key '" + name + "' in " + where + "; allowed: " + allowed);
      }
    }
  }
}
