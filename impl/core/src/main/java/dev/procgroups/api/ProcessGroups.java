package dev.procgroups.api;

import static dev.procgroups.api.GroupsException.unchecked;

import dev.procgroups.node.Node;
import dev.procgroups.pg.PgInstance;
import dev.procgroups.process.Message;
import dev.procgroups.process.Pid;
import dev.procgroups.process.ProcessContext;
import dev.procgroups.process.Received;
import dev.procgroups.process.RunningProcess;
import dev.procgroups.store.EventsSnapshot;
import dev.procgroups.store.GroupEvent;
import dev.procgroups.store.MonitorSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Process groups of one scope on one node, for Java code. Reads and broadcasts go through one
 * process of the node that this object owns (broadcasts come from its PID); members are processes
 * of their own ({@link #register}). Thread-safe; close it (or the node) when done.
 *
 * <pre>{@code
 * ProcessGroups groups = ProcessGroups.open(node, "app:pg");
 * Member worker = groups.register(d -> System.out.println(d.payload()));
 * worker.join(GroupName.of("workers"));
 * groups.broadcast(GroupName.of("workers"), "task", Payload.of(42));
 * }</pre>
 */
public final class ProcessGroups implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessGroups.class);

  private final Node node;
  private final String scope;
  private final RunningProcess owner;
  private final PgInstance reader;

  private ProcessGroups(Node node, String scope) {
    this.node = node;
    this.scope = scope;
    this.owner = node.processes().spawn(ProcessGroups::idle);
    this.reader = open(owner);
  }

  /**
   * Opens scope {@code scope} (a {@code pg.scope} entry of the node's config) on {@code node}.
   *
   * @throws GroupsException NOT_FOUND if the node has no such scope, PERMISSION_DENIED if the
   *     node's policy refuses {@code pg.open}
   */
  public static ProcessGroups open(Node node, String scope) {
    return new ProcessGroups(
        Objects.requireNonNull(node, "node"), Objects.requireNonNull(scope, "scope"));
  }

  /**
   * Registers a member whose messages go to {@code listener}, called on the member's own thread; a
   * listener that throws is logged with the member's PID and the member goes on.
   */
  public Member register(Consumer<Delivery> listener) {
    Objects.requireNonNull(listener, "listener");
    RunningProcess process = node.processes().spawn(ctx -> deliver(ctx, listener));
    return new Member(process, open(process), () -> node.cluster().visibleOnPeers(scope));
  }

  /** The members of {@code group} on every node, as this node knows them (lock-free). */
  public List<Pid> members(GroupName group) {
    return unchecked(() -> reader.getMembers(group.value()));
  }

  /** The members of {@code group} on this node. */
  public List<Pid> localMembers(GroupName group) {
    return unchecked(() -> reader.getLocalMembers(group.value()));
  }

  /** Sends {@code payload} under {@code topic} to every member of {@code group}, on every node. */
  public void broadcast(GroupName group, String topic, Payload payload) {
    unchecked(
        () -> {
          reader.broadcast(group.value(), topic, payload.value());
          return null;
        });
  }

  /** {@link #broadcast(GroupName, String, Payload)} of {@code value} encoded by {@code codec}. */
  public <T> void broadcast(GroupName group, String topic, T value, PayloadCodec<T> codec) {
    broadcast(group, topic, codec.encode(value));
  }

  /** Monitors one group: its members now and, to {@code listener}, every later change. */
  public GroupMonitor monitor(GroupName group, Consumer<GroupEvent> listener) {
    MonitorSnapshot snapshot = unchecked(() -> reader.monitor(group.value()));
    return new GroupMonitor(
        snapshot.subscription(),
        Map.of(group.value(), snapshot.members()),
        listener,
        "monitor-" + group.value());
  }

  /** Monitors every group of the scope: all members now and every later change. */
  public GroupMonitor events(Consumer<GroupEvent> listener) {
    EventsSnapshot snapshot = unchecked(reader::events);
    return new GroupMonitor(
        snapshot.subscription(), snapshot.groups(), listener, "events-" + scope);
  }

  /** Ends the owning process (its monitors stop); members registered here stay until closed. */
  @Override
  public void close() {
    owner.kill();
  }

  private PgInstance open(RunningProcess process) {
    return unchecked(() -> node.pg().open(process, scope));
  }

  private static void idle(ProcessContext ctx) {
    try {
      while (ctx.inbox().receive().ok()) {
        // the owner only reads and broadcasts: what is sent to it is dropped
      }
    } catch (InterruptedException e) {
      // closed
    }
  }

  private static void deliver(ProcessContext ctx, Consumer<Delivery> listener) {
    try {
      while (true) {
        Received<Message> received = ctx.inbox().receive();
        if (!received.ok()) {
          return;
        }
        Message m = received.value();
        try {
          listener.accept(new Delivery(m.from(), m.topic(), Payload.received(m.payload())));
        } catch (RuntimeException e) {
          LOG.warn("listener of member {} failed on topic {}", ctx.pid(), m.topic(), e);
        }
      }
    } catch (InterruptedException e) {
      // Member.close()
    }
  }
}
