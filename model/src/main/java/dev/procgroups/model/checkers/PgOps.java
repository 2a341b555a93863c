package dev.procgroups.model.checkers;

import dev.procgroups.model.history.Keyword;

/**
 * The operations of the Jepsen workloads as they appear in {@code history.edn}: each {@code :f} and
 * the keys of its {@code :value} map. The harness writes them, {@link PgHistory} reads them.
 *
 * <pre>
 * :spawn          {:node n}                          ok adds :pid
 * :join :leave    {:node n :pid p :group g}
 * :get-members :get-local-members  {:node n :pid p :group g}   ok adds :members [pid ...]
 * :broadcast      {:node n :pid p :group g :message 17}
 * :received       {:node n :pid p}                   ok adds :messages [{:from pid :message 17} ...]
 * :monitor        {:node n :pid p :group g}          ok adds :subscription s :members [pid ...]
 * :monitor-read   {:node n :subscription s :group g :final true|false}
 *                 ok adds :events [{:kind "member.joined" :pids [...]} ...] :dropped k :view [pid ...]
 * :kill-process   {:node n :pid p}
 * :final-read     {:node n}  ok adds :groups [{:group g :members [...] :local [...]} ...] :which-groups [...]
 * nemesis (both halves :info): :start-partition :stop-partition (value: the partition),
 *                 :kill :start :start-stale (a restart with a smaller incarnation) :pause :resume
 *                 (value: the node), :start-loss :stop-loss (value: the drop rate),
 *                 :start-impostor :stop-impostor (value: the node whose name it takes),
 *                 :start-clock :stop-clock (value: the node whose wall clock jumps, and back)
 * </pre>
 *
 * Faults may nest (a partition during a pause): a fault is in force from the start of the operation
 * that begins it to the end of the one that undoes it.
 */
public final class PgOps {
  private PgOps() {}

  public static final Keyword SPAWN = Keyword.of("spawn");
  public static final Keyword JOIN = Keyword.of("join");
  public static final Keyword LEAVE = Keyword.of("leave");
  public static final Keyword GET_MEMBERS = Keyword.of("get-members");
  public static final Keyword GET_LOCAL_MEMBERS = Keyword.of("get-local-members");
  public static final Keyword BROADCAST = Keyword.of("broadcast");
  public static final Keyword RECEIVED = Keyword.of("received");
  public static final Keyword MONITOR = Keyword.of("monitor");
  public static final Keyword MONITOR_READ = Keyword.of("monitor-read");
  public static final Keyword KILL_PROCESS = Keyword.of("kill-process");
  public static final Keyword FINAL_READ = Keyword.of("final-read");

  public static final Keyword START_PARTITION = Keyword.of("start-partition");
  public static final Keyword STOP_PARTITION = Keyword.of("stop-partition");
  public static final Keyword KILL_NODE = Keyword.of("kill");
  public static final Keyword START_NODE = Keyword.of("start");
  public static final Keyword PAUSE_NODE = Keyword.of("pause");
  public static final Keyword RESUME_NODE = Keyword.of("resume");
  public static final Keyword START_STALE_NODE = Keyword.of("start-stale");
  public static final Keyword START_LOSS = Keyword.of("start-loss");
  public static final Keyword STOP_LOSS = Keyword.of("stop-loss");
  public static final Keyword START_IMPOSTOR = Keyword.of("start-impostor");
  public static final Keyword STOP_IMPOSTOR = Keyword.of("stop-impostor");
  public static final Keyword START_CLOCK = Keyword.of("start-clock");
  public static final Keyword STOP_CLOCK = Keyword.of("stop-clock");
  public static final Keyword START_BANDWIDTH = Keyword.of("start-bandwidth");
  public static final Keyword STOP_BANDWIDTH = Keyword.of("stop-bandwidth");
  public static final Keyword START_DISK_FULL = Keyword.of("start-disk-full");
  public static final Keyword STOP_DISK_FULL = Keyword.of("stop-disk-full");

  /**
   * What a fault operation begins or undoes; node faults are keyed by their node too. A {@code
   * transparent} fault is one the system must not notice at all (a wall-clock step: every duration
   * a node decides on reads the monotonic clock), so it does not end a fault-free window: the
   * checkers hold the system to its fault-free promises through it.
   */
  public record FaultKey(String kind, boolean perNode, boolean begins, boolean transparent) {
    FaultKey(String kind, boolean perNode, boolean begins) {
      this(kind, perNode, begins, false);
    }

    /** The key of the fault an operation with this value begins or undoes. */
    public String of(Object value) {
      return perNode ? kind + " " + value : kind;
    }
  }

  /** Every nemesis :f, with the fault it begins or undoes. */
  public static final java.util.Map<Keyword, FaultKey> FAULTS =
      java.util.Map.ofEntries(
          java.util.Map.entry(START_PARTITION, new FaultKey("partition", false, true)),
          java.util.Map.entry(STOP_PARTITION, new FaultKey("partition", false, false)),
          java.util.Map.entry(KILL_NODE, new FaultKey("down", true, true)),
          java.util.Map.entry(START_NODE, new FaultKey("down", true, false)),
          java.util.Map.entry(START_STALE_NODE, new FaultKey("down", true, false)),
          java.util.Map.entry(PAUSE_NODE, new FaultKey("paused", true, true)),
          java.util.Map.entry(RESUME_NODE, new FaultKey("paused", true, false)),
          java.util.Map.entry(START_LOSS, new FaultKey("loss", false, true)),
          java.util.Map.entry(STOP_LOSS, new FaultKey("loss", false, false)),
          java.util.Map.entry(START_IMPOSTOR, new FaultKey("impostor", false, true)),
          java.util.Map.entry(STOP_IMPOSTOR, new FaultKey("impostor", false, false)),
          java.util.Map.entry(START_CLOCK, new FaultKey("clock", true, true, true)),
          java.util.Map.entry(STOP_CLOCK, new FaultKey("clock", true, false, true)),
          java.util.Map.entry(START_BANDWIDTH, new FaultKey("bandwidth", false, true)),
          java.util.Map.entry(STOP_BANDWIDTH, new FaultKey("bandwidth", false, false)),
          java.util.Map.entry(START_DISK_FULL, new FaultKey("disk-full", true, true)),
          java.util.Map.entry(STOP_DISK_FULL, new FaultKey("disk-full", true, false)));

  public static final Keyword NODE = Keyword.of("node");
  public static final Keyword PID = Keyword.of("pid");
  public static final Keyword GROUP = Keyword.of("group");
  public static final Keyword GROUPS = Keyword.of("groups");
  public static final Keyword MEMBERS = Keyword.of("members");
  public static final Keyword LOCAL = Keyword.of("local");
  public static final Keyword WHICH_GROUPS = Keyword.of("which-groups");
  public static final Keyword MESSAGE = Keyword.of("message");
  public static final Keyword MESSAGES = Keyword.of("messages");
  public static final Keyword FROM = Keyword.of("from");
  public static final Keyword SUBSCRIPTION = Keyword.of("subscription");
  public static final Keyword EVENTS = Keyword.of("events");
  public static final Keyword KIND = Keyword.of("kind");
  public static final Keyword PIDS = Keyword.of("pids");
  public static final Keyword DROPPED = Keyword.of("dropped");
  public static final Keyword VIEW = Keyword.of("view");
  public static final Keyword FINAL = Keyword.of("final");
}
