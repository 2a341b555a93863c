package dev.procgroups.jepsen.node;

import dev.procgroups.daemon.NodeDecorator;
import dev.procgroups.daemon.control.NodeBackend;
import dev.procgroups.node.Node;
import dev.procgroups.node.NodeConfig;
import dev.procgroups.registry.RegistryException;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * TEST ONLY: the {@link NodeMutant}s as a decorator of the daemon ({@code procgroups node}): its
 * node starts through the daemon's own start, with its data directory dropped where a mutant says
 * so, and its control endpoint serves the node through {@link MutantBackend}.
 */
final class MutantDecorator implements NodeDecorator {

  private final Set<NodeMutant> mutants;

  MutantDecorator(Set<NodeMutant> mutants) {
    this.mutants = Set.copyOf(mutants);
  }

  /**
   * {@link NodeMutant#IGNORE_DATA_DIR}: no data directory, the incarnation from the clock. {@link
   * NodeMutant#IGNORE_FULL_DISK}: a data directory that cannot record the incarnation is dropped,
   * where the daemon refuses to start.
   */
  @Override
  public Node start(NodeConfig.Builder config, Start start) throws RegistryException {
    if (mutants.contains(NodeMutant.IGNORE_DATA_DIR)) {
      return start.from(config.dataDir(null));
    }
    try {
      return start.from(config);
    } catch (UncheckedIOException cannotRecordIncarnation) {
      if (!mutants.contains(NodeMutant.IGNORE_FULL_DISK)) {
        throw cannotRecordIncarnation;
      }
      return start.from(config.dataDir(null));
    }
  }

  @Override
  public NodeBackend serve(NodeBackend node) {
    return new MutantBackend(node, mutants);
  }
}
