package dev.procgroups.transport.atomix;

import dev.procgroups.transport.BoundedHandOff;
import dev.procgroups.transport.NodeId;
import dev.procgroups.transport.PeerEvent;
import dev.procgroups.transport.Transport;
import dev.procgroups.transport.atomix.EnvelopeSeal.Opened;
import dev.procgroups.transport.auth.RejectionLog;
import io.atomix.cluster.AtomixCluster;
import io.atomix.cluster.ClusterMembershipEvent;
import io.atomix.cluster.Member;
import io.atomix.cluster.Node;
import io.atomix.cluster.discovery.BootstrapDiscoveryProvider;
import io.atomix.cluster.protocol.GroupMembershipProtocol;
import io.atomix.cluster.protocol.SwimMembershipProtocol;
import io.atomix.cluster.protocol.SwimMembershipProtocolConfig;
import io.atomix.utils.net.Address;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Transport} over the Atomix cluster module: bootstrap discovery of the seeds, SWIM for
 * peer up/down, Atomix messaging for our {@code byte[]} messages.
 *
 * <p>Atomix pitfalls handled here: the server binds only the configured address; messages carry
 * our own sender field and reach Atomix as {@code byte[]} only; handlers run on our own thread,
 * never on Netty's; each start publishes its incarnation in the member properties so a restart
 * within the failure timeout is reported as Down(old) + Up(new); a closing node says farewell so
 * its peers report it down at once; messages to a peer travel in batches, one Atomix message
 * carrying whatever queued up while the previous one was written.
 *
 * <p>Trust: every Atomix message carries an HMAC-SHA256 tag under a key derived from the
 * cluster secret, and a per-start sequence number against replays; anything else is dropped,
 * counted ({@link #rejectedMessages()}) and logged at most once per claimed sender per minute.
 * SWIM itself is not authenticated, so a member SWIM lists is only a candidate: it is reported
 * {@link PeerEvent.Up} once an authenticated message from that very start arrived (each side
 * sends a HELLO, repeated until it hears from the other, which answers every HELLO).
 *
 * <p>Threads: inbound messages and peer events are delivered in order on one thread of this
 * transport; {@link #send} may be called from any thread and never blocks on the network. Received
 * batches wait for that thread in a bounded lane ({@link BoundedHandOff}); SWIM's membership
 * events bypass it and are never dropped (all of a node's threads and queues: impl/README.md,
 * "Threads and queues").
 */
public final class AtomixTransport implements Transport {

  static final String SUBJECT = "procgroups-transport";
  static final String INCARNATION_PROPERTY = "procgroups.incarnation";
  private static final String CLUSTER_ID = "procgroups";
  private static final long START_TIMEOUT_SECONDS = 30;
  private static final long STOP_TIMEOUT_SECONDS = 10;
  private static final long FAREWELL_TIMEOUT_MILLIS = 500;
  private static final long HELLO_RETRY_MILLIS = 500;
  private static final long REJECTION_LOG_INTERVAL_MILLIS = 60_000;
  private static final Logger LOG = LoggerFactory.getLogger(AtomixTransport.class);

  private final AtomixTransportConfig config;
  private final NodeId self;
  private final AtomixCluster cluster;
  private final ScheduledExecutorService inbound;
  private final BoundedHandOff received;
  private final EnvelopeSeal seal;
  private final RejectionLog rejections =
      new RejectionLog(LOG, REJECTION_LOG_INTERVAL_MILLIS, System::currentTimeMillis);
  // Confined to the inbound thread: what SWIM lists, which starts we heard from authentically.
  private final PeerTable peers = new PeerTable();
  private final Map<String, Long> heard = new HashMap<>();
  private final ConcurrentMap<String, Route> routes = new ConcurrentHashMap<>();
  private final AtomicLong unroutable = new AtomicLong();
  private volatile MessageHandler messageHandler = (from, message) -> {};
  private volatile Consumer<PeerEvent> peerListener = event -> {};
  private boolean started; // guarded by this
  private boolean closed; // guarded by this

  /** Where messages to one start of a peer go. */
  private record Route(long incarnation, PeerOutbox outbox) {}

  /** Builds the transport; nothing listens until {@link #start()}. */
  public AtomixTransport(AtomixTransportConfig config) {
    JvmOpens.requireOpened(); // before Atomix: its serializers fail in a static initializer
    this.config = config;
    this.self = new NodeId(config.nodeName(), config.incarnation());
    this.seal = new EnvelopeSeal(self, config.secret());
    this.cluster = buildCluster(config);
    this.inbound = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "procgroups-transport-" + config.nodeName());
      thread.setDaemon(true);
      return thread;
    });
    this.received = new BoundedHandOff(inbound, config.inboundQueueBytes());
  }

  /** Builds and starts a transport (convenience for {@code new AtomixTransport(c).start()}). */
  public static AtomixTransport start(AtomixTransportConfig config) {
    return new AtomixTransport(config).start();
  }

  /**
   * Binds the configured address and joins the cluster; returns once listening (peers are
   * reported as they are found). Register handlers before, or get the current peers replayed.
   */
  public synchronized AtomixTransport start() {
    if (closed) {
      throw new IllegalStateException(self + " is closed; build a new transport to restart");
    }
    if (started) {
      return this;
    }
    // Atomix's sender address is ignored (reverse DNS); the envelope names the sender. On Netty's
    // thread only the bounded hand-off to ours: a full lane drops the batch (counted) rather than
    // queueing without bound while authentication and decoding fall behind.
    BiConsumer<Address, byte[]> receiver = (ignoredAddress, payload) ->
        received.offer(payload.length, () -> deliver(payload));
    cluster.getMessagingService().registerHandler(SUBJECT, receiver, Runnable::run);
    cluster.getMembershipService().addListener(this::onMembershipEvent);
    try {
      cluster.start().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IllegalStateException("interrupted while starting " + self, e);
    } catch (ExecutionException | TimeoutException e) {
      close();
      throw new IllegalStateException("could not start Atomix transport " + describe(), e);
    }
    inbound.scheduleWithFixedDelay(this::helloUnheard, HELLO_RETRY_MILLIS, HELLO_RETRY_MILLIS,
        TimeUnit.MILLISECONDS);
    started = true;
    LOG.debug("started {}", describe());
    return this;
  }

  @Override
  public NodeId self() {
    return self;
  }

  /** The configuration this transport was built from. */
  public AtomixTransportConfig config() {
    return config;
  }

  @Override
  public void send(NodeId to, byte[] message) {
    Route route = routes.get(to.name());
    if (route == null || route.incarnation() != to.incarnation()) {
      unroutable.incrementAndGet(); // not up (any more): best effort, the protocol repairs
      return;
    }
    route.outbox().offer(message);
  }

  @Override
  public void onMessage(MessageHandler handler) {
    this.messageHandler = handler;
  }

  /** Sets the listener; the peers already up are replayed to it as {@link PeerEvent.Up}. */
  @Override
  public void onPeerEvent(Consumer<PeerEvent> listener) {
    inbound.execute(() -> {
      peerListener = listener;
      peers.up().stream().filter(this::isUp).forEach(peer -> notify(new PeerEvent.Up(peer)));
    });
  }

  /**
   * Messages dropped because they failed authentication, were replayed or were addressed to
   * another node (the mark of a node with another secret, or of an attack).
   */
  public long rejectedMessages() {
    return rejections.rejected();
  }

  /** Messages dropped because their peer was not up or its queue was full (for diagnostics). */
  public long droppedMessages() {
    long queued = routes.values().stream().mapToLong(route -> route.outbox().dropped()).sum();
    return unroutable.get() + queued;
  }

  /**
   * Received batches dropped unopened because {@link AtomixTransportConfig#inboundQueueBytes()} of
   * them were already waiting for this transport's thread (their messages are lost, as on a
   * lossy network; a lost HELLO is repeated, a lost farewell leaves the Down to SWIM).
   */
  public long droppedInbound() {
    return received.dropped();
  }

  /** Bytes of received batches waiting for this transport's thread now. */
  public long queuedInboundBytes() {
    return received.queuedBytes();
  }

  /**
   * Stops: sends each peer what is queued and a farewell (so it reports this node down at once
   * rather than after SWIM's failure timeout), waits briefly for those, then leaves the cluster.
   */
  @Override
  public synchronized void close() {
    CompletableFuture<?>[] farewells = routes.values().stream()
        .map(route -> route.outbox().finish())
        .toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(farewells).get(FAREWELL_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.debug("{}: not every farewell was sent", self, e);
    }
    routes.values().forEach(route -> route.outbox().close());
    try {
      cluster.stop().get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("Atomix did not stop cleanly for {}", self, e);
    } finally {
      inbound.shutdownNow();
      closed = true;
    }
  }

  private void onMembershipEvent(ClusterMembershipEvent event) {
    String name = event.subject().id().id();
    if (!name.equals(self.name())) {
      // The event's copy of the member can be stale (a revived member is posted before its new
      // properties are merged), so each event only says "look at this member again".
      inbound.execute(() -> reconcile(name));
    }
  }

  /** Compares what SWIM lists now for this name with what we reported, and reports the change. */
  private void reconcile(String name) {
    Optional<Member> live = cluster.getMembershipService().getMembers().stream()
        .filter(member -> member.id().id().equals(name))
        .findFirst();
    Optional<Long> incarnation = live.flatMap(AtomixTransport::incarnationOf);
    if (live.isPresent() && incarnation.isEmpty()) {
      return; // an Atomix member that is not a procgroups node
    }
    List<PeerEvent> events = incarnation.isPresent()
        ? peers.alive(new NodeId(name, incarnation.get()))
        : peers.gone(name);
    report(events, live.map(Member::address).orElse(null));
  }

  /**
   * Opens or closes the routes SWIM's events imply, then tells the listener about the peers it
   * may trust: Up only once this start was heard authentically, Down only if it was Up.
   */
  private void report(List<PeerEvent> events, Address addressOfUp) {
    for (PeerEvent event : events) {
      NodeId peer = event.peer();
      if (event instanceof PeerEvent.Up) {
        PeerOutbox outbox = openRoute(peer, addressOfUp);
        if (isHeard(peer)) {
          notify(event);
        } else {
          outbox.hello();
        }
      } else {
        boolean wasUp = isUp(peer);
        closeRoute(peer);
        heard.remove(peer.name(), peer.incarnation());
        if (wasUp) {
          notify(event);
        }
      }
    }
  }

  /** An authenticated message from {@code from} arrived: a listed start of it is now Up. */
  private void onHeard(NodeId from) {
    Long before = heard.put(from.name(), from.incarnation());
    if (!Long.valueOf(from.incarnation()).equals(before) && isUp(from)) {
      notify(new PeerEvent.Up(from));
    }
  }

  private boolean isHeard(NodeId peer) {
    return Long.valueOf(peer.incarnation()).equals(heard.get(peer.name()));
  }

  /** Listed by SWIM (a route is open) and heard authentically. */
  private boolean isUp(NodeId peer) {
    return routeTo(peer) != null && isHeard(peer);
  }

  private PeerOutbox routeTo(NodeId peer) {
    Route route = routes.get(peer.name());
    return route != null && route.incarnation() == peer.incarnation() ? route.outbox() : null;
  }

  /** Asks again every listed peer not heard from yet (a HELLO or its answer may be lost). */
  private void helloUnheard() {
    routes.forEach((name, route) -> {
      if (!isHeard(new NodeId(name, route.incarnation()))) {
        route.outbox().hello();
      }
    });
  }

  private PeerOutbox openRoute(NodeId peer, Address address) {
    PeerOutbox outbox = new PeerOutbox((batch, kind) -> cluster.getMessagingService()
        .sendAsync(address, SUBJECT, seal.seal(peer, kind, batch)));
    Route previous = routes.put(peer.name(), new Route(peer.incarnation(), outbox));
    if (previous != null) {
      previous.outbox().close();
    }
    return outbox;
  }


  private void closeRoute(NodeId peer) {
    Route route = routes.get(peer.name());
    if (route != null && route.incarnation() == peer.incarnation()) {
      routes.remove(peer.name(), route);
      route.outbox().close();
    }
  }

  private void deliver(byte[] payload) {
    Opened opened = seal.open(payload);
    if (opened instanceof Opened.Rejected rejected) {
      rejections.reject(rejected.claimedSender(), rejected.reason());
      return;
    }
    if (!(opened instanceof Opened.Accepted accepted)) {
      return; // queued for an earlier start of this node
    }
    Envelope envelope = accepted.envelope();
    NodeId from = envelope.from();
    onHeard(from);
    if (envelope.kind() == Envelope.Kind.HELLO) {
      PeerOutbox outbox = routeTo(from);
      if (outbox != null) {
        outbox.answer();
      }
    }
    MessageHandler handler = messageHandler;
    for (byte[] message : envelope.messages()) {
      try {
        handler.handle(envelope.from(), message);
      } catch (RuntimeException e) {
        LOG.error("{}: message handler failed on a message from {}", self, envelope.from(), e);
      }
    }
    if (envelope.kind() == Envelope.Kind.FAREWELL) {
      report(peers.left(envelope.from()), null);
    }
  }

  private void notify(PeerEvent event) {
    try {
      peerListener.accept(event);
    } catch (RuntimeException e) {
      LOG.error("{}: peer listener failed on {}", self, event, e);
    }
  }

  private static Optional<Long> incarnationOf(Member member) {
    String value = member.properties().getProperty(INCARNATION_PROPERTY);
    try {
      return value == null ? Optional.empty() : Optional.of(Long.parseLong(value));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private String describe() {
    return self + " on " + config.bindHost() + ":" + config.bindPort();
  }

  private static AtomixCluster buildCluster(AtomixTransportConfig config) {
    Node[] seeds = config.seeds().stream()
        .filter(seed -> !seed.name().equals(config.nodeName()))
        .map(seed -> Node.builder()
            .withId(seed.name())
            .withAddress(seed.host(), seed.port())
            .build())
        .toArray(Node[]::new);
    return AtomixCluster.builder()
        .withClusterId(CLUSTER_ID)
        .withMemberId(config.nodeName())
        .withAddress(config.bindHost(), config.bindPort())
        .withMessagingInterface(config.bindHost()) // else Atomix listens on every interface
        .withProperty(INCARNATION_PROPERTY, Long.toString(config.incarnation()))
        .withMembershipProvider(BootstrapDiscoveryProvider.builder().withNodes(seeds).build())
        .withMembershipProtocol(swim(config.swimProfile()))
        .build();
  }

  private static GroupMembershipProtocol swim(SwimProfile profile) {
    SwimMembershipProtocolConfig swim = new SwimMembershipProtocolConfig()
        .setProbeInterval(profile.probeInterval())
        .setProbeTimeout(profile.probeTimeout())
        .setFailureTimeout(profile.failureTimeout());
    return SwimMembershipProtocol.TYPE.newProtocol(swim);
  }
}
