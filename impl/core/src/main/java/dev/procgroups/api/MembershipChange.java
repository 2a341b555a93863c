package dev.procgroups.api;

import dev.procgroups.pg.ErrorKind;
import dev.procgroups.pg.PgException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A join or leave that has been applied on this node, and a way to wait until the other nodes see
 * it: replication is asynchronous, so a broadcast sent right after a join on another node may miss
 * the new member. Waiting covers every change this node made in the scope up to the join or leave,
 * and every peer up when the wait starts; a peer that goes down meanwhile is not waited for. A node
 * that has just started sees no peer yet, so a wait then ends at once: wait for the peers you
 * expect first ({@code node.cluster().awaitPeers(count, timeout)}).
 */
public final class MembershipChange {

  private final Supplier<CompletableFuture<Void>> visibility;

  MembershipChange(Supplier<CompletableFuture<Void>> visibility) {
    this.visibility = visibility;
  }

  /**
   * Completes once every live peer has applied the change (at once on a node without peers). It
   * never completes while a live peer lags (a cut link, an overloaded peer): bound it ({@link
   * CompletableFuture#orTimeout}) or use {@link #visibleOnAllNodes(Duration)}.
   */
  public CompletableFuture<Void> whenVisibleOnAllNodes() {
    return visibility.get();
  }

  /**
   * Waits up to {@code timeout} until every live peer has applied the change.
   *
   * @return true once they all have; false if the time ran out first
   * @throws GroupsException UNAVAILABLE if the node closed meanwhile
   */
  public boolean visibleOnAllNodes(Duration timeout) {
    CompletableFuture<Void> visible = whenVisibleOnAllNodes();
    try {
      visible.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException e) {
      visible.cancel(false); // the node stops asking for it
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      visible.cancel(false);
      return false;
    } catch (ExecutionException e) {
      throw new GroupsException(new PgException(ErrorKind.UNAVAILABLE, e.getCause().getMessage()));
    }
  }
}
