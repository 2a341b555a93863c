package dev.procgroups.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.daemon.control.NodeStatus;
import dev.procgroups.metrics.ProcgroupsMetrics;
import dev.procgroups.node.Node;
import dev.procgroups.node.NodeConfig;
import dev.procgroups.transport.atomix.SeedMember;
import dev.procgroups.transport.auth.ClusterSecret;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The control endpoint's adapter over a node started like any other: the node's own meters, its
 * peers and scopes (the Jepsen module's MutantDecoratorTest has the planted bugs around it).
 */
class PgNodeTest {
  private static final String SCOPE = "app:pg";

  private final ClusterSecret secret = ClusterSecret.random();
  private Node daemon;
  private PgNode node;
  private MeterRegistry meters;

  @BeforeEach
  void start() throws Exception {
    daemon =
        Node.start(
            NodeConfig.builder("j1")
                .bind("127.0.0.1", 0)
                .secret(secret)
                .plaintext()
                .scope(SCOPE, Map.of())
                .meters(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
                .build());
    meters = daemon.metrics().registry();
    node = new PgNode(daemon, SCOPE);
  }

  @AfterEach
  void stop() {
    node.close();
  }

  @Test
  void reportsTheDaemonNodesMeters() throws Exception {
    String pid = node.spawn();
    node.join(pid, List.of("g"));
    assertThat(node.getMembers(pid, "g")).containsExactly(pid);
    assertThat(meters.get(ProcgroupsMetrics.SLOTS).tag("scope", SCOPE).gauge().value())
        .isEqualTo(1.0);
    for (String name :
        List.of(
            ProcgroupsMetrics.INBOUND_QUEUE,
            ProcgroupsMetrics.INBOUND_BYTES,
            ProcgroupsMetrics.INBOUND_DROPPED,
            ProcgroupsMetrics.MESSAGES,
            ProcgroupsMetrics.MAILBOX_DROPPED)) {
      assertThat(meters.find(name).meters()).as(name).isNotEmpty();
    }
  }

  @Test
  void statusNamesThePeersStartsAndCountsEachScope() throws Exception {
    try (Node peer =
        Node.start(
            NodeConfig.builder("j2")
                .bind("127.0.0.1", 0)
                .secret(secret)
                .plaintext()
                .scope(SCOPE, Map.of())
                .incarnation(77)
                .seed(SeedMember.parse("j1@127.0.0.1:" + daemon.port()))
                .build())) {
      String pid = node.spawn();
      node.join(pid, List.of("a", "b"));
      node.join(pid, List.of("a"));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (node.status().peers().isEmpty()) {
        assertThat(System.nanoTime()).as("j2 authenticated").isLessThan(deadline);
        Thread.sleep(50);
      }
      NodeStatus status = node.status();
      assertThat(status.node()).isEqualTo("j1");
      assertThat(status.peers()).containsExactly(new NodeStatus.Peer("j2", 77));
      assertThat(status.scopes()).containsExactly(new NodeStatus.Scope(SCOPE, 2, 3, 3));
    }
  }

  @Test
  void metricsAreThePrometheusTextOfTheNodesMeters() throws Exception {
    String pid = node.spawn();
    node.join(pid, List.of("g"));
    assertThat(node.metrics())
        .contains("# TYPE procgroups_slots gauge")
        .contains("procgroups_slots{node=\"j1\",scope=\"app:pg\"} 1.0");
  }
}
