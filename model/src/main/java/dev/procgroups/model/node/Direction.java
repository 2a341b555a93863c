package dev.procgroups.model.node;

/** Which way a {@link NodeCall.RemoteDelta} moves slots. */
public enum Direction {
  JOIN,
  LEAVE
}
