package dev.procgroups.daemon;

import dev.procgroups.daemon.control.NodeBackend;
import dev.procgroups.node.Node;
import dev.procgroups.node.NodeConfig;
import dev.procgroups.registry.RegistryException;

/**
 * What may be put around the daemon's node without a second wiring: how the node starts (around the
 * daemon's own start, from the settings it checked) and what its endpoints serve. {@code procgroups
 * node} uses {@link #NONE}; the Jepsen module's planted node bugs are another (its {@code
 * MutantNodeCommand}), so that a mutant node is the daemon's code path with one layer added.
 */
public interface NodeDecorator {

  /** The daemon as it is. */
  NodeDecorator NONE = new NodeDecorator() {};

  /** The daemon's own start: {@link Node#start} of the built config. */
  @FunctionalInterface
  interface Start {
    Node from(NodeConfig.Builder config) throws RegistryException;
  }

  /**
   * Starts the node from {@code config} (the config file and options, every part checked), through
   * {@code start}.
   */
  default Node start(NodeConfig.Builder config, Start start) throws RegistryException {
    return start.from(config);
  }

  /** What the control and metrics endpoints serve of {@code node}. */
  default NodeBackend serve(NodeBackend node) {
    return node;
  }
}
