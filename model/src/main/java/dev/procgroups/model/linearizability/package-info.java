/**
 * A linearizability checker and the membership specification it checks one node against.
 *
 * <p>{@link dev.procgroups.model.linearizability.LinearizabilityChecker} runs the Wing–Gong–Lowe
 * search over any {@link dev.procgroups.model.linearizability.Specification}, memoizing (linearized
 * set, state) configurations, checking each partition (for membership: each group) apart. {@code
 * :info} calls and calls that never completed may take effect at any point after their invocation,
 * or never; {@code :fail} calls are handed to the specification, which decides what a failure says
 * (for membership, a leave failing INVALID says the PID had no slot). The verdict is a {@link
 * dev.procgroups.model.linearizability.CheckResult}; when it is not linearizable it carries a
 * {@link dev.procgroups.model.linearizability.Counterexample}: the shortest non-linearizable
 * prefix, the call that cannot take effect, the calls concurrent with it and the model states from
 * which it could not be placed, as values and as text.
 *
 * <p>Cost: a partition's search grows with its length times the ways its overlapping calls can be
 * ordered, so more concurrent processes cost more (see {@code bench/results/checker.md}). A crashed
 * call whose transition is not {@link dev.procgroups.model.linearizability.Transition#eager()
 * eager} stays a candidate to the end of the history, and the search may try subsets of such
 * candidates at each dead end: with many of them a check can exhaust the configuration budget and
 * come back {@link dev.procgroups.model.linearizability.CheckResult.Undecided} (as with Knossos and
 * Porcupine). The membership specification avoids this by recording crashed joins and leaves as
 * pending effects.
 *
 * <p>The history shape of membership calls is in {@link
 * dev.procgroups.model.linearizability.MembershipOps}. For membership histories, {@link
 * dev.procgroups.model.linearizability.slots.SlotChecker} is the fast checker (what the Jepsen
 * harness uses); this package's WGL search is its fallback and cross-check.
 */
package dev.procgroups.model.linearizability;
