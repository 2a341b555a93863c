package dev.procgroups.props.modelcheck;

/** One call in a node's script: by one of its processes, on one group (not for an exit). */
sealed interface LocalOp {
  String pid();

  record Join(String pid, String group) implements LocalOp {}

  record Leave(String pid, String group) implements LocalOp {}

  record Exit(String pid) implements LocalOp {}
}
