package dev.procgroups.bench.cluster;

import dev.procgroups.daemon.NodeCommand;
import dev.procgroups.transport.auth.ClusterSecret;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The benchmark cluster's secret: random per run, handed to worker JVMs in {@code
 * $PROCGROUPS_CLUSTER_SECRET} (hex) as the Jepsen harness does, never on a command line.
 */
final class BenchSecret {
  /** This run's secret, hex (32 random bytes). */
  static final String HEX = HexFormat.of().formatHex(new SecureRandom().generateSeed(32));

  private BenchSecret() {}

  /** This run's secret, for the observer node in this JVM. */
  static ClusterSecret ofThisRun() {
    return parse(HEX);
  }

  /** The secret a worker JVM was started with; fails if there is none. */
  static ClusterSecret fromEnvironment() {
    String hex = System.getenv(NodeCommand.SECRET_ENV);
    if (hex == null || hex.isBlank()) {
      throw new IllegalStateException("worker started without $" + NodeCommand.SECRET_ENV);
    }
    return parse(hex.trim());
  }

  private static ClusterSecret parse(String hex) {
    return ClusterSecret.of(HexFormat.of().parseHex(hex));
  }
}
