package dev.procgroups.daemon;

import dev.procgroups.cli.Subcommand;
import dev.procgroups.daemon.control.ControlServer;
import dev.procgroups.daemon.control.MetricsServer;
import dev.procgroups.daemon.control.NodeBackend;
import dev.procgroups.node.Node;
import dev.procgroups.node.NodeConfig;
import dev.procgroups.registry.RegistryException;
import dev.procgroups.registry.ScopeConfig;
import dev.procgroups.security.PolicyException;
import dev.procgroups.security.PolicyFile;
import dev.procgroups.transport.atomix.SeedMember;
import dev.procgroups.transport.atomix.SwimProfile;
import dev.procgroups.transport.auth.ClusterSecret;
import dev.procgroups.transport.tls.TransportSecurity;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code procgroups node}: one node as its own process, for operators (docs/OPERATIONS.md) and the
 * Jepsen harness alike, with a control endpoint on loopback and, if asked, a metrics endpoint.
 * Everything is checked before the node joins: a misconfiguration is one line on stderr and exit
 * code 2. A {@link NodeDecorator} may be put around the node (the Jepsen module's planted bugs);
 * the daemon itself has no test switch.
 */
@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    description =
        "Runs one procgroups node with a control endpoint on loopback (docs/OPERATIONS.md);"
            + " the control token comes from $"
            + NodeCommand.TOKEN_ENV
            + ".")
public final class NodeCommand implements Subcommand, Callable<Integer> {

  /** The environment variable that carries the control token (never the command line). */
  public static final String TOKEN_ENV = "PROCGROUPS_CONTROL_TOKEN";

  static final String DEFAULT_SCOPE = "app:pg";

  /** The environment variable with the token a Prometheus server sends to {@code --metrics}. */
  public static final String METRICS_TOKEN_ENV = "PROCGROUPS_METRICS_TOKEN";

  /** The cluster secret as hex, when no {@code --secret-file} is given. */
  public static final String SECRET_ENV = "PROCGROUPS_CLUSTER_SECRET";

  @Option(
      names = "--config",
      description =
          "a JSON config file (docs/OPERATIONS.md): every option below has a key of the same name,"
              + " plus scopes with their limits and policy-file; an option given here wins")
  Path configFile;

  @Option(names = "--name", description = "unique node name, e.g. n1 (required)")
  String name;

  @Option(
      names = "--bind",
      description = "host:port for cluster traffic, e.g. 127.0.0.11:7000 (required)")
  String bind;

  @Option(
      names = "--seeds",
      split = ",",
      description = "other nodes as name@host:port, comma-separated")
  List<String> seeds;

  @Option(
      names = "--scope",
      description =
          "the pg.scope the control endpoint's processes open (default: the config file's first"
              + " scope, else "
              + NodeCommand.DEFAULT_SCOPE
              + "); added without limits if the config file does not list it")
  String scope;

  @Option(
      names = "--control",
      description = "loopback host:port of the control endpoint (required)")
  String control;

  @Option(
      names = "--metrics",
      description =
          "host:port (any address) serving GET /metrics to holders of $"
              + NodeCommand.METRICS_TOKEN_ENV
              + " (the control endpoint serves it on loopback too)")
  String metrics;

  @Option(
      names = "--incarnation",
      description = "this start's incarnation (default: time in units of 10 ms)")
  Long incarnation;

  @Option(
      names = "--swim",
      description = "failure detection: fast (about 1.3 s, the default) or default (about 10 s)")
  String swim;

  @Option(
      names = "--secret-file",
      description =
          "the cluster secret every node shares (at least 16 bytes);"
              + " default: the hex secret in $"
              + SECRET_ENV)
  Path secretFile;

  @Option(
      names = "--tls-cert",
      description =
          "TLS: this node's certificate chain (PEM, its own first, naming the node);"
              + " with --tls-key and --tls-ca, watched for rotation")
  Path tlsCert;

