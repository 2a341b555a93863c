package dev.procgroups.props.sim;

import dev.procgroups.replication.ProtocolMutation;
import dev.procgroups.replication.ReplicationSettings;
import java.util.Set;

/**
 * The catalogue of planted bugs: every {@link ProtocolMutation} of the replication core, plus the
 * store bug Erlang pg has (a resync that changes a group that still exists notifies nobody).
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
  DROP_RESYNC_DIFF_EVENTS(null);

  private final ProtocolMutation protocol;

  Mutant(ProtocolMutation protocol) {
    this.protocol = protocol;
  }

  /** The protocol settings with this mutant's bug switched on (if it is a protocol bug). */
  public ReplicationSettings apply(ReplicationSettings settings) {
    return protocol == null ? settings : settings.withMutations(Set.of(protocol));
  }

  /** Whether the store drops the events of a resync for groups that still exist. */
  public boolean dropsResyncDiffEvents() {
    return this == DROP_RESYNC_DIFF_EVENTS;
  }
}
