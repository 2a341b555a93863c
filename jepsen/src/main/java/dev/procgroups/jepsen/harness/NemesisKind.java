package dev.procgroups.jepsen.harness;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The faults a run may schedule, named as on the command line ({@code --nemesis halves,kill}). */
public enum NemesisKind {
  HALVES, ISOLATE, RING, BRIDGE, ONE_WAY, KILL, PAUSE, LOSS;

  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public boolean isPartition() {
    return this != KILL && this != PAUSE && this != LOSS;
  }

  /** Faults of one category cannot nest (one firewall table, one process state per node). */
  String category() {
    return isPartition() ? "partition" : cliName();
  }

  /**
   * Parses a comma-separated list of names, plus {@code partition} (every partition shape),
   * {@code all} and {@code none}.
   */
  public static Set<NemesisKind> parse(String list) {
    Set<NemesisKind> kinds = EnumSet.noneOf(NemesisKind.class);
    for (String word : list.split(",")) {
      String w = word.strip().toLowerCase(Locale.ROOT);
      switch (w) {
        case "", "none" -> { }
        case "all" -> kinds.addAll(EnumSet.allOf(NemesisKind.class));
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
    throw new IllegalArgumentException("unknown nemesis '" + cliName + "'; known: partition, all, none, "
        + String.join(", ", java.util.Arrays.stream(values()).map(NemesisKind::cliName).toList()));
  }
}
