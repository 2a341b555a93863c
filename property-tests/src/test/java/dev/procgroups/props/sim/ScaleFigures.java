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
 * @param crossSlots copies of slots of the other side that the nodes hold once converged: what the
 *     heal had to teach them, since a partition drops the other side's slots
 * @param changedCrossSlots copies of slots that changed on one side during the cut times the nodes
 *     of the other side: what a heal that sends only the difference would have to send
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
    long changedCrossSlots,
    Traffic afterHeal,
    int safetyChecks,
    double cpuSeconds) {

  static final String DELTAS = "Deltas";
  static final String SYNC = "Sync";

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
