package dev.procgroups.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.pg.PgInstance;
import dev.procgroups.process.Channel;
import dev.procgroups.process.Message;
import dev.procgroups.process.Pid;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** What the tests of real nodes do with them: members in scope app:pg, waiting for a view. */
final class NodeFixtures {

  private NodeFixtures() {}

  /** A process on {@code node} that joins {@code group} and forwards what it receives on "task". */
  static Pid spawnMember(Node node, String group, BlockingQueue<Message> received)
      throws InterruptedException {
    BlockingQueue<Pid> ready = new ArrayBlockingQueue<>(1);
    node.processes()
        .spawn(
            ctx -> {
              Channel<Message> task = ctx.listen("task");
              PgInstance g = node.pg().open(ctx.handle(), "app:pg");
              g.join(group);
              ready.put(ctx.pid());
              while (true) {
                var got = task.receive();
                if (!got.ok()) {
                  return;
                }
                received.offer(got.value());
              }
            });
    Pid pid = ready.poll(10, TimeUnit.SECONDS);
    assertThat(pid).as("the member started").isNotNull();
    return pid;
  }

  static List<Pid> members(Node node, String group) {
    return node.pg().store("app:pg").orElseThrow().members(group);
  }

  static void await(Supplier<Boolean> condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.get()) {
      assertThat(System.nanoTime()).as(what).isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
