package dev.procgroups.jepsen.harness;

import static dev.procgroups.model.history.Values.map;

import dev.procgroups.daemon.control.Monitor;
import dev.procgroups.daemon.control.MonitorRead;
import dev.procgroups.daemon.control.Received;
import dev.procgroups.jepsen.control.ControlClient;
import dev.procgroups.model.checkers.PgOps;
import dev.procgroups.model.history.Keyword;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Jepsen client process talking to one node: every pg call through the control endpoint,
 * recorded in the history with the shapes of {@link PgOps}.
 */
public final class PgClient {

  /** The topic of the workloads' broadcasts; the payload is {@code {"message": n}}. */
  public static final String TOPIC = "jepsen";

  private final int process;
  private final String node;
  private final ControlClient control;
  private final Recorder recorder;

  public PgClient(int process, String node, ControlClient control, Recorder recorder) {
    this.process = process;
    this.node = node;
    this.control = control;
    this.recorder = recorder;
  }

  public int process() {
    return process;
  }

  public String node() {
    return node;
  }

  /** A new process on the node; its PID, or null if the call failed. */
  public String spawn() {
    Recorder.Completed c =
        recorder.call(process, PgOps.SPAWN, map("node", node), () -> map("pid", control.spawn()));
    return c.ok() ? (String) c.value().get(PgOps.PID) : null;
  }

  public Recorder.Completed join(String pid, String group) {
    return recorder.call(
        process,
        PgOps.JOIN,
        args(pid, group),
        () -> {
          control.join(pid, List.of(group));
          return Map.of();
        });
  }

  public Recorder.Completed leave(String pid, String group) {
    return recorder.call(
        process,
        PgOps.LEAVE,
        args(pid, group),
        () -> {
          control.leave(pid, List.of(group));
          return Map.of();
        });
  }

  public Recorder.Completed getMembers(String pid, String group) {
    return recorder.call(
        process,
        PgOps.GET_MEMBERS,
        args(pid, group),
        () -> map("members", control.getMembers(pid, group)));
  }

  public Recorder.Completed getLocalMembers(String pid, String group) {
    return recorder.call(
        process,
        PgOps.GET_LOCAL_MEMBERS,
        args(pid, group),
        () -> map("members", control.getLocalMembers(pid, group)));
  }

  public Recorder.Completed broadcast(String pid, String group, long message) {
    Map<Keyword, Object> args = map("node", node, "pid", pid, "group", group, "message", message);
    return recorder.call(
        process,
        PgOps.BROADCAST,
        args,
        () -> {
          control.broadcast(pid, group, TOPIC, Map.of("message", message));
          return Map.of();
        });
  }

  /**
   * Everything {@code pid} received under the workloads' topic, as {@code [{:from p :message n}]}.
   */
  public Recorder.Completed received(String pid) {
    return recorder.call(
        process,
        PgOps.RECEIVED,
        map("node", node, "pid", pid),
        () -> {
          List<Object> messages = new ArrayList<>();
          for (Received r : control.received(pid)) {
            if (TOPIC.equals(r.topic())
                && r.payload() instanceof Map<?, ?> p
                && p.get("message") instanceof Number n) {
              messages.add(map("from", r.from(), "message", n.longValue()));
            }
          }
          return map("messages", messages);
        });
  }

  /** Opens a subscription; its id, or null if the call failed. */
  public String monitor(String pid, String group) {
    Recorder.Completed c =
        recorder.call(
            process,
            PgOps.MONITOR,
            args(pid, group),
            () -> {
              Monitor m = control.monitor(pid, group);
              return map("subscription", m.subscription(), "members", m.members());
            });
    return c.ok() ? (String) c.value().get(PgOps.SUBSCRIPTION) : null;
  }

  /** Drains a subscription; {@code last} marks the read after the final quiet period. */
  public Recorder.Completed monitorRead(String subscription, String group, boolean last) {
    Map<Keyword, Object> args =
        map("node", node, "subscription", subscription, "group", group, "final", last);
    return recorder.call(
        process,
        PgOps.MONITOR_READ,
        args,
        () -> {
          MonitorRead r = control.readMonitor(subscription);
          List<Object> events =
              r.events().stream()
                  .map(e -> (Object) map("kind", e.kind(), "group", e.group(), "pids", e.pids()))
                  .toList();
          return map("events", events, "dropped", r.dropped(), "view", r.view());
        });
  }

  public Recorder.Completed killProcess(String pid) {
    return recorder.call(
        process,
        PgOps.KILL_PROCESS,
        map("node", node, "pid", pid),
        () -> {
          control.kill(pid);
          return Map.of();
        });
  }

  /** get_members, get_local_members of every group and which_groups, acting as {@code pid}. */
  public Recorder.Completed finalRead(String pid, List<String> groups) {
    return recorder.call(
        process,
        PgOps.FINAL_READ,
        map("node", node, "pid", pid),
        () -> {
          List<Object> reads = new ArrayList<>();
          for (String g : groups) {
            reads.add(
                map(
                    "group",
                    g,
                    "members",
                    control.getMembers(pid, g),
                    "local",
                    control.getLocalMembers(pid, g)));
          }
          return map("groups", reads, "which-groups", control.whichGroups(pid));
        });
  }

  private Map<Keyword, Object> args(String pid, String group) {
    return map("node", node, "pid", pid, "group", group);
  }
}
