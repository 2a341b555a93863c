package dev.procgroups.replication;

import java.util.List;

/**
 * The replication protocol's planted bugs, one per failure mode the proofs must notice: a test
 * asserts that the simulation, the model checker or the Jepsen suite catches each one. Off unless
 * named in the system property {@code procgroups.plantedBugs}; a core reads it once, when it is
 * made. The mechanism, the same in every package that has planted bugs: impl/README.md "Planted
 * bugs".
 */
enum PlantedBug {
  /** Apply a delta batch even when changes before it are missing. */
  APPLY_OUT_OF_ORDER,
  /** Apply a delta batch again when it arrives twice. */
  APPLY_DUPLICATES,
  /** Keep a peer's slots when it goes down or falls silent. */
  SKIP_DOWN_CLEANUP,
  /** Treat every incarnation of a node as the same: no reset on restart, old messages accepted. */
  IGNORE_INCARNATIONS,
  /** Apply messages from peers the transport reports down. */
  ACCEPT_FROM_DOWN_PEERS,
  /** Send no digests, so a lost last delta is never repaired. */
  NO_ANTI_ENTROPY,
  /** Never treat a silent peer as down. */
  NO_SUSPICION,
  /** Deliver every remote message that arrives, late or repeated ones too. */
  UNORDERED_BROADCAST,
  /** Keep a down peer's slots in the view instead of hiding them (the hidden copy leaks). */
  HIDDEN_COPY_LEAKS,
  /** Ask a returning peer for its whole state, as if no copy were kept (a heal costs the state). */
  FULL_SYNC_ON_HEAL,
  /** Answer a resume with a patch that leaves out the first change after the asker's base. */
  PATCH_SKIPS_A_CHANGE,
  /** Start every pair's exchange at the failure detector's report (a heal storm). */
  NO_HEAL_STAGGER;

  /** Whether the system property {@code procgroups.plantedBugs} (comma-separated) names it. */
  boolean planted() {
    return List.of(System.getProperty("procgroups.plantedBugs", "").split(",")).contains(name());
  }
}
