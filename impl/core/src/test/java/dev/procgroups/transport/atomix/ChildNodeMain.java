package dev.procgroups.transport.atomix;

import dev.procgroups.transport.auth.ClusterSecret;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A node in its own JVM, for tests that need a real crash ({@code kill -9}) or JVM options other
 * than the test JVM's. Prints {@code STARTED <id>} or {@code FAILED <reason>} as its first line,
 * then runs until killed or until its standard input closes (so it never outlives the test).
 *
 * <p>Arguments: name port incarnation probeMillis probeTimeoutMillis failureMillis secretHex
 * [seed...], each seed as {@code name:port} on 127.0.0.1 (a test secret on the command line is
 * fine; a real one belongs in a file).
 */
public final class ChildNodeMain {
  private ChildNodeMain() {}

  public static void main(String[] args) throws IOException {
    AtomixTransport transport;
    try {
      transport = AtomixTransport.start(config(args));
    } catch (RuntimeException e) {
      System.out.println("FAILED " + e.getMessage());
      System.exit(1);
      return;
    }
    System.out.println("STARTED " + transport.self());
    System.out.flush();
    while (System.in.read() >= 0) {
      // wait for the parent to go away
    }
    transport.close();
    System.exit(0);
  }

  static List<String> arguments(
      String name,
      int port,
      long incarnation,
      SwimProfile profile,
      String secretHex,
      List<SeedMember> seeds) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                name,
                Integer.toString(port),
                Long.toString(incarnation),
                Long.toString(profile.probeInterval().toMillis()),
                Long.toString(profile.probeTimeout().toMillis()),
                Long.toString(profile.failureTimeout().toMillis()),
                secretHex));
    seeds.forEach(seed -> args.add(seed.name() + ":" + seed.port()));
    return args;
  }

  private static AtomixTransportConfig config(String[] args) {
    AtomixTransportConfig.Builder builder =
        AtomixTransportConfig.builder()
            .nodeName(args[0])
            .bind("127.0.0.1", Integer.parseInt(args[1]))
            .incarnation(Long.parseLong(args[2]))
            .swimProfile(
                new SwimProfile(
                    Duration.ofMillis(Long.parseLong(args[3])),
                    Duration.ofMillis(Long.parseLong(args[4])),
                    Duration.ofMillis(Long.parseLong(args[5]))))
            .secret(ClusterSecret.of(HexFormat.of().parseHex(args[6])))
            .plaintext();
    Arrays.stream(args)
        .skip(7)
        .map(seed -> seed.split(":"))
        .forEach(seed -> builder.seed(seed[0], "127.0.0.1", Integer.parseInt(seed[1])));
    return builder.build();
  }
}
