package dev.procgroups.process;

import java.util.HashMap;
import java.util.Map;

/**
 * A process's incoming messages: one unbounded channel per listened topic, and the inbox for
 * messages whose topic nobody listens to (or whose listen channel was closed). Channels are made on
 * first use so an idle process costs little.
 */
final class Mailbox {
  private Map<String, Channel<Message>> topics;
  private Channel<Message> inbox;
  private boolean closed;

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

  /** Puts {@code message} on its topic's channel or the inbox; false once the mailbox is closed. */
  synchronized boolean deliver(Message message) {
    if (closed) {
      return false;
    }
    Channel<Message> channel = topics == null ? null : topics.get(message.topic());
    if (channel != null && channel.offer(message)) {
      return true;
    }
    if (channel != null) {
      topics.remove(message.topic()); // closed by its reader
    }
    return inbox().offer(message);
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

  private Channel<Message> newChannel() {
    Channel<Message> channel = Channel.unbounded();
    if (closed) {
      channel.close();
    }
    return channel;
  }
}
