package dev.procgroups.store;

import dev.procgroups.process.Pid;
import dev.procgroups.registry.ScopeConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The membership of one scope on one node: member slots by group, split into local slots and the
 * slots of each remote origin.
 *
 * <p>Writes (local joins, leaves and exits, and peers' {@link StoreChange}s) run one at a time
 * under a lock, publish a new immutable {@link StoreState} with one volatile write before they
 * return (read-your-writes), then emit events to subscriptions and hand local changes to the change
 * listener, all still under the lock so every consumer sees changes in the order they were made.
 * Reads never take the lock: they read the published state once.
 */
public final class MembershipStore {

  private final String localNode;
  private final ScopeConfig config;
  private final Set<PlantedBug> bugs =
      Arrays.stream(PlantedBug.values())
          .filter(PlantedBug::planted)
          .collect(Collectors.toCollection(() -> EnumSet.noneOf(PlantedBug.class)));
  private final ReentrantLock writer = new ReentrantLock();

  /** Local writes queue here; one writer commits every queued one (see {@link GroupCommit}). */
  private final GroupCommit commits = new GroupCommit(writer, this::commitLocal);

  private volatile StoreState state = StoreState.EMPTY;
  private volatile boolean stopped;

  /** Only with the STALE_READS planted bug: the newest state, not yet published. */
  private StoreState heldBack;

  // Writer-owned, touched only under the lock.
  private final Map<String, GroupTables> tables = new HashMap<>();
  private final Map<String, Map<String, SlotTable>> remoteTablesByOrigin = new HashMap<>();

  /** Local process → groups where it holds a slot, in the order of its oldest surviving slot. */
  private final LocalGroupsByPid groupsByLocalPid = new LocalGroupsByPid();

  private final Map<String, List<Subscription>> groupSubscriptions = new HashMap<>();
  private final List<Subscription> scopeSubscriptions = new ArrayList<>();
  private Consumer<StoreChange.Delta> changeListener;
  private final LongAdder droppedEvents = new LongAdder();

  public MembershipStore(String localNode, ScopeConfig config) {
    this.localNode = Objects.requireNonNull(localNode, "localNode");
    this.config = Objects.requireNonNull(config, "config");
  }

  public String localNode() {
    return localNode;
  }

  // ---------------------------------------------------------------- reads (lock-free)

  /** Every slot of {@code group} in this node's view: local in join order, then each origin's. */
  public List<Pid> members(String group) {
    GroupState g = state.groups().get(group);
    return g == null ? List.of() : g.members();
  }

  /** The local slots of {@code group}, in join order. */
  public List<Pid> localMembers(String group) {
    GroupState g = state.groups().get(group);
    return g == null ? List.of() : g.localMembers();
  }

  /** The remote slots of {@code group}, by origin node (for broadcast: one message per node). */
  public Map<String, List<Pid>> remoteMembersByOrigin(String group) {
    GroupState g = state.groups().get(group);
    return g == null ? Map.of() : g.remoteMembersByOrigin();
  }

  /** Groups with at least one slot in this node's view (unordered, immutable). */
  public Set<String> groups() {
    return state.groups().keySet();
  }

  /** Groups with at least one local slot (unordered, immutable). */
  public Set<String> localGroups() {
    return state.localGroups().keySet();
  }

  // ---------------------------------------------------------------- local writes

  /**
   * Adds one local slot of {@code pid} per element of {@code groups}, in order, unless a scope
   * limit would be passed (then nothing changes). {@code alive} is checked under the writer lock so
   * that a join racing with the process's exit cannot leave slots behind. Returns false, changing
   * nothing, if it says no or the scope is stopped.
   */
  public boolean join(Pid pid, List<String> groups, BooleanSupplier alive)
      throws StoreLimitException {
    return commits.submit(
        batch -> {
          if (!alive.getAsBoolean()) {
            return false;
          }
          Map<String, Integer> counts = countByGroup(groups);
          checkLimits(counts, batch);
          if (stopped) {
            return false;
          }
          for (String group : groups) {
            tables.computeIfAbsent(group, g -> new GroupTables()).local().append(pid);
            groupsByLocalPid.add(pid, group);
          }
          counts.forEach(
              (group, n) -> {
                batch.touch(group);
                batch.emitRepeated(GroupEvent.Kind.JOINED, group, pid, n);
              });
          localChange(batch, StoreChange.Direction.JOIN, pid, counts);
          return true;
        });
  }

  /**
   * Removes, for each element of {@code groups} in order, the most recent local slot of {@code pid}
   * in that group if it still has one. Returns the slots removed per group (empty: nothing changed,
   * which is always the case once the scope is stopped).
   */
  public Map<String, Integer> leave(Pid pid, List<String> groups) {
    return localWrite(
        batch -> {
          Map<String, Integer> removed = new LinkedHashMap<>();
          for (String group : groups) {
            GroupTables t = tables.get(group);
            if (t != null
                && (planted(PlantedBug.LEAVE_OLDEST_SLOT)
                    ? t.removeOldestLocal(pid)
                    : t.removeLatestLocal(pid))) {
              removed.merge(group, 1, Integer::sum);
              forgetIfGone(pid, group, t);
            }
          }
          if (!removed.isEmpty()) {
            removed.forEach(
                (group, n) -> {
                  batch.touch(group);
                  batch.emitRepeated(GroupEvent.Kind.LEFT, group, pid, n);
                });
            localChange(batch, StoreChange.Direction.LEAVE, pid, removed);
          }
          return removed;
        });
  }

  /**
   * Removes every local slot of {@code pid}: one member.left per group, oldest slot's group first.
   */
  public void removeProcess(Pid pid) {
    localWrite(
        batch -> {
          Map<String, Integer> removed = new LinkedHashMap<>();
          for (String group : groupsByLocalPid.removeAll(pid)) {
            int n = tables.get(group).local().removeAll(pid);
            removed.put(group, n);
            batch.touch(group);
            batch.emitRepeated(GroupEvent.Kind.LEFT, group, pid, n);
          }
          if (!removed.isEmpty()) {
            localChange(batch, StoreChange.Direction.LEAVE, pid, removed);
          }
          return null;
        });
  }

  // ---------------------------------------------------------------- replication

  /**
   * Receives every local change, in order, as a {@link StoreChange.Delta} with origin = this node.
   * Called by the writer under its lock: it must not block and must not call back into the store.
   */
  public void setChangeListener(Consumer<StoreChange.Delta> listener) {
    writer.lock();
    try {
      this.changeListener = listener;
    } finally {
      writer.unlock();
    }
  }

  /**
   * The local slots by group (PIDs in join order), consistent with the change stream: every delta
   * handed to the listener before this call is included, none after it.
   */
  public Map<String, List<Pid>> localSnapshot() {
    writer.lock();
    try {
      Map<String, List<Pid>> out = new LinkedHashMap<>();
      for (String group : state.localGroups().keySet()) {
        out.put(group, state.groups().get(group).localMembers());
      }
      return out;
    } finally {
      writer.unlock();
    }
  }

  /**
   * Applies a peer's change (origin must not be this node) and emits its events; false (and nothing
   * changes) once the scope is stopped.
   */
  public boolean apply(StoreChange change) {
    return apply(List.of(change));
  }

  /**
   * Applies peers' changes in order as one write: one publish, and the events applying them one by
   * one would emit, in the same order. False (and nothing changes) once the scope is stopped.
   */
  public boolean apply(List<? extends StoreChange> changes) {
    for (StoreChange change : changes) {
      if (change.origin().equals(localNode)) {
        throw new IllegalArgumentException(
            "a peer change cannot have the local origin " + localNode);
      }
    }
    writer.lock();
    try {
      if (stopped) {
        return false;
      }
      WriteBatch batch = newBatch();
      for (StoreChange change : changes) {
        if (change instanceof StoreChange.Delta delta) {
          applyDelta(delta, batch);
        } else if (change instanceof StoreChange.Sync sync) {
          applySync(sync, batch);
        } else {
          applyDrop(change.origin(), batch);
        }
      }
      commit(batch);
      return true;
    } finally {
      writer.unlock();
    }
  }

  private void applyDelta(StoreChange.Delta delta, WriteBatch batch) {
    delta
        .pidsByGroup()
        .forEach(
            (group, pids) -> {
              List<Pid> changed = new ArrayList<>(pids.size());
              boolean join = delta.direction() == StoreChange.Direction.JOIN;
              SlotTable table =
                  join
                      ? remoteTable(delta.origin(), group)
                      : existingRemoteTable(delta.origin(), group);
              for (Pid pid : pids) {
                if (join) {
                  table.append(pid);
                  changed.add(pid);
                } else if (table != null && table.removeLatest(pid)
                    || planted(PlantedBug.NOTIFY_NON_MEMBERS)) {
                  changed.add(pid);
                }
              }
              if (table != null && table.live() == 0) {
                dropRemoteTable(delta.origin(), group);
              }
              batch.touch(group);
              batch.emit(kindOf(delta.direction()), group, changed);
            });
  }

  /**
   * Replaces the origin's slots group by group: the groups it had first, then the new ones. A
   * changed group emits member.left for what went, then member.joined for what came (multiset
   * difference), so a monitor folding events never drifts from the view. Afterwards the origin's
   * groups are in the sync's order, as if its tables had been rebuilt from it.
   */
  private void applySync(StoreChange.Sync sync, WriteBatch batch) {
    String origin = sync.origin();
    Set<String> allGroups =
        new LinkedHashSet<>(remoteTablesByOrigin.getOrDefault(origin, Map.of()).keySet());
    allGroups.addAll(sync.pidsByGroup().keySet());
    for (String group : allGroups) {
      SlotTable old = existingRemoteTable(origin, group);
      List<Pid> before = old == null ? List.of() : old.livePids();
      List<Pid> after = sync.pidsByGroup().getOrDefault(group, List.of());
      if (before.equals(after)) {
        continue;
      }
      dropRemoteTable(origin, group);
      for (Pid pid : after) {
        remoteTable(origin, group).append(pid);
      }
      batch.touch(group);
      if (planted(PlantedBug.SYNC_WITHOUT_DIFF_EVENTS) && !before.isEmpty() && !after.isEmpty()) {
        continue;
      }
      batch.emit(GroupEvent.Kind.LEFT, group, Multisets.minus(before, after));
      batch.emit(GroupEvent.Kind.JOINED, group, Multisets.minus(after, before));
    }
    Map<String, SlotTable> byGroup = remoteTablesByOrigin.get(origin);
    if (byGroup != null) {
      Map<String, SlotTable> reordered = new LinkedHashMap<>();
      sync.pidsByGroup().keySet().forEach(g -> reordered.put(g, byGroup.get(g)));
      reordered.values().removeIf(Objects::isNull);
      byGroup.clear();
      byGroup.putAll(reordered);
    }
  }

  private void applyDrop(String origin, WriteBatch batch) {
    Map<String, SlotTable> byGroup = remoteTablesByOrigin.get(origin);
    if (byGroup == null) {
      return;
    }
    for (String group : new ArrayList<>(byGroup.keySet())) {
      List<Pid> pids = byGroup.get(group).livePids();
      dropRemoteTable(origin, group);
      batch.touch(group);
      batch.emit(GroupEvent.Kind.LEFT, group, pids);
    }
  }

  // ---------------------------------------------------------------- subscriptions

  /**
   * Subscribes to {@code group}'s events and returns its members, atomically. Once the scope is
   * stopped the subscription comes back closed, with no members.
   */
  public MonitorSnapshot monitor(String group) {
    writer.lock();
    try {
      Subscription sub = new Subscription(this, group, config.monitorBuffer());
      register(sub, groupSubscriptions.computeIfAbsent(group, g -> new ArrayList<>()));
      return new MonitorSnapshot(sub, members(group));
    } finally {
      writer.unlock();
    }
  }

  /**
   * Subscribes to every group's events and returns all non-empty groups' members, atomically
   * (closed and empty once the scope is stopped).
   */
  public EventsSnapshot events() {
    writer.lock();
    try {
      Subscription sub = new Subscription(this, null, config.monitorBuffer());
      register(sub, scopeSubscriptions);
      Map<String, List<Pid>> snapshot = new LinkedHashMap<>();
      state.groups().forEach((group, g) -> snapshot.put(group, g.members()));
      return new EventsSnapshot(sub, Collections.unmodifiableMap(snapshot));
    } finally {
      writer.unlock();
    }
  }

  /**
   * Stops the scope for good: every subscription closes (buffered events stay readable), every slot
   * is gone without events, and later writes change nothing.
   */
  public void stop() {
    writer.lock();
    try {
      stopped = true;
      List<Subscription> open = new ArrayList<>(scopeSubscriptions);
      groupSubscriptions.values().forEach(open::addAll);
      open.forEach(Subscription::close);
      tables.clear();
      remoteTablesByOrigin.clear();
      groupsByLocalPid.clear();
      state = StoreState.EMPTY;
      heldBack = null;
    } finally {
      writer.unlock();
    }
  }

  /** Events not delivered because a subscription's buffer was full, since start (metrics). */
  public long droppedEvents() {
    return droppedEvents.sum();
  }

  private void countDrop(boolean delivered) {
    if (!delivered) {
      droppedEvents.increment();
    }
  }

  public boolean isStopped() {
    return stopped;
  }

  void unsubscribe(Subscription sub) {
    writer.lock();
    try {
      if (sub.group().isEmpty()) {
        scopeSubscriptions.remove(sub);
        return;
      }
      String group = sub.group().get();
      List<Subscription> subs = groupSubscriptions.get(group);
      if (subs != null && subs.remove(sub) && subs.isEmpty()) {
        groupSubscriptions.remove(group);
      }
    } finally {
      writer.unlock();
    }
  }

  // ---------------------------------------------------------------- writer internals

  private void register(Subscription sub, List<Subscription> subscribers) {
    if (stopped) {
      sub.channel().close();
    } else {
      subscribers.add(sub);
    }
  }

  private void checkLimits(Map<String, Integer> counts, WriteBatch batch)
      throws StoreLimitException {
    int newGroups = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      GroupTables t = tables.get(e.getKey());
      int local = t == null ? 0 : t.localLive();
      if (local == 0) {
        newGroups++;
      }
      int max = config.maxMembersPerGroup().orElse(Integer.MAX_VALUE);
      int adding = planted(PlantedBug.LIMIT_COUNTS_GROUPS_ONCE) ? 1 : e.getValue();
      if ((long) local + adding > max) {
        throw new StoreLimitException(
            "group '" + e.getKey() + "' would pass max_members_per_group (" + max + ")");
      }
    }
    int maxGroups = config.maxGroups().orElse(Integer.MAX_VALUE);
    if (newGroups > 0 && maxGroups < Integer.MAX_VALUE) {
      stage(batch); // the count must include the writes combined before this one
    }
    if (newGroups > 0 && (long) batch.next.localGroups() + newGroups > maxGroups) {
      throw new StoreLimitException("join would pass max_groups (" + maxGroups + ")");
    }
  }

  private void forgetIfGone(Pid pid, String group, GroupTables t) {
    if (!t.holdsLocal(pid)) {
      groupsByLocalPid.remove(pid, group);
    }
  }

  private SlotTable remoteTable(String origin, String group) {
    return remoteTablesByOrigin
        .computeIfAbsent(origin, o -> new LinkedHashMap<>())
        .computeIfAbsent(
            group,
            g -> {
              SlotTable table = new SlotTable();
              tables.computeIfAbsent(g, x -> new GroupTables()).addRemote(origin, table);
              return table;
            });
  }

  private SlotTable existingRemoteTable(String origin, String group) {
    return remoteTablesByOrigin.getOrDefault(origin, Map.of()).get(group);
  }

  private void dropRemoteTable(String origin, String group) {
    Map<String, SlotTable> byGroup = remoteTablesByOrigin.get(origin);
    if (byGroup != null && byGroup.remove(group) != null) {
      tables.get(group).removeRemote(origin);
      if (byGroup.isEmpty()) {
        remoteTablesByOrigin.remove(origin);
      }
    }
  }

  /** Runs combined local writes in order and commits them as one. */
  private void commitLocal(List<GroupCommit.Pending<?>> writes) {
    WriteBatch batch = newBatch();
    for (GroupCommit.Pending<?> write : writes) {
      write.runIn(batch);
    }
    commit(batch);
  }

  /** A local write that cannot pass a limit. */
  private <T> T localWrite(GroupCommit.Write<T> write) {
    try {
      return commits.submit(write);
    } catch (StoreLimitException e) {
      throw new IllegalStateException("only joins check limits", e);
    }
  }

  /** Queues a local change for the listener, which hears it once it is published. */
  private void localChange(
      WriteBatch batch, StoreChange.Direction direction, Pid pid, Map<String, Integer> counts) {
    if (changeListener != null) {
      Map<String, List<Pid>> pidsByGroup;
      if (counts.size() == 1) { // the common call: one group, one slot
        Map.Entry<String, Integer> only = counts.entrySet().iterator().next();
        pidsByGroup = Map.of(only.getKey(), Collections.nCopies(only.getValue(), pid));
      } else {
        pidsByGroup = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
          pidsByGroup.put(e.getKey(), Collections.nCopies(e.getValue(), pid));
        }
      }
      batch.localChanges.add(new StoreChange.Delta(localNode, direction, pidsByGroup));
    }
  }

  private WriteBatch newBatch() {
    return new WriteBatch(latest(), this::watched);
  }

  /** Brings the batch's next state up to date with the groups touched so far. */
  private void stage(WriteBatch batch) {
    for (String group : batch.touchedGroups) {
      GroupTables t = tables.get(group);
      GroupState g = t == null ? null : t.view();
      if (g == null || g.live() == 0) {
        tables.remove(group);
        if (!planted(PlantedBug.EMPTY_GROUPS_LINGER)) {
          batch.next.remove(group);
        }
      } else {
        batch.next.put(group, g);
      }
      // Touch the local-groups map only when the group's local status changes (rarely, for a
      // group of many slots; never, for a remote-only group).
      boolean local = g != null && g.localLive() > 0;
      if (t != null && t.listedLocal != local) {
        batch.next.listLocal(group, local);
        t.listedLocal = local;
      }
    }
    batch.touchedGroups.clear();
  }

  /**
   * Publishes the batch's state, then emits its events and hands its local changes to the listener,
   * in the order they were made.
   */
  private void commit(WriteBatch batch) {
    stage(batch);
    publish(batch.next.build());
    for (GroupEvent event : batch.events) {
      for (Subscription sub : groupSubscriptions.getOrDefault(event.group(), List.of())) {
        countDrop(sub.offer(event));
      }
      for (Subscription sub : scopeSubscriptions) {
        countDrop(sub.offer(event));
      }
    }
    if (changeListener != null) {
      batch.localChanges.forEach(changeListener);
    }
  }

  /**
   * The state writes build on: the published one, unless the STALE_READS planted bug holds one
   * back.
   */
  private StoreState latest() {
    return heldBack != null ? heldBack : state;
  }

  private void publish(StoreState next) {
    if (planted(PlantedBug.STALE_READS)) {
      if (heldBack != null) {
        state = heldBack;
      }
      heldBack = next;
      return;
    }
    state = next;
  }

  private boolean planted(PlantedBug bug) {
    return bugs.contains(bug);
  }

  /** True if some subscription wants {@code group}'s events. */
  private boolean watched(String group) {
    return !scopeSubscriptions.isEmpty() || groupSubscriptions.containsKey(group);
  }

  private static Map<String, Integer> countByGroup(List<String> groups) {
    if (groups.size() == 1) {
      return Map.of(groups.get(0), 1);
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String group : groups) {
      counts.merge(group, 1, Integer::sum);
    }
    return counts;
  }

  private static GroupEvent.Kind kindOf(StoreChange.Direction direction) {
    return direction == StoreChange.Direction.JOIN ? GroupEvent.Kind.JOINED : GroupEvent.Kind.LEFT;
  }
}
