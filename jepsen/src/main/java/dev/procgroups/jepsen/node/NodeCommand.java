package dev.procgroups.jepsen.node;

import dev.procgroups.cli.Subcommand;
import dev.procgroups.jepsen.control.ControlServer;
import dev.procgroups.jepsen.control.NodeBackend;
import dev.procgroups.node.Node;
import dev.procgroups.node.NodeConfig;
import dev.procgroups.replication.ProtocolMutation;
import dev.procgroups.replication.ReplicationSettings;
import dev.procgroups.transport.atomix.SeedMember;
import dev.procgroups.transport.atomix.SwimProfile;
import dev.procgroups.transport.auth.ClusterSecret;
import java.net.InetSocketAddress;
import java.nio.file.Path;
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

/** {@code procgroups node}: one real node (an Atomix member) with a control endpoint for the harness. */
@Command(name = "node", mixinStandardHelpOptions = true,
    description = "Runs one procgroups node (an Atomix member) with a control endpoint on loopback"
        + " for the Jepsen harness; the control token comes from $" + NodeCommand.TOKEN_ENV + ".")
public final class NodeCommand implements Subcommand, Callable<Integer> {

  /** The environment variable that carries the control token (never the command line). */
  public static final String TOKEN_ENV = "PROCGROUPS_CONTROL_TOKEN";
  /** The cluster secret as hex, when no {@code --secret-file} is given. */
  public static final String SECRET_ENV = "PROCGROUPS_CLUSTER_SECRET";

  @Option(names = "--name", required = true, description = "unique node name, e.g. n1")
  String name;

  @Option(names = "--bind", required = true, description = "host:port for cluster traffic, e.g. 127.0.0.11:7000")
  String bind;

  @Option(names = "--seeds", split = ",", description = "other nodes as name@host:port, comma-separated")
  List<String> seeds = List.of();

  @Option(names = "--scope", defaultValue = "app:pg", description = "the pg.scope to open (default ${DEFAULT-VALUE})")
  String scope;

  @Option(names = "--control", required = true, description = "loopback host:port of the control endpoint")
  String control;

  @Option(names = "--incarnation", description = "this start's incarnation (default: time in units of 10 ms)")
  Long incarnation;

  @Option(names = "--swim", defaultValue = "fast", description = "failure detection: fast (about 1.3 s) or default"
      + " (about 10 s)")
  String swim;

  @Option(names = "--secret-file", description = "the cluster secret every node shares (at least 16 bytes);"
      + " default: the hex secret in $" + SECRET_ENV)
  Path secretFile;

  @Option(names = "--mutation", split = ",", hidden = true,
      description = "TEST ONLY: deliberately broken behaviours (ProtocolMutation or NodeMutant names)")
  List<String> mutations = List.of();

  @Override
  public Integer call() throws Exception {
    String token = System.getenv(TOKEN_ENV);
    if (token == null || token.isBlank()) {
      System.err.println("procgroups node: set $" + TOKEN_ENV + " to the control token");
      return 2;
    }
    ClusterSecret secret = secret();
    if (secret == null) {
      System.err.println("procgroups node: give the cluster secret with --secret-file or $" + SECRET_ENV
          + " (e.g. head -c 32 /dev/urandom > secret): nodes authenticate every message with it");
      return 2;
    }
    HostPort cluster = HostPort.parse(bind);
    HostPort endpoint = HostPort.parse(control);
    NodeConfig.Builder config = NodeConfig.builder(name)
        .bind(cluster.host(), cluster.port())
        .swim("default".equals(swim) ? SwimProfile.DEFAULT : SwimProfile.FAST)
        .secret(secret)
        .scope(scope, Map.of());
    if (incarnation != null) {
      config.incarnation(incarnation);
    }
    seeds.forEach(seed -> config.seed(SeedMember.parse(seed)));
    Set<ProtocolMutation> protocol = EnumSet.noneOf(ProtocolMutation.class);
    Set<NodeMutant> daemon = EnumSet.noneOf(NodeMutant.class);
    for (String m : mutations) {
      if (Arrays.stream(NodeMutant.values()).anyMatch(n -> n.name().equals(m))) {
        daemon.add(NodeMutant.valueOf(m));
      } else {
        protocol.add(ProtocolMutation.valueOf(m));
      }
    }
    config.replication(ReplicationSettings.defaults().withMutations(protocol));
    PgNode node = new PgNode(Node.start(config.build()), scope);
    NodeBackend backend = daemon.isEmpty() ? node : new MutantBackend(node, daemon);
    ControlServer server = ControlServer.start(new InetSocketAddress(endpoint.host(), endpoint.port()), token, backend);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      node.close();
      stopped.countDown();
    }, "node-shutdown"));
    System.out.println("procgroups node " + name + " ready: cluster " + bind + ", control " + server.address()
        + (mutations.isEmpty() ? "" : ", MUTATIONS " + mutations));
    System.out.flush();
    stopped.await();
    return 0;
  }

  private ClusterSecret secret() throws java.io.IOException {
    if (secretFile != null) {
      return ClusterSecret.readFile(secretFile);
    }
    String hex = System.getenv(SECRET_ENV);
    return hex == null || hex.isBlank() ? null : ClusterSecret.of(HexFormat.of().parseHex(hex.trim()));
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
