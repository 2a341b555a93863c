package dev.procgroups.security;

import dev.procgroups.process.Pid;
import java.util.List;
import java.util.Objects;

/**
 * Allow/deny rules matched by globs on the process PID, the action and the resource. Any matching
 * deny wins; otherwise a matching allow allows; a request no rule matches gets the default effect.
 */
public final class RulePolicy implements SecurityPolicy {

  private final List<Rule> rules;
  private final Rule.Effect defaultEffect;

  public RulePolicy(List<Rule> rules, Rule.Effect defaultEffect) {
    this.rules = List.copyOf(rules);
    this.defaultEffect = Objects.requireNonNull(defaultEffect, "defaultEffect");
  }

  @Override
  public boolean allows(Pid process, String action, String resource) {
    boolean allowed = false;
    for (Rule rule : rules) {
      if (rule.matches(process, action, resource)) {
        if (rule.effect() == Rule.Effect.DENY) {
          return false;
        }
        allowed = true;
      }
    }
    return allowed || defaultEffect == Rule.Effect.ALLOW;
  }

  public List<Rule> rules() {
    return rules;
  }

  public Rule.Effect defaultEffect() {
    return defaultEffect;
  }
}
