package dev.procgroups.daemon.control;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.concurrent.TimeUnit;

/**
 * Bounds what clients can hold without finishing requests: at most {@code maxConnections} open
 * connections; a request must arrive whole within {@code requestDeadline} of its first byte; a
 * connection idle between requests is closed after {@code idleTimeout}. When the cap is reached a
 * new connection makes room by closing the oldest idle one, else it is refused (closed at once):
 * idle connections cannot lock clients out, and slow senders only until their deadline.
 *
 * <p>One instance per listener; its handlers run on the listener's single event loop thread, so its
 * counts need no locking.
 */
final class ConnectionWatch {

  private final int maxConnections;
  private final Duration requestDeadline;
  private final Duration idleTimeout;
  private final LinkedHashSet<Handler> idle = new LinkedHashSet<>();
  private int open;
  private long refused;

  ConnectionWatch(int maxConnections, Duration requestDeadline, Duration idleTimeout) {
    this.maxConnections = maxConnections;
    this.requestDeadline = requestDeadline;
    this.idleTimeout = idleTimeout;
  }

  /** Open connections, how many of them are idle, and how many were refused so far. */
  record Counts(int open, int idle, long refused) {}

  /** The counts now; call on the event loop thread. */
  Counts counts() {
    return new Counts(open, idle.size(), refused);
  }

  /** The handler for one new connection; it goes first in the pipeline (it sees raw bytes). */
  Handler handler() {
    return new Handler();
  }

  /** One connection's state: idle (between requests), reading one, or busy answering it. */
  final class Handler extends ChannelInboundHandlerAdapter {
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> timer;
    private boolean counted;

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
      this.ctx = ctx;
      if (open >= maxConnections && !evictOldestIdle()) {
        refused++;
        ctx.close();
        return;
      }
      open++;
      counted = true;
      becomeIdle();
      super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
      release();
      super.channelInactive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
      if (idle.remove(this)) {
        restart(requestDeadline);
      }
      super.channelRead(ctx, msg);
    }

    /** The whole request arrived: no deadline while it is answered. */
    void busy() {
      idle.remove(this);
      cancel();
    }

    /** The reply went out on a connection kept alive: wait for the next request. */
    void becomeIdle() {
      idle.add(this);
      restart(idleTimeout);
    }

    /** Uncounts the connection once, whether it closed or was evicted. */
    private void release() {
      idle.remove(this);
      cancel();
      if (counted) {
        counted = false;
        open--;
      }
    }

    private void restart(Duration after) {
      cancel();
      timer = ctx.executor().schedule(() -> ctx.close(), after.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void cancel() {
      if (timer != null) {
        timer.cancel(false);
      }
    }
  }

  private boolean evictOldestIdle() {
    var oldest = idle.iterator();
    if (!oldest.hasNext()) {
      return false;
    }
    Handler victim = oldest.next();
    victim.release();
    victim.ctx.close();
    return true;
  }
}
