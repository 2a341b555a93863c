package dev.procgroups.props.modelcheck;

/** One atomic step the checker may take in a state. */
sealed interface Action {
  /** The node runs the next call of its script. */
  record Local(String node) implements Action {}

  /** The message at this index of the network arrives. */
  record Deliver(int index) implements Action {}

  /** The network loses the message at this index. */
  record Drop(int index) implements Action {}

  /** The network delivers the message at this index and keeps a copy in flight. */
  record Duplicate(int index) implements Action {}

  /** The node's timer fires (digests go out). */
  record Tick(String node) implements Action {}

  /** The one partition starts. */
  record Partition() implements Action {}

  /** The partition heals. */
  record Heal() implements Action {}

  /** The observer's failure detector catches up with the truth about one peer. */
  record Detect(String observer, String peer) implements Action {}

  /** The node crashes and starts again with a new incarnation and no processes. */
  record Restart(String node) implements Action {}
}
