package dev.procgroups.replication;

import java.util.Objects;

/** A protocol message addressed to one scope: what travels as one {@code byte[]}. */
public record WireMessage(String scope, ProtocolMessage message) {
  public WireMessage {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(message, "message");
  }
}