  @Option(names = "--tls-key", description = "TLS: this node's private key (PEM, PKCS#8)")
  Path tlsKey;

  @Option(names = "--tls-ca", description = "TLS: the cluster's CA bundle (PEM)")
  Path tlsCa;

  @Option(
      names = "--plaintext",
      description = "no TLS between nodes (traffic readable on the path); required without --tls-*")
  Boolean plaintext;

  @Option(
      names = "--data-dir",
      description =
          "the node's own directory: it keeps the last"
              + " incarnation there, so a restart's is larger even if the clock stepped back (made if missing)")
  Path dataDir;

  /** Shorter control tokens are guessable; the control server refuses them too. */
  static final int MIN_TOKEN_CHARS = 16;

  private static final long NOT_READY_NOTICE_MILLIS = 10_000;

  private final NodeDecorator decorator;

  /** The daemon as it is ({@link NodeDecorator#NONE}). */
  public NodeCommand() {
    this(NodeDecorator.NONE);
  }

  /** The daemon with {@code decorator} around its node. */
  public NodeCommand(NodeDecorator decorator) {
    this.decorator = decorator;
  }

  /**
   * Everything checked and read before anything starts; {@code config} built once to check it, and
   * built again when the node starts.
   */
  private record Settings(
      NodeConfig.Builder config,
      String scope,
      HostPort control,
      HostPort metrics,
      String token,
      String metricsToken,
      boolean hasSeeds) {}

