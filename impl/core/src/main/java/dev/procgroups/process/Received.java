package dev.procgroups.process;

/**
 * The outcome of a receive, as Lua sees it: {@code value, true} for a value, or {@code null, false}
 * once the channel is closed and empty.
 */
public record Received<T>(T value, boolean ok) {
  private static final Received<?> CLOSED = new Received<>(null, false);

  /** A received value. */
  public static <T> Received<T> of(T value) {
    return new Received<>(value, true);
  }

  /** The channel is closed and empty. */
  @SuppressWarnings("unchecked")
  public static <T> Received<T> closed() {
    return (Received<T>) CLOSED;
  }
}
