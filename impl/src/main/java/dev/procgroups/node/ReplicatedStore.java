package dev.procgroups.node;

import dev.procgroups.replication.StoreChange;
import java.util.function.Consumer;

/** What replication needs of one scope's membership store. */
public interface ReplicatedStore {

  /** Applies a peer's change (a {@link StoreChange.Sync}, Delta or Drop of a remote origin). */
  void apply(StoreChange change);

  /**
   * Registers the single listener of this node's own changes (origin = this node), called in the
   * order the store commits them.
   */
  void onLocalChange(Consumer<StoreChange.Delta> listener);
}
