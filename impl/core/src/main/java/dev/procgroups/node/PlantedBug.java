package dev.procgroups.node;

import java.util.List;

/**
 * The node's planted bug: a test asserts that the Jepsen suite's clock nemesis catches it. Off
 * unless named in the system property {@code procgroups.plantedBugs}; a node reads it once, when it
 * is made. The mechanism, the same in every package that has planted bugs: impl/README.md "Planted
 * bugs".
 */
enum PlantedBug {
  /**
   * Durations (a peer's silence before suspicion, digest intervals) read from the wall clock
   * instead of the monotonic one: a clock step makes every peer look silent, or none.
   */
  WALL_CLOCK_TIMEOUTS;

  /** Whether the system property {@code procgroups.plantedBugs} (comma-separated) names it. */
  boolean planted() {
    return List.of(System.getProperty("procgroups.plantedBugs", "").split(",")).contains(name());
  }
}
