package dev.procgroups.jepsen.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Real namespace, real nftables, two real JVMs talking over 127.0.0.11/12. Skipped (with the
 * reason) when not root or when ip, nft or setpriv is missing; CI runs as root with nftables.
 */
class NetNamespaceTest {

  private static final Duration UDP_WAIT = Duration.ofMillis(1500);
  private static final Duration UDP_SILENCE = Duration.ofMillis(600);

  @Test
  void partitionsDropTrafficOnlyInsideTheNamespaceAndHealRestoresIt() throws Exception {
    RootTools.assume();
    List<NodeAddress> nodes = NodeAddress.cluster(2);
    NodeAddress n1 = nodes.get(0);
    NodeAddress n2 = nodes.get(1);
    String hostRulesBefore = Shell.run("nft", "list", "ruleset").stdout();
    String name;
    try (NetNamespace ns = NetNamespace.create("pgj-test", nodes)) {
      name = ns.name();
      Firewall firewall = Firewall.install(ns, nodes);
      try (NamespacedPeer a = new NamespacedPeer(ns, n1);
          NamespacedPeer b = new NamespacedPeer(ns, n2)) {
        assertThat(a.tcp(n2)).as("whole: n1 -> n2").isTrue();
        assertThat(b.tcp(n1)).as("whole: n2 -> n1").isTrue();
        a.udp(n2, "whole-1");
        assertThat(b.received("whole-1", UDP_WAIT)).isTrue();

        // Planted bug: the naive rule by source address never matches on loopback (the kernel
        // gives a connection the destination's address as source); the probes must notice.
        ns.run(
                List.of(
                    "nft",
                    "add",
                    "rule",
                    "inet",
                    Firewall.CUT_TABLE,
                    "cut",
                    "ip",
                    "saddr",
                    n1.ip(),
                    "ip",
                    "daddr",
                    n2.ip(),
                    "drop"))
            .orThrow();
        assertThat(a.tcp(n2)).as("naive source-address rule leaves n1 -> n2 open").isTrue();

        firewall.apply(Partitions.isolate("n1", List.of("n1", "n2")).cuts());
        assertThat(a.tcp(n2)).as("isolated: n1 -> n2").isFalse();
        assertThat(b.tcp(n1)).as("isolated: n2 -> n1").isFalse();
        a.udp(n2, "isolated-1");
        b.udp(n1, "isolated-2");
        assertThat(b.received("isolated-1", UDP_SILENCE)).isFalse();
        assertThat(a.received("isolated-2", UDP_SILENCE)).isFalse();

        firewall.heal();
        assertThat(a.tcp(n2)).as("healed: n1 -> n2").isTrue();
        assertThat(b.tcp(n1)).as("healed: n2 -> n1").isTrue();

        firewall.apply(Partitions.oneWay(List.of("n1"), List.of("n2")).cuts());
        a.udp(n2, "oneway-1");
        b.udp(n1, "oneway-2");
        assertThat(b.received("oneway-1", UDP_SILENCE)).as("n1 -> n2 is cut").isFalse();
        assertThat(a.received("oneway-2", UDP_WAIT)).as("n2 -> n1 still flows").isTrue();
        assertThat(firewall.ruleset()).contains(Firewall.TAG_TABLE, Firewall.CUT_TABLE, "drop");

        firewall.heal();
        a.udp(n2, "healed-1");
        assertThat(b.received("healed-1", UDP_WAIT)).isTrue();
      }
      assertThat(ns.exists()).isTrue();
    }
    assertThat(Shell.run("ip", "netns", "list").stdout()).doesNotContain(name);
    assertThat(Shell.run("nft", "list", "ruleset").stdout())
        .isEqualTo(hostRulesBefore)
        .doesNotContain(Firewall.CUT_TABLE);
  }

