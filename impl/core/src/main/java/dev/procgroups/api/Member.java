package dev.procgroups.api;

import static dev.procgroups.api.GroupsException.unchecked;

import dev.procgroups.pg.PgException;
import dev.procgroups.pg.PgInstance;
import dev.procgroups.process.Pid;
import dev.procgroups.process.RunningProcess;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A registered member: a process of the node that Java code drives from any thread. It joins and
 * leaves groups; messages broadcast to its groups reach its listener, called on the member's own
 * thread, one message at a time. {@link #close()} is its exit: it leaves every group it joined, as
 * any exiting process does.
 */
public final class Member implements AutoCloseable {

  private final RunningProcess process;
  private final PgInstance groups;
  private final MembershipChange applied;
  private final CompletableFuture<Void> exited = new CompletableFuture<>();

  Member(RunningProcess process, PgInstance groups, Supplier<CompletableFuture<Void>> visibility) {
    this.process = process;
    this.groups = groups;
    this.applied = new MembershipChange(visibility);
    process.onExit(() -> exited.complete(null));
  }

  public Pid pid() {
    return process.pid();
  }

  /**
   * Joins one or more groups at once; visible to this node's readers when it returns, to the other
   * nodes once the returned change says so ({@link MembershipChange#visibleOnAllNodes}).
   */
  public MembershipChange join(GroupName group, GroupName... more) {
    return joinNames(more.length == 0 ? group.value() : names(batch(group, more)));
  }

  /** Joins every group of the batch (a member may join a group several times, as in pg). */
  public MembershipChange join(Collection<GroupName> batch) {
    return joinNames(names(batch));
  }

  /** Leaves one slot of each group named; see {@link #join} for visibility. */
  public MembershipChange leave(GroupName group, GroupName... more) {
    return leaveNames(more.length == 0 ? group.value() : names(batch(group, more)));
  }

  public MembershipChange leave(Collection<GroupName> batch) {
    return leaveNames(names(batch));
  }

  /** {@code names}: one name, or a list of them, as the Lua-shaped API takes them. */
  private MembershipChange joinNames(Object names) {
    return change(() -> groups.join(names));
  }

  private MembershipChange leaveNames(Object names) {
    return change(() -> groups.leave(names));
  }

  private MembershipChange change(PgWrite write) {
    unchecked(
        () -> {
          write.run();
          return null;
        });
    return applied;
  }

  /** A join or leave of the Lua-shaped API. */
  @FunctionalInterface
  private interface PgWrite {
    void run() throws PgException;
  }

  /** The groups this member is in. */
  public Set<String> groups() {
    return unchecked(groups::whichLocalGroups);
  }

  public boolean isAlive() {
    return process.alive();
  }

  /** Completes once the member has exited and left its groups. */
  public CompletableFuture<Void> exited() {
    return exited;
  }

  /** Exits (leaving every group) and waits until it has; idempotent. */
  @Override
  public void close() {
    process.kill();
    exited.join();
  }

  private static List<GroupName> batch(GroupName group, GroupName... more) {
    List<GroupName> all = new ArrayList<>(1 + more.length);
    all.add(group);
    all.addAll(List.of(more));
    return all;
  }

  private static List<String> names(Collection<GroupName> batch) {
    return batch.stream().map(GroupName::value).toList();
  }
}
