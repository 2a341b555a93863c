package dev.procgroups.jepsen.net;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** The partition shapes of the nemesis, as Jepsen names them, over node names. */
public final class Partitions {

  private Partitions() {}

  /** Every node of one component cut from every node of another, both ways. */
  public static Partition components(String description, List<? extends Collection<String>> parts) {
    Set<Cut> cuts = new HashSet<>();
    for (int i = 0; i < parts.size(); i++) {
      for (int j = 0; j < parts.size(); j++) {
        if (i != j) {
          for (String a : parts.get(i)) {
            for (String b : parts.get(j)) {
              cuts.add(new Cut(a, b));
            }
          }
        }
      }
    }
    return new Partition(description, cuts);
  }

  /** Two random halves (the smaller one first), cut from each other both ways. */
  public static Partition randomHalves(List<String> nodes, Random random) {
    List<String> shuffled = shuffled(nodes, random);
    int half = shuffled.size() / 2;
    List<String> a = List.copyOf(shuffled.subList(0, half));
    List<String> b = List.copyOf(shuffled.subList(half, shuffled.size()));
    return components("halves " + a + " | " + b, List.of(a, b));
  }

  /** One node cut from all the others, both ways. */
  public static Partition isolate(String node, List<String> nodes) {
    List<String> rest = nodes.stream().filter(n -> !n.equals(node)).toList();
    return components("isolate " + node, List.of(List.of(node), rest));
  }

  /**
   * Two halves that can both talk to one bridge node but not to each other: the bridge sees
   * everyone, each side sees itself and the bridge.
   */
  public static Partition bridge(List<String> nodes, Random random) {
    List<String> ring = shuffled(nodes, random);
    int mid = ring.size() / 2;
    List<String> left = ring.subList(0, mid);
    List<String> right = ring.subList(mid + 1, ring.size());
    Set<Cut> cuts = new HashSet<>();
    for (String a : left) {
      for (String b : right) {
        cuts.add(new Cut(a, b));
        cuts.add(new Cut(b, a));
      }
    }
    return new Partition("bridge " + ring.get(mid) + " between " + left + " | " + right, cuts);
  }

  /**
   * Nodes on a random ring, each connected only to the nodes within ring distance {@code d}, the
   * least that lets every node see a majority (itself included); so every node sees a majority but
   * no two see the same one. With fewer than five nodes no such ring exists and this is a {@link
   * #bridge}.
   */
  public static Partition majorityRing(List<String> nodes, Random random) {
    int n = nodes.size();
    if (n < 5) {
      return bridge(nodes, random);
    }
    List<String> ring = shuffled(nodes, random);
    int majority = n / 2 + 1;
    int reach = majority / 2; // 2 * reach + 1 >= majority
    Set<Cut> cuts = new HashSet<>();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        int distance = Math.min(Math.abs(i - j), n - Math.abs(i - j));
        if (distance > reach) {
          cuts.add(new Cut(ring.get(i), ring.get(j)));
        }
      }
    }
    return new Partition("majority ring " + ring, cuts);
  }

  /** Packets from every node of {@code from} to every node of {@code to} dropped; replies pass. */
  public static Partition oneWay(Collection<String> from, Collection<String> to) {
    Set<Cut> cuts = new HashSet<>();
    for (String a : from) {
      for (String b : to) {
        cuts.add(new Cut(a, b));
      }
    }
    return new Partition("one-way " + from + " -> " + to, cuts);
  }

  /** A one-way cut from one random half to the other. */
  public static Partition randomOneWay(List<String> nodes, Random random) {
    List<String> shuffled = shuffled(nodes, random);
    int half = shuffled.size() / 2;
    return oneWay(
        List.copyOf(shuffled.subList(0, half)),
        List.copyOf(shuffled.subList(half, shuffled.size())));
  }

  private static List<String> shuffled(List<String> nodes, Random random) {
    if (nodes.size() < 2) {
      throw new IllegalArgumentException("a partition needs at least two nodes, got " + nodes);
    }
    List<String> copy = new ArrayList<>(nodes);
    Collections.shuffle(copy, random);
    return copy;
  }
}
