package dev.procgroups.transport.atomix;

import dev.procgroups.transport.NodeId;
import dev.procgroups.transport.PeerEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Records the peer events of one transport, with their arrival time, and waits for them. */
final class PeerEventLog implements Consumer<PeerEvent> {

  record Entry(PeerEvent event, long nanos) {}

  private final List<Entry> entries = new ArrayList<>();

  @Override
  public synchronized void accept(PeerEvent event) {
    entries.add(new Entry(event, System.nanoTime()));
    notifyAll();
  }

  synchronized List<PeerEvent> events() {
    return entries.stream().map(Entry::event).toList();
  }

  /** Waits until an event matches; returns it with its arrival time, or fails after timeout. */
  synchronized Entry await(Predicate<PeerEvent> match, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (Entry entry : entries) {
        if (match.test(entry.event())) {
          return entry;
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no matching peer event within " + timeout + "; got " + events());
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  Entry awaitUp(NodeId peer, Duration timeout) throws InterruptedException {
    return await(new PeerEvent.Up(peer)::equals, timeout);
  }

  Entry awaitDown(NodeId peer, Duration timeout) throws InterruptedException {
    return await(new PeerEvent.Down(peer)::equals, timeout);
  }
}
