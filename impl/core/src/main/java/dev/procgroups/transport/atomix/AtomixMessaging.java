package dev.procgroups.transport.atomix;

import dev.procgroups.transport.tls.CertificateNames;
import dev.procgroups.transport.tls.ReloadingTls;
import io.atomix.cluster.messaging.MessagingConfig;
import io.atomix.cluster.messaging.impl.NettyMessagingService;
import io.atomix.utils.net.Address;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import javax.net.ssl.SSLPeerUnverifiedException;

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
 *
 * <p>TLS is ours, not Atomix's {@code TlsConfig} (keystores read once, no name check, and its
 * handlers placed where a {@link FrameGuard} could not follow them): every connection both ways
 * gets an {@link SslHandler} from the material current when it opens ({@link ReloadingTls}), so a
 * rotated certificate is used from the next connection on; an accepted connection also remembers
 * the names its peer's certificate vouches for ({@link #certifiedNames}).
 */
final class AtomixMessaging {

  private static final Field SERVER_CHANNEL = field("serverChannel");
  private static final Field SERVER_GROUP = field("serverGroup");
  private static final Field CLIENT_GROUP = field("clientGroup");
  private static final Field TIMEOUT_EXECUTOR = field("timeoutExecutor");
  private static final Field CHANNEL_POOL = field("channelPool");
  private static final Field POOLED_CHANNELS = poolField("channels");

  /**
   * The largest frame content an inbound connection may announce: the largest batch a peer's outbox
   * can send (one message of up to its whole queue) and room for the envelope.
   */
  static final long MAX_FRAME_CONTENT_BYTES = PeerOutbox.MAX_QUEUED_BYTES + (1 << 20);

  private static final String TLS = "procgroups-tls";
  private static final AttributeKey<Set<String>> CERTIFIED_NAMES =
      AttributeKey.valueOf("procgroups-certified-names");

  private final NettyMessagingService service;
  private final String threadName;
  private final ReloadingTls tls; // null: plaintext, chosen explicitly
  private final ConnectionsPerAddress perAddress;
  private final AtomicLong refusedConnections = new AtomicLong();
  private final AtomicLong cutConnections = new AtomicLong();
  private final AtomicLong cappedConnections = new AtomicLong();
  private final AtomicLong failedHandshakes = new AtomicLong();

  /**
   * Listens on {@code host:port} only; with {@code tls} (null for plaintext) every connection both
   * ways is TLS first; each peer address may hold {@code maxConnectionsPerAddress} inbound ones.
   */
  AtomixMessaging(
      String clusterId,
      String host,
      int port,
      String threadName,
      ReloadingTls tls,
      int maxConnectionsPerAddress) {
    this.service =
        new NettyMessagingService(
            clusterId,
            Address.from(host, port),
            new MessagingConfig()
                .setInterfaces(List.of(host)) // else Atomix listens on every interface
                .setPort(port));
    this.threadName = threadName;
    this.tls = tls;
    this.perAddress =
        new ConnectionsPerAddress(
            PlantedBug.UNCAPPED_CONNECTIONS.planted()
                ? Integer.MAX_VALUE
                : maxConnectionsPerAddress);
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
                guardInboundConnections();
                if (tls != null) {
                  write(
                      CLIENT_GROUP,
                      new TlsClientGroup(
                          (EventLoopGroup) read(CLIENT_GROUP), this::secureOutbound));
                }
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

  /** Inbound connections closed by their {@link FrameGuard}: an oversized or malformed frame. */
  long refusedConnections() {
    return refusedConnections.get();
  }

  /**
   * Inbound connections cut for sending too many rejected messages ({@link RejectedInputLimit}).
   */
  long cutConnections() {
    return cutConnections.get();
  }

  /** Inbound connections closed at once: their address held the most connections already. */
  long cappedConnections() {
    return cappedConnections.get();
  }

  /**
   * Inbound connections whose TLS handshake failed: no certificate, one not signed by a trusted
   * authority, no TLS at all, or closed before the handshake ended.
   */
  long failedHandshakes() {
    return failedHandshakes.get();
  }

  /**
   * The names the TLS certificate of {@code connection} (one this node accepted) vouches for; empty
   * on a plaintext connection or before its handshake ended.
   */
  static Set<String> certifiedNames(Channel connection) {
    Set<String> names = connection.attr(CERTIFIED_NAMES).get();
    return names == null ? Set.of() : names;
  }

  /**
   * Guards every connection Atomix accepts from now on: one over its address's cap is closed before
   * Atomix sees it; the others get TLS (if on) and a {@link FrameGuard} behind it, first in their
   * pipeline. Atomix 3.1.12 offers no hook into its child pipelines; the listening channel's own
   * pipeline is Netty's public API, and each accepted connection passes through it (as a message)
   * before Atomix's acceptor adds its handlers, so a handler placed first there can add ours in
   * front. Done right after binding, before any seed is greeted.
   */
  private void guardInboundConnections() {
    Channel listening = (Channel) read(SERVER_CHANNEL);
    listening
        .pipeline()
        .addFirst(
            "procgroups-inbound-guard",
            new ChannelInboundHandlerAdapter() {
              @Override
              public void channelRead(ChannelHandlerContext ctx, Object accepted) {
                if (accepted instanceof Channel connection && !guard(connection)) {
                  return;
                }
                ctx.fireChannelRead(accepted);
              }
            });
  }

  /** False if {@code connection} was refused (closed, never registered). */
  private boolean guard(Channel connection) {
    InetAddress from = ((InetSocketAddress) connection.remoteAddress()).getAddress();
    if (!perAddress.admit(from)) {
      cappedConnections.incrementAndGet();
      connection.unsafe().closeForcibly(); // as Netty's acceptor closes one it cannot register
      return false;
    }
    connection.closeFuture().addListener(closed -> perAddress.closed(from));
    ChannelPipeline pipeline = connection.pipeline();
    pipeline.addFirst(new FrameGuard(MAX_FRAME_CONTENT_BYTES, refusedConnections, cutConnections));
    if (tls != null) {
      SslHandler handler = tls.current().server().newHandler(connection.alloc());
      handler
          .handshakeFuture()
          .addListener(
              handshake -> {
                if (handshake.isSuccess()) {
                  connection.attr(CERTIFIED_NAMES).set(peerNames(handler));
                } else {
                  failedHandshakes.incrementAndGet();
                }
              });
      pipeline.addFirst(TLS, handler);
    }
    return true;
  }

  /**
   * TLS first in a connection this node opens; a failed handshake fails Atomix's connect (which
   * otherwise waits for ever for the peer's greeting, and with it every send to that peer).
   */
  private void secureOutbound(Channel connection) {
    connection
        .pipeline()
        .addFirst(
            new ChannelInboundHandlerAdapter() {
              @Override
              public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
                if (event instanceof SslHandshakeCompletionEvent done && !done.isSuccess()) {
                  ctx.fireExceptionCaught(done.cause());
                }
                ctx.fireUserEventTriggered(event);
              }
            })
        .addFirst(TLS, tls.current().client().newHandler(connection.alloc()));
  }

  private static Set<String> peerNames(SslHandler handler) {
    try {
      return CertificateNames.of(
          (X509Certificate) handler.engine().getSession().getPeerCertificates()[0]);
    } catch (SSLPeerUnverifiedException e) {
      return Set.of(); // cannot happen with client certificates required: vouches for nothing
    }
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

  private void write(Field field, Object value) {
    try {
      field.set(service, value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot set Atomix's " + field.getName(), e);
    }
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
