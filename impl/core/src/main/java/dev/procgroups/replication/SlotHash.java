package dev.procgroups.replication;

import dev.procgroups.store.StoreChange;
import java.util.List;
import java.util.Map;

/**
 * An order-independent hash of a multiset of slots (group, pid): the wrapping sum of one mixed
 * 64-bit hash per slot, so a join adds its term and a leave subtracts it. Two nodes agree on it
 * without agreeing on any order.
 */
final class SlotHash {
  private SlotHash() {}

  static long of(String group, String pid) {
    long h = 0xcbf29ce484222325L; // FNV-1a over both strings with a separator, then a final mix
    for (int i = 0; i < group.length(); i++) {
      h = (h ^ group.charAt(i)) * 0x100000001b3L;
    }
    h = (h ^ 0x10000) * 0x100000001b3L;
    for (int i = 0; i < pid.length(); i++) {
      h = (h ^ pid.charAt(i)) * 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }

  /** The hash of a change's slots, signed by its direction. */
  static long delta(StoreChange.Direction direction, Map<String, List<String>> pidsByGroup) {
    long sum = sum(pidsByGroup);
    return direction == StoreChange.Direction.JOIN ? sum : -sum;
  }

  static long sum(Map<String, List<String>> pidsByGroup) {
    long sum = 0;
    for (Map.Entry<String, List<String>> e : pidsByGroup.entrySet()) {
      for (String pid : e.getValue()) {
        sum += of(e.getKey(), pid);
      }
    }
    return sum;
  }
}
