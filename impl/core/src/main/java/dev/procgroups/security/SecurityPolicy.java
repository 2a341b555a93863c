package dev.procgroups.security;

import dev.procgroups.process.Pid;

/** Decides whether a process may perform an action (e.g. {@code pg.join}) on a resource. */
@FunctionalInterface
public interface SecurityPolicy {

  boolean allows(Pid process, String action, String resource);

  /** The default: everything is allowed. */
  static SecurityPolicy allowAll() {
    return (process, action, resource) -> true;
  }
}
