package dev.procgroups.jepsen.nemesis;

import dev.procgroups.jepsen.net.Partition;

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

  /** kill -9 of a node's JVM. */
  record Kill(String node) implements Fault {
    public String f() {
      return "kill";
    }

    public String value() {
      return node;
    }
  }

  /** Starts a killed node again (a new incarnation). */
  record Restart(String node) implements Fault {
    public String f() {
      return "start";
    }

    public String value() {
      return node;
    }
  }

  /** SIGSTOP of a node's JVM. */
  record Pause(String node) implements Fault {
    public String f() {
      return "pause";
    }

    public String value() {
      return node;
    }
  }

  /** SIGCONT of a paused node's JVM. */
  record Resume(String node) implements Fault {
    public String f() {
      return "resume";
    }

    public String value() {
      return node;
    }
  }
}
