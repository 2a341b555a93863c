package dev.procgroups.process;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * A process's incoming messages: one channel per listened topic, and the inbox for messages whose
 * topic nobody listens to (or whose listen channel was closed). Channels are made on first use so
 * an idle process costs little. All of them together hold at most {@code capacity} messages; a
 * message beyond that is refused and counted ({@link #dropped()}), so a process that does not keep
 * up cannot run its node out of memory.
 */
final class Mailbox implements Quota {
  private static final AtomicIntegerFieldUpdater<Mailbox> BUFFERED =
      AtomicIntegerFieldUpdater.newUpdater(Mailbox.class, "buffered");

  private final int capacity;
  private volatile int buffered; // messages in all channels; updated through BUFFERED
  private Map<String, Channel<Message>> topics;
  private Channel<Message> inbox;
  private boolean closed;
  private long dropped; // guarded by this

  Mailbox(int capacity) {
    this.capacity = capacity;
  }

  /** The channel of {@code topic}: the same one while it stays open, a new one after a close. */
  synchronized Channel<Message> listen(String topic) {
    if (topics == null) {
      topics = new HashMap<>(4);
    }
    Channel<Message> channel = topics.get(topic);
    if (channel == null || channel.isClosed()) {
      channel = newChannel();
      topics.put(topic, channel);
    }
    return channel;
  }

  /** Stops listening to {@code topic}: closes its channel; later messages go to the inbox. */
  synchronized void unlisten(String topic) {
    Channel<Message> channel = topics == null ? null : topics.remove(topic);
    if (channel != null) {
      channel.close();
    }
  }

  synchronized Channel<Message> inbox() {
    if (inbox == null) {
      inbox = newChannel();
    }
    return inbox;
  }

  /**
   * Puts {@code message} on its topic's channel or the inbox: ACCEPTED; FULL (dropped and counted)
   * if {@code capacity} messages are waiting; CLOSED once the mailbox is closed.
   */
  synchronized Channel.PutResult deliver(Message message) {
    if (closed) {
      return Channel.PutResult.CLOSED;
    }
    Channel<Message> channel = topics == null ? null : topics.get(message.topic());
    Channel.PutResult result = channel == null ? Channel.PutResult.CLOSED : channel.tryPut(message);
    if (result == Channel.PutResult.CLOSED) {
      if (channel != null) {
        topics.remove(message.topic()); // closed by its reader
      }
      result = inbox().tryPut(message);
    }
    if (result == Channel.PutResult.FULL) {
      dropped++;
    }
    return result;
  }

  /** Messages refused because the mailbox was full, since the process started. */
  synchronized long dropped() {
    return dropped;
  }

  int capacity() {
    return capacity;
  }

  /** Messages waiting in all its channels now. */
  int size() {
    return buffered;
  }

  /** Closes every channel (buffered messages stay receivable) and refuses further deliveries. */
  synchronized void close() {
    closed = true;
    if (topics != null) {
      topics.values().forEach(Channel::close);
    }
    if (inbox != null) {
      inbox.close();
    }
  }

  @Override
  public boolean tryAcquire() {
    int now;
    do {
      now = buffered;
      if (now >= capacity) {
        return false;
      }
    } while (!BUFFERED.compareAndSet(this, now, now + 1));
    return true;
  }

  @Override
  public void release(int units) {
    BUFFERED.addAndGet(this, -units);
  }

  private Channel<Message> newChannel() {
    Channel<Message> channel = Channel.sharing(this);
    if (closed) {
      channel.close();
    }
    return channel;
  }
}
