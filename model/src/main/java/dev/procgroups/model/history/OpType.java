package dev.procgroups.model.history;

/** Jepsen's operation types. */
public enum OpType {
  /** The client started the call. */
  INVOKE,
  /** The call completed and took effect. */
  OK,
  /**
   * The call completed and definitely did not change the state (its error is still an observation).
   */
  FAIL,
  /**
   * The outcome is unknown (crash, timeout): it may take effect at any time after invocation, or
   * never.
   */
  INFO;

  private final Keyword keyword = Keyword.of(name().toLowerCase(java.util.Locale.ROOT));

  public Keyword keyword() {
    return keyword;
  }

  public boolean isCompletion() {
    return this != INVOKE;
  }

  public static OpType of(Keyword keyword) {
    for (OpType type : values()) {
      if (type.keyword.equals(keyword)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown operation type " + keyword);
  }
}
