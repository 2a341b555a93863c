package dev.procgroups.store;

import dev.procgroups.process.Pid;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What one store write touched: the groups to republish and the events to emit, in order. */
final class WriteBatch {

  final Set<String> touchedGroups = new LinkedHashSet<>();
  final List<GroupEvent> events = new ArrayList<>();

  void touch(String group) {
    touchedGroups.add(group);
  }

  void emit(GroupEvent.Kind kind, String group, List<Pid> pids) {
    if (!pids.isEmpty()) {
      events.add(new GroupEvent(kind, group, pids));
    }
  }

  void emitRepeated(GroupEvent.Kind kind, String group, Pid pid, int times) {
    emit(kind, group, Collections.nCopies(times, pid));
  }
}
