package dev.procgroups.model.node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Seeded random calls that are legal for the given state (live processes, known handles). */
final class RandomCalls {

  private static final List<String> GROUPS = List.of("a", "b", "c");
  private static final List<String> ORIGINS = List.of("n2", "n3");

  private final Random random;
  private int spawned;

  RandomCalls(long seed) {
    this.random = new Random(seed);
  }

  NodeCall next(NodeState state) {
    List<Instance> usable = new ArrayList<>();
    state
        .instances()
        .values()
        .forEach(
            i -> {
              if (!i.released()) {
                usable.add(i);
              }
            });
    List<Long> subscriptions = new ArrayList<>(state.subscriptions().keySet());
    int choice = random.nextInt(14);
    if (usable.isEmpty() || choice == 0) {
      return spawnOrOpen(state);
    }
    long g = pick(usable).id();
    switch (choice) {
      case 1:
      case 2:
        return new NodeCall.Join(g, groupsArg());
      case 3:
      case 4:
        return new NodeCall.Leave(g, groupsArg());
      case 5:
        return new NodeCall.Monitor(g, pick(GROUPS));
      case 6:
        return new NodeCall.Events(g);
      case 7:
        return new NodeCall.Exit(pick(new ArrayList<>(state.live())));
      case 8:
        return remote();
      case 9:
        return new NodeCall.Broadcast(g, pick(GROUPS), "t", List.of(random.nextInt(3)));
      case 10:
        return random.nextBoolean() ? new NodeCall.Release(g) : new NodeCall.Join(g, "");
      default:
        if (subscriptions.isEmpty()) {
          return new NodeCall.GetMembers(g, pick(GROUPS));
        }
        long sub = pick(subscriptions);
        return random.nextInt(6) == 0
            ? new NodeCall.Close(sub, random.nextBoolean())
            : new NodeCall.Receive(sub);
    }
  }

  private NodeCall spawnOrOpen(NodeState state) {
    if (state.live().isEmpty() || random.nextInt(3) == 0) {
      return new NodeCall.Spawn("p" + spawned++);
    }
    return new NodeCall.Open(pick(new ArrayList<>(state.live())), "app:pg");
  }

  private Object groupsArg() {
    if (random.nextBoolean()) {
      return pick(GROUPS);
    }
    List<String> batch = new ArrayList<>();
    for (int i = 0; i <= random.nextInt(3); i++) {
      batch.add(pick(GROUPS));
    }
    return batch;
  }

  private NodeCall remote() {
    String origin = pick(ORIGINS);
    Map<String, List<String>> slots = new LinkedHashMap<>();
    for (String group : GROUPS) {
      if (random.nextBoolean()) {
        List<String> pids = new ArrayList<>();
        for (int i = 0; i <= random.nextInt(3); i++) {
          pids.add(origin + "-p" + random.nextInt(3));
        }
        slots.put(group, pids);
      }
    }
    switch (random.nextInt(4)) {
      case 0:
        return new NodeCall.RemoteSync("app:pg", origin, slots);
      case 1:
        return new NodeCall.RemoteDelta("app:pg", origin, Direction.JOIN, slots);
      case 2:
        return new NodeCall.RemoteDelta("app:pg", origin, Direction.LEAVE, slots);
      default:
        return new NodeCall.RemoteDrop("app:pg", origin);
    }
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
