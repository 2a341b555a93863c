package dev.procgroups.transport.atomix;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * How many inbound connections each peer address holds, capped: an honest peer node holds one or
 * two (a pooled connection, and its replacement while the old one closes), so a party opening many,
 * each costing a handshake and buffers, is refused past the cap. Peers behind one address (nodes on
 * one host, or behind one NAT) share it, so the cap is a setting. Thread-safe.
 */
final class ConnectionsPerAddress {

  private final int max;
  private final Map<InetAddress, Integer> open = new HashMap<>();

  ConnectionsPerAddress(int max) {
    this.max = max;
  }

  /** Counts a new connection from {@code address}; false (not counted) if it holds the most. */
  synchronized boolean admit(InetAddress address) {
    int held = open.getOrDefault(address, 0);
    if (held >= max) {
      return false;
    }
    open.put(address, held + 1);
    return true;
  }

  /** A connection {@link #admit admitted} from {@code address} closed. */
  synchronized void closed(InetAddress address) {
    open.computeIfPresent(address, (ignored, held) -> held == 1 ? null : held - 1);
  }
}
