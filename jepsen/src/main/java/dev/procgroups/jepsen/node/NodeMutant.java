package dev.procgroups.jepsen.node;

/**
 * TEST ONLY: deliberately broken behaviours of a node as the harness sees it, planted around the
 * daemon by {@link MutantDecorator} (at start, or through {@link MutantBackend} around what the
 * control endpoint serves), one per failure the Jepsen checkers must notice in a real run (the
 * library's own planted bugs, such as the protocol's, are planted inside the node: impl/README.md
 * "Planted bugs"). {@code procgroups mutant-node} ({@link MutantNodeCommand}) runs them.
 */
enum NodeMutant {
  /**
   * Every broadcast is sent twice: members receive it twice (the broadcast checker's duplicates).
   */
  DOUBLE_BROADCAST,
  /**
   * A killed process is only forgotten, not killed: its slots survive (convergence's dead slots).
   */
  KILL_LEAVES_SLOTS,
  /** Every second member.left event is hidden from the harness, without counting a drop (drift). */
  HIDE_MONITOR_EVENTS,
  /**
   * The node ignores {@code --data-dir} and takes its incarnation from the wall clock alone, as
   * before issue 14: a restart with the clock stepped back takes a smaller one and its peers lock
   * it out (the stale-restart nemesis; convergence).
   */
  IGNORE_DATA_DIR,
  /**
   * A node that cannot record its incarnation (data directory full) starts anyway with the clock's,
   * unrecorded: its next start, with the clock stepped back, takes a smaller one (the full-disk
   * nemesis; convergence).
   */
  IGNORE_FULL_DISK
}
