package dev.procgroups.model.policy;

import dev.procgroups.model.Action;
import java.util.List;

/**
 * A rule-based policy: any matching DENY rule denies; otherwise any matching ALLOW rule allows;
 * otherwise the request is denied (nothing is allowed unless a rule says so). The same rules apply
 * to every process.
 */
public record RulePolicy(List<Rule> rules) implements Policy {

  public RulePolicy {
    rules = List.copyOf(rules);
  }

  public static RulePolicy of(Rule... rules) {
    return new RulePolicy(List.of(rules));
  }

  @Override
  public boolean permits(String pid, Action action, String resource) {
    boolean allowed = false;
    for (Rule rule : rules) {
      if (rule.matches(action, resource)) {
        if (rule.effect() == Effect.DENY) {
          return false;
        }
        allowed = true;
      }
    }
    return allowed;
  }
}
