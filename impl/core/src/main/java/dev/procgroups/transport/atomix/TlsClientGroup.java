package dev.procgroups.transport.atomix;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.AbstractEventExecutorGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Atomix's client event loops, with every connection registered through this group secured first
 * ({@code secure} puts TLS at the front of its pipeline). Atomix 3.1.12 builds each outbound
 * connection's bootstrap on its {@code clientGroup} field when it connects, and has no other hook
 * into a client pipeline; {@link AtomixMessaging} puts this group in that field after start (the
 * server side, bound at start, keeps the plain group for the connections it accepts). Everything
 * else is the wrapped group's.
 */
final class TlsClientGroup extends AbstractEventExecutorGroup implements EventLoopGroup {

  private final EventLoopGroup loops;
  private final Consumer<Channel> secure;

  TlsClientGroup(EventLoopGroup loops, Consumer<Channel> secure) {
    this.loops = loops;
    this.secure = secure;
  }

  @Override
  public ChannelFuture register(Channel channel) {
    secure.accept(channel);
    return loops.register(channel);
  }

  @Override
  public ChannelFuture register(ChannelPromise promise) {
    secure.accept(promise.channel());
    return loops.register(promise);
  }

  @Override
  @Deprecated
  public ChannelFuture register(Channel channel, ChannelPromise promise) {
    return register(promise);
  }

  @Override
  public EventLoop next() {
    return loops.next();
  }

  @Override
  public Iterator<EventExecutor> iterator() {
    return loops.iterator();
  }

  @Override
  public boolean isShuttingDown() {
    return loops.isShuttingDown();
  }

  @Override
  public Future<?> shutdownGracefully(long quietPeriod, long timeout, TimeUnit unit) {
    return loops.shutdownGracefully(quietPeriod, timeout, unit);
  }

  @Override
  public Future<?> terminationFuture() {
    return loops.terminationFuture();
  }

  @Override
  @Deprecated
  public void shutdown() {
    loops.shutdown();
  }

  @Override
  public boolean isShutdown() {
    return loops.isShutdown();
  }

  @Override
  public boolean isTerminated() {
    return loops.isTerminated();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    return loops.awaitTermination(timeout, unit);
  }
}
