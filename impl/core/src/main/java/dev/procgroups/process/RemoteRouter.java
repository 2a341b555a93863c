package dev.procgroups.process;

/**
 * Where {@link ProcessRuntime#send} hands a message addressed to a PID of another node. The cluster
 * layer supplies one; until then such messages are dropped.
 */
@FunctionalInterface
public interface RemoteRouter {

  /** Drops every remote message. */
  RemoteRouter DROP = (to, from, topic, payload) -> false;

  /**
   * Sends {@code payload} (already packed and copied, immutable) from {@code from} to the remote
   * process {@code to}. Returns false if it was dropped at once (best effort: true is no promise).
   */
  boolean route(Pid to, Pid from, String topic, Object payload);
}
