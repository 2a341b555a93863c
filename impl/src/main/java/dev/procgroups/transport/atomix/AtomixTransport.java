package dev.procgroups.transport.atomix;

import dev.procgroups.transport.NodeId;
import dev.procgroups.transport.PeerEvent;
import dev.procgroups.transport.Transport;
import io.atomix.cluster.AtomixCluster;
import io.atomix.cluster.ClusterMembershipEvent;
import io.atomix.cluster.Member;
import io.atomix.cluster.Node;
import io.atomix.cluster.discovery.BootstrapDiscoveryProvider;
import io.atomix.cluster.protocol.GroupMembershipProtocol;
import io.atomix.cluster.protocol.SwimMembershipProtocol;
import io.atomix.cluster.protocol.SwimMembershipProtocolConfig;
import io.atomix.utils.net.Address;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * <p>Threads: inbound messages and peer events are delivered in order on one thread of this
 * transport; {@link #send} may be called from any thread and never blocks on the network.
 */
public final class AtomixTransport implements Transport {

  static final String SUBJECT = "procgroups-transport";
  static final String INCARNATION_PROPERTY = "procgroups.incarnation";
  private static final String CLUSTER_ID = "procgroups";
  private static final long START_TIMEOUT_SECONDS = 30;
  private static final long STOP_TIMEOUT_SECONDS = 10;
  private static final long FAREWELL_TIMEOUT_MILLIS = 500;
  private static final Logger LOG = LoggerFactory.getLogger(AtomixTransport.class);

  private final AtomixTransportConfig config;
  private final NodeId self;
  private final AtomixCluster cluster;
  private final ExecutorService inbound;
  private final PeerTable peers = new PeerTable(); // confined to the inbound thread
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
    JvmOpens.requireAtomicOpened(); // before Atomix: its serializers fail in a static initializer
    this.config = config;
    this.self = new NodeId(config.nodeName(), config.incarnation());
    this.cluster = buildCluster(config);
    this.inbound = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "procgroups-transport-" + config.nodeName());
      thread.setDaemon(true);
      return thread;
    });
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
    // Atomix's sender address is ignored (reverse DNS); the envelope names the sender.
    BiConsumer<Address, byte[]> receiver = (ignoredAddress, payload) -> deliver(payload);
    cluster.getMessagingService().registerHandler(SUBJECT, receiver, inbound);
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
      peers.up().forEach(peer -> notify(new PeerEvent.Up(peer)));
    });
  }

  /** Messages dropped because their peer was not up or its queue was full (for diagnostics). */
  public long droppedMessages() {
    long queued = routes.values().stream().mapToLong(route -> route.outbox().dropped()).sum();
    return unroutable.get() + queued;
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

  /** Opens or closes the routes the events imply, then tells the listener. */
  private void report(List<PeerEvent> events, Address addressOfUp) {
    for (PeerEvent event : events) {
      if (event instanceof PeerEvent.Up up) {
        openRoute(up.peer(), addressOfUp);
      } else {
        closeRoute(event.peer());
      }
      notify(event);
    }
  }

  private void openRoute(NodeId peer, Address address) {
    PeerOutbox outbox = new PeerOutbox((batch, last) -> cluster.getMessagingService()
        .sendAsync(address, SUBJECT, new Envelope(self, peer.incarnation(), batch, last).encode()));
    Route previous = routes.put(peer.name(), new Route(peer.incarnation(), outbox));
    if (previous != null) {
      previous.outbox().close();
    }
  }

  private void closeRoute(NodeId peer) {
    Route route = routes.get(peer.name());
    if (route != null && route.incarnation() == peer.incarnation()) {
      routes.remove(peer.name(), route);
      route.outbox().close();
    }
  }

  private void deliver(byte[] payload) {
    Envelope envelope;
    try {
      envelope = Envelope.decode(payload);
    } catch (IllegalArgumentException e) {
      LOG.warn("{} dropped a malformed message: {}", self, e.getMessage());
      return;
    }
    if (envelope.toIncarnation() != self.incarnation()) {
      return; // queued for an earlier start of this node
    }
    MessageHandler handler = messageHandler;
    for (byte[] message : envelope.messages()) {
      try {
        handler.handle(envelope.from(), message);
      } catch (RuntimeException e) {
        LOG.error("{}: message handler failed on a message from {}", self, envelope.from(), e);
      }
    }
    if (envelope.farewell()) {
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
