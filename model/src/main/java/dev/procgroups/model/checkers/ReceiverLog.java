package dev.procgroups.model.checkers;

import java.util.List;
import java.util.Objects;

/**
 * Everything one process received, in arrival order, as read from its node.
 *
 * @param readOp history index of the read
 * @param readTime when the read returned (ns since the start of the run)
 */
public record ReceiverLog(String pid, long readOp, long readTime, List<Delivery> received) {
  public ReceiverLog {
    Objects.requireNonNull(pid, "pid");
    received = List.copyOf(received);
  }

  /** One message as the receiver saw it: who sent it (the sender field) and its number. */
  public record Delivery(String sender, long message) {
    public Delivery {
      Objects.requireNonNull(sender, "sender");
    }
  }
}
