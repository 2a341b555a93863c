package dev.procgroups.jepsen.net;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Limits the bandwidth between nodes inside the run's namespace, never outside it (every command
 * goes through {@link NetNamespace#command}): an htb qdisc on the namespace's loopback with a slow
 * class for node traffic. This kernel has neither netem nor the {@code fw} classifier, so node
 * packets are told apart by their DSCP: an nftables rule after the firewall's tagging sets class
 * selector 1 on every packet of a connection a node opened (ct mark set, see {@link Firewall}), and
 * a {@code u32} filter sends those to the slow class. The harness's calls (no mark) are untouched.
 */
public final class Bandwidth {

  static final String TABLE = "procgroups_jepsen_bandwidth";

  /** DSCP class selector 1 in the IP header's TOS byte (DSCP is its upper six bits). */
  private static final String CS1_TOS = "0x20";

  private static final Pattern SENT = Pattern.compile("Sent (\\d+) bytes (\\d+) pkt");

  /** {@code backlog 1514b 1p} (or {@code 15Kb}) in a class's statistics: what its queue holds. */
  private static final Pattern BACKLOG = Pattern.compile("backlog \\S+ (\\d+)p");

  /** How long {@link #unlimit()} lets the slow class's queue drain at the fast rate. */
  static final Duration DRAIN_WITHIN = Duration.ofSeconds(2);

  private final NetNamespace ns;
  private final String nft;
  private final String tc;
  private boolean limited;

  private Bandwidth(NetNamespace ns, String nft, String tc) {
    this.ns = ns;
    this.nft = nft;
    this.tc = tc;
  }

  /** Bandwidth limits in {@code ns}; fails if {@code tc} (iproute2) or {@code nft} is missing. */
  public static Bandwidth in(NetNamespace ns) throws NamespaceUnavailableException {
    return new Bandwidth(ns, tool("nft", "nftables"), tool("tc", "iproute2"));
  }

  private static String tool(String name, String debianPackage)
      throws NamespaceUnavailableException {
    return Shell.resolve(name)
        .map(Object::toString)
        .orElseThrow(
            () ->
                new NamespaceUnavailableException(
                    "the '"
                        + name
                        + "' tool is not installed; the bandwidth nemesis needs it (apt-get install "
                        + debianPackage
                        + ")"));
  }

  /** Limits node traffic to {@code kbit} kbit/s (replacing an earlier limit). */
  public synchronized void limit(int kbit) {
    if (kbit < 1) {
      throw new IllegalArgumentException("a limit of " + kbit + " kbit/s");
    }
    unlimit();
    ns.run(
            List.of(nft, "-f", "-"),
            "add table inet "
                + TABLE
                + "\nadd chain inet "
                + TABLE
                + " classify { type filter hook output priority -140; policy accept; }\n"
                + "add rule inet "
                + TABLE
                + " classify ct mark != 0 ip dscp set cs1\n")
        .orThrow();
    limited = true;
    tc("qdisc", "add", "dev", "lo", "root", "handle", "1:", "htb", "default", "10");
    tc("class", "add", "dev", "lo", "parent", "1:", "classid", "1:10", "htb", "rate", "10gbit");
    String rate = kbit + "kbit";
    tc(
        "class", "add", "dev", "lo", "parent", "1:", "classid", "1:20", "htb", "rate", rate, "ceil",
        rate);
    tc(
        "filter",
        "add",
        "dev",
        "lo",
        "parent",
        "1:",
        "protocol",
        "ip",
        "prio",
        "1",
        "u32",
        "match",
        "ip",
        "tos",
        CS1_TOS,
        "0xfc",
        "flowid",
        "1:20");
  }

  /**
   * Bytes and packets sent through the slow class so far, {@code [bytes, packets]} ({@code [0, 0]}
   * without a limit).
   */
  public synchronized long[] limitedTraffic() {
    if (!limited) {
      return new long[] {0, 0};
    }
    Matcher m = SENT.matcher(slowClassStats());
    return m.find()
        ? new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))}
        : new long[] {0, 0};
  }

  /**
   * Removes the limit (qdisc and classifying table); returns the bytes the slow class sent. The
   * slow class is first raised to the fast rate and given up to {@link #DRAIN_WITHIN} to empty its
   * queue: deleting a qdisc drops what it holds, and TCP would resend those segments only after a
   * retransmission timeout that the queueing delay had stretched, so the nodes' heartbeats would
   * stay silent after the limit was gone (a failure detector then declared a peer down about 0.5 s
   * after the lift, and broadcasts on the dropped connection were lost).
   */
  public synchronized long unlimit() {
    if (!limited) {
      return 0;
    }
    tc(
        "class", "change", "dev", "lo", "parent", "1:", "classid", "1:20", "htb", "rate", "10gbit",
        "ceil", "10gbit");
    long deadline = System.nanoTime() + DRAIN_WITHIN.toNanos();
    while (queuedPackets() > 0 && System.nanoTime() < deadline) {
      pause();
    }
    long bytes = limitedTraffic()[0];
    ns.run(List.of(tc, "qdisc", "del", "dev", "lo", "root"));
    ns.run(List.of(nft, "delete", "table", "inet", TABLE)).orThrow();
    limited = false;
    return bytes;
  }

  /** Packets waiting in the slow class now. */
  private long queuedPackets() {
    Matcher m = BACKLOG.matcher(slowClassStats());
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  private String slowClassStats() {
    return ns.run(List.of(tc, "-s", "class", "show", "dev", "lo", "classid", "1:20"))
        .orThrow()
        .stdout();
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the bandwidth queue drained", e);
    }
  }

  private void tc(String... args) {
    List<String> command = new java.util.ArrayList<>(List.of(tc));
    command.addAll(List.of(args));
    ns.run(command).orThrow();
  }
}
