package dev.procgroups.transport.atomix;

import io.atomix.cluster.messaging.MessagingConfig;
import io.atomix.cluster.messaging.impl.NettyMessagingService;
import io.atomix.utils.net.Address;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

/**
 * Atomix's Netty messaging service, started and stopped as a library's must be: its threads never
 * keep the JVM alive, and stopping takes milliseconds, not the two-second quiet period that Atomix
 * 3.1.12's {@code stop()} asks of Netty (the bulk of a node's close time, and of a short {@code
 * procgroups run}).
 *
 * <p>Atomix's thread factory makes a thread a daemon only if the thread that causes its creation is
 * one, and Netty creates an event loop's thread when work is first handed to that loop. So {@link
 * #start} runs on a daemon thread of its own, which also hands every event loop a no-op: every
 * loop's thread exists, a daemon, before a caller's thread (a user's {@code main}) could create it.
 * {@link #stop} closes the listening channel, shuts the event loops down without a quiet period
 * (what had to be written, the farewells, was written before) and ends Atomix's timeout pool.
 * {@link #dropConnections} closes a silent peer's pooled connection, so that the next message opens
 * a fresh one rather than waiting behind TCP's retransmissions. The fields it reaches are private
 * to Atomix 3.1.12, which the build pins; they are looked up when this class loads, so another
 * version fails the first node's start, naming the field.
 */
final class AtomixMessaging {

  private static final Field SERVER_CHANNEL = field("serverChannel");
  private static final Field SERVER_GROUP = field("serverGroup");
  private static final Field CLIENT_GROUP = field("clientGroup");
  private static final Field TIMEOUT_EXECUTOR = field("timeoutExecutor");
  private static final Field CHANNEL_POOL = field("channelPool");
  private static final Field POOLED_CHANNELS = poolField("channels");

  private final NettyMessagingService service;
  private final String threadName;

  AtomixMessaging(String clusterId, String host, int port, String threadName) {
    this.service =
        new NettyMessagingService(
            clusterId,
            Address.from(host, port),
            new MessagingConfig()
                .setInterfaces(List.of(host)) // else Atomix listens on every interface
                .setPort(port));
    this.threadName = threadName;
  }

  /** Receives every message sent to {@code subject}, on Netty's thread. */
  void registerHandler(String subject, BiConsumer<Address, byte[]> handler) {
    service.registerHandler(subject, handler, Runnable::run);
  }

  /** Completes once the message is written to the connection (opened on first use). */
  CompletableFuture<Void> sendAsync(Address to, String subject, byte[] payload) {
    return service.sendAsync(to, subject, payload);
  }

  /** Binds and starts every event loop's thread, all daemons; waits up to {@code timeoutMillis}. */
  void start(long timeoutMillis) throws InterruptedException, ExecutionException, TimeoutException {
    CompletableFuture<Void> started = new CompletableFuture<>();
    Thread starter =
        new Thread(
            () -> {
              try {
                service.start().get(timeoutMillis, TimeUnit.MILLISECONDS);
                startThreads(SERVER_GROUP);
                startThreads(CLIENT_GROUP);
                started.complete(null);
              } catch (Throwable e) { // handed to the caller
                started.completeExceptionally(e);
              }
            },
            threadName + "-start");
    starter.setDaemon(true);
    starter.start();
    started.get(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  /**
   * Stops listening, closes every connection and ends every thread, without a quiet period; waits
   * up to {@code timeoutMillis} for the threads to end. Also after a failed or no {@link #start}.
   */
  void stop(long timeoutMillis) throws InterruptedException {
    if (read(SERVER_CHANNEL) instanceof Channel listening) {
      listening.close().await(timeoutMillis);
    }
    List<Future<?>> ends = new ArrayList<>();
    for (Field field : List.of(SERVER_GROUP, CLIENT_GROUP)) {
      if (read(field) instanceof EventLoopGroup group) {
        ends.add(group.shutdownGracefully(0, timeoutMillis, TimeUnit.MILLISECONDS));
      }
    }
    if (read(TIMEOUT_EXECUTOR) instanceof ExecutorService timeouts) {
      timeouts.shutdownNow();
    }
    for (Future<?> end : ends) {
      end.await(timeoutMillis);
    }
  }

  /**
   * Closes the pooled connections to {@code host:port}, so that the next send opens a fresh one (a
   * connect gives up after 1 s). For a peer gone silent: a connection that lost packets during a
   * partition otherwise resumes only at TCP's next retransmission, up to the partition's length
   * after the heal, and everything sent meanwhile waits behind it.
   */
  void dropConnections(String host, int port) {
    @SuppressWarnings("unchecked")
    Map<Address, List<CompletableFuture<Channel>>> pooled =
        (Map<Address, List<CompletableFuture<Channel>>>) read(POOLED_CHANNELS, read(CHANNEL_POOL));
    List<CompletableFuture<Channel>> channels = pooled.get(Address.from(host, port));
    if (channels == null) {
      return;
    }
    synchronized (channels) { // as Atomix's pool guards each address's list
      for (CompletableFuture<Channel> channel : channels) {
        if (channel != null && channel.isDone() && !channel.isCompletedExceptionally()) {
          channel.join().close(); // the pool forgets it on close
        }
      }
    }
  }

  private void startThreads(Field group) {
    for (EventExecutor loop : (EventLoopGroup) read(group)) {
      loop.execute(() -> {});
    }
  }

  private Object read(Field field) {
    return read(field, service);
  }

  private static Object read(Field field, Object owner) {
    try {
      return field.get(owner);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read Atomix's " + field.getName(), e);
    }
  }

  private static Field field(String name) {
    return field(NettyMessagingService.class, name);
  }

  private static Field poolField(String name) {
    try {
      return field(Class.forName("io.atomix.cluster.messaging.impl.ChannelPool"), name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("Atomix has no ChannelPool: procgroups needs 3.1.12", e);
    }
  }

  private static Field field(Class<?> owner, String name) {
    try {
      Field field = owner.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException | RuntimeException e) {
      throw new IllegalStateException(
          "Atomix's "
              + owner.getSimpleName()
              + " has no accessible field "
              + name
              + ": procgroups needs atomix-cluster 3.1.12",
          e);
    }
  }
}
