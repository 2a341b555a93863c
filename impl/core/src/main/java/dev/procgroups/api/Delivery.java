package dev.procgroups.api;

import dev.procgroups.process.Pid;

/** A message as a {@link Member}'s listener receives it. */
public record Delivery(Pid from, String topic, Payload payload) {

  /** The payload read by {@code codec}. */
  public <T> T payload(PayloadCodec<T> codec) {
    return codec.decode(payload);
  }
}
