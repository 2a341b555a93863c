package dev.procgroups.transport.auth;

import java.util.HashMap;
import java.util.Map;

/**
 * Rejects authenticated messages seen before: each sender numbers its messages (per start,
 * increasing), and a message is accepted only if its (incarnation, sequence) is above the last one
 * accepted from that sender. A replay, or an earlier start's message after a later start was heard,
 * is refused. Requires that a sender's messages to one receiver arrive in order (the transport
 * sends them one at a time). Only authenticated senders get an entry, so the table is bounded by
 * the cluster's size. Confined to one thread.
 */
public final class ReplayGuard {

  private record Mark(long incarnation, long sequence) {
    boolean before(long otherIncarnation, long otherSequence) {
      return incarnation < otherIncarnation
          || (incarnation == otherIncarnation && sequence < otherSequence);
    }
  }

  private final Map<String, Mark> last = new HashMap<>();

  /** Records and accepts the message if it is new from this sender; false for a replay. */
  public boolean accept(String sender, long incarnation, long sequence) {
    Mark mark = last.get(sender);
    if (mark != null && !mark.before(incarnation, sequence)) {
      return false;
    }
    last.put(sender, new Mark(incarnation, sequence));
    return true;
  }
}
