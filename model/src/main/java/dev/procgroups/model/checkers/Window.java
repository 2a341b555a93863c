package dev.procgroups.model.checkers;

/**
 * A stretch of the run in which no fault was in force. {@code last}: it lasts to the end of the
 * history (the quiet period after the final heal is in it), so no fault can cut a delivery short.
 */
public record Window(long start, long end, boolean last) {
  public Window {
    if (end < start) {
      throw new IllegalArgumentException("window ends before it starts: " + start + ".." + end);
    }
  }

  public boolean covers(long from, long to) {
    return start <= from && to <= end;
  }
}
