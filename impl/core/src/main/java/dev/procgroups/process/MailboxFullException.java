package dev.procgroups.process;

/**
 * A message for a local process whose mailbox is full ({@code mailboxCapacity} messages or {@code
 * mailboxBytes} bytes waiting): it was dropped, and counted. Thrown by {@link ProcessRuntime#send}
 * so that the sender can tell (Lua: UNAVAILABLE, retryable); deliveries without a sender to tell
 * (broadcasts, remote messages) are dropped and counted only.
 */
public final class MailboxFullException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MailboxFullException(Pid to, int capacity, long maxBytes) {
    super(
        "mailbox of "
            + to
            + " is full (at most "
            + capacity
            + " messages and "
            + maxBytes
            + " bytes may wait)");
  }
}
