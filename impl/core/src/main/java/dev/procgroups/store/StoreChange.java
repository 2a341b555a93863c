package dev.procgroups.store;

import dev.procgroups.process.Pid;
import java.util.List;
import java.util.Map;

/**
 * A change to one scope's membership store, in the vocabulary shared by the store and the
 * replication core. The store publishes its local changes as {@link Delta}s (origin = this node);
 * the replication core asks the store to apply peers' changes as {@link Sync}, {@link Delta} and
 * {@link Drop}. Every change produces one event per affected group.
 *
 * <p>Maps are ordered (insertion order = event order); lists may repeat a PID (multi-join).
 */
public sealed interface StoreChange {

  /** The node whose processes' slots this change is about. */
  String origin();

  /** Which way a delta moves slots. */
  enum Direction {
    JOIN,
    LEAVE
  }

  /** Slots added or removed for one origin, group by group; one local call or exit = one delta. */
  record Delta(String origin, Direction direction, Map<String, List<Pid>> pidsByGroup)
      implements StoreChange {}

  /**
   * Replace everything known of {@code origin} with this full state; the store emits exactly the
   * difference (with multiplicity) as events, for groups that still exist too.
   */
  record Sync(String origin, Map<String, List<Pid>> pidsByGroup) implements StoreChange {}

  /** The origin is down or partitioned away: remove all its slots (one member.left per group). */
  record Drop(String origin) implements StoreChange {}
}
