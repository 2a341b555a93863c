package dev.procgroups.jepsen.net;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A node's place in the namespace: its name, its own loopback address, and the group id its JVM
 * runs under. Linux picks the source address of a loopback connection from the destination, not
 * from the sender, so packets cannot be told apart by source address; the firewall instead tags
 * each connection with the group id of the socket that opened it (see {@link Firewall}).
 *
 * @param index 0-based position; node {@code i} is {@code n(i+1)} at {@code 127.0.0.(11+i)}
 */
public record NodeAddress(String name, String ip, int index) {

  /** Group ids far above the usual system and user ranges, so the tag means only "this node". */
  private static final int GID_BASE = 47_000;

  public static final int FIRST_HOST = 11;

  /** {@code count} nodes n1.. on 127.0.0.11.. */
  public static List<NodeAddress> cluster(int count) {
    if (count < 1 || count > 200) {
      throw new IllegalArgumentException("node count must be 1..200, was " + count);
    }
    return IntStream.range(0, count)
        .mapToObj(i -> new NodeAddress("n" + (i + 1), "127.0.0." + (FIRST_HOST + i), i))
        .toList();
  }

  public int gid() {
    return GID_BASE + index;
  }

  /** The conntrack mark of connections this node opens (never 0, which means "not a node"). */
  public int mark() {
    return index + 1;
  }

  /** {@code command} run under this node's group id (root stays root, so files stay readable). */
  public List<String> runAs(List<String> command) {
    List<String> wrapped =
        new ArrayList<>(List.of("setpriv", "--regid", Integer.toString(gid()), "--clear-groups"));
    wrapped.addAll(command);
    return wrapped;
  }
}
