package dev.procgroups.process;

import java.util.List;

/**
 * The process runtime's planted bugs, each to show that its test catches it. Off unless named in
 * the system property {@code procgroups.plantedBugs}; a runtime reads it once, when it is built.
 * The mechanism, the same in every package that has planted bugs: impl/README.md "Planted bugs".
 */
enum PlantedBug {
  /** Mailboxes charge no payload bytes, so only the count bound is left. */
  UNCHARGED_PAYLOADS;

  /** Whether the system property {@code procgroups.plantedBugs} (comma-separated) names it. */
  boolean planted() {
    return List.of(System.getProperty("procgroups.plantedBugs", "").split(",")).contains(name());
  }
}
