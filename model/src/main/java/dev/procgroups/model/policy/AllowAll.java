package dev.procgroups.model.policy;

import dev.procgroups.model.Action;

/** The default policy: every action on every resource is allowed. */
enum AllowAll implements Policy {
  INSTANCE;

  @Override
  public boolean permits(String pid, Action action, String resource) {
    return true;
  }
}
