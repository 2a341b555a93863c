package dev.procgroups.jepsen.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.procgroups.jepsen.control.NodeStatus;
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
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Jepsen node is a daemon node with an adapter; its planted bugs wrap the adapter. */
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

  @Test
  void killLeavesSlotsForgetsTheProcessButKeepsItsSlot() throws Exception {
    MutantBackend mutant = new MutantBackend(node, Set.of(NodeMutant.KILL_LEAVES_SLOTS));
    String victim = mutant.spawn();
    String watcher = mutant.spawn();
    mutant.join(victim, List.of("g"));
    mutant.kill(victim);
    assertThat(mutant.getMembers(watcher, "g")).containsExactly(victim);
    assertThatThrownBy(() -> mutant.received(victim)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void hideMonitorEventsHidesEverySecondLeftEvent() throws Exception {
    MutantBackend mutant = new MutantBackend(node, Set.of(NodeMutant.HIDE_MONITOR_EVENTS));
    String pid = mutant.spawn();
    String id = mutant.monitor(pid, "g").subscription();
    for (int i = 0; i < 2; i++) {
      mutant.join(pid, List.of("g"));
      mutant.leave(pid, List.of("g"));
    }
    assertThat(mutant.readMonitor(id).events())
        .extracting(e -> e.kind())
        .containsExactly("member.joined", "member.left", "member.joined");
  }
}
