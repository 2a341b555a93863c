package dev.procgroups.replication;

/** An inbound message that fails validation; it is rejected before it touches any state. */
public final class MalformedMessageException extends Exception {
  public MalformedMessageException(String reason) {
    super(reason);
  }
}
