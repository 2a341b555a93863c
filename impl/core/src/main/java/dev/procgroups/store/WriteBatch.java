package dev.procgroups.store;

import dev.procgroups.process.Pid;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What one store commit does (one write, or a group of combined local writes): the next state being
 * built, the groups touched since it was last brought up to date, the events to emit and the local
 * changes to hand to the listener, in order. Events of groups nobody watches are not built at all.
 */
final class WriteBatch {

  final NextState next;
  final Set<String> touchedGroups = new LinkedHashSet<>();
  final List<GroupEvent> events = new ArrayList<>();
  final List<StoreChange.Delta> localChanges = new ArrayList<>();
  private final Predicate<String> watched;

  WriteBatch(StoreState from, Predicate<String> watched) {
    this.next = new NextState(from);
    this.watched = watched;
  }

  void touch(String group) {
    touchedGroups.add(group);
  }

  void emit(GroupEvent.Kind kind, String group, List<Pid> pids) {
    if (!pids.isEmpty() && watched.test(group)) {
      events.add(new GroupEvent(kind, group, pids));
    }
  }

  void emitRepeated(GroupEvent.Kind kind, String group, Pid pid, int times) {
    emit(kind, group, Collections.nCopies(times, pid));
  }
}
