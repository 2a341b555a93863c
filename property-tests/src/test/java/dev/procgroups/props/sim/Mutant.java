package dev.procgroups.props.sim;

import dev.procgroups.replication.ProtocolMutation;
import dev.procgroups.replication.ReplicationSettings;
import dev.procgroups.store.StoreMutation;
import java.util.Set;

/**
 * The catalogue of planted bugs: every {@link ProtocolMutation} of the replication core, plus the
 * store bug Erlang pg has ({@link StoreMutation#SYNC_WITHOUT_DIFF_EVENTS}: a resync that changes a
 * group that still exists notifies nobody), planted in the real store.
 */
public enum Mutant {
  APPLY_OUT_OF_ORDER(ProtocolMutation.APPLY_OUT_OF_ORDER),
  APPLY_DUPLICATES(ProtocolMutation.APPLY_DUPLICATES),
  SKIP_DOWN_CLEANUP(ProtocolMutation.SKIP_DOWN_CLEANUP),
  IGNORE_INCARNATIONS(ProtocolMutation.IGNORE_INCARNATIONS),
  ACCEPT_FROM_DOWN_PEERS(ProtocolMutation.ACCEPT_FROM_DOWN_PEERS),
  NO_ANTI_ENTROPY(ProtocolMutation.NO_ANTI_ENTROPY),
  NO_SUSPICION(ProtocolMutation.NO_SUSPICION),
  UNORDERED_BROADCAST(ProtocolMutation.UNORDERED_BROADCAST),
  SYNC_WITHOUT_DIFF_EVENTS(StoreMutation.SYNC_WITHOUT_DIFF_EVENTS);

  private final ProtocolMutation protocol;
  private final StoreMutation store;

  Mutant(ProtocolMutation protocol) {
    this.protocol = protocol;
    this.store = null;
  }

  Mutant(StoreMutation store) {
    this.protocol = null;
    this.store = store;
  }

  /** The protocol settings with this mutant's bug switched on (if it is a protocol bug). */
  public ReplicationSettings apply(ReplicationSettings settings) {
    return protocol == null ? settings : settings.withMutations(Set.of(protocol));
  }

  /** The store's planted bugs with this mutant (none if it is a protocol bug). */
  public Set<StoreMutation> store() {
    return store == null ? Set.of() : Set.of(store);
  }
}
