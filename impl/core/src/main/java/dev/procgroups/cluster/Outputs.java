package dev.procgroups.cluster;

import dev.procgroups.process.MessageSink;
import dev.procgroups.process.Pid;
import dev.procgroups.replication.Output;
import dev.procgroups.replication.ProtocolCodec;
import dev.procgroups.replication.WireMessage;
import dev.procgroups.store.StoreChange;
import dev.procgroups.transport.Transport;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries out a core step's outputs. Sends happen while the core's lock is held (so messages leave
 * in the order the core made them); store writes and deliveries happen after it is released, on the
 * node's inbound thread (so the store's writer, which calls the core under its own lock, can never
 * deadlock with us).
 */
final class Outputs {
  private Outputs() {}

  static void send(Transport transport, List<Output> outputs) {
    Map<WireMessage, byte[]> encoded = new IdentityHashMap<>(); // one encoding per fan-out
    for (Output o : outputs) {
      if (o instanceof Output.Send s) {
        transport.send(s.to(), encoded.computeIfAbsent(s.message(), ProtocolCodec::encode));
      }
    }
  }

  /** Applies a step's peer changes in order, as one store write (a whole Deltas batch at once). */
  static void apply(List<Output> outputs, ReplicatedStore store) {
    List<StoreChange> changes = new ArrayList<>();
    for (Output o : outputs) {
      if (o instanceof Output.Apply a) {
        changes.add(a.change());
      }
    }
    if (!changes.isEmpty()) {
      store.applyAll(changes);
    }
  }

  /**
   * Delivers the outputs of one received delivery, whose payload the codec measured as {@code
   * payloadBytes} (its {@code EncodedSize}, charged to each mailbox).
   */
  static void deliver(List<Output> outputs, MessageSink sink, long payloadBytes) {
    for (Output o : outputs) {
      if (o instanceof Output.Deliver d) {
        for (Pid target : d.targets()) {
          sink.deliver(target, d.sender(), d.topic(), d.payload(), payloadBytes);
        }
      }
    }
  }
}
