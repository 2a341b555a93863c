package dev.procgroups.transport.atomix;

import java.util.List;

/**
 * The transport's planted bugs, each to show that its test catches it. Off unless named in the
 * system property {@code procgroups.plantedBugs}; a transport reads it once, when it is built. The
 * mechanism, the same in every package that has planted bugs: impl/README.md "Planted bugs".
 */
enum PlantedBug {
  /** A message is accepted whatever name the TLS certificate of its connection gives. */
  TLS_NAMES_UNCHECKED,
  /** Inbound connections are not capped per address. */
  UNCAPPED_CONNECTIONS;

  /** Whether the system property {@code procgroups.plantedBugs} (comma-separated) names it. */
  boolean planted() {
    return List.of(System.getProperty("procgroups.plantedBugs", "").split(",")).contains(name());
  }
}
