package dev.procgroups.model.checkers;

import java.util.List;

/**
 * One violation: a short kind ({@code duplicate}, {@code fifo}, {@code drift}, ...), what was seen,
 * and the history indices of the operations that show it.
 */
public record Problem(String kind, String detail, List<Long> ops) {
  public Problem {
    ops = List.copyOf(ops);
  }

  @Override
  public String toString() {
    return kind + ": " + detail + " (ops " + ops + ")";
  }
}
