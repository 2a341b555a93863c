package dev.procgroups.bench.cluster;

import dev.procgroups.node.Node;
import dev.procgroups.node.NodeConfig;
import dev.procgroups.transport.atomix.SeedMember;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A worker node JVM of the cluster benchmark: starts one {@link Node} and runs the commands the
 * benchmark writes on stdin, one per line, answering each on stdout (see {@link WorkerProtocol}).
 * It exits when stdin closes, so a worker never outlives the benchmark that started it.
 *
 * <p>Arguments: {@code <name> <incarnation> <concurrency> <seed>...}, seeds as {@code
 * name@host:port}; the seed with this node's name is where it listens. The cluster secret comes in
 * {@code $PROCGROUPS_CLUSTER_SECRET} ({@link BenchSecret}).
 */
public final class WorkerMain {

  private WorkerMain() {}

  public static void main(String[] args) throws Exception {
    String name = args[0];
    long incarnation = Long.parseLong(args[1]);
    int concurrency = Integer.parseInt(args[2]);
    List<SeedMember> seeds = Arrays.stream(args, 3, args.length).map(SeedMember::parse).toList();
    SeedMember self = seeds.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Node node =
        Node.start(
            NodeConfig.builder(name)
                .incarnation(incarnation)
                .bind(self.host(), self.port())
                .seeds(seeds)
                .scope(WorkerProtocol.SCOPE, SlotWatch.OBSERVER_SCOPE)
                .secret(BenchSecret.fromEnvironment())
                .security(BenchTls.fromEnvironment(name))
                .build());
    try (WorkerProcesses processes = new WorkerProcesses(node, concurrency)) {
      out.println(WorkerProtocol.reply("READY " + ProcessHandle.current().pid()));
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line;
      while ((line = in.readLine()) != null) {
        if (line.equals(WorkerProtocol.EXIT)) {
          break;
        }
        out.println(WorkerProtocol.reply(processes.execute(line)));
      }
    } finally {
      node.close();
    }
    System.exit(0); // Atomix leaves non-daemon threads behind
  }
}
