package dev.procgroups.security;

import dev.procgroups.process.Pid;
import java.util.Objects;

/** One line of a {@link RulePolicy}: an effect for the requests whose three parts match. */
public record Rule(Effect effect, Glob process, Glob action, Glob resource) {

  public enum Effect {
    ALLOW,
    DENY
  }

  public Rule {
    Objects.requireNonNull(effect, "effect");
    Objects.requireNonNull(process, "process");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(resource, "resource");
  }

  public static Rule allow(String action, String resource) {
    return new Rule(Effect.ALLOW, Glob.of("*"), Glob.of(action), Glob.of(resource));
  }

  public static Rule deny(String action, String resource) {
    return new Rule(Effect.DENY, Glob.of("*"), Glob.of(action), Glob.of(resource));
  }

  public boolean matches(Pid pid, String actionName, String resourceName) {
    return action.matches(actionName)
        && resource.matches(resourceName)
        && process.matches(pid.toString());
  }
}
