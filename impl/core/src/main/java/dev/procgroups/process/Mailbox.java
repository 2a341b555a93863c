package dev.procgroups.process;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;

/**
 * A process's incoming messages: one channel per listened topic, and the inbox for messages whose
 * topic nobody listens to (or whose listen channel was closed). Channels are made on first use so
 * an idle process costs little. All of them together hold at most {@code capacity} messages and
 * {@code maxBytes} bytes, a message being charged its payload's {@link Message#bytes()} plus {@link
 * Message#OVERHEAD_BYTES}; a message beyond either is refused and counted ({@link #dropped()}), so
 * a process that does not keep up cannot run its node out of memory, with many small messages or
 * with a few large ones.
 */
final class Mailbox implements Quota<Message> {
  private static final AtomicIntegerFieldUpdater<Mailbox> BUFFERED =
      AtomicIntegerFieldUpdater.newUpdater(Mailbox.class, "buffered");
  private static final AtomicLongFieldUpdater<Mailbox> BUFFERED_BYTES =
      AtomicLongFieldUpdater.newUpdater(Mailbox.class, "bufferedBytes");

  private final int capacity;
  private final long maxBytes;
  private final boolean chargePayloads; // false only with PlantedBug.UNCHARGED_PAYLOADS
  private volatile int buffered; // messages in all channels; updated through BUFFERED
  private volatile long bufferedBytes; // their charges; updated through BUFFERED_BYTES
  private Map<String, Channel<Message>> topics;
  private Channel<Message> inbox;
  private boolean closed;
  private long dropped; // guarded by this

  Mailbox(int capacity, long maxBytes, boolean chargePayloads) {
    this.capacity = capacity;
    this.maxBytes = maxBytes;
    this.chargePayloads = chargePayloads;
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
   * if it would pass {@code capacity} messages or {@code maxBytes}; CLOSED once the mailbox is
   * closed.
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

  /** What the messages waiting in all its channels are charged now, in bytes. */
  long bytes() {
    return bufferedBytes;
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

  /**
   * Takes a message's place, then its bytes, each with a compare-and-set (a channel's own offer may
   * race a delivery); gives the place back if the bytes do not fit.
   */
  @Override
  public boolean tryAcquire(Message message) {
    int now;
    do {
      now = buffered;
      if (now >= capacity) {
        return false;
      }
    } while (!BUFFERED.compareAndSet(this, now, now + 1));
    long charge = charge(message);
    long bytes;
    do {
      bytes = bufferedBytes;
      if (bytes + charge > maxBytes) {
        BUFFERED.decrementAndGet(this);
        return false;
      }
    } while (!BUFFERED_BYTES.compareAndSet(this, bytes, bytes + charge));
    return true;
  }

  @Override
  public void release(Message message) {
    BUFFERED_BYTES.addAndGet(this, -charge(message));
    BUFFERED.decrementAndGet(this);
  }

  private long charge(Message message) {
    return (chargePayloads ? message.bytes() : 0) + Message.OVERHEAD_BYTES;
  }

  private Channel<Message> newChannel() {
    Channel<Message> channel = Channel.sharing(this);
    if (closed) {
      channel.close();
    }
    return channel;
  }
}
