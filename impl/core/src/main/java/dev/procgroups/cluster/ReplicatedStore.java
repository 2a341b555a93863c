package dev.procgroups.cluster;

import dev.procgroups.store.MembershipStore;
import dev.procgroups.store.StoreChange;
import java.util.List;
import java.util.function.Consumer;

/** What replication needs of one scope's membership store. */
public interface ReplicatedStore {

  /** Applies a peer's change (a {@link StoreChange.Sync}, Delta or Drop of a remote origin). */
  void apply(StoreChange change);

  /** Applies peers' changes in order; the real store does it as one write. */
  default void applyAll(List<StoreChange> changes) {
    changes.forEach(this::apply);
  }

  /**
   * Registers the single listener of this node's own changes (origin = this node), called in the
   * order the store commits them; it must not block nor call back into the store.
   */
  void onLocalChange(Consumer<StoreChange.Delta> listener);

  /** The scope's real store. */
  static ReplicatedStore of(MembershipStore store) {
    return new ReplicatedStore() {
      @Override
      public void apply(StoreChange change) {
        store.apply(change);
      }

      @Override
      public void applyAll(List<StoreChange> changes) {
        store.apply(changes);
      }

      @Override
      public void onLocalChange(Consumer<StoreChange.Delta> listener) {
        if (!store.localSnapshot().isEmpty()) {
          throw new IllegalStateException(
              "replicate a scope from its creation: local slots made before would never travel");
        }
        store.setChangeListener(listener);
      }
    };
  }
}
