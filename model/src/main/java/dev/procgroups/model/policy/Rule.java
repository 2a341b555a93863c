package dev.procgroups.model.policy;

import dev.procgroups.model.Action;
import java.util.Objects;

/**
 * One policy rule: {@code effect} applies to every action whose permission name (e.g. {@code
 * pg.join}) matches {@code actionGlob} on every resource matching {@code resourceGlob}. Globs:
 * {@code *} is any run of characters, {@code ?} one character, everything else literal.
 */
public record Rule(Effect effect, String actionGlob, String resourceGlob) {

  public Rule {
    Objects.requireNonNull(effect, "effect");
    Objects.requireNonNull(actionGlob, "actionGlob");
    Objects.requireNonNull(resourceGlob, "resourceGlob");
  }

  public static Rule allow(String actionGlob, String resourceGlob) {
    return new Rule(Effect.ALLOW, actionGlob, resourceGlob);
  }

  public static Rule deny(String actionGlob, String resourceGlob) {
    return new Rule(Effect.DENY, actionGlob, resourceGlob);
  }

  public boolean matches(Action action, String resource) {
    return Glob.matches(actionGlob, action.permission()) && Glob.matches(resourceGlob, resource);
  }
}
