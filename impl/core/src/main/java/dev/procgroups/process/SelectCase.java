package dev.procgroups.process;

import java.util.Objects;

/** One case of a {@link Select}: receive from a channel, or send a value to one. */
public sealed interface SelectCase {

  Channel<?> channel();

  /** Ready when the channel has a value or is closed. */
  static SelectCase receive(Channel<?> channel) {
    return new Receive(channel);
  }

  /** Ready when the channel has room or is closed (then the value is not sent, ok = false). */
  static <T> SelectCase send(Channel<T> channel, T value) {
    return new Send<>(channel, value);
  }

  /** See {@link SelectCase#receive}. */
  record Receive(Channel<?> channel) implements SelectCase {
    public Receive {
      Objects.requireNonNull(channel, "channel");
    }
  }

  /** See {@link SelectCase#send}. */
  record Send<T>(Channel<T> channel, T value) implements SelectCase {
    public Send {
      Objects.requireNonNull(channel, "channel");
    }
  }
}
