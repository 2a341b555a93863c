package dev.procgroups.transport.atomix;

import dev.procgroups.transport.BoundedHandOff;
import dev.procgroups.transport.NodeId;
import dev.procgroups.transport.PeerEvent;
import dev.procgroups.transport.Transport;
import dev.procgroups.transport.atomix.EnvelopeSeal.Opened;
import dev.procgroups.transport.auth.RejectionLog;
import dev.procgroups.transport.tls.ReloadingTls;
import dev.procgroups.transport.tls.TlsCertificates;
import dev.procgroups.transport.tls.TlsMaterial;
import dev.procgroups.transport.tls.TransportSecurity;
import io.atomix.utils.net.Address;
import java.util.ArrayList;
import java.util.List;
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
 * {@link Transport} over Atomix's messaging service (Netty, one pooled TCP connection per peer):
 * our own authenticated heartbeats for peer up/down, batches of our {@code byte[]} messages.
 *
 * <p>Trust: every Atomix message carries an HMAC-SHA256 tag under a key derived from the cluster
 * secret, and a per-start sequence number against replays; anything else is dropped, counted
 * ({@link #rejectedMessages()}) and logged at most once per claimed sender per minute. Membership
 * and failure detection use nothing else ({@link PeerLiveness}): a peer is Up once an authenticated
 * message from that very start arrived, Down once silent for the profile's limit (on the monotonic
 * clock), after its farewell, or when a later start of its name speaks. So a party without the
 * secret can change no view: Atomix's SWIM (unauthenticated, and timed by the wall clock) is not
 * used. With TLS (mutual, from files watched for rotation, {@link ReloadingTls}) a connection opens
 * only between holders of certificates of the cluster's authority, and a message is accepted only
 * under a name the certificate of the connection it came on gives ({@link
 * dev.procgroups.transport.tls.CertificateNames}). Each node sends every peer it knows an empty
 * batch each probe interval when it had nothing else to send (a HELLO, which the peer answers,
 * until it heard that peer); empty batches carry the addresses the sender knows, so a node seeded
 * with one member finds the others.
 *
 * <p>Threads: inbound messages and peer events are delivered in order on one thread of this
 * transport; {@link #send} may be called from any thread and never blocks on the network. Received
 * batches wait for that thread in a bounded lane ({@link BoundedHandOff}) (all of a node's threads
 * and queues: impl/README.md, "Threads and queues").
 */
public final class AtomixTransport implements Transport {

  static final String SUBJECT = "procgroups-transport";
  private static final String CLUSTER_ID = "procgroups";
  private static final long START_TIMEOUT_SECONDS = 30;
  private static final long STOP_TIMEOUT_MILLIS = 2_000;
  private static final long FAREWELL_TIMEOUT_MILLIS = 500;
  private static final long REJECTION_LOG_INTERVAL_MILLIS = 60_000;
  private static final long TLS_FILES_CHECK_MILLIS = 1_000;
  private static final Logger LOG = LoggerFactory.getLogger(AtomixTransport.class);

  private final AtomixTransportConfig config;
  private final NodeId self;
  private final SeedMember selfAddress;
  private final AtomixMessaging messaging;
  private final ReloadingTls tls; // null: plaintext, chosen explicitly
  private final boolean namesUnchecked = PlantedBug.TLS_NAMES_UNCHECKED.planted();
  private final ScheduledExecutorService inbound;
  private final ScheduledExecutorService tlsWatch; // TLS files, checked each second
  private final BoundedHandOff received;
  private final EnvelopeSeal seal;
  private final RejectionLog rejections =
      new RejectionLog(
          LOG,
          REJECTION_LOG_INTERVAL_MILLIS,
          () -> TimeUnit.NANOSECONDS.toMillis(System.nanoTime()));
  private final PeerLiveness liveness; // inbound thread only
  private final ConcurrentMap<String, Link> links = new ConcurrentHashMap<>();

  /** The peers up now, for readers on any thread (written on the inbound thread). */
  private final ConcurrentMap<String, NodeId> up = new ConcurrentHashMap<>();

  private final AtomicLong unroutable = new AtomicLong();
  private volatile MessageHandler messageHandler = (from, message) -> {};
  private volatile Consumer<PeerEvent> peerListener = event -> {};
  private boolean started; // guarded by this
  private boolean closed; // guarded by this

  /** Where one peer name is reached, and the queue of what goes there. */
  private static final class Link {
    volatile SeedMember address;
    volatile boolean up;
    final PeerOutbox outbox;

    Link(SeedMember address, PeerOutbox.BatchSender sender) {
      this.address = address;
      this.outbox = new PeerOutbox(sender);
    }
  }

  /**
   * Builds the transport, reading and checking its TLS files if any (an {@link
   * IllegalArgumentException} in one line if something is wrong); nothing listens until {@link
   * #start()}.
   */
  public AtomixTransport(AtomixTransportConfig config) {
    this(
        config,
        config.security() instanceof TransportSecurity.Tls files
            ? ReloadingTls.load(files, config.nodeName())
            : null);
  }

  /**
   * With {@code tls} (null: plaintext) as given, whatever name its certificate gives: for tests of
   * a node that claims a name its certificate does not.
   */
  AtomixTransport(AtomixTransportConfig config, ReloadingTls tls) {
    JvmOpens.requireOpened(); // before Atomix: its serializers fail in a static initializer
    this.config = config;
    this.tls = tls;
    this.self = new NodeId(config.nodeName(), config.incarnation());
    this.selfAddress = new SeedMember(config.nodeName(), config.bindHost(), config.bindPort());
    this.seal = new EnvelopeSeal(self, config.secret());
    SwimProfile profile = config.swimProfile();
    this.liveness =
        new PeerLiveness(profile.probeTimeout().plus(profile.failureTimeout()).toNanos());
    this.messaging =
        new AtomixMessaging(
            CLUSTER_ID,
            config.bindHost(),
            config.bindPort(),
            "procgroups-transport-" + config.nodeName(),
            tls,
            config.maxConnectionsPerAddress());
    this.inbound = daemonThread("procgroups-transport-" + config.nodeName());
    this.received = new BoundedHandOff(inbound, config.inboundQueueBytes());
    this.tlsWatch = daemonThread("procgroups-tls-" + config.nodeName());
    config.seeds().stream().filter(seed -> !seed.name().equals(self.name())).forEach(this::learn);
  }

  /** Builds and starts a transport (convenience for {@code new AtomixTransport(c).start()}). */
  public static AtomixTransport start(AtomixTransportConfig config) {
    return new AtomixTransport(config).start();
  }

  /**
   * Binds the configured address and starts greeting the seeds; returns once listening (peers are
   * reported as they are heard). Register handlers before, or get the current peers replayed.
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
    BiConsumer<Address, byte[]> receiver =
        (ignoredAddress, payload) -> {
          FrameGuard connection = FrameGuard.reading(); // null on a connection we opened
          received.offer(payload.length, () -> deliver(payload, connection));
        };
    messaging.registerHandler(SUBJECT, receiver);
    try {
      messaging.start(TimeUnit.SECONDS.toMillis(START_TIMEOUT_SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IllegalStateException("interrupted while starting " + self, e);
    } catch (ExecutionException | TimeoutException e) {
      close();
      throw new IllegalStateException("could not start Atomix transport " + describe(), e);
    }
    long interval = config.swimProfile().probeInterval().toMillis();
    inbound.scheduleWithFixedDelay(this::heartbeat, 0, interval, TimeUnit.MILLISECONDS);
    if (tls != null) {
      // Not on the transport thread: building TLS contexts can take a second on a busy machine,
      // and peer up/down are decided there.
      tlsWatch.scheduleWithFixedDelay(
          tls::reloadIfChanged,
          TLS_FILES_CHECK_MILLIS,
          TLS_FILES_CHECK_MILLIS,
          TimeUnit.MILLISECONDS);
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
    Link link = links.get(to.name());
    if (link == null || !link.outbox.offer(to.incarnation(), message)) {
      unroutable.incrementAndGet(); // not up (any more): best effort, the protocol repairs
    }
  }

  @Override
  public void onMessage(MessageHandler handler) {
    this.messageHandler = handler;
  }

  /** Sets the listener; the peers already up are replayed to it as {@link PeerEvent.Up}. */
  @Override
  public void onPeerEvent(Consumer<PeerEvent> listener) {
    inbound.execute(
        () -> {
          peerListener = listener;
          liveness.up().forEach(peer -> notify(new PeerEvent.Up(peer)));
        });
  }

  /** The peers up now (each heard authentically within the silence limit), in no order. */
  public List<NodeId> peersUp() {
    return List.copyOf(up.values());
  }

  /**
   * Messages dropped because they failed authentication, were replayed or were addressed to another
   * node (the mark of a node with another secret, or of an attack).
   */
  public long rejectedMessages() {
    return rejections.rejected();
  }

  /**
   * Inbound connections closed before authentication because a frame announced more than {@link
   * AtomixMessaging#MAX_FRAME_CONTENT_BYTES} or a header Atomix could not decode.
   */
  public long refusedConnections() {
    return messaging.refusedConnections();
  }

  /**
   * Inbound connections cut for sending more than {@link RejectedInputLimit#MAX_PER_WINDOW}
   * rejected messages in {@link RejectedInputLimit#WINDOW_NANOS}.
   */
  public long cutConnections() {
    return messaging.cutConnections();
  }

  /**
   * Inbound connections closed at once because their address held {@link
   * AtomixTransportConfig#maxConnectionsPerAddress()} already.
   */
  public long cappedConnections() {
    return messaging.cappedConnections();
  }

  /**
   * Inbound connections whose TLS handshake failed (a party without a certificate of the cluster's
   * authority, or without TLS); 0 in plaintext.
   */
  public long failedHandshakes() {
    return messaging.failedHandshakes();
  }

  /**
   * This node's certificate chain and trusted certificates as new connections use them now (after
   * any rotation), or empty in plaintext.
   */
  public Optional<TlsCertificates> tlsCertificates() {
    if (tls == null) {
      return Optional.empty();
    }
    TlsMaterial current = tls.current();
    return Optional.of(new TlsCertificates(current.chain(), current.trusted(), tls.reloads()));
  }

  /** Messages dropped because their peer was not up or its queue was full (for diagnostics). */
  public long droppedMessages() {
    long queued = links.values().stream().mapToLong(link -> link.outbox.dropped()).sum();
    return unroutable.get() + queued;
  }

  /**
   * Received batches dropped unopened because {@link AtomixTransportConfig#inboundQueueBytes()} of
   * them were already waiting for this transport's thread (their messages are lost, as on a lossy
   * network; a lost HELLO or heartbeat is repeated, a lost farewell leaves the Down to the silence
   * limit).
   */
  public long droppedInbound() {
    return received.dropped();
  }

  /** Bytes of received batches waiting for this transport's thread now. */
  public long queuedInboundBytes() {
    return received.queuedBytes();
  }

  /**
   * Stops: sends each peer up what is queued and a farewell (so it reports this node down at once
   * rather than after the silence limit), waits briefly for those, then stops listening.
   */
  @Override
  public synchronized void close() {
    CompletableFuture<?>[] farewells =
        links.values().stream()
            .filter(link -> link.up)
            .map(link -> link.outbox.finish())
            .toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(farewells).get(FAREWELL_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.debug("{}: not every farewell was sent", self, e);
    }
    links.values().forEach(link -> link.outbox.close());
    inbound.shutdownNow();
    tlsWatch.shutdownNow();
    try {
      messaging.stop(STOP_TIMEOUT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closed = true;
    }
  }

  /**
   * Every probe interval: peers silent too long go down; every peer up gets an empty batch unless
   * something else went there since the last beat; every other one is greeted.
   */
  private void heartbeat() {
    report(liveness.tick(System.nanoTime()));
    links
        .values()
        .forEach(
            link -> {
              if (link.up) {
                link.outbox.keepAlive();
              } else {
                link.outbox.hello();
              }
            });
  }

  private void deliver(byte[] payload, FrameGuard connection) {
    Opened opened =
        seal.open(
            payload, sender -> tls == null || namesUnchecked || certifies(connection, sender));
    if (opened instanceof Opened.Rejected rejected) {
      rejections.reject(rejected.claimedSender(), rejected.reason());
      if (connection != null) {
        connection.rejected();
      }
      return;
    }
    if (!(opened instanceof Opened.Accepted accepted)) {
      return; // queued for an earlier start of this node
    }
    Envelope envelope = accepted.envelope();
    NodeId from = envelope.from();
    envelope.addresses().forEach(address -> learn(address, from));
    if (!links.containsKey(from.name())) {
      return; // it did not say where it listens: nothing can be sent back
    }
    report(liveness.heard(from, System.nanoTime()));
    if (!liveness.isUp(from)) {
      return; // an earlier start of a peer whose later start spoke already
    }
    if (envelope.kind() == Envelope.Kind.HELLO) {
      links.get(from.name()).outbox.answer();
    }
    MessageHandler handler = messageHandler;
    for (byte[] message : envelope.messages()) {
      try {
        handler.handle(from, message);
      } catch (RuntimeException e) {
        LOG.error("{}: message handler failed on a message from {}", self, from, e);
      }
    }
    if (envelope.kind() == Envelope.Kind.FAREWELL) {
      report(liveness.farewell(from));
    }
  }

  /** Whether {@code connection}'s peer certificate names {@code sender} (not if none). */
  private static boolean certifies(FrameGuard connection, String sender) {
    return connection != null
        && AtomixMessaging.certifiedNames(connection.channel()).contains(sender);
  }

  /**
   * An address vouched for by an authenticated {@code sender}: its own address replaces what we had
   * (it may have restarted elsewhere); another node's is only added if the name is new.
   */
  private void learn(SeedMember address, NodeId sender) {
    if (address.name().equals(self.name())) {
      return;
    }
    Link link = links.get(address.name());
    if (link == null) {
      learn(address);
    } else if (address.name().equals(sender.name())) {
      link.address = address;
    }
  }

  private void learn(SeedMember address) {
    links.computeIfAbsent(
        address.name(),
        name -> new Link(address, (batch, kind, target) -> sendBatch(name, batch, kind, target)));
  }

  private CompletableFuture<?> sendBatch(
      String name, List<byte[]> batch, Envelope.Kind kind, long target) {
    Link link = links.get(name);
    byte[] sealed = seal.seal(new NodeId(name, target), kind, addressesFor(batch), batch);
    return messaging.sendAsync(
        Address.from(link.address.host(), link.address.port()), SUBJECT, sealed);
  }

  /** This node's address; on an empty batch (a heartbeat) also every peer address it knows. */
  private List<SeedMember> addressesFor(List<byte[]> batch) {
    List<SeedMember> addresses = new ArrayList<>();
    addresses.add(selfAddress);
    if (batch.isEmpty()) {
      links.values().forEach(link -> addresses.add(link.address));
    }
    return addresses;
  }

  /** Aims each peer's outbox at the start the events name, then tells the listener. */
  private void report(List<PeerEvent> events) {
    for (PeerEvent event : events) {
      NodeId peer = event.peer();
      Link link = links.get(peer.name());
      boolean up = event instanceof PeerEvent.Up;
      link.up = up;
      link.outbox.retarget(peer.incarnation(), up);
      if (up) {
        this.up.put(peer.name(), peer);
      } else {
        this.up.remove(peer.name(), peer);
        messaging.dropConnections(link.address.host(), link.address.port()); // reconnect afresh
      }
      LOG.info("{}: peer {} {}", self, peer, up ? "up" : "down");
      notify(event);
    }
  }

  private void notify(PeerEvent event) {
    try {
      peerListener.accept(event);
    } catch (RuntimeException e) {
      LOG.error("{}: peer listener failed on {}", self, event, e);
    }
  }

  /** One daemon thread (created when first given work) running scheduled tasks in order. */
  private static ScheduledExecutorService daemonThread(String name) {
    return Executors.newSingleThreadScheduledExecutor(
        runnable -> {
          Thread thread = new Thread(runnable, name);
          thread.setDaemon(true);
          return thread;
        });
  }

  private String describe() {
    return self + " on " + config.bindHost() + ":" + config.bindPort();
  }
}
