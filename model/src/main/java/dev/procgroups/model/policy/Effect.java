package dev.procgroups.model.policy;

/** What a matching rule decides. */
public enum Effect {
  ALLOW,
  DENY
}
