package dev.procgroups.model.node;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every input of the single-node model. API arguments are {@code Object}s modelling Lua values
 * ({@code null} = nil, String, Number, Boolean, List, Map), so that wrong types are expressible.
 * Handles ({@code instance}, {@code subscription}) are the ids the model returned earlier; using an
 * id the model never returned, or a process that is not alive, is a misuse of the model and throws
 * {@link IllegalArgumentException} (a real caller cannot do it).
 *
 * <p>Success values ({@code Result.Ok.value()}): {@code Open} → {@code Long} instance id; {@code
 * GetMembers}/{@code GetLocalMembers}/{@code WhichGroups}/{@code WhichLocalGroups} → {@code
 * List<String>}; {@code Monitor} → {@link Monitored}; {@code Events} → {@link Watching}; {@code
 * Receive} → {@link Read}; {@code Dropped} → {@code Long}; everything else → {@code true}.
 */
public sealed interface NodeCall {

  // ---- Runtime and registry (not pg API calls; they set the scene) ----

  /** A new process with this (caller-chosen, never reused) PID starts on the node. */
  record Spawn(String pid) implements NodeCall {
    public Spawn {
      Objects.requireNonNull(pid, "pid");
    }
  }

  /** The process exits: it leaves every group, its subscriptions close, its instances release. */
  record Exit(String pid) implements NodeCall {
    public Exit {
      Objects.requireNonNull(pid, "pid");
    }
  }

  /**
   * A {@code pg.scope} registry entry with this id and config ({@code null} = defaults) is added.
   * Unknown config key, bad value, malformed id or an id already registered → INVALID.
   */
  record RegisterScope(String scope, Map<String, Object> config) implements NodeCall {
    public RegisterScope {
      Objects.requireNonNull(scope, "scope");
      config = config == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }
  }

  /**
   * The scope stops for good: its subscriptions close (buffered events stay readable), its slots
   * are gone, and every further call on it returns UNAVAILABLE.
   */
  record StopScope(String scope) implements NodeCall {
    public StopScope {
      Objects.requireNonNull(scope, "scope");
    }
  }

  // ---- The pg API ----

  /** {@code pg.open(scope)} called by process {@code pid}. */
  record Open(String pid, Object scope) implements NodeCall {
    public Open {
      Objects.requireNonNull(pid, "pid");
    }
  }

  /** {@code instance:join(groups)}: a name or a batch (list of names). */
  record Join(long instance, Object groups) implements NodeCall {}

  /** {@code instance:leave(groups)}: a name or a batch (list of names). */
  record Leave(long instance, Object groups) implements NodeCall {}

  record GetMembers(long instance, Object group) implements NodeCall {}

  record GetLocalMembers(long instance, Object group) implements NodeCall {}

  record WhichGroups(long instance) implements NodeCall {}

  record WhichLocalGroups(long instance) implements NodeCall {}

  /** {@code instance:broadcast(group, topic, ...)}; {@code payload}: the varargs (may hold nil). */
  record Broadcast(long instance, Object group, Object topic, List<Object> payload)
      implements NodeCall {
    public Broadcast {
      payload = varargs(payload);
    }
  }

  /** {@code instance:broadcast_local(group, topic, ...)}. */
  record BroadcastLocal(long instance, Object group, Object topic, List<Object> payload)
      implements NodeCall {
    public BroadcastLocal {
      payload = varargs(payload);
    }
  }

  record Monitor(long instance, Object group) implements NodeCall {}

  record Events(long instance) implements NodeCall {}

  /** {@code sub:channel():receive()} without blocking: an event, empty, or closed. */
  record Receive(long subscription) implements NodeCall {}

  /** {@code sub:close()} or {@code sub:close({flush = true})}. */
  record Close(long subscription, boolean flush) implements NodeCall {}

  /** {@code sub:dropped()}: how many events this subscription dropped because it was full. */
  record Dropped(long subscription) implements NodeCall {}

  /** {@code instance:release()}; idempotent. */
  record Release(long instance) implements NodeCall {}

  // ---- Replicated remote slots (inputs from the replication layer) ----

  /**
   * Replace everything this node holds for {@code origin} in {@code scope} with this full state
   * (group → PIDs, one entry per slot); emits exactly the difference, with multiplicity.
   */
  record RemoteSync(String scope, String origin, Map<String, List<String>> pidsByGroup)
      implements NodeCall {
    public RemoteSync {
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(origin, "origin");
      pidsByGroup = Ordered.copyOfLists(pidsByGroup);
    }
  }

  /**
   * Slots of {@code origin} added (JOIN) or removed (LEAVE), group by group in map order. A LEAVE
   * of a slot this node does not hold removes nothing for it.
   */
  record RemoteDelta(
      String scope, String origin, Direction direction, Map<String, List<String>> pidsByGroup)
      implements NodeCall {
    public RemoteDelta {
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(direction, "direction");
      pidsByGroup = Ordered.copyOfLists(pidsByGroup);
    }
  }

  /** {@code origin} is down or partitioned away: all its slots go (one member.left per group). */
  record RemoteDrop(String scope, String origin) implements NodeCall {
    public RemoteDrop {
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(origin, "origin");
    }
  }

  private static List<Object> varargs(List<Object> values) {
    return values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(values));
  }
}
