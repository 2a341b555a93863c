package dev.procgroups.store;

/** The scope was stopped: its store takes no further calls (UNAVAILABLE in the pg API). */
public final class ScopeStoppedException extends Exception {
  public ScopeStoppedException() {
    super("scope is stopped", null, false, false);
  }
}
