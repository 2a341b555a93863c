package dev.procgroups.model.checkers;

/**
 * A stretch of the run in which the cluster was whole (no partition, every node up and running)
 * and had converged after the last fault: in it every broadcast must reach every settled member.
 */
public record Window(long start, long end) {
  public Window {
    if (end < start) {
      throw new IllegalArgumentException("window ends before it starts: " + start + ".." + end);
    }
  }

  public boolean covers(long from, long to) {
    return start <= from && to <= end;
  }
}
