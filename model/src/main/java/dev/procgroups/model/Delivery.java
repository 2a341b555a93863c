package dev.procgroups.model;

import java.util.Objects;

/**
 * One broadcast message to one member slot: the member {@code to} receives {@code payload} under
 * {@code topic} with {@code from} (the broadcasting process) as sender. The payload is packed as
 * the receiver sees it: zero values arrive as {@code null}, one as that value, several as a list.
 */
public record Delivery(String to, String from, String topic, Object payload) {

  public Delivery {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(topic, "topic");
  }
}
