package dev.procgroups.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.process.Pid;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SlotTableTest {

  /**
   * Random appends and removals against a plain list of slots, in tables that stay small (found by
   * scanning), grow past the index threshold, and shrink again by compaction.
   */
  @Test
  void behavesAsAListOfSlots() {
    for (int seed = 0; seed < 300; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      int pidCount = 1 + random.nextInt(12);
      int appendWeight = 1 + random.nextInt(3);
      SlotTable table = new SlotTable();
      List<Pid> reference = new ArrayList<>();
      for (int step = 0; step < 400; step++) {
        Pid pid = new Pid("n1", "h", random.nextInt(pidCount));
        int op = random.nextInt(appendWeight + 3);
        String at = "seed " + seed + " step " + step;
        if (op < appendWeight) {
          table.append(pid);
          reference.add(pid);
        } else if (op == appendWeight) {
          assertThat(table.removeLatest(pid)).as(at).isEqualTo(reference.lastIndexOf(pid) >= 0);
          if (reference.lastIndexOf(pid) >= 0) {
            reference.remove(reference.lastIndexOf(pid));
          }
        } else if (op == appendWeight + 1) {
          int expected = (int) reference.stream().filter(pid::equals).count();
          assertThat(table.removeAll(pid)).as(at).isEqualTo(expected);
          reference.removeIf(pid::equals);
        } else {
          assertThat(table.view().toList()).as(at).isEqualTo(reference);
        }
        assertThat(table.holds(pid)).as(at).isEqualTo(reference.contains(pid));
        assertThat(table.live()).as(at).isEqualTo(reference.size());
        assertThat(table.livePids()).as(at).isEqualTo(reference);
      }
    }
  }

  @Test
  void theMutantRemovesTheOldestSlot() {
    SlotTable table = new SlotTable();
    Pid a = new Pid("n1", "h", 1);
    Pid b = new Pid("n1", "h", 2);
    table.append(a);
    table.append(b);
    table.append(a);
    assertThat(table.removeOldest(a)).isTrue();
    assertThat(table.livePids()).containsExactly(b, a);
  }
}
