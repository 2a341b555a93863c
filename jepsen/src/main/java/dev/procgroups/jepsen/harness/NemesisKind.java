package dev.procgroups.jepsen.harness;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The faults a run may schedule, named as on the command line ({@code --nemesis halves,kill}). The
 * trust-boundary faults (a restart with the wall clock stepped back, an impostor without the secret
 * under a live node's name, a node's wall clock jumping) failed on the code before issue 14; they
 * are in {@code all} and also named together as {@code trust}.
 */
public enum NemesisKind {
  HALVES,
  ISOLATE,
  RING,
  BRIDGE,
  ONE_WAY,
  KILL,
  PAUSE,
  LOSS,
  STALE_RESTART,
  IMPOSTOR,
  CLOCK,
  BANDWIDTH,
  DISK_FULL;

  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public boolean isPartition() {
    return ordinal() <= ONE_WAY.ordinal();
  }

  /** Faults that hit one node (different nodes when they nest). */
  boolean onNode() {
    return this == KILL
        || this == PAUSE
        || this == STALE_RESTART
        || this == IMPOSTOR
        || this == CLOCK
        || this == DISK_FULL;
  }

  /**
   * Faults that need the nodes under libfaketime (set up at start): the full disk's node comes back
   * with its clock stepped back, which shows whether the start on the full disk kept its
   * incarnation.
   */
  public boolean fakesClocks() {
    return this == CLOCK || this == STALE_RESTART || this == DISK_FULL;
  }

  /** Faults of one category cannot nest (one firewall table, one process state per node). */
  String category() {
    return isPartition() ? "partition" : cliName();
  }

  /**
   * Parses a comma-separated list of names, plus {@code partition} (every partition shape), {@code
   * trust} (the trust-boundary faults), {@code all} (every fault) and {@code none}.
   */
  public static Set<NemesisKind> parse(String list) {
    Set<NemesisKind> kinds = EnumSet.noneOf(NemesisKind.class);
    for (String word : list.split(",")) {
      String w = word.strip().toLowerCase(Locale.ROOT);
      switch (w) {
        case "", "none" -> {}
        case "all" -> kinds.addAll(EnumSet.allOf(NemesisKind.class));
        case "trust" -> kinds.addAll(EnumSet.of(STALE_RESTART, IMPOSTOR, CLOCK));
        case "partition" -> kinds.addAll(EnumSet.of(HALVES, ISOLATE, RING, BRIDGE, ONE_WAY));
        default -> kinds.add(of(w));
      }
    }
    return kinds;
  }

  private static NemesisKind of(String cliName) {
    for (NemesisKind k : values()) {
      if (k.cliName().equals(cliName)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "unknown nemesis '"
            + cliName
            + "'; known: partition, trust, all, none, "
            + String.join(
                ", ", java.util.Arrays.stream(values()).map(NemesisKind::cliName).toList()));
  }
}
