package dev.procgroups.props.node;

import dev.procgroups.model.policy.Policy;
import dev.procgroups.security.Glob;
import dev.procgroups.security.Rule;
import dev.procgroups.security.RulePolicy;
import dev.procgroups.security.SecurityPolicy;
import java.util.List;

/**
 * The same policy for the model and the implementation, written once as (effect, action glob,
 * resource glob) lines; {@code null} rules mean allow-all.
 */
enum PolicyPreset {
  ALLOW_ALL(null),
  SOME_DENIALS(
      List.of(
          new String[] {"allow", "*", "*"},
          new String[] {"deny", "pg.join", "c"},
          new String[] {"deny", "pg.monitor", "b"},
          new String[] {"deny", "pg.get_*", "a"},
          new String[] {"deny", "pg.broadcast*", "b"},
          new String[] {"deny", "pg.events", "app:other"})),
  FEW_ALLOWED(
      List.of(
          new String[] {"allow", "pg.open", "app:*"},
          new String[] {"allow", "pg.join", "?"},
          new String[] {"allow", "pg.leave", "a"},
          new String[] {"allow", "pg.which_*", "*"},
          new String[] {"allow", "pg.get_members", "*"},
          new String[] {"allow", "pg.monitor", "*"},
          new String[] {"deny", "pg.open", "app:other"}));

  private final List<String[]> rules;

  PolicyPreset(List<String[]> rules) {
    this.rules = rules;
  }

  Policy model() {
    if (rules == null) {
      return Policy.allowAll();
    }
    return new dev.procgroups.model.policy.RulePolicy(
        rules.stream()
            .map(
                r ->
                    r[0].equals("allow")
                        ? dev.procgroups.model.policy.Rule.allow(r[1], r[2])
                        : dev.procgroups.model.policy.Rule.deny(r[1], r[2]))
            .toList());
  }

  SecurityPolicy impl() {
    if (rules == null) {
      return SecurityPolicy.allowAll();
    }
    return new RulePolicy(
        rules.stream()
            .map(
                r ->
                    new Rule(
                        r[0].equals("allow") ? Rule.Effect.ALLOW : Rule.Effect.DENY,
                        Glob.of("*"),
                        Glob.of(r[1]),
                        Glob.of(r[2])))
            .toList(),
        Rule.Effect.DENY);
  }
}
