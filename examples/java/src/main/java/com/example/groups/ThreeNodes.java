package com.example.groups;

import dev.procgroups.api.GroupMonitor;
import dev.procgroups.api.GroupName;
import dev.procgroups.api.Member;
import dev.procgroups.api.Payload;
import dev.procgroups.api.PayloadCodec;
import dev.procgroups.api.ProcessGroups;
import dev.procgroups.node.Node;
import dev.procgroups.node.NodeConfig;
import dev.procgroups.transport.atomix.SeedMember;
import dev.procgroups.transport.auth.ClusterSecret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Three nodes in one JVM on 127.0.0.1: a member joins from main on node 1, node 3 monitors the
 * group, the join is awaited on every node, node 2 broadcasts a task to the member, and everything
 * closes.
 * Run with the JVM flags of docs/java.md. Exits 0 when the task arrived, 1 otherwise.
 */
public final class ThreeNodes {

  // [snippet: codec]
  record Task(String id, long attempt) {}

  static final PayloadCodec<Task> TASK = PayloadCodec.of(
      t -> Payload.map(Map.of("id", Payload.of(t.id()), "attempt", Payload.of(t.attempt()))),
      p -> new Task(p.asMap().get("id").asString(), p.asMap().get("attempt").asLong()));
  // [/snippet]

  public static void main(String[] args) throws Exception {
    int base = args.length > 0 ? Integer.parseInt(args[0]) : 47300;
    List<Node> nodes = startCluster(base);
    GroupName workers = GroupName.of("workers");
    CountDownLatch received = new CountDownLatch(1);
    try (ProcessGroups n1 = ProcessGroups.open(nodes.get(0), "app:pg");
        ProcessGroups n2 = ProcessGroups.open(nodes.get(1), "app:pg");
        ProcessGroups n3 = ProcessGroups.open(nodes.get(2), "app:pg")) {
      // [snippet: use]
      try (GroupMonitor monitor = n3.monitor(workers,
              event -> System.out.println("n3 sees " + event));
          Member worker = n1.register(delivery -> {
            System.out.println("n1 got " + delivery.payload(TASK));
            received.countDown();
          })) {
        // Replication is asynchronous: wait until the other nodes list the member before sending.
        // The wait covers the peers a node sees up: first let node 1 hear both others.
        if (!nodes.get(0).cluster().awaitPeers(2, Duration.ofSeconds(10))) {
          System.out.println("node 1 did not see both peers in 10 s");
          System.exit(1);
        }
        if (!worker.join(workers).visibleOnAllNodes(Duration.ofSeconds(10))) {
          System.out.println("the join did not reach every node in 10 s");
          System.exit(1);
        }
        n2.broadcast(workers, "task", new Task("t-1", 1), TASK);
        if (!received.await(10, TimeUnit.SECONDS)) {
          System.out.println("the task did not arrive");
          System.exit(1);
        }
      }
      // [/snippet]
    } finally {
      nodes.forEach(Node::close);
    }
    System.out.println("done");
  }

  // [snippet: nodes]
  static List<Node> startCluster(int basePort) throws Exception {
    ClusterSecret secret = ClusterSecret.random(); // the same on every node of the cluster
    List<SeedMember> seeds = List.of(
        new SeedMember("n1", "127.0.0.1", basePort),
        new SeedMember("n2", "127.0.0.1", basePort + 1),
        new SeedMember("n3", "127.0.0.1", basePort + 2));
    List<Node> nodes = new ArrayList<>();
    for (SeedMember seed : seeds) {
      nodes.add(Node.start(NodeConfig.builder(seed.name())
          .bind(seed.host(), seed.port())
          .seeds(seeds)
          .secret(secret)
          .plaintext() // loopback; between hosts: .tls(cert, key, ca)
          .scope("app:pg", Map.of())
          .build()));
    }
    return nodes;
  }
  // [/snippet]
}
