package dev.procgroups.props.node;

import dev.procgroups.model.node.Direction;
import dev.procgroups.model.node.NodeCall;
import dev.procgroups.model.node.NodeState;
import dev.procgroups.process.Pid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random calls for one node, drawn from the current model state: processes, instances and
 * subscriptions that exist, good and bad arguments, peers' changes, exits and scope stops.
 */
final class Calls {

  private static final List<String> SCOPES = List.of("app:pg", "app:pg", "app:other");

  /** Bad names: missing, empty, wrong type, too long (DECISIONS.md, "Arguments"). */
  private static final List<Object> BAD_NAMES =
      Arrays.asList(null, "", 7L, true, "x".repeat(1025), List.of());

  /** A value no process may receive (not copyable). */
  private static final Object UNCOPYABLE = Thread.State.NEW;

  private Calls() {}

  static Arbitrary<NodeCall> any(NodeState state) {
    List<String> live = new ArrayList<>(state.live());
    List<Long> instances = new ArrayList<>(state.instances().keySet());
    List<Long> subscriptions = new ArrayList<>(state.subscriptions().keySet());
    List<Tuple.Tuple2<Integer, Arbitrary<? extends NodeCall>>> choices = new ArrayList<>();
    choices.add(
        Tuple.of(
            live.size() < 4 ? 6 : 1,
            Arbitraries.just(
                new NodeCall.Spawn(
                    new Pid(Twin.NODE, "app:processes", state.used().size() + 1L).toString()))));
    if (!live.isEmpty()) {
      Arbitrary<String> process = Arbitraries.of(live);
      choices.add(Tuple.of(2, process.map(NodeCall.Exit::new)));
      choices.add(
          Tuple.of(
              instances.size() < 3 ? 8 : 2,
              Combinators.combine(process, scopeArgument()).as(NodeCall.Open::new)));
    }
    if (!instances.isEmpty()) {
      Arbitrary<Long> instance = Arbitraries.of(instances);
      choices.add(Tuple.of(1, instance.map(NodeCall.Release::new)));
      choices.add(Tuple.of(12, Combinators.combine(instance, groups()).as(NodeCall.Join::new)));
      choices.add(Tuple.of(8, Combinators.combine(instance, groups()).as(NodeCall.Leave::new)));
      choices.add(Tuple.of(3, Combinators.combine(instance, group()).as(NodeCall.GetMembers::new)));
      choices.add(
          Tuple.of(2, Combinators.combine(instance, group()).as(NodeCall.GetLocalMembers::new)));
      choices.add(Tuple.of(2, instance.map(NodeCall.WhichGroups::new)));
      choices.add(Tuple.of(1, instance.map(NodeCall.WhichLocalGroups::new)));
      choices.add(
          Tuple.of(
              3,
              Combinators.combine(instance, group(), topic(), payload())
                  .as(NodeCall.Broadcast::new)));
      choices.add(
          Tuple.of(
              2,
              Combinators.combine(instance, group(), topic(), payload())
                  .as(NodeCall.BroadcastLocal::new)));
      choices.add(Tuple.of(4, Combinators.combine(instance, group()).as(NodeCall.Monitor::new)));
      choices.add(Tuple.of(2, instance.map(NodeCall.Events::new)));
    }
    if (!subscriptions.isEmpty()) {
      Arbitrary<Long> subscription = Arbitraries.of(subscriptions);
      choices.add(Tuple.of(8, subscription.map(NodeCall.Receive::new)));
      choices.add(
          Tuple.of(
              2,
              Combinators.combine(subscription, Arbitraries.of(false, true))
                  .as(NodeCall.Close::new)));
      choices.add(Tuple.of(1, subscription.map(NodeCall.Dropped::new)));
    }
    choices.add(Tuple.of(2, remote()));
    choices.add(Tuple.of(1, registration()));
    choices.add(
        Tuple.of(
            1,
            Arbitraries.integers()
                .between(0, 19)
                .filter(n -> n == 0)
                .map(n -> new NodeCall.StopScope("app:other"))));
    return Arbitraries.frequencyOf(choices.toArray(Tuple.Tuple2[]::new));
  }

