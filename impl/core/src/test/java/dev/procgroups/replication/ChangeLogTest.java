package dev.procgroups.replication;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.process.Pid;
import dev.procgroups.replication.ProtocolMessage.Change;
import dev.procgroups.store.StoreChange.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ChangeLogTest {

  /**
   * Random changes (leaves only of slots held, as a store publishes them): from the state after
   * every change k the log still holds, its difference since k gives the state now; a k the log no
   * longer reaches gives none.
   */
  @Test
  void theDifferenceSinceAnyChangeItHoldsTurnsThatStateIntoTheCurrentOne() {
    for (int seed = 0; seed < 100; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      long bound = 1 + random.nextInt(40);
      ChangeLog log = new ChangeLog(bound);
      LocalSlots now = new LocalSlots();
      List<LocalSlots> states = new ArrayList<>(List.of(now.copy())); // after change k, at k
      List<Integer> sizes = new ArrayList<>(List.of(0));
      for (int step = 0; step < 60; step++) {
        Change c = randomChange(random, now);
        now.apply(c.direction(), c.pidsByGroup());
        log.append(List.of(c));
        states.add(now.copy());
        sizes.add(c.pidsByGroup().values().stream().mapToInt(List::size).sum());
      }
      int last = states.size() - 1;
      for (int k = 0; k <= last; k++) {
        ChangeLog.Difference d = log.since(k, false);
        if (!reaches(sizes, k, bound)) {
          assertThat(d).as("seed %d base %d beyond the bound", seed, k).isNull();
          continue;
        }
        assertThat(d).as("seed %d base %d", seed, k).isNotNull();
        LocalSlots patched = states.get(k).copy();
        patched.apply(Direction.LEAVE, d.leaves());
        patched.apply(Direction.JOIN, d.joins());
        assertThat(patched.hash()).as("seed %d base %d", seed, k).isEqualTo(now.hash());
        assertThat(counts(patched.snapshot())).isEqualTo(counts(now.snapshot()));
        d.leaves()
            .forEach(
                (group, pids) ->
                    assertThat(d.joins().getOrDefault(group, List.of()))
                        .as("a net difference moves no slot both ways")
                        .doesNotContainAnyElementsOf(pids));
      }
      assertThat(log.since(last + 1, false)).as("a base ahead of the last change").isNull();
    }
  }

  @Test
  void thePlantedSkipLeavesTheFirstChangeOut() {
    ChangeLog log = new ChangeLog(100);
    Pid p = new Pid("n1", "h", 1);
    log.append(
        List.of(
            new Change(Direction.JOIN, Map.of("g", List.of(p))),
            new Change(Direction.JOIN, Map.of("h", List.of(p)))));
    assertThat(log.since(0, false).joins()).containsOnlyKeys("g", "h");
    assertThat(log.since(0, true).joins()).containsOnlyKeys("h");
  }

  /** Whether the changes after {@code k} are all within the log's bound (it drops oldest first). */
  private static boolean reaches(List<Integer> sizes, int k, long bound) {
    long kept = 0;
    int oldestKept = sizes.size();
    for (int i = sizes.size() - 1; i >= 1 && kept + sizes.get(i) <= bound; i--) {
      kept += sizes.get(i);
      oldestKept = i;
    }
    return k + 1 >= oldestKept;
  }

  private static Map<String, Map<Pid, Long>> counts(Map<String, List<Pid>> slots) {
    Map<String, Map<Pid, Long>> out = new TreeMap<>();
    slots.forEach(
        (group, pids) ->
            out.put(
                group,
                pids.stream().collect(Collectors.groupingBy(p -> p, Collectors.counting()))));
    return out;
  }

  private static Change randomChange(SplittableRandom random, LocalSlots now) {
    Map<String, List<Pid>> held = now.snapshot();
    if (!held.isEmpty() && random.nextInt(3) == 0) {
      String group = new ArrayList<>(held.keySet()).get(random.nextInt(held.size()));
      List<Pid> pids = held.get(group);
      return new Change(
          Direction.LEAVE, Map.of(group, List.of(pids.get(random.nextInt(pids.size())))));
    }
    Pid pid = new Pid("n1", "h", random.nextInt(4));
    List<Pid> slots = random.nextBoolean() ? List.of(pid) : List.of(pid, pid);
    return new Change(Direction.JOIN, Map.of("g" + random.nextInt(5), slots));
  }
}
