package dev.procgroups.jepsen.harness;

import dev.procgroups.jepsen.control.ControlClient;
import dev.procgroups.jepsen.nemesis.FaultInjector;
import java.nio.file.Path;
import java.util.List;

/** The nodes a run talks to: a control client per node, a way to hurt them, their logs. */
public interface Cluster extends AutoCloseable {
  List<String> nodes();

  ControlClient client(String node);

  FaultInjector faults();

  /** How many times {@code node} has started; a change means its processes are gone. */
  int generation(String node);

  /** Log files to keep with the run (may be empty). */
  List<Path> logs();

  @Override
  void close();
}
