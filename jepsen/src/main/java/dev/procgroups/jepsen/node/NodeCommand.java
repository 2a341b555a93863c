package dev.procgroups.jepsen.node;

import dev.procgroups.cli.Subcommand;
import dev.procgroups.jepsen.control.ControlServer;
import dev.procgroups.jepsen.control.NodeBackend;
import dev.procgroups.node.Node;
import dev.procgroups.node.NodeConfig;
import dev.procgroups.transport.atomix.SeedMember;
import dev.procgroups.transport.atomix.SwimProfile;
import dev.procgroups.transport.auth.ClusterSecret;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code procgroups node}: one real node (an Atomix member) with a control endpoint for the
 * harness.
 */
@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    description =
        "Runs one procgroups node (an Atomix member) with a control endpoint on loopback"
            + " for the Jepsen harness; the control token comes from $"
            + NodeCommand.TOKEN_ENV
            + ".")
public final class NodeCommand implements Subcommand, Callable<Integer> {

  /** The environment variable that carries the control token (never the command line). */
  public static final String TOKEN_ENV = "PROCGROUPS_CONTROL_TOKEN";

  /** The cluster secret as hex, when no {@code --secret-file} is given. */
  public static final String SECRET_ENV = "PROCGROUPS_CLUSTER_SECRET";

  @Option(names = "--name", required = true, description = "unique node name, e.g. n1")
  String name;

  @Option(
      names = "--bind",
      required = true,
      description = "host:port for cluster traffic, e.g. 127.0.0.11:7000")
  String bind;

  @Option(
      names = "--seeds",
      split = ",",
      description = "other nodes as name@host:port, comma-separated")
  List<String> seeds = List.of();

  @Option(
      names = "--scope",
      defaultValue = "app:pg",
      description = "the pg.scope to open (default ${DEFAULT-VALUE})")
  String scope;

  @Option(
      names = "--control",
      required = true,
      description = "loopback host:port of the control endpoint")
  String control;

  @Option(
      names = "--incarnation",
      description = "this start's incarnation (default: time in units of 10 ms)")
  Long incarnation;

  @Option(
      names = "--swim",
      defaultValue = "fast",
      description = "failure detection: fast (about 1.3 s) or default" + " (about 10 s)")
  String swim;

  @Option(
      names = "--secret-file",
      description =
          "the cluster secret every node shares (at least 16 bytes);"
              + " default: the hex secret in $"
              + SECRET_ENV)
  Path secretFile;

  @Option(
      names = "--data-dir",
      description =
          "the node's own directory: it keeps the last"
              + " incarnation there, so a restart's is larger even if the clock stepped back (made if missing)")
  Path dataDir;

  @Option(
      names = "--mutation",
      split = ",",
      hidden = true,
      description =
          "TEST ONLY: deliberately broken behaviours (NodeMutant names, or names of planted bugs"
              + " of the library, impl/README.md \"Planted bugs\")")
  List<String> mutations = List.of();

  /** Where the library's packages read their planted bugs from (impl/README.md). */
  private static final String PLANTED_BUGS_PROPERTY = "procgroups.plantedBugs";

  /** Shorter control tokens are guessable; the control server refuses them too. */
  static final int MIN_TOKEN_CHARS = 16;

  private static final long NOT_READY_NOTICE_MILLIS = 10_000;

