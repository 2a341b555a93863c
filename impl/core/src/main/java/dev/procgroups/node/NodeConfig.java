package dev.procgroups.node;

import dev.procgroups.cluster.InboundLanes;
import dev.procgroups.process.ProcessRuntime;
import dev.procgroups.replication.ReplicationSettings;
import dev.procgroups.security.SecurityPolicy;
import dev.procgroups.transport.BoundedHandOff;
import dev.procgroups.transport.atomix.AtomixTransportConfig;
import dev.procgroups.transport.atomix.SeedMember;
import dev.procgroups.transport.atomix.SwimProfile;
import dev.procgroups.transport.auth.ClusterSecret;
import dev.procgroups.transport.tls.TransportSecurity;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a node needs to start: its name and incarnation, where it listens (loopback only in
 * tests), its seeds, the {@code pg.scope} entries it hosts, its permission policy, its protocol
 * timing, the secret its cluster shares (required), TLS files or plaintext (required: no default),
 * the registry its metrics go to, and its limits under load.
 *
 * @param scopes scope id → config, registered in this order at start
 * @param transportQueueBytes how many bytes of received batches may wait, unopened, for the
 *     transport's thread before more are dropped
 * @param maxConnectionsPerAddress how many inbound cluster connections one peer address may hold
 *     (more are closed at once and counted)
 * @param replicationQueueBytes how many bytes of replication messages may wait for the replication
 *     thread before more are dropped (larger: each one dropped costs a resync, see {@link
 *     InboundLanes})
 * @param deliveryQueueBytes how many bytes of remote deliveries (broadcasts, sends) may wait for
 *     the replication thread before more are dropped
 * @param mailboxCapacity the most messages one process's mailbox holds (more are dropped)
 * @param mailboxBytes the most bytes one process's mailbox holds, each message charged its
 *     payload's encoded size and a fixed overhead (more are dropped)
 * @param incarnation this start's incarnation, or 0 to choose one at start
 * @param clock the clocks the node reads
 * @param dataDir where the node keeps its last incarnation, or null
 */
