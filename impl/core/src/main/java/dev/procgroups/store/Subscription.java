package dev.procgroups.store;

import dev.procgroups.process.Channel;
import java.util.Optional;

/**
 * A subscription to membership events of one group ({@code monitor}) or of a whole scope ({@code
 * events}). Events arrive on {@link #channel()}; {@link #close()} stops them.
 */
public final class Subscription {

  private final MembershipStore store;
  private final String group;
  private final Channel<GroupEvent> channel;

  Subscription(MembershipStore store, String group, int capacity) {
    this.store = store;
    this.group = group;
    this.channel = Channel.bounded(capacity);
  }

  /** The bounded event channel ({@code monitor_buffer}); selectable with the runtime's Select. */
  public Channel<GroupEvent> channel() {
    return channel;
  }

  /** The watched group, or empty for a scope-wide subscription. */
  public Optional<String> group() {
    return Optional.ofNullable(group);
  }

  /** Events dropped because the buffer was full; a consumer seeing this grow must re-snapshot. */
  public long dropped() {
    return channel.dropped();
  }

  /** No further events; buffered ones can still be received. Idempotent; returns true. */
  public boolean close() {
    return close(false);
  }

  /** With {@code flush}, buffered events are discarded too, so the next receive reports closed. */
  public boolean close(boolean flush) {
    if (flush) {
      channel.closeDiscarding();
    } else {
      channel.close();
    }
    store.unsubscribe(this);
    return true;
  }

  boolean offer(GroupEvent event) {
    return channel.offer(event);
  }
}
