package dev.procgroups.testing;

import dev.procgroups.process.MessageSink;
import dev.procgroups.process.Pid;
import java.util.ArrayList;
import java.util.List;

/** A message sink that records every delivery. */
public final class RecordingSink implements MessageSink {

  public record Delivery(Pid to, Pid from, String topic, Object payload) {}

  private final List<Delivery> deliveries = new ArrayList<>();

  @Override
  public synchronized boolean deliver(Pid to, Pid from, String topic, Object payload, long bytes) {
    deliveries.add(new Delivery(to, from, topic, payload));
    return true;
  }

  public synchronized List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }
}
