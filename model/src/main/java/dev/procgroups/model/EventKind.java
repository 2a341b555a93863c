package dev.procgroups.model;

/** The two membership event kinds. */
public enum EventKind {
  JOINED("member.joined"),
  LEFT("member.left");

  private final String wireName;

  EventKind(String wireName) {
    this.wireName = wireName;
  }

  /** The {@code kind} field a Lua script sees. */
  public String wireName() {
    return wireName;
  }
}
