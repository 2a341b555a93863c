package dev.procgroups.api;

import dev.procgroups.process.Pid;
import dev.procgroups.process.Received;
import dev.procgroups.store.GroupEvent;
import dev.procgroups.store.Subscription;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A monitor of one group, or of every group of the scope: the members at subscription time ({@link
 * #members()}, taken atomically with the subscription, so no event is missed or counted twice) and
 * every later join and leave, handed to a listener on the monitor's own thread, in order. Events
 * wait in the scope's bounded buffer ({@code monitor_buffer}); past it they are dropped and counted
 * ({@link #dropped()}), as for a Lua monitor. Close it when done.
 */
public final class GroupMonitor implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(GroupMonitor.class);

  private final Subscription subscription;
  private final Map<String, List<Pid>> members;
  private final Thread thread;

  GroupMonitor(
      Subscription subscription,
      Map<String, List<Pid>> members,
      Consumer<GroupEvent> listener,
      String name) {
    this.subscription = subscription;
    this.members = Map.copyOf(members);
    this.thread = new Thread(() -> pump(listener), name);
    thread.setDaemon(true);
    thread.start();
  }

  /** The members when the monitor started, by group (one entry for a one-group monitor). */
  public Map<String, List<Pid>> members() {
    return members;
  }

  /** Events dropped because the listener fell more than the buffer behind. */
  public long dropped() {
    return subscription.dropped();
  }

  /** Stops the events; buffered ones are discarded. */
  @Override
  public void close() {
    subscription.close(true);
    thread.interrupt();
  }

  private void pump(Consumer<GroupEvent> listener) {
    try {
      while (true) {
        Received<GroupEvent> event = subscription.channel().receive();
        if (!event.ok()) {
          return;
        }
        try {
          listener.accept(event.value());
        } catch (RuntimeException e) {
          LOG.warn("monitor listener {} failed on {}", thread.getName(), event.value(), e);
        }
      }
    } catch (InterruptedException e) {
      // closed
    }
  }
}
