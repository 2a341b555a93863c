package dev.procgroups.process;

/**
 * Local delivery of a message to a process's mailbox under a topic. Implemented by the process
 * runtime; used by broadcast and by the inbound side of remote broadcast.
 */
public interface MessageSink {
  /**
   * Delivers {@code payload} (already copied; {@code bytes} its {@link EncodedSize}, which the
   * mailbox charges) from {@code from} to {@code to} under {@code topic}. Returns false if {@code
   * to} is not a live local process or its mailbox is full (the message is dropped; a full mailbox
   * counts it).
   */
  boolean deliver(Pid to, Pid from, String topic, Object payload, long bytes);
}