public record NodeConfig(
    String name,
    long incarnation,
    String bindHost,
    int bindPort,
    List<SeedMember> seeds,
    SwimProfile swim,
    Map<String, Map<String, Object>> scopes,
    SecurityPolicy policy,
    ReplicationSettings replication,
    ClusterSecret secret,
    TransportSecurity security,
    MeterRegistry meters,
    long transportQueueBytes,
    int maxConnectionsPerAddress,
    long replicationQueueBytes,
    long deliveryQueueBytes,
    int mailboxCapacity,
    long mailboxBytes,
    NodeClock clock,
    Path dataDir) {

  public NodeConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(bindHost, "bindHost");
    seeds = List.copyOf(seeds);
    scopes = Collections.unmodifiableMap(new LinkedHashMap<>(scopes));
    Objects.requireNonNull(swim, "swim");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(replication, "replication");
    Objects.requireNonNull(secret, AtomixTransportConfig.NO_SECRET);
    Objects.requireNonNull(security, TransportSecurity.NO_CHOICE);
    Objects.requireNonNull(meters, "meters");
    Objects.requireNonNull(clock, "clock");
    if (incarnation < 0) {
      throw new IllegalArgumentException("incarnation must be positive: " + incarnation);
    }
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * Defaults: loopback, a free port chosen by the caller, fast SWIM, allow-all, default timing. No
   * default secret and no default transport security: {@link #build()} fails without {@link
   * #secret} and without {@link #tls} or {@link #plaintext}.
   */
  public static final class Builder {
    private final String name;
    private long incarnation; // 0: chosen at start (Node.incarnationAtStart)
    private String bindHost = "127.0.0.1";
    private int bindPort;
    private final List<SeedMember> seeds = new ArrayList<>();
    private SwimProfile swim = SwimProfile.FAST;
    private final Map<String, Map<String, Object>> scopes = new LinkedHashMap<>();
    private SecurityPolicy policy = SecurityPolicy.allowAll();
    private ReplicationSettings replication = ReplicationSettings.defaults();
    private ClusterSecret secret;
    private TransportSecurity security;
    private MeterRegistry meters;
    private long transportQueueBytes = BoundedHandOff.DEFAULT_CAPACITY_BYTES;
    private int maxConnectionsPerAddress =
        AtomixTransportConfig.DEFAULT_MAX_CONNECTIONS_PER_ADDRESS;
    private long replicationQueueBytes = InboundLanes.DEFAULT_REPLICATION_BYTES;
    private long deliveryQueueBytes = InboundLanes.DEFAULT_DELIVERY_BYTES;
    private int mailboxCapacity = ProcessRuntime.DEFAULT_MAILBOX_CAPACITY;
    private long mailboxBytes = ProcessRuntime.DEFAULT_MAILBOX_BYTES;
    private NodeClock clock = NodeClock.SYSTEM;
    private Path dataDir;

    private Builder(String name) {
      this.name = name;
    }

    /** This start's incarnation (default: chosen at start, see {@link #dataDir}). */
    public Builder incarnation(long incarnation) {
      this.incarnation = incarnation;
      return this;
    }

    public Builder bind(String host, int port) {
      this.bindHost = host;
      this.bindPort = port;
      return this;
    }

    public Builder seed(SeedMember seed) {
      seeds.add(seed);
      return this;
    }

    public Builder seeds(List<SeedMember> all) {
      seeds.addAll(all);
      return this;
    }

    public Builder swim(SwimProfile profile) {
      this.swim = profile;
      return this;
    }

    public Builder scope(String id, Map<String, Object> config) {
      scopes.put(id, config);
      return this;
    }

    public Builder policy(SecurityPolicy policy) {
      this.policy = policy;
      return this;
    }

    public Builder replication(ReplicationSettings settings) {
      this.replication = settings;
      return this;
    }

    /** The secret every node of the cluster shares; give every node the same one. */
    public Builder secret(ClusterSecret secret) {
      this.secret = secret;
      return this;
    }

    /**
     * TLS between nodes, mutually authenticated: this node's certificate chain and unencrypted
     * PKCS#8 key, and the cluster's CA bundle, all PEM; the certificate must name the node (DNS
     * subject alternative name or common name). The files are watched: replace them to rotate.
     */
    public Builder tls(Path certificateChain, Path privateKey, Path trustedCertificates) {
      return security(TransportSecurity.tls(certificateChain, privateKey, trustedCertificates));
    }

    /**
     * Unencrypted connections between nodes, chosen explicitly: for loopback tests and networks
     * where nobody else can read the traffic (messages stay authenticated by the secret).
     */
    public Builder plaintext() {
      return security(TransportSecurity.plaintext());
    }

    /** TLS or plaintext, as {@link #tls} or {@link #plaintext}. */
    public Builder security(TransportSecurity security) {
      this.security = security;
      return this;
    }

    /**
     * Inbound cluster connections one peer address may hold; more are closed at once and counted
     * (default {@link AtomixTransportConfig#DEFAULT_MAX_CONNECTIONS_PER_ADDRESS}; nodes sharing a
     * host or a NAT share the budget).
     */
    public Builder maxConnectionsPerAddress(int max) {
      this.maxConnectionsPerAddress = max;
      return this;
    }

    /** Where the node's meters go (Prometheus, JMX, …); by default a registry of its own. */
    public Builder meters(MeterRegistry registry) {
      this.meters = registry;
      return this;
    }

    /**
     * Bytes of received batches that may wait, unopened, for the transport's thread; past that,
     * they are dropped and counted (default {@link BoundedHandOff#DEFAULT_CAPACITY_BYTES}, 16 MiB).
     */
    public Builder transportQueueBytes(long bytes) {
      this.transportQueueBytes = bytes;
      return this;
    }

    /**
     * Bytes of remote deliveries (broadcasts, sends) that may wait for the replication thread; past
     * that, they are dropped and counted: lost, as delivery is at most once (default {@link
     * InboundLanes#DEFAULT_DELIVERY_BYTES}, 16 MiB).
     */
    public Builder deliveryQueueBytes(long bytes) {
      this.deliveryQueueBytes = bytes;
      return this;
    }

    /**
     * Bytes of replication messages that may wait for the replication thread; past that, they are
     * dropped, counted and later repaired by a resync (default {@link
     * InboundLanes#DEFAULT_REPLICATION_BYTES}, 64 MiB).
     */
    public Builder replicationQueueBytes(long bytes) {
      this.replicationQueueBytes = bytes;
      return this;
    }

    /** The most messages one process's mailbox holds (default 100 000). */
    public Builder mailboxCapacity(int capacity) {
      this.mailboxCapacity = capacity;
      return this;
    }

    /**
     * The most bytes one process's mailbox holds (default {@link
     * ProcessRuntime#DEFAULT_MAILBOX_BYTES}, 64 MiB).
     */
    public Builder mailboxBytes(long bytes) {
      this.mailboxBytes = bytes;
      return this;
    }

    /** The clocks the node reads (default {@link NodeClock#SYSTEM}; tests step the wall clock). */
    public Builder clock(NodeClock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * The node's own directory, where it keeps the last incarnation it used so that the next
     * start's is larger whatever the wall clock says (docs/DECISIONS.md). Without one, and without
     * {@link #incarnation}, the incarnation is the wall clock's time at start.
     */
    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    public NodeConfig build() {
      return new NodeConfig(
          name,
          incarnation,
          bindHost,
          bindPort,
          seeds,
          swim,
          scopes,
          policy,
          replication,
          secret,
          security,
          meters == null ? new SimpleMeterRegistry() : meters,
          transportQueueBytes,
          maxConnectionsPerAddress,
          replicationQueueBytes,
          deliveryQueueBytes,
          mailboxCapacity,
          mailboxBytes,
          clock,
          dataDir);
    }
  }
}
