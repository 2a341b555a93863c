package dev.procgroups.props.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.model.Delivery;
import dev.procgroups.model.Event;
import dev.procgroups.model.EventKind;
import dev.procgroups.model.Result;
import dev.procgroups.model.node.Monitored;
import dev.procgroups.model.node.NodeCall;
import dev.procgroups.model.node.NodeModel;
import dev.procgroups.model.node.NodeState;
import dev.procgroups.model.node.Read;
import dev.procgroups.model.node.ScopeState;
import dev.procgroups.model.node.Step;
import dev.procgroups.model.node.Watching;
import dev.procgroups.pg.PgInstance;
import dev.procgroups.process.Pid;
import dev.procgroups.process.Received;
import dev.procgroups.store.EventsSnapshot;
import dev.procgroups.store.GroupEvent;
import dev.procgroups.store.MembershipStore;
import dev.procgroups.store.MonitorSnapshot;
import dev.procgroups.store.Subscription;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.statistics.Statistics;

/**
 * The model and the implementation of one node, driven by the same calls. After each call the
 * results, errors, deliveries, every scope's view and every subscription's buffer must agree.
 * Member lists are compared exactly per node (order across nodes is unspecified).
 */
final class Twin {

  static final String NODE = "n1";
  static final List<String> GROUPS = List.of("a", "b", "c");

  private NodeState model;
  private final ImplNode impl;
  private int steps;

  Twin(PolicyPreset policy, Map<String, Object> pgConfig) {
    model = NodeState.initial(NODE, policy.model());
    impl = new ImplNode(NODE, policy);
    apply(new NodeCall.RegisterScope("app:pg", pgConfig));
    apply(new NodeCall.RegisterScope("app:other", null));
  }

  NodeState model() {
    return model;
  }

  int steps() {
    return steps;
  }

  /** Runs the call on both sides and compares; skips calls the model cannot take (stale ids). */
  void apply(NodeCall call) {
    if (!applicable(call)) {
      return;
    }
    steps++;
    Step step = NodeModel.step(model, call);
    ImplNode.Outcome outcome = impl.run(call, step.result());
    compareResult(call, step.result(), outcome);
    Statistics.label("calls")
        .collect(
            call.getClass().getSimpleName(),
            step.result().isOk() ? "ok" : step.result().error().kind().luaName());
    assertThat(byNode(impl.takeDeliveries()))
        .as("deliveries of %s", call)
        .isEqualTo(byNode(step.deliveries()));
    model = step.state();
    compareState(call);
  }

  private boolean applicable(NodeCall call) {
    if (call instanceof NodeCall.Spawn c) {
      return !model.used().contains(c.pid());
    } else if (call instanceof NodeCall.Exit c) {
      return model.isAlive(c.pid());
    } else if (call instanceof NodeCall.Open c) {
      return model.isAlive(c.pid());
    }
    Long instance = instanceOf(call);
    if (instance != null) {
      return model.instances().containsKey(instance);
    }
    Long subscription = subscriptionOf(call);
    return subscription == null || model.subscriptions().containsKey(subscription);
  }

  /** The instance a pg method call is made on, or null for other calls. */
  private static Long instanceOf(NodeCall call) {
    if (call instanceof NodeCall.Join c) {
      return c.instance();
    } else if (call instanceof NodeCall.Leave c) {
      return c.instance();
    } else if (call instanceof NodeCall.GetMembers c) {
      return c.instance();
    } else if (call instanceof NodeCall.GetLocalMembers c) {
      return c.instance();
    } else if (call instanceof NodeCall.WhichGroups c) {
      return c.instance();
    } else if (call instanceof NodeCall.WhichLocalGroups c) {
      return c.instance();
    } else if (call instanceof NodeCall.Broadcast c) {
      return c.instance();
    } else if (call instanceof NodeCall.BroadcastLocal c) {
      return c.instance();
    } else if (call instanceof NodeCall.Monitor c) {
      return c.instance();
    } else if (call instanceof NodeCall.Events c) {
      return c.instance();
    } else if (call instanceof NodeCall.Release c) {
      return c.instance();
    }
    return null;
  }

  /** The subscription a subscription call is made on, or null for other calls. */
  private static Long subscriptionOf(NodeCall call) {
    if (call instanceof NodeCall.Receive c) {
      return c.subscription();
    } else if (call instanceof NodeCall.Close c) {
      return c.subscription();
    } else if (call instanceof NodeCall.Dropped c) {
      return c.subscription();
    }
    return null;
  }

