package dev.procgroups.jepsen.net;

import java.util.Set;

/** A named set of one-way cuts, applied all at once; {@code description} goes into the history. */
public record Partition(String description, Set<Cut> cuts) {
  public Partition {
    cuts = Set.copyOf(cuts);
  }

  /** True if packets from {@code from} reach {@code to} under this partition. */
  public boolean connected(String from, String to) {
    return from.equals(to) || !cuts.contains(new Cut(from, to));
  }
}
