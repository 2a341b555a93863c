package dev.procgroups.props.sim;

import dev.procgroups.props.sim.TrafficMeter.Count;
import dev.procgroups.props.sim.TrafficMeter.Traffic;
import java.util.OptionalLong;

/**
 * What one {@link ScaleScenario} run measured; every rate is in virtual time.
 *
 * @param startup sent from the start until every node knew every other (full syncs of empty states)
 * @param idleEmpty sent in {@link ScaleScenario#IDLE} ms of rest, no slot held anywhere
 * @param changes local changes (joins and leaves) made in the change phase
 * @param changeTraffic sent during the change phase (digests included; changes travel as {@code
 *     Deltas})
 * @param idleHeld sent in {@link ScaleScenario#IDLE} ms of rest, holding the slots of the changes
 * @param slotsHeld slots held cluster-wide at the heal (each counted once, at its node)
 * @param healed virtual ms from the heal until every view equals the model's (empty: not within
 *     {@link ScaleScenario#HEAL_LIMIT})
 * @param heal sent from the heal until then
 * @param crossSlots copies of slots of the other side that the nodes hold once converged (a
 *     partition takes them out of the view; the heal brings them back)
 * @param difference what the heal had to teach: for each node and each node of the other side, the
 *     slots the latter changed during the cut (all its slots if either restarted), with their bytes
 * @param busiestLook resync requests sent in the busiest {@link ScaleScenario#LOOK_EVERY} ms of the
 *     heal (a storm puts them all in one)
 * @param afterHeal sent in the {@link Schedule#QUIET} ms after convergence
 * @param safetyChecks rounds after which the safety invariants were checked
 * @param cpuSeconds CPU time of the run (the simulation is single-threaded)
 */
record ScaleFigures(
    int nodes,
    long seed,
    Count startup,
    Count idleEmpty,
    int changes,
    Traffic changeTraffic,
    Count idleHeld,
    long slotsHeld,
    OptionalLong healed,
    Traffic heal,
    long crossSlots,
    ScaleScenario.SlotCost difference,
    long busiestLook,
    Traffic afterHeal,
    int safetyChecks,
    double cpuSeconds) {

  static final String DELTAS = "Deltas";
  static final String SYNC = "Sync";
  static final String DIGEST = "Digest";
  static final String REQUEST = "ResyncRequest";

  /** The heal's exchanges may cost at most this many times the difference plus digests. */
  static final double HEAL_COST_LIMIT = 2.0;

  /** From this size on, no look of the heal may carry more than half of its requests. */
  static final int STORM_CHECKED_FROM = 100;

  /**
   * Bytes of the heal's exchanges: everything sent from the heal until convergence but the periodic
   * digests (the rate at rest, sent whether or not anything heals).
   */
  long healExchangeBytes() {
    return heal.total().bytes() - heal.of(DIGEST).bytes();
  }

  /**
   * What a heal by difference cannot go below: the slots that differ (their group and pid bytes)
   * plus one digest each way between every node and every node of the other side.
   */
  long differencePlusDigests() {
    long crossPairs = (long) (nodes / 2) * (nodes - nodes / 2);
    return difference.bytes() + 2 * crossPairs * idleHeld.bytes() / idleHeld.messages();
  }

  /** The share of the heal's resync requests sent in its busiest look. */
  double busiestShare() {
    return (double) busiestLook / Math.max(1, heal.of(REQUEST).messages());
  }

  /** Why the heal cost too much (bytes, or a storm), or null. */
  String costViolation() {
    if (healExchangeBytes() > HEAL_COST_LIMIT * differencePlusDigests()) {
      return String.format(
          "heal cost at N=%d: %d bytes of exchanges, more than %.0f× the difference plus digests"
              + " (%d)",
          nodes, healExchangeBytes(), HEAL_COST_LIMIT, differencePlusDigests());
    }
    if (nodes >= STORM_CHECKED_FROM && busiestShare() > 0.5) {
      return String.format(
          "heal storm at N=%d: %d of %d resync requests in one %d ms look",
          nodes, busiestLook, heal.of(REQUEST).messages(), ScaleScenario.LOOK_EVERY);
    }
    return null;
  }

  double messagesPerChange() {
    return (double) changeTraffic.of(DELTAS).messages() / changes;
  }

  double bytesPerChange() {
    return (double) changeTraffic.of(DELTAS).bytes() / changes;
  }

  /** Messages per node per virtual second, at rest. */
  static double perNodeSecond(Count idle, int nodes, boolean bytes) {
    return (bytes ? idle.bytes() : idle.messages()) / (double) nodes / (ScaleScenario.IDLE / 1e3);
  }
}