  private void compareResult(NodeCall call, Result expected, ImplNode.Outcome actual) {
    if (!expected.isOk()) {
      assertThat(actual.errorKind())
          .as("error of %s (model: %s, impl: %s)", call, expected, actual)
          .isEqualTo(expected.error().kind().luaName());
      boolean namesScopeArgument =
          call instanceof NodeCall.Open || call instanceof NodeCall.RegisterScope;
      if (expected.error().kind() == dev.procgroups.model.ErrorKind.INVALID
          && !namesScopeArgument) {
        assertThat(argument(actual.message()))
            .as("argument named by %s: %s vs %s", call, actual.message(), expected.error())
            .isEqualTo(expected.error().argument());
      }
      return;
    }
    assertThat(actual.isOk())
        .as("%s failed in impl: %s, model: %s", call, actual, expected)
        .isTrue();
    Object want = expected.value();
    Object got = actual.value();
    if (call instanceof NodeCall.GetLocalMembers) {
      assertThat(strings(got)).as("%s", call).isEqualTo(want);
    } else if (call instanceof NodeCall.GetMembers) {
      assertThat(byNodeStrings(strings(got))).as("%s", call).isEqualTo(byNodeStrings(cast(want)));
    } else if (call instanceof NodeCall.WhichGroups || call instanceof NodeCall.WhichLocalGroups) {
      assertThat(new HashSet<>((Collection<?>) got))
          .as("%s", call)
          .isEqualTo(new HashSet<>((Collection<?>) want));
    } else if (call instanceof NodeCall.Monitor) {
      assertThat(byNodeStrings(strings(((MonitorSnapshot) got).members())))
          .as("%s", call)
          .isEqualTo(byNodeStrings(((Monitored) want).members()));
    } else if (call instanceof NodeCall.Events) {
      assertThat(viewByNode(((EventsSnapshot) got).groups()))
          .as("%s", call)
          .isEqualTo(viewByNodeStrings(((Watching) want).snapshot()));
    } else if (call instanceof NodeCall.Receive) {
      assertThat(read(got)).as("%s", call).isEqualTo(want);
    } else if (call instanceof NodeCall.Open) {
      assertThat(got).isInstanceOf(PgInstance.class);
    } else {
      assertThat(got).as("%s", call).isEqualTo(want);
    }
  }

  private void compareState(NodeCall call) {
    for (ScopeState scope : model.scopes().values()) {
      MembershipStore store = impl.pg.store(scope.id()).orElseThrow();
      assertThat(store.isStopped())
          .as("%s stopped after %s", scope.id(), call)
          .isEqualTo(scope.stopped());
      Set<String> groups = new HashSet<>(GROUPS);
      groups.addAll(scope.groups());
      groups.addAll(store.groups());
      for (String group : groups) {
        assertThat(strings(store.localMembers(group)))
            .as("local members of %s/%s after %s", scope.id(), group, call)
            .isEqualTo(scope.localMembers(group));
        assertThat(byNodeStrings(strings(store.members(group))))
            .as("members of %s/%s after %s", scope.id(), group, call)
            .isEqualTo(byNodeStrings(scope.members(group)));
      }
      assertThat(store.groups())
          .as("groups of %s after %s", scope.id(), call)
          .containsExactlyInAnyOrderElementsOf(scope.groups());
      assertThat(store.localGroups())
          .as("local groups of %s after %s", scope.id(), call)
          .containsExactlyInAnyOrderElementsOf(scope.localGroups());
    }
    model
        .subscriptions()
        .forEach(
            (id, sub) -> {
              Subscription actual = impl.subscriptions.get(id);
              assertThat(actual.channel().size())
                  .as("buffered in subscription %d after %s", id, call)
                  .isEqualTo(sub.buffer().size());
              assertThat(actual.dropped())
                  .as("dropped by subscription %d after %s", id, call)
                  .isEqualTo(sub.dropped());
              assertThat(actual.channel().isClosed())
                  .as("subscription %d closed after %s", id, call)
                  .isEqualTo(sub.closed());
            });
    model
        .instances()
        .forEach(
            (id, instance) ->
                assertThat(impl.instances.get(id).isReleased())
                    .as("instance %d released after %s", id, call)
                    .isEqualTo(instance.released()));
  }

  @SuppressWarnings("unchecked")
  private static Read read(Object got) {
    Optional<Received<GroupEvent>> polled = (Optional<Received<GroupEvent>>) got;
    if (polled.isEmpty()) {
      return Read.EMPTY;
    }
    if (!polled.get().ok()) {
      return Read.CLOSED;
    }
    GroupEvent e = polled.get().value();
    return new Read.Received(
        new Event(EventKind.valueOf(e.kind().name()), e.group(), strings(e.pids())));
  }

  private static String argument(String message) {
    int colon = message == null ? -1 : message.indexOf(':');
    return colon < 0 ? "" : message.substring(0, colon);
  }

  private static List<String> strings(Object pids) {
    return ((List<?>) pids).stream().map(Object::toString).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<String> cast(Object value) {
    return (List<String>) value;
  }

  /** PIDs split by their node, each node's list kept in order. */
  private static Map<String, List<String>> byNodeStrings(List<String> pids) {
    Map<String, List<String>> out = new TreeMap<>();
    for (String pid : pids) {
      out.computeIfAbsent(Pid.parse(pid).node(), n -> new java.util.ArrayList<>()).add(pid);
    }
    return out;
  }

  private static Map<String, Map<String, List<String>>> viewByNode(Map<String, List<Pid>> view) {
    Map<String, Map<String, List<String>>> out = new TreeMap<>();
    view.forEach((group, pids) -> out.put(group, byNodeStrings(strings(pids))));
    return out;
  }

  private static Map<String, Map<String, List<String>>> viewByNodeStrings(
      Map<String, List<String>> view) {
    Map<String, Map<String, List<String>>> out = new TreeMap<>();
    view.forEach((group, pids) -> out.put(group, byNodeStrings(pids)));
    return out;
  }

  /** Deliveries split by the receiving node; per node in order. */
  private static Map<String, List<Delivery>> byNode(List<Delivery> deliveries) {
    Map<String, List<Delivery>> out = new LinkedHashMap<>();
    for (Delivery d : deliveries) {
      out.computeIfAbsent(Pid.parse(d.to()).node(), n -> new java.util.ArrayList<>()).add(d);
    }
    return new TreeMap<>(out);
  }
}