  @Override
  public Integer call() throws Exception {
    String token = System.getenv(TOKEN_ENV);
    if (token == null || token.length() < MIN_TOKEN_CHARS) {
      return refuse(
          "set $"
              + TOKEN_ENV
              + " to a control token of at least "
              + MIN_TOKEN_CHARS
              + " characters (e.g. head -c 16 /dev/urandom | xxd -p)");
    }
    ClusterSecret secret;
    try {
      secret = secret();
    } catch (IllegalArgumentException | java.io.IOException e) {
      return refuse(e.getMessage());
    }
    if (secret == null) {
      return refuse(
          "give the cluster secret with --secret-file or $"
              + SECRET_ENV
              + " (e.g. head -c 32 /dev/urandom > secret): nodes authenticate every message with it");
    }
    HostPort cluster = HostPort.parse(bind);
    HostPort endpoint = HostPort.parse(control);
    NodeConfig.Builder config =
        NodeConfig.builder(name)
            .bind(cluster.host(), cluster.port())
            .swim("default".equals(swim) ? SwimProfile.DEFAULT : SwimProfile.FAST)
            .secret(secret)
            .scope(scope, Map.of());
    if (incarnation != null) {
      config.incarnation(incarnation);
    }
    seeds.forEach(seed -> config.seed(SeedMember.parse(seed)));
    List<String> library = new ArrayList<>();
    Set<NodeMutant> daemon = EnumSet.noneOf(NodeMutant.class);
    for (String m : mutations) {
      if (Arrays.stream(NodeMutant.values()).anyMatch(n -> n.name().equals(m))) {
        daemon.add(NodeMutant.valueOf(m));
      } else {
        library.add(m);
      }
    }
    config.dataDir(daemon.remove(NodeMutant.IGNORE_DATA_DIR) ? null : dataDir);
    boolean ignoreFullDisk = daemon.remove(NodeMutant.IGNORE_FULL_DISK);
    if (!library.isEmpty()) {
      System.setProperty(PLANTED_BUGS_PROPERTY, String.join(",", library));
    }
    Node started;
    try {
      started = Node.start(config.build());
    } catch (java.io.UncheckedIOException cannotRecordIncarnation) {
      if (!ignoreFullDisk) {
        // A full data directory: this start's incarnation cannot be kept, so it does not start.
        return refuse(cannotRecordIncarnation.getMessage());
      }
      started = Node.start(config.dataDir(null).build());
    }
    PgNode node = new PgNode(started, scope);
    NodeBackend backend = daemon.isEmpty() ? node : new MutantBackend(node, daemon);
    ControlServer server =
        ControlServer.start(
            new InetSocketAddress(endpoint.host(), endpoint.port()), token, backend);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  node.close();
                  stopped.countDown();
                },
                "node-shutdown"));
    awaitAuthenticatedPeer(started);
    System.out.println(
        "procgroups node "
            + name
            + " ready: cluster "
            + bind
            + ", control "
            + server.address()
            + (mutations.isEmpty() ? "" : ", MUTATIONS " + mutations));
    System.out.flush();
    stopped.await();
    return 0;
  }

  /** One line on stderr and exit code 2: nothing was started. */
  private static int refuse(String why) {
    System.err.println("procgroups node: " + why);
    return 2;
  }

  /**
   * Waits until a peer has authenticated (none to wait for without seeds), saying every 10 s why
   * the node is not ready yet: a node with the wrong secret never gets there.
   */
  private void awaitAuthenticatedPeer(Node node) throws InterruptedException {
    long waited = 0;
    while (!seeds.isEmpty() && node.peersUp().isEmpty()) {
      Thread.sleep(50);
      waited += 50;
      if (waited % NOT_READY_NOTICE_MILLIS == 0) {
        System.err.println(
            "procgroups node "
                + name
                + ": no peer has authenticated after "
                + waited / 1000
                + " s (the same secret on every node? seeds reachable?)");
      }
    }
  }

  private ClusterSecret secret() throws java.io.IOException {
    if (secretFile != null) {
      return ClusterSecret.readFile(secretFile);
    }
    String hex = System.getenv(SECRET_ENV);
    return hex == null || hex.isBlank()
        ? null
        : ClusterSecret.of(HexFormat.of().parseHex(hex.trim()));
  }

  /** {@code host:port}. */
  record HostPort(String host, int port) {
    static HostPort parse(String text) {
      int colon = text.lastIndexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("expected host:port, got " + text);
      }
      return new HostPort(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
    }
  }
}
