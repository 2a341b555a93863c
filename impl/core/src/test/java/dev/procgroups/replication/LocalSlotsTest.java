package dev.procgroups.replication;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.process.Pid;
import dev.procgroups.store.StoreChange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LocalSlotsTest {

  /** Random joins and leaves against plain nested maps: same snapshot (order too), same hash. */
  @Test
  void matchesNestedCountMaps() {
    for (int seed = 0; seed < 200; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      LocalSlots slots = new LocalSlots();
      Map<String, Map<Pid, Integer>> reference = new LinkedHashMap<>();
      long referenceHash = 0;
      for (int step = 0; step < 300; step++) {
        String group = "g" + random.nextInt(4);
        Pid pid = new Pid("n1", "h", random.nextInt(3));
        boolean join = random.nextInt(3) != 0;
        slots.apply(
            join ? StoreChange.Direction.JOIN : StoreChange.Direction.LEAVE,
            Map.of(group, List.of(pid)));
        if (join) {
          reference.computeIfAbsent(group, g -> new LinkedHashMap<>()).merge(pid, 1, Integer::sum);
          referenceHash += SlotHash.of(group, pid);
        } else if (reference.containsKey(group) && reference.get(group).containsKey(pid)) {
          Map<Pid, Integer> counts = reference.get(group);
          if (counts.merge(pid, -1, Integer::sum) == 0) {
            counts.remove(pid);
          }
          if (counts.isEmpty()) {
            reference.remove(group);
          }
          referenceHash -= SlotHash.of(group, pid);
        }
        assertThat(slots.snapshot()).as("seed %d step %d", seed, step).isEqualTo(flat(reference));
        assertThat(List.copyOf(slots.snapshot().keySet()))
            .isEqualTo(List.copyOf(reference.keySet()));
        assertThat(slots.hash()).isEqualTo(referenceHash);
        assertThat(slots.copy().snapshot()).isEqualTo(slots.snapshot());
      }
    }
  }

  private static Map<String, List<Pid>> flat(Map<String, Map<Pid, Integer>> counts) {
    Map<String, List<Pid>> out = new LinkedHashMap<>();
    counts.forEach(
        (group, byPid) -> {
          List<Pid> pids = new ArrayList<>();
          byPid.forEach((pid, n) -> pids.addAll(Collections.nCopies(n, pid)));
          out.put(group, pids);
        });
    return out;
  }
}