  private static Arbitrary<Object> scopeArgument() {
    return Arbitraries.frequencyOf(
        Tuple.of(10, Arbitraries.of(SCOPES)),
        Tuple.of(1, Arbitraries.of("app:missing", "app:extra")),
        Tuple.of(1, Arbitraries.of(Arrays.asList(null, "", "nocolon", "a:b:c", 5L))));
  }

  private static Arbitrary<Object> group() {
    return Arbitraries.frequencyOf(
        Tuple.of(12, Arbitraries.of(Twin.GROUPS)),
        Tuple.of(1, Arbitraries.of(BAD_NAMES)),
        Tuple.of(1, Arbitraries.just(List.of("a"))));
  }

  private static Arbitrary<Object> groups() {
    Arbitrary<List<Object>> batch =
        Arbitraries.frequencyOf(
                Tuple.of(15, Arbitraries.of(Twin.GROUPS)), Tuple.of(1, Arbitraries.of(BAD_NAMES)))
            .list()
            .ofMinSize(1)
            .ofMaxSize(3);
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.of(Twin.GROUPS)),
        Tuple.of(4, batch),
        Tuple.of(1, Arbitraries.of(BAD_NAMES)));
  }

  private static Arbitrary<Object> topic() {
    return Arbitraries.frequencyOf(
        Tuple.of(12, Arbitraries.of("task", "ping")), Tuple.of(1, Arbitraries.of(BAD_NAMES)));
  }

  private static Arbitrary<List<Object>> payload() {
    Arbitrary<Object> value =
        Arbitraries.frequencyOf(
            Tuple.of(
                10,
                Arbitraries.of(
                    Arrays.asList(42L, 2.5, "s", true, null, List.of(1L, "x"), Map.of("id", 42L)))),
            Tuple.of(1, Arbitraries.just(UNCOPYABLE)));
    return value.list().ofMaxSize(3);
  }

  /** A peer's sync, delta or drop for one of two other nodes. */
  private static Arbitrary<NodeCall> remote() {
    Arbitrary<String> origin = Arbitraries.of("n2", "n3");
    Arbitrary<String> scope = Arbitraries.of(SCOPES);
    return origin.flatMap(
        o -> {
          Arbitrary<Map<String, List<String>>> slots = slots(o);
          return Arbitraries.frequencyOf(
              Tuple.of(
                  2,
                  Combinators.combine(scope, slots)
                      .as((s, m) -> (NodeCall) new NodeCall.RemoteSync(s, o, m))),
              Tuple.of(
                  5,
                  Combinators.combine(scope, Arbitraries.of(Direction.class), slots)
                      .as((s, d, m) -> (NodeCall) new NodeCall.RemoteDelta(s, o, d, m))),
              Tuple.of(1, scope.map(s -> (NodeCall) new NodeCall.RemoteDrop(s, o))));
        });
  }

  private static Arbitrary<Map<String, List<String>>> slots(String origin) {
    Arbitrary<List<String>> pids =
        Arbitraries.longs()
            .between(1, 3)
            .map(id -> new Pid(origin, "app:processes", id).toString())
            .list()
            .ofMinSize(1)
            .ofMaxSize(3);
    return Arbitraries.of(Twin.GROUPS)
        .list()
        .uniqueElements()
        .ofMaxSize(3)
        .flatMap(
            groups ->
                pids.list()
                    .ofSize(groups.size())
                    .map(
                        lists -> {
                          Map<String, List<String>> map = new LinkedHashMap<>();
                          for (int i = 0; i < groups.size(); i++) {
                            map.put(groups.get(i), lists.get(i));
                          }
                          return map;
                        }));
  }

  /** Registry entries, good and bad (duplicate, malformed id, unknown key, bad value). */
  private static Arbitrary<NodeCall> registration() {
    Arbitrary<String> id = Arbitraries.of("app:extra", "app:extra", "app:pg", "nocolon");
    Arbitrary<Map<String, Object>> config =
        Arbitraries.of(
            Map.of(),
            Map.of("monitor_buffer", 2L),
            Map.of("max_groups", 1L),
            Map.of("bogus", 1L),
            Map.of("max_members_per_group", 0L),
            Map.of("monitor_buffer", "x"));
    return Combinators.combine(id, config).as(NodeCall.RegisterScope::new);
  }
}
