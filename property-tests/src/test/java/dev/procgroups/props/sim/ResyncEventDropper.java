package dev.procgroups.props.sim;

import dev.procgroups.cluster.ReplicatedStore;
import dev.procgroups.replication.StoreChange;
import dev.procgroups.store.MembershipStore;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The planted store bug Erlang pg has: a resync that changes a group the origin still has after
 * it notifies nobody (the view changes, subscribers drift). Planted around the real store by
 * discarding those events before any subscriber sees them.
 */
final class ResyncEventDropper implements ReplicatedStore {
  private final MembershipStore store;
  private final ReplicatedStore real;
  private final List<SubscriptionLog> logs;

  ResyncEventDropper(MembershipStore store, List<SubscriptionLog> logs) {
    this.store = store;
    this.real = ReplicatedStore.of(store);
    this.logs = logs;
  }

  @Override
  public void apply(StoreChange change) {
    if (!(change instanceof StoreChange.Sync)) {
      real.apply(change);
      return;
    }
    logs.forEach(l -> l.drain(e -> true));
    Set<String> kept = groupsOf(change.origin());
    real.apply(change);
    kept.retainAll(groupsOf(change.origin()));
    logs.forEach(l -> l.drain(e -> !kept.contains(e.group())));
  }

  @Override
  public void onLocalChange(Consumer<StoreChange.Delta> listener) {
    real.onLocalChange(listener);
  }

  private Set<String> groupsOf(String origin) {
    Set<String> out = new HashSet<>();
    for (String g : store.groups()) {
      if (store.remoteMembersByOrigin(g).containsKey(origin)) {
        out.add(g);
      }
    }
    return out;
  }
}
