package dev.procgroups.replication;

import dev.procgroups.process.Pid;
import java.util.List;
import java.util.Map;

/**
 * An order-independent hash of a multiset of slots (group, pid): the wrapping sum of one mixed
 * 64-bit hash per slot, so a join adds its term and a leave subtracts it. Two nodes agree on it
 * without agreeing on any order.
 */
final class SlotHash {
  private SlotHash() {}

  /**
   * FNV-1a over the group, a separator and the PID's string form ({@code {node@host|hex}}, hashed
   * char by char without making it), then a final mix.
   */
  static long of(String group, Pid pid) {
    long h = chars(0xcbf29ce484222325L, group);
    h = (h ^ 0x10000) * PRIME;
    h = (h ^ '{') * PRIME;
    h = chars(h, pid.node());
    h = (h ^ '@') * PRIME;
    h = chars(h, pid.host());
    h = (h ^ '|') * PRIME;
    int digits = Math.max(Pid.MIN_HEX_DIGITS, (64 - Long.numberOfLeadingZeros(pid.id()) + 3) / 4);
    for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
      h = (h ^ Character.forDigit((int) (pid.id() >>> shift) & 0xf, 16)) * PRIME;
    }
    h = (h ^ '}') * PRIME;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }

  private static final long PRIME = 0x100000001b3L;

  private static long chars(long h, String s) {
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * PRIME;
    }
    return h;
  }

  /** The hash of a state's (or a difference's) slots. */
  static long sum(Map<String, List<Pid>> pidsByGroup) {
    long sum = 0;
    for (Map.Entry<String, List<Pid>> e : pidsByGroup.entrySet()) {
      for (Pid pid : e.getValue()) {
        sum += of(e.getKey(), pid);
      }
    }
    return sum;
  }
}
