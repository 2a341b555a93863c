package dev.procgroups.jepsen.net;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * nftables rules inside the run's namespace, never outside it: every command goes through {@link
 * NetNamespace#command}.
 *
 * <p>On loopback the kernel gives a connection the destination's address as its source, so "who
 * sent this packet" is not in the packet. A permanent table therefore tags every new connection
 * (TCP or UDP flow) with the mark of the node whose socket opened it, known from the socket's group
 * id ({@link NodeAddress#gid()}). Then "packets from A do not reach B" is two rules: in the
 * original direction the sender is the opener (mark A, destination B); in the reply direction the
 * sender is the acceptor, whose socket carries its own address (source A, opener B). Connections
 * nobody tagged (the harness's control calls) are never cut. Healing flushes the cut table.
 */
public final class Firewall {

  static final String TAG_TABLE = "procgroups_jepsen_tag";
  static final String CUT_TABLE = "procgroups_jepsen_cut";
  static final String LOSS_TABLE = "procgroups_jepsen_loss";

  private final NetNamespace ns;
  private final Map<String, NodeAddress> nodes;
  private final String nft;

  private Firewall(NetNamespace ns, Collection<NodeAddress> nodes, String nft) {
    this.ns = ns;
    this.nodes =
        nodes.stream()
            .collect(Collectors.toUnmodifiableMap(NodeAddress::name, Function.identity()));
    this.nft = nft;
  }

  /** Installs the tagging and (empty) cut tables in {@code ns}; call before any node starts. */
  public static Firewall install(NetNamespace ns, Collection<NodeAddress> nodes)
      throws NamespaceUnavailableException {
    String nft =
        Shell.resolve("nft")
            .map(Object::toString)
            .orElseThrow(
                () ->
                    new NamespaceUnavailableException(
                        "the 'nft' tool (nftables) is not installed; partitions"
                            + " need it (apt-get install nftables)"));
    Firewall firewall = new Firewall(ns, nodes, nft);
    StringBuilder script =
        new StringBuilder()
            .append("add table inet ")
            .append(TAG_TABLE)
            .append('\n')
            .append("add chain inet ")
            .append(TAG_TABLE)
            .append(" opener { type filter hook output priority -150; policy accept; }\n")
            .append("add table inet ")
            .append(CUT_TABLE)
            .append('\n')
            .append("add chain inet ")
            .append(CUT_TABLE)
            .append(" cut { type filter hook input priority 0; policy accept; }\n")
            .append("add table inet ")
            .append(LOSS_TABLE)
            .append('\n')
            .append("add chain inet ")
            .append(LOSS_TABLE)
            .append(" loss { type filter hook input priority 10; policy accept; }\n");
    for (NodeAddress n : nodes) {
      script
          .append("add rule inet ")
          .append(TAG_TABLE)
          .append(" opener ct state new meta skgid ")
          .append(n.gid())
          .append(" ct mark set ")
          .append(n.mark())
          .append('\n');
    }
    Shell.Result r = firewall.nft(script.toString());
    if (!r.ok()) {
      throw new NamespaceUnavailableException(
          "nftables rules could not be loaded inside " + ns.name() + ": " + r.stderr().strip());
    }
    return firewall;
  }

  /** Replaces the current cuts with {@code cuts}, atomically (one nft transaction). */
  public void apply(Collection<Cut> cuts) {
    StringBuilder script = new StringBuilder("flush table inet " + CUT_TABLE + "\n");
    for (Cut cut : cuts) {
      NodeAddress from = node(cut.from());
      NodeAddress to = node(cut.to());
      script
          .append(rule("ct direction original ct mark " + from.mark() + " ip daddr " + to.ip()))
          .append(rule("ct direction reply ct mark " + to.mark() + " ip saddr " + from.ip()));
    }
    nft(script.toString()).orThrow();
  }

  /**
   * Drops {@code percent} % of the packets between nodes at random (nftables' numgen; this kernel
   * has no netem), both directions, replacing an earlier rate; the harness's calls are untouched.
   */
  public void loss(int percent) {
    if (percent < 1 || percent > 100) {
      throw new IllegalArgumentException("loss of " + percent + " %");
    }
    nft("flush table inet "
            + LOSS_TABLE
            + "\nadd rule inet "
            + LOSS_TABLE
            + " loss ct mark != 0 numgen random mod 100 < "
            + percent
            + " counter drop\n")
        .orThrow();
  }

  /** Ends packet loss: flushes the loss table. Returns how many packets it dropped. */
  public long noLoss() {
    long dropped = lossDropped();
    nft("flush table inet " + LOSS_TABLE + "\n").orThrow();
    return dropped;
  }

  /** Packets the loss rule in force has dropped (its nftables counter); 0 without one. */
  public long lossDropped() {
    String table = ns.run(List.of(nft, "list", "table", "inet", LOSS_TABLE)).orThrow().stdout();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("counter packets (\\d+)").matcher(table);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  /** Removes every cut: flushes the cut table. */
  public void heal() {
    nft("flush table inet " + CUT_TABLE + "\n").orThrow();
  }

  /** The namespace's whole ruleset, as nft prints it. */
  public String ruleset() {
    return ns.run(List.of(nft, "list", "ruleset")).orThrow().stdout();
  }

  private static String rule(String match) {
    return "add rule inet " + CUT_TABLE + " cut " + match + " drop\n";
  }

  private NodeAddress node(String name) {
    NodeAddress n = nodes.get(name);
    if (n == null) {
      throw new IllegalArgumentException("unknown node " + name + "; known: " + nodes.keySet());
    }
    return n;
  }

  private Shell.Result nft(String script) {
    return ns.run(List.of(nft, "-f", "-"), script);
  }
}