  /**
   * The loss nemesis drops about its share of the packets between nodes, and its counter says how
   * many. Planted bug first: a loss rule matching the sender's group id on the input hook (where a
   * packet has no socket) drops nothing, and the count of arrivals notices.
   */
  @Test
  void lossDropsItsShareOfPacketsBetweenNodesAndCountsThem() throws Exception {
    RootTools.assume();
    withTwoPeers(
        p -> {
          p.ns()
              .run(
                  List.of(
                      "nft",
                      "add rule inet "
                          + Firewall.LOSS_TABLE
                          + " loss meta skgid "
                          + p.n1().gid()
                          + " numgen random mod 100 < 50 drop"))
              .orThrow();
          assertThat(p.burst("naive-")).as("naive rule: all arrive").isEqualTo(SENT);

          p.firewall().loss(50);
          int arrived = p.burst("lossy-");
          assertThat(arrived).as("half of %d arrive", SENT).isBetween(SENT / 4, SENT * 3 / 4);
          assertThat(p.firewall().noLoss()).as("the counter").isEqualTo(SENT - arrived);
          assertThat(p.burst("whole-")).as("no loss: all arrive").isEqualTo(SENT);
        });
  }

  /**
   * The bandwidth nemesis slows node traffic to its rate and no further: at 16 kbit/s fewer than
   * half of 200 small datagrams arrive within the first second (about 50 can), all arrive in the
   * end, and they went through the slow class. Planted bug first: without the rule that classifies
   * node packets the slow class sees nothing.
   */
  @Test
  void bandwidthLimitSlowsNodeTrafficThroughItsOwnClass() throws Exception {
    RootTools.assume();
    withTwoPeers(
        p -> {
          Bandwidth bandwidth = Bandwidth.in(p.ns());
          bandwidth.limit(16);
          p.ns()
              .run(List.of("nft", "flush", "chain", "inet", Bandwidth.TABLE, "classify"))
              .orThrow();
          assertThat(p.burst("unclassified-")).isEqualTo(SENT);
          assertThat(bandwidth.limitedTraffic()[1]).as("planted bug: slow class unused").isZero();

          bandwidth.limit(16);
          long oneSecond = System.nanoTime() + 1_000_000_000L;
          for (int i = 0; i < SENT; i++) {
            p.a().udp(p.n2(), "slow-" + i);
          }
          int early = p.b().receivedUntil("slow-", oneSecond);
          assertThat(early).as("arrived within 1 s at 16 kbit/s").isLessThan(SENT / 2);
          assertThat(early + p.b().receivedCount("slow-", UDP_WAIT))
              .as("all in the end")
              .isEqualTo(SENT);
          assertThat(bandwidth.limitedTraffic()[1]).as("through the slow class").isEqualTo(SENT);
          assertThat(bandwidth.unlimit()).isPositive();
          assertThat(p.burst("fast-")).isEqualTo(SENT);
          assertThat(bandwidth.limitedTraffic()[1]).isZero();
        });
  }

  /** Datagrams per burst: few enough that the receiving socket's buffer never overflows. */
  private static final int SENT = 200;

  /** Probe peers a on n1 and b on n2 in a fresh namespace with the firewall installed. */
  private record TwoPeers(
      NetNamespace ns,
      Firewall firewall,
      NodeAddress n1,
      NodeAddress n2,
      NamespacedPeer a,
      NamespacedPeer b) {
    /** Sends {@link #SENT} datagrams from a to b; how many arrived. */
    int burst(String prefix) throws InterruptedException {
      for (int i = 0; i < SENT; i++) {
        a.udp(n2, prefix + i);
      }
      return b.receivedCount(prefix, UDP_WAIT);
    }
  }

  private interface WithTwoPeers {
    void run(TwoPeers peers) throws Exception;
  }

  private static void withTwoPeers(WithTwoPeers body) throws Exception {
    List<NodeAddress> nodes = NodeAddress.cluster(2);
    try (NetNamespace ns = NetNamespace.create("pgj-test", nodes)) {
      Firewall firewall = Firewall.install(ns, nodes);
      try (NamespacedPeer a = new NamespacedPeer(ns, nodes.get(0));
          NamespacedPeer b = new NamespacedPeer(ns, nodes.get(1))) {
        body.run(new TwoPeers(ns, firewall, nodes.get(0), nodes.get(1), a, b));
      }
    }
  }

  @Test
  void refusesClearlyWhenNoNamespaceCanBeMade() {
    assumeTrue(Shell.resolve("ip").isPresent(), "iproute2 'ip' not installed");
    assertThatThrownBy(() -> NetNamespace.createNamed("no/such/name", NodeAddress.cluster(1)))
        .isInstanceOf(NamespaceUnavailableException.class)
        .hasMessageContaining("cannot create a private network namespace")
        .hasMessageContaining("never touches the host");
  }
}
