package dev.procgroups.model.policy;

import dev.procgroups.model.Action;

/**
 * A pure security policy: does process {@code pid} get {@code action} on {@code resource} (a scope
 * id or a group name, see {@link Action#checkedOnScope()})? Implementations must be deterministic
 * and immutable; the model stores them in its states.
 */
@FunctionalInterface
public interface Policy {

  boolean permits(String pid, Action action, String resource);

  /** The default policy (SEMANTICS.md, "Permissions"): allow everything. */
  static Policy allowAll() {
    return AllowAll.INSTANCE;
  }
}
