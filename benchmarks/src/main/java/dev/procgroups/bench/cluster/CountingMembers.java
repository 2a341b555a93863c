package dev.procgroups.bench.cluster;

import dev.procgroups.node.Node;
import dev.procgroups.pg.PgException;
import dev.procgroups.process.Channel;
import dev.procgroups.process.Message;
import java.util.concurrent.atomic.LongAdder;

/** Processes of one node that join a group and count the messages they receive on a topic. */
final class CountingMembers {
  private final Node node;
  private final LongAdder received = new LongAdder();

  CountingMembers(Node node) {
    this.node = node;
  }

  /** Spawns {@code count} members of {@code group}; each has joined when this returns. */
  void spawn(int count, String group, String topic) throws PgException {
    for (int i = 0; i < count; i++) {
      node.pg()
          .open(
              node.processes()
                  .spawn(
                      ctx -> {
                        Channel<Message> channel = ctx.listen(topic);
                        while (channel.receive().ok()) {
                          received.increment();
                        }
                      }),
              WorkerProtocol.SCOPE)
          .join(group);
    }
  }

  /** Messages received by all of them so far. */
  long received() {
    return received.sum();
  }
}