  @Override
  public Integer call() throws Exception {
    Settings settings;
    try {
      settings = settings();
    } catch (IllegalArgumentException | IOException | PolicyException | RegistryException e) {
      return refuse(String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
    }
    // Both endpoints bind before the node joins: a busy or wrong address is refused first.
    ControlServer server;
    MetricsServer metricsServer = null;
    AtomicReference<NodeBackend> serving = new AtomicReference<>();
    try {
      server = ControlServer.bind(socket(settings.control()), settings.token());
      if (settings.metrics() != null) {
        metricsServer =
            MetricsServer.start(
                socket(settings.metrics()),
                settings.metricsToken(),
                () -> serving.get() == null ? "" : serving.get().metrics());
      }
    } catch (IOException | IllegalArgumentException e) {
      return refuse("cannot listen: " + e.getMessage());
    }
    Node started;
    try {
      started = decorator.start(settings.config(), config -> Node.start(config.build()));
    } catch (IllegalArgumentException | UncheckedIOException e) {
      server.close();
      if (metricsServer != null) {
        metricsServer.close();
      }
      return refuse(e.getMessage()); // e.g. a wildcard bind address, an unwritable data dir
    }
    PgNode node = new PgNode(started, settings.scope());
    NodeBackend backend = decorator.serve(node);
    serving.set(backend);
    server.serve(backend);
    MetricsServer metricsListener = metricsServer;
    CountDownLatch leave = new CountDownLatch(1);
    AtomicBoolean closed = new AtomicBoolean();
    Runnable stop =
        () -> {
          if (closed.compareAndSet(false, true)) {
            server.close();
            if (metricsListener != null) {
              metricsListener.close();
            }
            node.close(); // processes leave their groups; a farewell to every peer
          }
        };
    // SIGTERM and SIGINT end call() normally (exit code 0, not the JVM's 143 for a signal);
    // any other way out of the JVM still leaves through the hook.
    SignalHandler leaveOnSignal = signal -> leave.countDown();
    Signal.handle(new Signal("TERM"), leaveOnSignal);
    Signal.handle(new Signal("INT"), leaveOnSignal);
    Runtime.getRuntime().addShutdownHook(new Thread(stop, "node-shutdown"));
    if (awaitAuthenticatedPeer(started, settings.hasSeeds(), leave)) {
      System.out.println(
          "procgroups node "
              + started.config().name()
              + " ready: cluster "
              + started.config().bindHost()
              + ":"
              + started.port()
              + ", control "
              + server.address()
              + (metricsListener == null ? "" : ", metrics " + metricsListener.address()));
      System.out.flush();
    }
    leave.await();
    stop.run();
    System.out.println("procgroups node " + started.config().name() + " left the cluster");
    return 0;
  }

  /**
   * The config file with the options over it, every part checked and every file read (secret,
   * policy): whatever is wrong is thrown here, before the node joins anything.
   */
  private Settings settings() throws IOException, PolicyException, RegistryException {
    String token = System.getenv(TOKEN_ENV);
    if (token == null || token.length() < MIN_TOKEN_CHARS) {
      throw new IllegalArgumentException(
          "set $"
              + TOKEN_ENV
              + " to a control token of at least "
              + MIN_TOKEN_CHARS
              + " characters (e.g. head -c 16 /dev/urandom | xxd -p)");
    }
    NodeConfigFile file =
        configFile == null ? NodeConfigFile.EMPTY : NodeConfigFile.read(configFile);
    String nodeName = required(either(name, file.name()), "--name", "name");
    HostPort cluster = HostPort.parse(required(either(bind, file.bind()), "--bind", "bind"));
    HostPort endpoint =
        HostPort.parse(required(either(control, file.control()), "--control", "control"));
    String metricsAt = either(metrics, file.metrics());
    HostPort metricsEndpoint = metricsAt == null ? null : HostPort.parse(metricsAt);
    String metricsToken = System.getenv(METRICS_TOKEN_ENV);
    if (metricsAt != null && (metricsToken == null || metricsToken.length() < MIN_TOKEN_CHARS)) {
      throw new IllegalArgumentException(
          "the metrics endpoint needs $"
              + METRICS_TOKEN_ENV
              + ", a token of at least "
              + MIN_TOKEN_CHARS
              + " characters, for the Prometheus server (not the control token)");
    }
    ClusterSecret secret = secret(either(secretFile, path(file.secretFile())));
    NodeConfig.Builder config =
        NodeConfig.builder(nodeName)
            .bind(cluster.host(), cluster.port())
            .swim(swim(either(swim, file.swim())))
            .secret(secret)
            .security(security(file))
            .meters(meters())
            .dataDir(either(dataDir, path(file.dataDir())));
    Map<String, Map<String, Object>> scopes =
        new LinkedHashMap<>(file.scopes() == null ? Map.of() : file.scopes());
    for (Map.Entry<String, Map<String, Object>> entry : scopes.entrySet()) {
      try {
        ScopeConfig.fromMap(entry.getValue());
      } catch (RegistryException | IllegalArgumentException e) {
        throw new IllegalArgumentException("scope " + entry.getKey() + ": " + e.getMessage());
      }
    }
    String controlScope =
        either(scope, scopes.isEmpty() ? DEFAULT_SCOPE : scopes.keySet().iterator().next());
    scopes.putIfAbsent(controlScope, Map.of());
    scopes.forEach((id, limits) -> config.scope(id, limits == null ? Map.of() : limits));
    Path policy = path(file.policyFile());
    if (policy != null) {
      try {
        config.policy(PolicyFile.load(policy));
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read policy file " + policy + ": " + e);
      } catch (PolicyException e) {
        throw new IllegalArgumentException("policy file " + policy + ": " + e.getMessage());
      }
    }
    if (incarnation != null) {
      config.incarnation(incarnation);
    }
    List<String> seedList = either(seeds, file.seeds());
    for (String seed : seedList == null ? List.<String>of() : seedList) {
      config.seed(SeedMember.parse(seed));
    }
    config.build(); // what the config itself refuses, refused now
    return new Settings(
        config,
        controlScope,
        endpoint,
        metricsEndpoint,
        token,
        metricsToken,
        seedList != null && !seedList.isEmpty());
  }

  /** TLS from the three files, or plaintext if chosen: exactly one of the two. */
  private TransportSecurity security(NodeConfigFile file) {
    Path cert = either(tlsCert, path(file.tlsCert()));
    Path key = either(tlsKey, path(file.tlsKey()));
    Path ca = either(tlsCa, path(file.tlsCa()));
    boolean clear = Boolean.TRUE.equals(either(plaintext, file.plaintext()));
    boolean anyTls = cert != null || key != null || ca != null;
    if (clear && anyTls) {
      throw new IllegalArgumentException(
          "choose either --plaintext or the --tls-* files, not both");
    }
    if (clear) {
      return TransportSecurity.plaintext();
    }
    if (cert == null || key == null || ca == null) {
      throw new IllegalArgumentException(
          anyTls
              ? "TLS needs all three of --tls-cert, --tls-key and --tls-ca"
              : TransportSecurity.NO_CHOICE);
    }
    return TransportSecurity.tls(cert, key, ca);
  }

  private static <T> T either(T flag, T fromFile) {
    return flag != null ? flag : fromFile;
  }

  private static Path path(String text) {
    return text == null ? null : Path.of(text);
  }

  private static String required(String value, String flag, String key) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "give " + flag + " (or \"" + key + "\" in the --config file)");
    }
    return value;
  }

  private static SwimProfile swim(String profile) {
    if (profile == null || "fast".equals(profile)) {
      return SwimProfile.FAST;
    }
    if ("default".equals(profile)) {
      return SwimProfile.DEFAULT;
    }
    throw new IllegalArgumentException("swim: fast or default, not " + profile);
  }

  private static InetSocketAddress socket(HostPort address) {
    return new InetSocketAddress(address.host(), address.port());
  }

  /** Prometheus' registry, with the JVM's memory, threads and CPU beside the node's meters. */
  private static PrometheusMeterRegistry meters() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    return registry;
  }

  /** One line on stderr and exit code 2: nothing was started. */
  private static int refuse(String why) {
    System.err.println("procgroups node: " + why);
    return 2;
  }

  /**
   * Waits until a peer has authenticated (none to wait for without seeds) or a signal says leave,
   * saying every 10 s why the node is not ready yet: a node with the wrong secret never gets there.
   */
  private static boolean awaitAuthenticatedPeer(Node node, boolean hasSeeds, CountDownLatch leave)
      throws InterruptedException {
    long waited = 0;
    while (hasSeeds && node.peersUp().isEmpty()) {
      if (leave.getCount() == 0) {
        return false;
      }
      Thread.sleep(50);
      waited += 50;
      if (waited % NOT_READY_NOTICE_MILLIS == 0) {
        System.err.println(
            "procgroups node "
                + node.config().name()
                + ": no peer has authenticated after "
                + waited / 1000
                + " s (the same secret on every node? seeds reachable?)");
      }
    }
    return true;
  }

  private static ClusterSecret secret(Path file) {
    if (file != null) {
      try {
        return ClusterSecret.readFile(file);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read secret file " + file + ": " + e);
      }
    }
    String hex = System.getenv(SECRET_ENV);
    if (hex == null || hex.isBlank()) {
      throw new IllegalArgumentException(
          "give the cluster secret with --secret-file (or \"secret-file\" in the config) or $"
              + SECRET_ENV
              + " (e.g. head -c 32 /dev/urandom > secret): nodes authenticate every message with it");
    }
    return ClusterSecret.of(HexFormat.of().parseHex(hex.trim()));
  }

  /** {@code host:port}. */
  record HostPort(String host, int port) {
    static HostPort parse(String text) {
      int colon = text.lastIndexOf(':');
      int port;
      try {
        port = colon <= 0 ? -1 : Integer.parseInt(text.substring(colon + 1));
      } catch (NumberFormatException e) {
        port = -1;
      }
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("expected host:port, got " + text);
      }
      return new HostPort(text.substring(0, colon), port);
    }
  }
}
