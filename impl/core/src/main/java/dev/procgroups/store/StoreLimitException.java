package dev.procgroups.store;

/** A local join would pass {@code max_groups} or {@code max_members_per_group}; nothing changed. */
public final class StoreLimitException extends Exception {
  public StoreLimitException(String message) {
    super(message);
  }
}
