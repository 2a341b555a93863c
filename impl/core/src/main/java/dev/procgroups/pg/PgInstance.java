package dev.procgroups.pg;

import dev.procgroups.process.Payloads;
import dev.procgroups.process.Pid;
import dev.procgroups.store.EventsSnapshot;
import dev.procgroups.store.MembershipStore;
import dev.procgroups.store.MonitorSnapshot;
import dev.procgroups.store.StoreLimitException;
import java.util.List;
import java.util.Set;

/**
 * A scope opened by one process ({@code pg.open}): every pg method of the spec. Arguments are typed
 * {@code Object} because callers may be dynamically typed (Lua): a group is a {@code String}, a
 * batch a {@code List} of them. Each call checks, in order: released instance, arguments,
 * permission, scope limits (docs/DECISIONS.md), a running scope (else UNAVAILABLE), and changes
 * nothing unless all pass. Failures are {@link PgException}s; no bad input makes a method throw
 * anything else.
 */
public final class PgInstance {

  private final Pg pg;
  private final ProcessRecord process;
  private final String scopeId;
  private final MembershipStore store;
  private volatile boolean released;

  PgInstance(Pg pg, ProcessRecord process, String scopeId, MembershipStore store) {
    this.pg = pg;
    this.process = process;
    this.scopeId = scopeId;
    this.store = store;
  }

  public String scopeId() {
    return scopeId;
  }

  public Pid pid() {
    return process.handle().pid();
  }

  /** Adds one slot per name ({@code String} or non-empty {@code List} of them; repeats allowed). */
  public void join(Object groups) throws PgException {
    List<String> names = begin(groups, Permission.JOIN);
    try {
      if (!store.join(pid(), names, process::live)) {
        checkRunning();
        throw releasedError();
      }
    } catch (StoreLimitException e) {
      throw new PgException(ErrorKind.RATE_LIMITED, e.getMessage());
    }
  }

  /**
   * Removes one slot (the most recent) per name where the process still has one; INVALID only if
   * nothing was removed.
   */
  public void leave(Object groups) throws PgException {
    List<String> names = begin(groups, Permission.LEAVE);
    if (store.leave(pid(), names).isEmpty()) {
      checkRunning();
      throw Arguments.invalid("group", "not a member of " + String.join(", ", names));
    }
  }

  /** Every slot of the group in this node's view (a PID per slot); empty for an unknown group. */
  public List<Pid> getMembers(Object group) throws PgException {
    return store.members(beginSingle(group, Permission.GET_MEMBERS));
  }

  /** This node's slots of the group, in join order. */
  public List<Pid> getLocalMembers(Object group) throws PgException {
    return store.localMembers(beginSingle(group, Permission.GET_LOCAL_MEMBERS));
  }

  /** Groups with at least one member in this node's view (unordered). */
  public Set<String> whichGroups() throws PgException {
    beginScope(Permission.WHICH_GROUPS);
    return store.groups();
  }

  /** Groups with at least one member on this node (unordered). */
  public Set<String> whichLocalGroups() throws PgException {
    beginScope(Permission.WHICH_LOCAL_GROUPS);
    return store.localGroups();
  }

  /**
   * Sends the payload under {@code topic} to every slot of the group in this node's view, the
   * caller as sender: local slots before returning, remote ones as one message per node.
   */
  public void broadcast(Object group, Object topic, Object... payload) throws PgException {
    Delivery delivery = delivery(group, topic, payload, Permission.BROADCAST);
    delivery.toLocal(store.localMembers(delivery.group));
    store
        .remoteMembersByOrigin(delivery.group)
        .forEach(
            (node, targets) ->
                pg.remote().send(node, pid(), delivery.topic, delivery.payload, targets));
  }

  /** Like {@link #broadcast} for this node's slots only. */
  public void broadcastLocal(Object group, Object topic, Object... payload) throws PgException {
    Delivery delivery = delivery(group, topic, payload, Permission.BROADCAST_LOCAL);
    delivery.toLocal(store.localMembers(delivery.group));
  }

  /** Subscribes to the group's events; the snapshot and the subscription are taken atomically. */
  public MonitorSnapshot monitor(Object group) throws PgException {
    MonitorSnapshot result = store.monitor(beginSingle(group, Permission.MONITOR));
    process.addSubscription(result.subscription());
    return result;
  }

  /** Subscribes to every group's events, with a snapshot of all groups, atomically. */
  public EventsSnapshot events() throws PgException {
    beginScope(Permission.EVENTS);
    EventsSnapshot result = store.events();
    process.addSubscription(result.subscription());
    return result;
  }

  /** Invalidates this handle (not the process's slots or subscriptions). Idempotent; true. */
  public boolean release() {
    released = true;
    process.detach(this);
    return true;
  }

  public boolean isReleased() {
    return released;
  }

  private List<String> begin(Object groups, Permission permission) throws PgException {
    checkOpen();
    List<String> names = Arguments.names(groups, "group");
    for (String name : names) {
      pg.check(pid(), permission, name);
    }
    return names;
  }

  private String beginSingle(Object value, Permission permission) throws PgException {
    checkOpen();
    String name = Arguments.name(value, "group");
    pg.check(pid(), permission, name);
    checkRunning();
    return name;
  }

  private void beginScope(Permission permission) throws PgException {
    checkOpen();
    pg.check(pid(), permission, scopeId);
    checkRunning();
  }

  private void checkOpen() throws PgException {
    if (released) {
      throw releasedError();
    }
  }

  /**
   * Step 5's precondition: the scope still runs. Checked before reads; a write that changed nothing
   * checks it after, as stopping is permanent and the store refuses writes once stopped.
   */
  private void checkRunning() throws PgException {
    if (store.isStopped()) {
      throw new PgException(ErrorKind.UNAVAILABLE, "scope " + scopeId + " is stopped");
    }
  }

  private static PgException releasedError() {
    return PgException.invalid("instance released");
  }

  /** Validates every argument (copying the payload), then checks the permission on the group. */
  private Delivery delivery(Object group, Object topic, Object[] payload, Permission permission)
      throws PgException {
    checkOpen();
    String name = Arguments.name(group, "group");
    String topicName = Arguments.name(topic, "topic");
    Payloads.Packed copied;
    try {
      copied = Payloads.packSized(payload);
      PayloadSize.checkBytes(copied.bytes());
    } catch (IllegalArgumentException e) {
      throw PgException.invalid(e.getMessage());
    }
    Delivery delivery = new Delivery(name, topicName, copied);
    pg.check(pid(), permission, delivery.group);
    checkRunning();
    return delivery;
  }

  private final class Delivery {
    final String group;
    final String topic;
    final Object payload;
    final long bytes; // its encoded size, for the receivers' mailboxes

    Delivery(String group, String topic, Payloads.Packed packed) {
      this.group = group;
      this.topic = topic;
      this.payload = packed.payload();
      this.bytes = packed.bytes();
    }

    void toLocal(List<Pid> targets) {
      for (Pid target : targets) {
        pg.sink().deliver(target, pid(), topic, payload, bytes);
      }
    }
  }
}
