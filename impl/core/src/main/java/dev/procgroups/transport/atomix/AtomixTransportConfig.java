package dev.procgroups.transport.atomix;

import dev.procgroups.transport.BoundedHandOff;
import dev.procgroups.transport.auth.ClusterSecret;
import dev.procgroups.transport.tls.TransportSecurity;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything an {@link AtomixTransport} needs to start: who this node is (name and the incarnation
 * of this start), the one address it listens on, whom to contact first, how fast to detect
 * failures, the secret the cluster's nodes share (required: there is no default secret, as a
 * published one would let anybody join), TLS or plaintext (required: plaintext must be chosen by
 * name), how many bytes of received batches may wait for the transport's thread before more are
 * dropped (default {@link BoundedHandOff#DEFAULT_CAPACITY_BYTES}), and how many inbound connections
 * one peer address may hold (default {@link #DEFAULT_MAX_CONNECTIONS_PER_ADDRESS}).
 */
public record AtomixTransportConfig(
    String nodeName,
    String bindHost,
    int bindPort,
    List<SeedMember> seeds,
    long incarnation,
    SwimProfile swimProfile,
    ClusterSecret secret,
    TransportSecurity security,
    long inboundQueueBytes,
    int maxConnectionsPerAddress) {

  public AtomixTransportConfig {
    Objects.requireNonNull(nodeName, "nodeName");
    Objects.requireNonNull(bindHost, "bindHost");
    Objects.requireNonNull(swimProfile, "swimProfile");
    Objects.requireNonNull(secret, NO_SECRET);
    Objects.requireNonNull(security, TransportSecurity.NO_CHOICE);
    if (nodeName.isEmpty()) {
      throw new IllegalArgumentException("nodeName must not be empty");
    }
    if (isWildcard(bindHost)) {
      // Atomix binds every interface unless told otherwise; we never want that.
      throw new IllegalArgumentException(
          "bindHost must be one concrete address, not a wildcard: " + bindHost);
    }
    requirePort(bindPort);
    if (incarnation <= 0) {
      throw new IllegalArgumentException("incarnation must be positive: " + incarnation);
    }
    if (inboundQueueBytes < 1) {
      throw new IllegalArgumentException(
          "inboundQueueBytes must be positive: " + inboundQueueBytes);
    }
    if (maxConnectionsPerAddress < 1) {
      throw new IllegalArgumentException(
          "maxConnectionsPerAddress must be positive: " + maxConnectionsPerAddress);
    }
    seeds = List.copyOf(seeds);
  }

  /**
   * Inbound connections one peer address may hold by default: an honest node holds one or two, and
   * a test or a host may run a few dozen nodes behind one address.
   */
  public static final int DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 32;

  /** Why a config without a secret is refused (also {@code NodeConfig}'s message). */
  public static final String NO_SECRET =
      "no cluster secret: give every node of the cluster the "
          + "same one (ClusterSecret.random(), ClusterSecret.readFile(path)); without it anybody who "
          + "reaches the port could join";

  public static Builder builder() {
    return new Builder();
  }

  static void requirePort(int port) {
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  private static boolean isWildcard(String host) {
    return host.isBlank() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
  }

  /** Builds a config; name, bind address and incarnation are required, the rest has defaults. */
  public static final class Builder {
    private String nodeName;
    private String bindHost = "127.0.0.1";
    private int bindPort;
    private final List<SeedMember> seeds = new ArrayList<>();
    private long incarnation;
    private SwimProfile swimProfile = SwimProfile.DEFAULT;
    private ClusterSecret secret;
    private TransportSecurity security;
    private long inboundQueueBytes = BoundedHandOff.DEFAULT_CAPACITY_BYTES;
    private int maxConnectionsPerAddress = DEFAULT_MAX_CONNECTIONS_PER_ADDRESS;

    private Builder() {}

    public Builder nodeName(String nodeName) {
      this.nodeName = nodeName;
      return this;
    }

    public Builder bind(String host, int port) {
      this.bindHost = host;
      this.bindPort = port;
      return this;
    }

    public Builder seed(String name, String host, int port) {
      seeds.add(new SeedMember(name, host, port));
      return this;
    }

    public Builder seeds(List<SeedMember> seeds) {
      this.seeds.addAll(seeds);
      return this;
    }

    public Builder incarnation(long incarnation) {
      this.incarnation = incarnation;
      return this;
    }

    public Builder swimProfile(SwimProfile swimProfile) {
      this.swimProfile = swimProfile;
      return this;
    }

    /** The secret every node of the cluster shares; messages without it are rejected. */
    public Builder secret(ClusterSecret secret) {
      this.secret = secret;
      return this;
    }

    /** Unencrypted connections, chosen explicitly (messages stay authenticated). */
    public Builder plaintext() {
      return security(TransportSecurity.plaintext());
    }

    /** TLS from files, or plaintext: required, there is no default. */
    public Builder security(TransportSecurity security) {
      this.security = security;
      return this;
    }

    /** Inbound connections one peer address may hold; more are closed at once and counted. */
    public Builder maxConnectionsPerAddress(int max) {
      this.maxConnectionsPerAddress = max;
      return this;
    }

    /** Bytes of received batches that may wait to be opened; past that, batches are dropped. */
    public Builder inboundQueueBytes(long bytes) {
      this.inboundQueueBytes = bytes;
      return this;
    }

    public AtomixTransportConfig build() {
      return new AtomixTransportConfig(
          nodeName,
          bindHost,
          bindPort,
          seeds,
          incarnation,
          swimProfile,
          secret,
          security,
          inboundQueueBytes,
          maxConnectionsPerAddress);
    }
  }
}
