package dev.procgroups.jepsen.nemesis;

import dev.procgroups.jepsen.net.Partition;
import java.util.Locale;

/** One nemesis action, as scheduled by the generator and written to the history. */
public sealed interface Fault {

  /** Jepsen's {@code :f} for this action. */
  String f();

  /** A readable value for the history. */
  String value();

  /** Cuts the network as {@code partition} says (replacing any earlier cut). */
  record Cut(Partition partition) implements Fault {
    public String f() {
      return "start-partition";
    }

    public String value() {
      return partition.description();
    }
  }

  /** Removes every cut. */
  record Heal() implements Fault {
    public String f() {
      return "stop-partition";
    }

    public String value() {
      return "healed";
    }
  }

  /** Drops {@code percent} % of the packets between nodes at random. */
  record Loss(int percent) implements Fault {
    public String f() {
      return "start-loss";
    }

    public String value() {
      return percent + "%";
    }
  }

  /** Ends packet loss. */
  record NoLoss() implements Fault {
    public String f() {
      return "stop-loss";
    }

    public String value() {
      return "no loss";
    }
  }

  /** Limits the bandwidth between nodes to {@code kbit} kbit/s. */
  record Throttle(int kbit) implements Fault {
    public String f() {
      return "start-bandwidth";
    }

    public String value() {
      return kbit + " kbit/s";
    }
  }

  /** Ends the bandwidth limit. */
  record Unthrottle() implements Fault {
    public String f() {
      return "stop-bandwidth";
    }

    public String value() {
      return "no limit";
    }
  }

  /**
   * Fills the killed {@code node}'s data directory (its own small tmpfs) and starts the node on it:
   * it must refuse to start, saying why, or record its incarnation.
   */
  record FillDisk(String node) implements Fault {
    public String f() {
      return "start-disk-full";
    }

    public String value() {
      return node;
    }
  }

  /** Frees {@code node}'s data directory. */
  record FreeDisk(String node) implements Fault {
    public String f() {
      return "stop-disk-full";
    }

    public String value() {
      return node;
    }
  }

  /** A node JVM without the cluster secret, under {@code victim}'s name, on a spare address. */
  record Impostor(String victim) implements Fault {
    public String f() {
      return "start-impostor";
    }

    public String value() {
      return victim;
    }
  }

  /**
   * Sets {@code node}'s wall clock {@code seconds} off the real one (0: back to it), through
   * libfaketime; its monotonic clock is untouched.
   */
  record ClockJump(String node, long seconds) implements Fault {
    public String f() {
      return seconds == 0 ? "stop-clock" : "start-clock";
    }

    public String value() {
      return node;
    }
  }

  /** Kills the impostor. */
  record ImpostorGone() implements Fault {
    public String f() {
      return "stop-impostor";
    }

    public String value() {
      return "impostor killed";
    }
  }

  /** An action on one node's JVM. */
  record OnNode(Action action, String node) implements Fault {
    public String f() {
      return action.f;
    }

    public String value() {
      return node;
    }
  }

  /**
   * kill -9; start again (a new incarnation); start again with the wall clock before the previous
   * start; SIGSTOP; SIGCONT.
   */
  enum Action {
    KILL("kill"),
    RESTART("start"),
    RESTART_CLOCK_BACK("start-stale"),
    PAUSE("pause"),
    RESUME("resume");

    private final String f;

    Action(String f) {
      this.f = f;
    }

    public String past() {
      return this == RESTART
          ? "started"
          : name().toLowerCase(Locale.ROOT) + (this == KILL ? "ed" : "d");
    }
  }

  static Fault kill(String node) {
    return new OnNode(Action.KILL, node);
  }

  static Fault restart(String node) {
    return new OnNode(Action.RESTART, node);
  }

  static Fault restartWithClockBack(String node) {
    return new OnNode(Action.RESTART_CLOCK_BACK, node);
  }

  static Fault pause(String node) {
    return new OnNode(Action.PAUSE, node);
  }

  static Fault resume(String node) {
    return new OnNode(Action.RESUME, node);
  }
}
