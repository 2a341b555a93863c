package dev.procgroups.process;

/**
 * The case a {@link Select} completed: its position in the list, the case, and the outcome. For a
 * receive: the value and ok as in {@link Received}. For a send: the value sent, ok = false if the
 * channel was closed (nothing sent).
 */
public record Selected(int index, SelectCase selectedCase, Object value, boolean ok) {

  public Channel<?> channel() {
    return selectedCase.channel();
  }
}
