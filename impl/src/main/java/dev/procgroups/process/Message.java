package dev.procgroups.process;

import java.util.Objects;

/**
 * A message as a process receives it: the sender, the topic, and the payload packed and copied by
 * {@link Payloads} (null for zero values, the value for one, an unmodifiable list for several).
 */
public record Message(Pid from, String topic, Object payload) {
  public Message {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(topic, "topic");
  }
}
